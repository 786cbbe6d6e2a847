import { Alert, Anchor, Box, Button, Group, NativeSelect, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { type SearchResult, searchCourses } from '../../api/catalog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CourseCard } from './course-card.js';
import { FacetPanel } from './facet-panel.js';
import { type FacetLabels, facetLabels, filterLabel } from './labels.js';
import { OpenDataLinks } from './open-data-links.js';
import { SearchBox } from './search-box.js';
import {
  type ActiveFilter,
  activeFilters,
  clearFilters,
  effectiveSort,
  PAGE_SIZE,
  pageCount,
  parseSearch,
  removeFilter,
  type SearchState,
  SORTS,
  type Sort,
  toApiParams,
  toSearchParams,
} from './search-state.js';

const FacetDrawer = lazy(() => import('./facet-drawer.js'));

function chipText(f: ActiveFilter, labels: FacetLabels, t: ReturnType<typeof useTranslation>['t']): string {
  const lang = currentLanguage();
  switch (f.kind) {
    case 'list':
      return `${t(`catalog.facets.${f.key}`)}: ${filterLabel(f.key, f.value, labels, lang, t)}`;
    case 'fee':
      return `${t('catalog.facets.fee')}: ${filterLabel('fee', f.value, labels, lang, t)}`;
    case 'range':
      return t(`catalog.chips.${f.key}`, { value: formatNumber(Number(f.value), lang) });
    case 'startsAfter':
      return t('catalog.chips.startsAfter', { date: formatDate(f.value, lang) });
  }
}

function Chips({ state, labels, onChange }: { state: SearchState; labels: FacetLabels; onChange: (s: SearchState) => void }) {
  const { t } = useTranslation();
  const filters = activeFilters(state);
  if (!filters.length) return null;
  return (
    <Group gap="xs" component="ul" className="chip-list" aria-label={t('catalog.chips.label')}>
      {filters.map((f) => {
        const text = chipText(f, labels, t);
        return (
          <li key={`${f.kind}-${'key' in f ? f.key : ''}-${f.value}`}>
            <Button
              variant="light"
              size="compact-sm"
              radius="xl"
              className="chip"
              aria-label={t('catalog.chips.remove', { label: text })}
              rightSection={<span aria-hidden="true">×</span>}
              onClick={() => onChange(removeFilter(state, f))}
            >
              {text}
            </Button>
          </li>
        );
      })}
      <li>
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(clearFilters(state))}>
          {t('catalog.chips.clearAll')}
        </Button>
      </li>
    </Group>
  );
}

