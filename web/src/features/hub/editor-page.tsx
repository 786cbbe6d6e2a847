import {
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CreateArticleBody, UpdateArticleBody } from '../../../../common/contracts/hub.js';
import { suggestCourses } from '../../api/catalog.js';
import { type ArticleView, createArticle, getArticle, updateArticle } from '../../api/hub.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { useFormValues } from '../../lib/use-form-values.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { fileToBase64 } from '../factcheck/shared.js';
import { ARTICLE_KINDS, ARTICLE_TOPICS, ArticleBody } from './shared.js';

const EMPTY = {
  slug: '',
  kind: 'article',
  topic: 'digital_literacy',
  tags: '',
  titleTh: '',
  titleEn: '',
  summaryTh: '',
  summaryEn: '',
  bodyTh: '',
  bodyEn: '',
  courses: [] as { id: string; title: string }[],
  coverAltTh: '',
  cover: null as File | null,
};
type Values = typeof EMPTY;

const split = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function valuesOf(a: ArticleView): Values {
  return {
    slug: a.slug,
    kind: a.kind,
    topic: a.topic,
    tags: a.tags.join(', '),
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    summaryTh: a.summaryTh,
    summaryEn: a.summaryEn,
    bodyTh: a.bodyTh,
    bodyEn: a.bodyEn,
    courses: a.courses.map((c) => ({ id: c.id, title: c.titleTh })),
    coverAltTh: a.coverAltTh ?? '',
    cover: null,
  };
}

