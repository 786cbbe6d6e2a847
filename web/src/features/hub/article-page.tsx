import { Alert, Anchor, Badge, Button, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import { type ArticleView, getArticle, markArticleRead, publishArticle, unpublishArticle } from '../../api/hub.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { CourseCard } from '../catalog/course-card.js';
import { localized } from '../catalog/labels.js';
import { useJsonLd } from '../factcheck/shared.js';
import { ArticleBody } from './shared.js';

/**
 * One hub article for everyone (`/hub/:slug`) and, inside the volunteer pages (`/volunteer/hub/:slug`), the
 * same article where the service worker keeps it for offline reading and the volunteer marks it read.
 * It carries one schema.org Article.
 */
export default function ArticlePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { slug = '' } = useParams();
  const inVolunteerPages = useLocation().pathname.startsWith('/volunteer/');
  const { session } = useSession();
  const isVolunteer = session.roles.some((r) => r.role === 'volunteer');
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['hub-article', slug], queryFn: () => getArticle(slug), retry: false });
  const a = query.data;
  usePageTitle(a ? localized(lang, a.titleTh, a.titleEn) : t('hub.title'));
  useJsonLd(a?.jsonLd ?? undefined);
  const setArticle = (v: ArticleView) => qc.setQueryData(['hub-article', slug], v);
  const publish = useMutation({ mutationFn: () => publishArticle(a?.id ?? ''), onSuccess: setArticle });
  const unpublish = useMutation({ mutationFn: () => unpublishArticle(a?.id ?? ''), onSuccess: setArticle });
  const read = useMutation({
    mutationFn: () => markArticleRead(a?.id ?? ''),
    onSuccess: (o) => qc.setQueryData(['my-onboarding'], o),
  });
  if (isAppError(query.error) && query.error.status === 404) return <StatusPage kind="notFound" />;
  if (query.isPending) return <PageLoader />;
  if (!a) return <ErrorAlert error={query.error} />;
  const english = lang === 'en' && !!a.titleEn;
  const body = lang === 'en' && a.bodyEn ? a.bodyEn : a.bodyTh;
  return (
    <Stack gap="md" maw={760} component="article" aria-labelledby="article-title">
      <Anchor component={Link} to={inVolunteerPages ? '/volunteer' : '/hub'} size="sm">
        ← {t(inVolunteerPages ? 'nav.volunteer' : 'hub.title')}
      </Anchor>
      <Group gap="xs">
        <Badge variant="light">{t(`hub.kind.${a.kind}`)}</Badge>
        <Badge variant="outline">{t(`vol.topic.${a.topic}`)}</Badge>
        {a.status === 'draft' ? <Badge color="warn">{t('hub.status.draft')}</Badge> : null}
      </Group>
      <Title order={1} id="article-title" lang={english ? 'en' : 'th'} style={{ overflowWrap: 'anywhere' }}>
        {english ? a.titleEn : a.titleTh}
      </Title>
      <Text size="sm" c="dimmed">
        {a.publishedAt ? t('hub.published', { date: formatDate(a.publishedAt, lang) }) : t('hub.notPublished')}
        {a.tags.length ? ` · ${a.tags.map((g) => `#${g}`).join(' ')}` : ''}
      </Text>
      {a.coverUrl ? <Image src={a.coverUrl} alt={a.coverAltTh ?? ''} radius="md" mah={360} fit="cover" /> : null}
      <Text size="lg" fw={500} lang={lang === 'en' && a.summaryEn ? 'en' : 'th'}>
        {lang === 'en' && a.summaryEn ? a.summaryEn : a.summaryTh}
      </Text>
      <ArticleBody source={body} lang={lang === 'en' && a.bodyEn ? 'en' : 'th'} />
      {a.courses.length ? (
        <section aria-labelledby="article-courses">
          <Title order={2} size="h3" id="article-courses" mb="xs">
            {t('hub.courses')}
          </Title>
          <Stack gap="sm">
            {a.courses.map((c) => (
              <CourseCard key={c.id} course={c} labels={{}} />
            ))}
          </Stack>
        </section>
      ) : null}
      {isVolunteer && a.status === 'published' ? (
        <Group>
          <Button
            onClick={() => read.mutate()}
            loading={read.isPending}
            disabled={read.isSuccess}
            variant={read.isSuccess ? 'light' : 'filled'}
          >
            {read.isSuccess ? t('hub.markedRead') : t('hub.markRead')}
          </Button>
          {read.data ? (
            <Text role="status" size="sm">
              {t('hub.onboarding.progress', { done: read.data.done, total: read.data.total })}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <ErrorAlert error={read.error ?? publish.error ?? unpublish.error} />
      {a.abilities.edit || a.abilities.publish || a.abilities.unpublish ? (
        <Alert variant="light" title={t('hub.editorTools')}>
          <Group gap="xs">
            {a.abilities.edit ? (
              <Button component={Link} to={`/hub/${a.slug}/edit`} variant="light">
                {t('hub.edit')}
              </Button>
            ) : null}
            {a.abilities.publish ? (
              <Button onClick={() => publish.mutate()} loading={publish.isPending}>
                {t('hub.publish')}
              </Button>
            ) : null}
            {a.abilities.unpublish ? (
              <Button onClick={() => unpublish.mutate()} loading={unpublish.isPending} color="red" variant="light">
                {t('hub.unpublish')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
