import { Anchor, Button, Card, Group, NativeSelect, Pagination, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getShortlist, removeFromShortlist, type ShortlistEntry } from '../../api/catalog.js';
import { getFramework } from '../../api/framework.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { CourseCard } from './course-card.js';
import type { FacetLabels } from './labels.js';
import { PAGE_SIZE } from './search-state.js';

/** Names of target groups, skill areas and levels from the current framework, in the shape the course card reads. */
function useFrameworkLabels(): FacetLabels {
  const framework = useQuery({ queryKey: ['framework', 'current'], queryFn: () => getFramework('current'), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const f = framework.data;
    if (!f) return {};
    const map = (items: { code: string; nameTh: string; nameEn: string }[]) =>
      new Map(items.map((i) => [i.code, { value: i.code, count: 0, labelTh: i.nameTh, labelEn: i.nameEn }]));
    return {
      targetGroup: map(f.targetGroups),
      skillArea: map(f.skillAreas),
      level: new Map(f.levels.map((l) => [String(l.rank), { value: String(l.rank), count: 0, labelTh: l.nameTh, labelEn: l.nameEn }])),
    };
  }, [framework.data]);
}

function Entry({ agencyId, entry, labels }: { agencyId: string; entry: ShortlistEntry; labels: FacetLabels }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const title = lang === 'en' && entry.course.titleEn ? entry.course.titleEn : entry.course.titleTh;
  const remove = useMutation({
    mutationFn: () => removeFromShortlist(agencyId, entry.course.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['shortlist', agencyId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-course', entry.course.id] });
    },
  });
  return (
    <Stack gap={6}>
      <CourseCard course={entry.course} labels={labels} />
      <Card withBorder padding="sm" radius="md" bg="gray.0">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Text size="sm">
              <Text span fw={600} size="sm">
                {t('catalog.shortlist.noteLabel')}
              </Text>{' '}
              {entry.note || t('catalog.shortlist.noNote')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('catalog.shortlist.addedAt', { date: formatDate(entry.addedAt, lang) })}
            </Text>
          </Stack>
          <Button
            variant="light"
            color="red"
            size="xs"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={t('catalog.shortlist.removeNamed', { title })}
          >
            {t('catalog.shortlist.remove')}
          </Button>
        </Group>
        <ErrorAlert error={remove.error} />
      </Card>
    </Stack>
  );
}

/** Agency HR's shortlist of catalogue courses, per agency they administer, for planning the year's training. */
export default function ShortlistPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.shortlist.title'));
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const agencies = session.roles.filter((r) => r.role === 'agency_admin' && r.scopeType === 'agency');
  const chosen = agencies.find((a) => a.scopeId === params.get('agency')) ?? agencies[0];
  const agencyId = chosen?.scopeId ?? '';
  const labels = useFrameworkLabels();
  const list = useQuery({ queryKey: ['shortlist', agencyId], queryFn: () => getShortlist(agencyId), enabled: !!agencyId });
  // The API returns the whole shortlist; it is shown a page at a time.
  const items = list.data?.items ?? [];
  const pages = Math.ceil(items.length / PAGE_SIZE);
  const page = Math.min(Math.max(1, Number(params.get('page') ?? '1') || 1), Math.max(pages, 1));
  const setPage = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setParams(next);
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('catalog.shortlist.title')}</Title>
        <Text maw={760}>{t('catalog.shortlist.lead')}</Text>
      </Stack>
      {agencies.length === 0 ? (
        <EmptyState title={t('catalog.shortlist.noAgencyTitle')}>{t('catalog.shortlist.noAgency')}</EmptyState>
      ) : null}
      {agencies.length > 1 ? (
        <NativeSelect
          label={t('catalog.shortlist.agency')}
          value={agencyId}
          maw={480}
          onChange={(e) => setParams(new URLSearchParams({ agency: e.currentTarget.value }))}
          data={agencies.map((a) => ({ value: a.scopeId, label: a.scopeLabel || a.scopeId }))}
        />
      ) : chosen ? (
        <Text>
          <Text span fw={600}>
            {t('catalog.shortlist.agency')}:
          </Text>{' '}
          {chosen.scopeLabel || chosen.scopeId}
        </Text>
      ) : null}
      {list.isPending && agencyId ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data ? (
        <section aria-labelledby="shortlist-heading">
          <Title order={2} size="h3" id="shortlist-heading" mb="sm">
            {t('catalog.shortlist.count', { count: list.data.items.length })}
          </Title>
          {list.data.items.length === 0 ? (
            <EmptyState
              title={t('catalog.shortlist.emptyTitle')}
              action={
                <Button component={Link} to="/catalog" variant="light">
                  {t('catalog.shortlist.search')}
                </Button>
              }
            >
              {t('catalog.shortlist.emptyText')}
            </EmptyState>
          ) : (
            <Stack gap="lg" component="ol" className="result-list">
              {items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((e) => (
                <li key={e.course.id}>
                  <Entry agencyId={agencyId} entry={e} labels={labels} />
                </li>
              ))}
            </Stack>
          )}
          {pages > 1 ? (
            <nav aria-label={t('catalog.search.pages')}>
              <Pagination
                mt="md"
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
              />
            </nav>
          ) : null}
          {list.data.items.length > 0 ? (
            <Text size="sm" mt="md">
              <Anchor component={Link} to="/catalog">
                {t('catalog.shortlist.searchMore')}
              </Anchor>
            </Text>
          ) : null}
        </section>
      ) : null}
    </Stack>
  );
}
