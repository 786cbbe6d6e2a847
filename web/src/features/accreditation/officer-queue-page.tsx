import { Anchor, Badge, Button, Checkbox, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CourseStateSchema } from '../../../../common/contracts/accreditation-courses.js';
import { listSubmissions } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { StateBadge } from './shared.js';

const PAGE_SIZE = 20;

export default function OfficerQueuePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('acc.queue.title'));
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const overdue = params.get('overdue') === 'true';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);
  const query = useQuery({
    queryKey: ['submissions', state, overdue, q, page],
    queryFn: () =>
      listSubmissions({
        state: (state || undefined) as Parameters<typeof listSubmissions>[0]["state"],
        overdue: overdue ? 'true' : undefined,
        q: q || undefined,
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
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() || null });
  };
  const data = query.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('acc.queue.title')}</Title>
        <Group gap="xs">
          <Button variant="light" component={Link} to="/officer/providers">
            {t('nav.officerProviders')}
          </Button>
          <Button variant="light" component={Link} to="/officer/reviewers">
            {t('nav.officerReviewers')}
          </Button>
          <Button variant="light" component={Link} to="/officer/dashboard">
            {t('nav.officerDashboard')}
          </Button>
        </Group>
      </Group>
      <form onSubmit={onSearch} aria-label={t('acc.queue.filters')}>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('acc.queue.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
          <Select
            label={t('acc.course.state')}
            data={[{ value: '', label: t('common.all') }, ...CourseStateSchema.options.map((s) => ({ value: s, label: t(`acc.state.${s}`) }))]}
            value={state}
            onChange={(v) => update({ state: v || null })}
            allowDeselect={false}
          />
          <Checkbox label={t('acc.queue.overdueOnly')} checked={overdue} onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })} mb={8} />
          <Button type="submit" variant="light">
            {t('acc.queue.searchButton')}
          </Button>
        </Group>
      </form>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {data && data.items.length === 0 ? <EmptyState title={t('acc.queue.empty')} /> : null}
      {data && data.items.length > 0 ? (
        <>
          <div style={{ overflowX: 'auto' }}>
            <Table withTableBorder striped captionSide="top">
              <caption>{t('acc.queue.caption', { count: data.total })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('acc.course.title')}</Table.Th>
                  <Table.Th scope="col">{t('acc.verify.provider')}</Table.Th>
                  <Table.Th scope="col">{t('acc.course.state')}</Table.Th>
                  <Table.Th scope="col">{t('acc.queue.submitted')}</Table.Th>
                  <Table.Th scope="col">{t('acc.queue.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/officer/courses/${c.id}`}>
                        {(lang === 'th' ? c.titleTh : c.titleEn) || c.titleTh}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('acc.course.version', { version: c.version })}
                      </Text>
                    </Table.Th>
                    <Table.Td>{c.providerName}</Table.Td>
                    <Table.Td>
                      <StateBadge state={c.state} />
                    </Table.Td>
                    <Table.Td>{formatDate(c.submittedAt, lang) || '—'}</Table.Td>
                    <Table.Td>
                      {formatDate(c.dueAt, lang) || '—'}{' '}
                      {c.isOverdue ? (
                        <Badge color="red" variant="filled">
                          {t('acc.queue.overdue')}
                        </Badge>
                      ) : null}
                    </Table.Td>
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
