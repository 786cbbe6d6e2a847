import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getGapHeatmap } from '../../api/development.js';
import { listAgencies } from '../../api/people.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import './messages.js';

/** Background and text colour of a cell by the share below the required level (contrast checked: dark text on light, white on dark). */
function heat(pct: number): { bg: string; fg: string } {
  if (pct >= 75) return { bg: '#a61e1e', fg: '#ffffff' };
  if (pct >= 50) return { bg: '#e8590c', fg: '#000000' };
  if (pct >= 25) return { bg: '#ffc078', fg: '#000000' };
  return { bg: '#d3f9d8', fg: '#000000' };
}

/** HR's gap heat map: per target group and skill area, the share of active people below the required level. */
export default function HeatmapPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dev.heatmap.title'));
  const { session } = useSession();
  const scopes = session.roles.filter((r) => (r.role === 'agency_admin' || r.role === 'agency_executive') && r.scopeType === 'agency');
  const [rootId, setRootId] = useState(scopes[0]?.scopeId ?? '');
  const [agencyId, setAgencyId] = useState(rootId);
  const q = useQuery({ queryKey: ['skill-gaps', agencyId], queryFn: () => getGapHeatmap(agencyId), enabled: !!agencyId });
  const children = useQuery({
    queryKey: ['agencies', 'children', agencyId],
    queryFn: () => listAgencies({ parentId: agencyId, pageSize: 100 }),
    enabled: !!agencyId,
  });
  const name = (x: { nameTh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameTh);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dev.heatmap.title')}</Title>
        <Text maw={760}>{t('dev.heatmap.lead')}</Text>
      </Stack>
      {scopes.length > 1 ? (
        <NativeSelect
          label={t('dev.heatmap.agency')}
          value={rootId}
          onChange={(e) => {
            setRootId(e.currentTarget.value);
            setAgencyId(e.currentTarget.value);
          }}
          data={scopes.map((s) => ({ value: s.scopeId, label: s.scopeLabel ?? s.scopeId }))}
          maw={420}
        />
      ) : null}
      {!agencyId ? <Text>{t('dev.heatmap.noScope')}</Text> : null}
      {q.isPending && agencyId ? <PageLoader /> : null}
      <ErrorAlert error={q.error} />
      {q.data ? (
        <section aria-labelledby="heat-heading">
          <Title order={2} size="h3" id="heat-heading" mb="xs">
            {name(q.data.agency)}
          </Title>
          <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
            {children.data && children.data.items.length > 0 ? (
              <NativeSelect
                label={t('dev.heatmap.drill')}
                value=""
                onChange={(e) => e.currentTarget.value && setAgencyId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('dev.heatmap.chooseUnit') },
                  ...children.data.items.map((a) => ({ value: a.id, label: name(a) })),
                ]}
                maw={420}
              />
            ) : null}
            {agencyId !== rootId ? (
              <Button variant="default" onClick={() => setAgencyId(rootId)}>
                {t('dev.heatmap.backToRoot')}
              </Button>
            ) : null}
          </Group>
          <Text size="sm" mb="sm">
            {t('dev.heatmap.legend', { min: q.data.minCell })}
          </Text>
          <ScrollRegion label={t('dev.heatmap.tableLabel')}>
            <Table withTableBorder withColumnBorders miw={760} data-testid="heatmap">
              <Table.Caption>{t('dev.heatmap.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dev.heatmap.group')}</Table.Th>
                  {q.data.skillAreas.map((a) => (
                    <Table.Th key={a.code} ta="center">
                      <abbr title={name(a)}>{a.code}</abbr>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.targetGroups.map((g) => (
                  <Table.Tr key={g.code}>
                    <Table.Th scope="row" fw={500}>
                      {name(g)}
                      <Text size="xs" c="dimmed">
                        {g.people ? t('dev.heatmap.people', { count: g.people }) : t('dev.heatmap.fewPeople', { min: q.data?.minCell })}
                      </Text>
                    </Table.Th>
                    {q.data?.skillAreas.map((a) => {
                      const c = q.data?.cells.find((x) => x.targetGroupCode === g.code && x.skillAreaCode === a.code);
                      if (!c || c.requiredLevel === null) {
                        return (
                          <Table.Td key={a.code} ta="center" c="dimmed">
                            {t('dev.heatmap.notRequired')}
                          </Table.Td>
                        );
                      }
                      if (c.suppressed || c.belowPct === null) {
                        return (
                          <Table.Td key={a.code} ta="center">
                            {t('dev.heatmap.suppressed')}
                          </Table.Td>
                        );
                      }
                      const h = heat(c.belowPct);
                      return (
                        <Table.Td key={a.code} ta="center" style={{ background: h.bg, color: h.fg }} data-cell={`${g.code}-${a.code}`}>
                          <b>{formatNumber(c.belowPct, lang)}%</b>
                          <br />
                          <span style={{ fontSize: 12 }}>
                            {t('dev.heatmap.below', { below: c.below, people: c.people, level: c.requiredLevel })}
                          </span>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </section>
      ) : null}
    </Stack>
  );
}
