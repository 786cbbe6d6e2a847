import { Anchor, Badge, Button, Group, NativeSelect, Pagination, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ArticleSummary, listArticles, searchArticles } from '../../api/hub.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { Highlighted } from '../catalog/highlight.js';
import { localized } from '../catalog/labels.js';
import { ARTICLE_KINDS, ARTICLE_TOPICS } from './shared.js';

const PAGE_SIZE = 10;
const AUTHORS = ['volunteer_coordinator', 'central_monitor', 'system_admin'];

function ArticleItem({ a, base }: { a: ArticleSummary; base: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light">{t(`hub.kind.${a.kind}`)}</Badge>
          <Badge variant="outline">{t(`vol.topic.${a.topic}`)}</Badge>
          {a.status === 'draft' ? <Badge color="warn">{t('hub.status.draft')}</Badge> : null}
        </Group>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`${base}/${a.slug}`}>
            {a.titleParts ? <Highlighted parts={a.titleParts} /> : localized(lang, a.titleTh, a.titleEn)}
          </Anchor>
        </Title>
        <Text size="sm">{a.snippet ? <Highlighted parts={a.snippet} /> : localized(lang, a.summaryTh, a.summaryEn)}</Text>
        {a.publishedAt ? (
          <Text size="xs" c="dimmed">
            {t('hub.published', { date: formatDate(a.publishedAt, lang) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The knowledge hub: published articles and news, searched with the catalogue's Thai search, by topic and kind. */
export default function HubPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('hub.title'));
  const { session } = useSession();
  const isAuthor = session.roles.some((r) => AUTHORS.includes(r.role));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const topic = params.get('topic') ?? '';
  const status = (params.get('status') ?? 'published') as 'published' | 'draft';
  const sort = (params.get('sort') ?? 'newest') as 'newest' | 'oldest' | 'title';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = { kind: kind || undefined, topic: topic || undefined, page, pageSize: PAGE_SIZE };
  const query = useQuery({
    queryKey: ['hub', q, kind, topic, status, sort, page],
    queryFn: () => (q ? searchArticles({ q, ...filters }) : listArticles({ ...filters, sort, status })),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() || null });
  };
  const data = query.data;
  const all = { value: '', label: t('common.all') };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('hub.title')}</Title>
        {isAuthor ? (
          <Button component={Link} to="/hub/new">
            {t('hub.write')}
          </Button>
        ) : null}
      </Group>
      <Text>{t('hub.intro')}</Text>
      <form onSubmit={onSearch} aria-label={t('hub.searchForm')}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('hub.q')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              type="search"
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('hub.search')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: isAuthor ? 4 : 3 }} spacing="sm">
            <NativeSelect
              label={t('hub.topic')}
              data={[all, ...ARTICLE_TOPICS.map((v) => ({ value: v, label: t(`vol.topic.${v}`) }))]}
              value={topic}
              onChange={(e) => update({ topic: e.currentTarget.value || null })}
            />
            <NativeSelect
              label={t('hub.kindLabel')}
              data={[all, ...ARTICLE_KINDS.map((v) => ({ value: v, label: t(`hub.kind.${v}`) }))]}
              value={kind}
              onChange={(e) => update({ kind: e.currentTarget.value || null })}
            />
            <NativeSelect
              label={t('hub.sort')}
              disabled={!!q}
              data={(['newest', 'oldest', 'title'] as const).map((v) => ({ value: v, label: t(`hub.sortBy.${v}`) }))}
              value={sort}
              onChange={(e) => update({ sort: e.currentTarget.value })}
            />
            {isAuthor ? (
              <NativeSelect
                label={t('hub.statusLabel')}
                disabled={!!q}
                data={[
                  { value: 'published', label: t('hub.status.published') },
                  { value: 'draft', label: t('hub.status.draft') },
                ]}
                value={status}
                onChange={(e) => update({ status: e.currentTarget.value })}
              />
            ) : null}
          </SimpleGrid>
        </Stack>
      </form>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {data ? (
        <section aria-label={t('hub.results')} data-ready={`${q}|${kind}|${topic}|${status}|${sort}|${page}`}>
          <Stack gap="sm">
            <Text role="status">{t('hub.count', { count: data.total, n: formatNumber(data.total, lang) })}</Text>
            {data.items.length === 0 ? <EmptyState title={t('hub.empty')} /> : null}
            {data.items.map((a) => (
              <ArticleItem key={a.id} a={a} base="/hub" />
            ))}
            {data.total > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(data.total / PAGE_SIZE)}
                value={page}
                onChange={(p) => update({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
              />
            ) : null}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
