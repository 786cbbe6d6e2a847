import { ActionIcon, Anchor, Group, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyView, listAgencies } from '../../api/people.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { agencyName } from './labels.js';

const CHILDREN_PAGE = 100;

type Node = Pick<AgencyView, 'id' | 'code' | 'nameTh' | 'nameEn' | 'kind' | 'hasChildren'>;

/** The children of one agency, loaded when it is opened. */
function Children({ parentId, selected, onSelect }: { parentId: string; selected: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useQuery({
    queryKey: ['agency-children', parentId],
    queryFn: () => listAgencies({ parentId, pageSize: CHILDREN_PAGE }),
  });
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data)
    return (
      <Text size="xs" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  const rest = list.data.total - list.data.items.length;
  return (
    <ul className="agency-tree">
      {list.data.items.map((a) => (
        <TreeNode key={a.id} agency={a} selected={selected} onSelect={onSelect} />
      ))}
      {rest > 0 ? (
        <li>
          <Text size="xs" c="dimmed">
            {t('people.agencies.more', { count: rest, formatted: formatNumber(rest, lang) })}
          </Text>
        </li>
      ) : null}
    </ul>
  );
}

/** One agency with a button that opens or closes its sub-agencies, and a button that shows its details. */
export function TreeNode({
  agency,
  selected,
  onSelect,
  initiallyOpen = false,
}: {
  agency: Node;
  selected: string;
  onSelect: (id: string) => void;
  initiallyOpen?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(initiallyOpen);
  const name = agencyName(agency, lang);
  const isSelected = selected === agency.id;
  return (
    <li>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {agency.hasChildren ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            mt={2}
            aria-expanded={open}
            aria-label={t(open ? 'people.agencies.collapse' : 'people.agencies.expand', { name })}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden>{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <span className="agency-tree-leaf" aria-hidden />
        )}
        <UnstyledButton onClick={() => onSelect(agency.id)} aria-current={isSelected ? 'true' : undefined} className="agency-tree-item">
          <Text size="sm" fw={isSelected ? 700 : 400} span>
            {name}
          </Text>{' '}
          <Text size="xs" c="dimmed" span>
            {agency.code} · {t(`users.grant.agencyKind.${agency.kind}`)}
          </Text>
        </UnstyledButton>
      </Group>
      {open && agency.hasChildren ? <Children parentId={agency.id} selected={selected} onSelect={onSelect} /> : null}
    </li>
  );
}

/** Search results as a flat list of the same buttons. */
export function AgencyResults({ items, selected, onSelect }: { items: Node[]; selected: string; onSelect: (id: string) => void }) {
  const lang = currentLanguage();
  const { t } = useTranslation();
  return (
    <ul className="agency-tree">
      {items.map((a) => (
        <li key={a.id}>
          <Anchor
            component="button"
            type="button"
            onClick={() => onSelect(a.id)}
            aria-current={selected === a.id ? 'true' : undefined}
            ta="start"
          >
            <Text size="sm" span fw={selected === a.id ? 700 : 400}>
              {agencyName(a, lang)}
            </Text>{' '}
            <Text size="xs" c="dimmed" span>
              {a.code} · {t(`users.grant.agencyKind.${a.kind}`)}
            </Text>
          </Anchor>
        </li>
      ))}
    </ul>
  );
}
