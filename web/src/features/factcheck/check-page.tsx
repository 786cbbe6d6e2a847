import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import { getFactCheck } from '../../api/factcheck.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { provinceName } from '../catalog/labels.js';
import { useJsonLd, VerdictBadge } from './shared.js';

/** A published fact-check: the claim, the verdict, the explanation and sources, with one schema.org ClaimReview. */
export default function FactCheckPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['factcheck', id], queryFn: () => getFactCheck(id), retry: false });
  const c = query.data;
  usePageTitle(c ? c.claimReviewed : t('factcheck.check.title'));
  useJsonLd(c?.jsonLd);
  if (isAppError(query.error) && query.error.status === 404) return <StatusPage kind="notFound" />;
  if (query.isPending) return <PageLoader />;
  if (!c) return <ErrorAlert error={query.error} />;
  const explanation = lang === 'en' && c.explanationEn ? c.explanationEn : c.explanationTh;
  return (
    <Stack gap="lg" maw={820} component="article">
      <Anchor component={Link} to="/factcheck" size="sm">
        ← {t('factcheck.search.title')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('factcheck.check.claimLabel')}
      </Text>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {c.claimReviewed}
      </Title>
      <Group gap="sm">
        <Text fw={600}>{t('factcheck.check.verdictLabel')}</Text>
        <VerdictBadge verdict={c.verdict} size="xl" />
      </Group>
      <Text size="sm" c="dimmed">
        {t('factcheck.check.published', { date: formatDate(c.firstPublishedAt, lang) })}
        {c.version > 1 ? ` · ${t('factcheck.check.updated', { date: formatDate(c.publishedAt, lang) })}` : ''}
      </Text>
      <section aria-labelledby="fc-explanation">
        <Title order={2} size="h3" id="fc-explanation" mb="xs">
          {t('factcheck.check.explanation')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} lang={lang === 'en' && c.explanationEn ? 'en' : 'th'}>
          {explanation}
        </Text>
      </section>
      <section aria-labelledby="fc-sources">
        <Title order={2} size="h3" id="fc-sources" mb="xs">
          {t('factcheck.check.sources')}
        </Title>
        <List>
          {c.sources.map((s) => (
            <List.Item key={s.url}>
              <Anchor href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
                <span className="visually-hidden">{t('common.opensNewTab')}</span>
              </Anchor>
            </List.Item>
          ))}
        </List>
      </section>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t('factcheck.check.requests', {
              requests: t('factcheck.requests', { count: c.requestCount, n: formatNumber(c.requestCount, lang) }),
            })}
          </Text>
          <Text size="sm">{t('factcheck.check.firstSeen', { date: formatDate(c.firstSeenAt, lang) })}</Text>
          <Text size="sm">
            {t('factcheck.check.where', {
              platforms: c.platforms.map((p) => t(`factcheck.platform.${p}`)).join(', '),
              provinces: c.provinces.map((p) => provinceName(p, lang)).join(', '),
            })}
          </Text>
        </Stack>
      </Paper>
      {c.corrections.length ? (
        <section aria-labelledby="fc-corrections">
          <Title order={2} size="h3" id="fc-corrections" mb="xs">
            {t('factcheck.check.corrections')}
          </Title>
          <List>
            {c.corrections.map((k) => (
              <List.Item key={k.version}>
                {formatDate(k.publishedAt, lang)}: {k.correctionNote}
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
    </Stack>
  );
}
