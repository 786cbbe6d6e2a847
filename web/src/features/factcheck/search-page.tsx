import { Anchor, Badge, Button, Group, NativeSelect, Pagination, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchFactChecks } from '../../api/factcheck.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { provinceName } from '../catalog/labels.js';
import { CLAIM_PLATFORMS, provinceOptions, VERDICTS, VerdictBadge } from './shared.js';

const PAGE_SIZE = 10;

/** Public search of published fact-checks; a volunteer's province comes first. */
export default function FactCheckSearchPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('factcheck.search.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const verdict = params.get('verdict') ?? '';
  const province = params.get('province') ?? '';
  const platform = params.get('platform') ?? '';
  const near = params.get('near') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const query = useQuery({
    queryKey: ['factchecks', q, verdict, province, platform, near, page],
    queryFn: () =>
      searchFactChecks({
        q: q || undefined,
        verdict: verdict || undefined,
        province: province || undefined,
        platform: platform || undefined,
        nearProvince: near || undefined,
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
    setParams(next);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() || null });
  };
  const data = query.data;
  const provinces = provinceOptions(lang);
  const all = { value: '', label: t('common.all') };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('factcheck.search.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/factcheck/submit">
            {t('factcheck.submit.title')}
          </Button>
          <Button component={Link} to="/factcheck/track" variant="light">
            {t('factcheck.track.title')}
          </Button>
        </Group>
      </Group>
      <Text>{t('factcheck.search.intro')}</Text>
      <form onSubmit={onSearch} aria-label={t('factcheck.search.formLabel')}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('factcheck.search.q')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              type="search"
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('factcheck.search.button')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NativeSelect
              label={t('factcheck.search.verdict')}
              data={[all, ...VERDICTS.map((v) => ({ value: v, label: t(`factcheck.verdict.${v}`) }))]}
              value={verdict}
              onChange={(e) => update({ verdict: e.currentTarget.value || null })}
            />
            <NativeSelect
              label={t('factcheck.submit.platform')}
              data={[all, ...CLAIM_PLATFORMS.map((p) => ({ value: p, label: t(`factcheck.platform.${p}`) }))]}
              value={platform}
              onChange={(e) => update({ platform: e.currentTarget.value || null })}
            />
            <NativeSelect
              label={t('factcheck.search.province')}
              data={[all, ...provinces]}
              value={province}
              onChange={(e) => update({ province: e.currentTarget.value || null })}
            />
            <NativeSelect
              label={t('factcheck.search.near')}
              data={[{ value: '', label: t('factcheck.search.nearNone') }, ...provinces]}
              value={near}
              onChange={(e) => update({ near: e.currentTarget.value || null })}
            />
          </SimpleGrid>
        </Stack>
      </form>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {data ? (
        <section aria-label={t('factcheck.search.results')} data-ready={`${q}|${verdict}|${province}|${platform}|${near}|${page}`}>
          <Stack gap="sm">
            <Text role="status">
              {t('factcheck.search.count', { count: data.total, n: formatNumber(data.total, lang) })}
              {data.nearProvince ? ` · ${t('factcheck.search.nearFirst', { province: provinceName(data.nearProvince, lang) })}` : ''}
            </Text>
            {data.items.length === 0 ? (
              <EmptyState
                title={t('factcheck.search.empty')}
                action={
                  <Anchor component={Link} to="/factcheck/submit">
                    {t('factcheck.search.emptyAction')}
                  </Anchor>
                }
              />
            ) : null}
            {data.items.map((c) => (
              <Paper key={c.id} withBorder p="md" component="article">
                <Stack gap={6}>
                  <Group gap="xs">
                    <VerdictBadge verdict={c.verdict} />
                    {c.isNear ? (
                      <Badge variant="outline" color="thaksa">
                        {t('factcheck.search.inYourProvince')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/factcheck/checks/${c.id}`}>
                      {c.claimReviewed}
                    </Anchor>
                  </Title>
                  <Text size="sm">{c.explanationExcerpt}</Text>
                  <Text size="xs" c="dimmed">
                    {t('factcheck.search.meta', {
                      date: formatDate(c.publishedAt, lang),
                      requests: t('factcheck.requests', { count: c.requestCount, n: formatNumber(c.requestCount, lang) }),
                    })}
                  </Text>
                </Stack>
              </Paper>
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
