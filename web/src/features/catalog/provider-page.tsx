import { Anchor, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { getCatalogProvider, searchCourses } from '../../api/catalog.js';
import { isAppError } from '../../api/client.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CourseCard } from './course-card.js';
import { facetLabels, localized, provinceName } from './labels.js';
import { PAGE_SIZE, pageCount } from './search-state.js';

/** A verified provider's public page and its accredited courses, a page at a time. */
export default function CatalogProviderPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const listRef = useRef<HTMLHeadingElement>(null);
  const provider = useQuery({ queryKey: ['catalog-provider', id], queryFn: () => getCatalogProvider(id), retry: false });
  const courses = useQuery({
    queryKey: ['catalog-search', { provider: [id], page, sort: 'newest' }],
    queryFn: () => searchCourses({ provider: [id], page, pageSize: PAGE_SIZE, sort: 'newest' }),
    placeholderData: keepPreviousData,
    enabled: provider.isSuccess,
  });
  const labels = useMemo(() => facetLabels(courses.data?.facets), [courses.data?.facets]);
  const p = provider.data;
  usePageTitle(p ? localized(lang, p.nameTh, p.nameEn) : t('catalog.provider.title'));

  if (provider.isPending) return <PageLoader />;
  if (isAppError(provider.error) && (provider.error.status === 404 || provider.error.status === 400)) return <StatusPage kind="notFound" />;
  if (!p) return <ErrorAlert error={provider.error} />;
  const pages = courses.data ? pageCount(courses.data.total) : 0;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/catalog" size="sm">
        {t('catalog.course.backToCatalog')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{localized(lang, p.nameTh, p.nameEn)}</Title>
        {lang === 'th' && p.nameEn ? (
          <Text c="dimmed" lang="en">
            {p.nameEn}
          </Text>
        ) : null}
        <Group gap="md">
          <Text size="sm">{t(`acc.kind.${p.kind}`, { defaultValue: p.kind })}</Text>
          {p.provinceCode ? <Text size="sm">{provinceName(p.provinceCode, lang)}</Text> : null}
          {p.website ? (
            <Anchor href={p.website} target="_blank" rel="noopener noreferrer" size="sm">
              {t('catalog.provider.website')}
              {t('common.opensNewTab')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>

      <section aria-labelledby="provider-courses">
        <Title order={2} size="h3" id="provider-courses" ref={listRef} tabIndex={-1}>
          {t('catalog.provider.courses', { count: p.courseCount, formatted: formatNumber(p.courseCount, lang) })}
        </Title>
        <Stack gap="sm" mt="sm">
          <ErrorAlert error={courses.error} />
          {courses.isPending ? <PageLoader /> : null}
          {courses.data && courses.data.items.length === 0 ? (
            <EmptyState
              title={t('catalog.provider.emptyTitle')}
              action={
                <Anchor component={Link} to="/catalog">
                  {t('catalog.provider.searchAll')}
                </Anchor>
              }
            >
              {t('catalog.provider.emptyText')}
            </EmptyState>
          ) : null}
          {courses.data && courses.data.items.length > 0 ? (
            <Stack gap="sm" component="ol" className="result-list">
              {courses.data.items.map((c) => (
                <li key={c.id}>
                  <CourseCard course={c} labels={labels} from={undefined} />
                </li>
              ))}
            </Stack>
          ) : null}
          {pages > 1 ? (
            <nav aria-label={t('catalog.search.pages')}>
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={(n) => {
                  const next = new URLSearchParams(location.search);
                  if (n > 1) next.set('page', String(n));
                  else next.delete('page');
                  setParams(next);
                  listRef.current?.focus();
                  listRef.current?.scrollIntoView({ block: 'start' });
                }}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
              />
            </nav>
          ) : null}
        </Stack>
      </section>
    </Stack>
  );
}