function Results({
  state,
  data,
  labels,
  onChange,
  from,
}: {
  state: SearchState;
  data: SearchResult;
  labels: FacetLabels;
  onChange: (s: SearchState) => void;
  from: string;
}) {
  const { t } = useTranslation();
  const filtered = activeFilters(state).length > 0;
  if (data.items.length === 0) {
    const beyond = data.total > 0 && state.page > 1;
    return (
      <EmptyState
        title={beyond ? t('catalog.empty.pageTitle') : t('catalog.empty.title')}
        action={
          <Group gap="xs">
            {beyond ? (
              <Button variant="light" onClick={() => onChange({ ...state, page: 1 })}>
                {t('catalog.empty.firstPage')}
              </Button>
            ) : null}
            {filtered ? (
              <Button variant="light" onClick={() => onChange(clearFilters(state))}>
                {t('catalog.empty.clearFilters')}
              </Button>
            ) : null}
            {state.q ? (
              <Button variant="subtle" onClick={() => onChange({ ...clearFilters(state), q: '' })}>
                {t('catalog.empty.browseAll')}
              </Button>
            ) : null}
          </Group>
        }
      >
        {beyond ? null : state.q ? t('catalog.empty.textQuery', { q: state.q }) : t('catalog.empty.text')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm" component="ol" className="result-list">
      {data.items.map((c) => (
        <li key={c.id}>
          <CourseCard course={c} labels={labels} from={from} />
        </li>
      ))}
    </Stack>
  );
}

/** The national catalogue's public search: type-ahead, facets with counts, chips, sort and pages, all in the URL. */
export default function CatalogSearchPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const apiParams = useMemo(() => toApiParams(state), [state]);
  const [drawer, setDrawer] = useState(false);
  // Loaded on first use, then kept so closing can hand focus back to the button that opened it.
  const [drawerLoaded, setDrawerLoaded] = useState(false);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const movedPage = useRef(false);
  const facetsHeading = useId();
  usePageTitle(state.q ? t('catalog.search.titleFor', { q: state.q }) : t('catalog.search.title'));

  const query = useQuery({
    queryKey: ['catalog-search', apiParams],
    queryFn: () => searchCourses(apiParams),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = query.data;
  const labels = useMemo(() => facetLabels(data?.facets), [data?.facets]);
  const go = (next: SearchState) => setParams(toSearchParams(next));

  // After a page change, take the reader (and the screen reader) to the top of the new results.
  useEffect(() => {
    if (!movedPage.current || query.isPlaceholderData) return;
    movedPage.current = false;
    resultsRef.current?.focus();
    resultsRef.current?.scrollIntoView({ block: 'start' });
  }, [query.isPlaceholderData]);

  const filterCount = activeFilters(state).length;
  const sort = effectiveSort(state);
  const sorts = SORTS.filter((s) => s !== 'relevance' || state.q.trim());
  const pages = data ? pageCount(data.total) : 0;
  // The results on screen answer the search in the URL (not the previous one kept while loading).
  const ready = !!data && !query.isFetching && !query.isPlaceholderData;
  const readyFor = toSearchParams(state).toString();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('catalog.search.title')}</Title>
        <Text maw={760}>{t('catalog.search.lead')}</Text>
      </Stack>

      <SearchBox
        initial={state.q}
        onSearch={(q) => go({ ...state, q, page: 1, sort: state.sort === 'relevance' && !q ? null : state.sort })}
        onPick={(s) => navigate(`/catalog/courses/${s.id}`, { state: { from: location.search } })}
      />

      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Box component="aside" aria-labelledby={facetsHeading} visibleFrom="md" w={280} style={{ flexShrink: 0 }}>
          <FacetPanel state={state} result={data} labels={labels} onChange={go} headingId={facetsHeading} />
        </Box>

        <Stack
          gap="sm"
          style={{ flex: '1 1 auto', minWidth: 0 }}
          component="section"
          aria-labelledby="results-heading"
          aria-busy={!ready}
          data-ready={ready ? readyFor : undefined}
        >
          <Group justify="space-between" align="flex-end" gap="sm">
            <Stack gap={0}>
              <Title order={2} size="h3" id="results-heading" ref={resultsRef} tabIndex={-1}>
                {t('catalog.search.results')}
              </Title>
              <Text size="sm" role="status" aria-live="polite">
                {data && ready
                  ? t('catalog.search.count', { count: data.total, formatted: formatNumber(data.total, lang) })
                  : query.isFetching
                    ? t('catalog.search.searching')
                    : ''}
              </Text>
            </Stack>
            <Group gap="xs" align="flex-end">
              <Button
                variant="default"
                hiddenFrom="md"
                onClick={() => {
                  setDrawerLoaded(true);
                  setDrawer(true);
                }}
                aria-haspopup="dialog"
              >
                {filterCount ? t('catalog.facets.openWithCount', { count: filterCount }) : t('catalog.facets.open')}
              </Button>
              <NativeSelect
                label={t('catalog.sort.label')}
                value={sort}
                onChange={(e) => go({ ...state, sort: e.currentTarget.value as Sort, page: 1 })}
                data={sorts.map((s) => ({ value: s, label: t(`catalog.sort.${s}`) }))}
              />
            </Group>
          </Group>

          <Chips state={state} labels={labels} onChange={go} />

          {data?.mode === 'similar' && data.total > 0 ? (
            <Alert color="thaksa" variant="light" title={t('catalog.search.similarTitle')}>
              {t('catalog.search.similarText', { q: state.q })}
            </Alert>
          ) : null}

          <ErrorAlert error={query.error} />
          {query.isPending ? <PageLoader /> : null}
          {data ? (
            <div className={query.isPlaceholderData ? 'is-stale' : undefined}>
              <Results state={state} data={data} labels={labels} onChange={go} from={location.search} />
            </div>
          ) : null}

          {pages > 1 ? (
            <nav aria-label={t('catalog.search.pages')}>
              <Pagination
                total={pages}
                value={Math.min(state.page, pages)}
                siblings={1}
                boundaries={1}
                onChange={(p) => {
                  movedPage.current = true;
                  go({ ...state, page: p });
                }}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t('catalog.search.pageOf', { page: state.page, pages, size: PAGE_SIZE })}
              </Text>
            </nav>
          ) : null}
        </Stack>
      </Group>

      <OpenDataLinks />
      <Text size="sm">
        <Anchor component={Link} to="/verify">
          {t('catalog.search.verifyLink')}
        </Anchor>
      </Text>

      {drawerLoaded ? (
        <Suspense fallback={null}>
          <FacetDrawer opened={drawer} onClose={() => setDrawer(false)} state={state} result={data} labels={labels} onChange={go} />
        </Suspense>
      ) : null}
    </Stack>
  );
}
