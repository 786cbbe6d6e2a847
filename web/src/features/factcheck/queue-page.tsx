import { Anchor, Checkbox, Group, NativeSelect, Pagination, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listClaims } from '../../api/factcheck.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { provinceName } from '../catalog/labels.js';
import { CLAIM_PLATFORMS, CLAIM_STATUSES, ClaimStatusBadge, provinceOptions, VerdictBadge } from './shared.js';

const PAGE_SIZE = 20;

/** The fact-checkers' queue: claim groups by how often they were asked about (what is spreading) or by recency. */
export default function ClaimQueuePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('factcheck.queue.title'));
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'new,assigned,in_review';
  const platform = params.get('platform') ?? '';
  const province = params.get('province') ?? '';
  const mine = params.get('mine') === 'true';
  const sort = params.get('sort') === 'recent' ? 'recent' : 'count';
  const page = Number(params.get('page') ?? '1') || 1;
  const query = useQuery({
    queryKey: ['claim-groups', status, platform, province, mine, sort, page],
    queryFn: () =>
      listClaims({
        status: status === 'all' ? undefined : status,
        platform: platform || undefined,
        province: province || undefined,
        assignedToMe: mine ? 'true' : undefined,
        sort,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const data = query.data;
  const all = { value: '', label: t('common.all') };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('factcheck.queue.title')}</Title>
      <form aria-label={t('factcheck.queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <NativeSelect
            label={t('factcheck.queue.status')}
            data={[
              { value: 'new,assigned,in_review', label: t('factcheck.queue.open') },
              { value: 'all', label: t('common.all') },
              ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`factcheck.status.${s}`) })),
            ]}
            value={status}
            onChange={(e) => update({ status: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('factcheck.submit.platform')}
            data={[all, ...CLAIM_PLATFORMS.map((p) => ({ value: p, label: t(`factcheck.platform.${p}`) }))]}
            value={platform}
            onChange={(e) => update({ platform: e.currentTarget.value || null })}
          />
          <NativeSelect
            label={t('factcheck.search.province')}
            data={[all, ...provinceOptions(lang)]}
            value={province}
            onChange={(e) => update({ province: e.currentTarget.value || null })}
          />
          <NativeSelect
            label={t('factcheck.queue.sort')}
            data={[
              { value: 'count', label: t('factcheck.queue.byCount') },
              { value: 'recent', label: t('factcheck.queue.byRecent') },
            ]}
            value={sort}
            onChange={(e) => update({ sort: e.currentTarget.value })}
          />
          <Checkbox
            label={t('factcheck.queue.mine')}
            checked={mine}
            onChange={(e) => update({ mine: e.currentTarget.checked ? 'true' : null })}
            mt={28}
          />
        </SimpleGrid>
      </form>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {data && data.items.length === 0 ? (
        <EmptyState title={t('factcheck.queue.empty')}>{t('factcheck.queue.emptyHint')}</EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div style={{ overflowX: 'auto' }}>
            <Table withTableBorder striped captionSide="top">
              <caption>{t('factcheck.queue.caption', { count: data.total, n: formatNumber(data.total, lang) })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('factcheck.queue.claim')}</Table.Th>
                  <Table.Th scope="col">{t('factcheck.queue.requests')}</Table.Th>
                  <Table.Th scope="col">{t('factcheck.queue.status')}</Table.Th>
                  <Table.Th scope="col">{t('factcheck.queue.lastSeen')}</Table.Th>
                  <Table.Th scope="col">{t('factcheck.queue.assignee')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Th scope="row" fw={400} style={{ minWidth: '14rem' }}>
                      <Anchor component={Link} to={`/factcheck/queue/${g.id}`} lineClamp={3}>
                        {g.sampleText}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {g.platforms.map((p) => t(`factcheck.platform.${p}`)).join(', ')} ·{' '}
                        {g.provinces.map((p) => provinceName(p, lang)).join(', ')}
                      </Text>
                    </Table.Th>
                    <Table.Td data-testid="request-count">{formatNumber(g.requestCount, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <ClaimStatusBadge status={g.status} />
                        {g.verdict ? <VerdictBadge verdict={g.verdict} /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDate(g.lastSeenAt, lang)}</Table.Td>
                    <Table.Td>{g.assignee?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {data.total > PAGE_SIZE ? (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={page}
              onChange={(p) => update({ page: String(p) })}
              getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
