import { Anchor, Badge, Group, NativeSelect, Pagination, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listItemStats } from '../../api/assessment.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { AuthorNav } from './author-nav.js';
import { pick, useFrameworkLabels } from './shared.js';

const PAGE_SIZE = 20;
const fixed = (n: number | null, lang: string) =>
  n === null ? '—' : n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How items behaved: facility, discrimination, option counts; items that behave badly first. */
export default function StatsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('assessment.stats.title'));
  const labels = useFrameworkLabels(lang);
  const [area, setArea] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const query = { skillAreaCode: area || undefined, flaggedOnly: flaggedOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE };
  const stats = useQuery({ queryKey: ['item-stats', query], queryFn: () => listItemStats(query) });
  const th = stats.data?.thresholds;
  return (
    <Stack gap="lg">
      <AuthorNav />
      <Stack gap={4}>
        <Title order={1}>{t('assessment.stats.title')}</Title>
        <Text maw={760}>{t('assessment.stats.lead')}</Text>
        {th ? (
          <Text size="sm" c="dimmed">
            {t('assessment.stats.rules', { minN: th.minN, minP: th.minFacility, maxP: th.maxFacility, minD: th.minDiscrimination })}
          </Text>
        ) : null}
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('assessment.field.skillArea')}
          value={area}
          onChange={(e) => {
            setArea(e.currentTarget.value);
            setPage(1);
          }}
          data={[{ value: '', label: t('assessment.bank.any') }, ...labels.areas]}
        />
        <Switch
          label={t('assessment.stats.flaggedOnly')}
          checked={flaggedOnly}
          onChange={(e) => {
            setFlaggedOnly(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      {stats.isPending ? <PageLoader /> : null}
      <ErrorAlert error={stats.error} />
      {stats.data && stats.data.items.length === 0 ? (
        <EmptyState title={t('assessment.stats.emptyTitle')}>{t('assessment.stats.emptyText')}</EmptyState>
      ) : null}
      {stats.data && stats.data.items.length > 0 ? (
        <ScrollRegion label={t('assessment.stats.title')}>
          <Table striped miw={860}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.field.stem')}</Table.Th>
                <Table.Th>{t('assessment.field.skillArea')}</Table.Th>
                <Table.Th ta="right">{t('assessment.stats.n')}</Table.Th>
                <Table.Th ta="right">{t('assessment.stats.facility')}</Table.Th>
                <Table.Th ta="right">{t('assessment.stats.discrimination')}</Table.Th>
                <Table.Th>{t('assessment.stats.options')}</Table.Th>
                <Table.Th>{t('assessment.stats.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td maw={320}>
                    <Anchor component={Link} to={`/assessment/items/${r.id}`} lineClamp={2}>
                      {pick(lang, r.stemTh, r.stemEn)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      v{r.version} · {t(`assessment.kind.${r.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.skillAreaCode} · {r.level}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.n, lang)}</Table.Td>
                  <Table.Td ta="right">{fixed(r.facility, lang)}</Table.Td>
                  <Table.Td ta="right">{fixed(r.discrimination, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {r.options.map((o) => `${o.isKey ? '✓' : ''}${o.id}: ${o.chosen}`).join(' · ')}
                      {r.unanswered ? ` · ${t('assessment.stats.unanswered', { count: r.unanswered })}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.flags.map((f) => (
                        <Badge key={f} color="warn" variant="outline" tt="none">
                          {t(`assessment.stats.flag.${f}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
      {stats.data && stats.data.total > PAGE_SIZE ? (
        <Pagination
          total={Math.ceil(stats.data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`assessment.bank.page.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('assessment.bank.page.number', { page: formatNumber(p, lang) }) })}
        />
      ) : null}
    </Stack>
  );
}
