import { Anchor, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillArea, TargetGroup, Unit } from '../../api/framework.js';
import { EmptyState } from '../../components/empty-state.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { currentLanguage } from '../../lib/i18n.js';
import { pick, sourceLink } from './localize.js';

const PAGE_SIZE = 10;

interface Props {
  units: Unit[];
  skillAreas: SkillArea[];
  targetGroups: TargetGroup[];
  actions?: (unit: Unit) => ReactNode;
}

/** Competency units, filterable by skill area and text, ten to a page. */
export function UnitsSection({ units, skillAreas, targetGroups, actions }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [area, setArea] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const areaName = (code: string | null) => {
    const a = skillAreas.find((s) => s.code === code);
    return a ? pick(lang, a.nameTh, a.nameEn) : t('framework.units.noArea');
  };
  const groupNames = (codes: string[] | null) => {
    if (!codes || codes.length === 0) return t('framework.units.allGroups');
    return codes
      .map((c) => {
        const g = targetGroups.find((x) => x.code === c);
        return g ? pick(lang, g.nameThShort || g.nameTh, g.nameEn) : c;
      })
      .join(', ');
  };
  const needle = q.trim().toLowerCase();
  const filtered = units.filter(
    (u) =>
      (!area || (area === '__none' ? !u.skillAreaCode : u.skillAreaCode === area)) &&
      (!needle || `${u.code} ${u.titleTh} ${u.titleEn}`.toLowerCase().includes(needle)),
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <section aria-labelledby="units-heading">
      <Title order={2} id="units-heading" mb={4}>
        {t('framework.units.title', { count: units.length })}
      </Title>
      <Text mb="md">{t('framework.units.lead')}</Text>
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('framework.units.filterArea')}
          value={area}
          onChange={(e) => {
            setArea(e.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('common.all') },
            ...skillAreas.map((a) => ({ value: a.code, label: pick(lang, a.nameTh, a.nameEn) })),
            { value: '__none', label: t('framework.units.noArea') },
          ]}
          w={{ base: '100%', sm: 280 }}
        />
        <TextInput
          label={t('framework.units.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      <Text size="sm" mb="xs" aria-live="polite">
        {t('framework.units.showing', { count: filtered.length })}
      </Text>
      {filtered.length === 0 ? (
        <EmptyState title={t('framework.units.emptyTitle')}>{t('framework.units.emptyText')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <ScrollRegion label={t('framework.units.title', { count: units.length })}>
            <Table striped withTableBorder miw={760} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('framework.units.code')}</Table.Th>
                  <Table.Th scope="col">{t('framework.units.unitTitle')}</Table.Th>
                  <Table.Th scope="col">{t('framework.units.area')}</Table.Th>
                  <Table.Th scope="col">{t('framework.units.groups')}</Table.Th>
                  <Table.Th scope="col">{t('framework.units.source')}</Table.Th>
                  {actions ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((u) => (
                  <Table.Tr key={u.code}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {u.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} lang="th">
                        {u.titleTh}
                      </Text>
                      <Text size="sm" c="dimmed" lang="en">
                        {u.titleEn}
                      </Text>
                      <VerificationBadge verification={u.verification} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{areaName(u.skillAreaCode)}</Text>
                      {u.skillAreaCode && u.isSkillAreaInferred ? (
                        <Text size="xs" c="warn.8">
                          {t('framework.units.inferred')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{groupNames(u.targetGroupCodes)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {u.sourceUrl ? (
                        <Anchor href={u.sourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
                          {sourceLink(u.sourceUrl).label}
                          <span className="visually-hidden">{t('common.opensNewTab')}</span>
                        </Anchor>
                      ) : (
                        <Text size="sm">{t('common.none')}</Text>
                      )}
                      {u.reviewed ? (
                        <Text size="xs" c="dimmed">
                          {t('framework.units.reviewed', { when: u.reviewed })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {actions ? <Table.Td>{actions(u)}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={current}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
            />
          ) : null}
        </Stack>
      )}
    </section>
  );
}