/** Linked catalogue courses: found by the catalogue's type-ahead, listed with a button to remove each. */
function CoursePicker({
  chosen,
  onChange,
  error,
}: {
  chosen: { id: string; title: string }[];
  onChange: (v: { id: string; title: string }[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['hub-course-suggest', q], queryFn: () => suggestCourses(q), enabled: q.trim().length >= 2 });
  const options = (found.data?.items ?? []).filter((c) => !chosen.some((x) => x.id === c.id));
  return (
    <Stack gap={6}>
      <TextInput
        label={t('hub.editor.courseIds')}
        description={t('hub.editor.courseIdsHint')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
        type="search"
      />
      {options.length ? (
        <List listStyleType="none" pl={0} spacing={4} aria-label={t('hub.editor.courseFound')}>
          {options.map((c) => (
            <List.Item key={c.id}>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  onChange([...chosen, { id: c.id, title: c.titleTh }]);
                  setQ('');
                }}
              >
                {t('hub.editor.courseAdd', { title: c.titleTh })}
              </Button>
            </List.Item>
          ))}
        </List>
      ) : null}
      {chosen.length ? (
        <List spacing={4} aria-label={t('hub.courses')}>
          {chosen.map((c) => (
            <List.Item key={c.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{c.title}</Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => onChange(chosen.filter((x) => x.id !== c.id))}
                  aria-label={t('hub.editor.courseRemove', { title: c.title })}
                >
                  ×
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

/** Writing an article or news item (authors) and editing it (its author while a draft, central editors always). */
export default function ArticleEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { slug } = useParams();
  const editing = !!slug;
  usePageTitle(t(editing ? 'hub.editor.editTitle' : 'hub.editor.newTitle'));
  const existing = useQuery({ queryKey: ['hub-article', slug], queryFn: () => getArticle(slug ?? ''), enabled: editing, retry: false });
  const { values, set, reset } = useFormValues<Values>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (existing.data && !loaded) {
      reset(valuesOf(existing.data));
      setLoaded(true);
    }
  }, [existing.data, loaded, reset]);
  const mutation = useMutation({
    mutationFn: async () => {
      const cover = values.cover
        ? { contentType: values.cover.type, dataBase64: await fileToBase64(values.cover), filename: values.cover.name }
        : undefined;
      const fields = {
        slug: values.slug.trim(),
        kind: values.kind,
        topic: values.topic,
        tags: split(values.tags),
        titleTh: values.titleTh,
        titleEn: values.titleEn,
        summaryTh: values.summaryTh,
        summaryEn: values.summaryEn,
        bodyTh: values.bodyTh,
        bodyEn: values.bodyEn,
        courseIds: values.courses.map((c) => c.id),
        coverAltTh: values.coverAltTh,
        cover,
      };
      if (existing.data) {
        return updateArticle(existing.data.id, parseBody(UpdateArticleBody, { ...fields, version: existing.data.version }));
      }
      return createArticle(parseBody(CreateArticleBody, fields));
    },
    onSuccess: (a) => navigate(`/hub/${a.slug}`),
  });
  if (editing && existing.isPending) return <PageLoader />;
  if (editing && !existing.data) return <ErrorAlert error={existing.error} />;
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t(editing ? 'hub.editor.editTitle' : 'hub.editor.newTitle')}</Title>
      <Text>{t('hub.editor.intro')}</Text>
      <ErrorAlert message={mutation.error ? errors.general : null} />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <form onSubmit={onSubmit} noValidate aria-label={t(editing ? 'hub.editor.editTitle' : 'hub.editor.newTitle')}>
          <Stack gap="md">
            <TextInput
              label={t('hub.editor.titleTh')}
              required
              value={values.titleTh}
              onChange={(e) => set('titleTh', e.currentTarget.value)}
              error={errors.fields.titleTh}
            />
            <TextInput
              label={t('hub.editor.titleEn')}
              value={values.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={errors.fields.titleEn}
              lang="en"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('hub.editor.slug')}
                description={t('hub.editor.slugHint')}
                required
                value={values.slug}
                onChange={(e) => set('slug', e.currentTarget.value)}
                error={errors.fields.slug}
              />
              <NativeSelect
                label={t('hub.kindLabel')}
                data={ARTICLE_KINDS.map((v) => ({ value: v, label: t(`hub.kind.${v}`) }))}
                value={values.kind}
                onChange={(e) => set('kind', e.currentTarget.value)}
                error={errors.fields.kind}
              />
              <NativeSelect
                label={t('hub.topic')}
                data={ARTICLE_TOPICS.map((v) => ({ value: v, label: t(`vol.topic.${v}`) }))}
                value={values.topic}
                onChange={(e) => set('topic', e.currentTarget.value)}
                error={errors.fields.topic}
              />
            </SimpleGrid>
            <TextInput
              label={t('hub.editor.tags')}
              description={t('hub.editor.tagsHint')}
              value={values.tags}
              onChange={(e) => set('tags', e.currentTarget.value)}
              error={errors.fields.tags}
            />
            <Textarea
              label={t('hub.editor.summaryTh')}
              required
              autosize
              minRows={2}
              value={values.summaryTh}
              onChange={(e) => set('summaryTh', e.currentTarget.value)}
              error={errors.fields.summaryTh}
            />
            <Textarea
              label={t('hub.editor.summaryEn')}
              autosize
              minRows={2}
              value={values.summaryEn}
              onChange={(e) => set('summaryEn', e.currentTarget.value)}
              error={errors.fields.summaryEn}
              lang="en"
            />
            <Tabs defaultValue="write">
              <Tabs.List>
                <Tabs.Tab value="write">{t('hub.editor.write')}</Tabs.Tab>
                <Tabs.Tab value="preview">{t('hub.editor.preview')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="write" pt="sm">
                <Stack gap="sm">
                  <Textarea
                    label={t('hub.editor.bodyTh')}
                    description={t('hub.editor.bodyHint')}
                    required
                    autosize
                    minRows={8}
                    value={values.bodyTh}
                    onChange={(e) => set('bodyTh', e.currentTarget.value)}
                    error={errors.fields.bodyTh}
                  />
                  <Textarea
                    label={t('hub.editor.bodyEn')}
                    autosize
                    minRows={4}
                    value={values.bodyEn}
                    onChange={(e) => set('bodyEn', e.currentTarget.value)}
                    error={errors.fields.bodyEn}
                    lang="en"
                  />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="preview" pt="sm">
                <Paper withBorder p="md">
                  <ArticleBody source={values.bodyTh} lang="th" />
                </Paper>
              </Tabs.Panel>
            </Tabs>
            <CoursePicker chosen={values.courses} onChange={(courses) => set('courses', courses)} error={errors.fields.courseIds} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FileInput
                label={t('hub.editor.cover')}
                description={t('hub.editor.coverHint')}
                accept="image/jpeg,image/png,image/webp"
                clearable
                value={values.cover}
                onChange={(f) => set('cover', f)}
                error={errors.fields.cover}
              />
              <TextInput
                label={t('hub.editor.coverAlt')}
                value={values.coverAltTh}
                onChange={(e) => set('coverAltTh', e.currentTarget.value)}
                error={errors.fields.coverAltTh}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('hub.editor.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
