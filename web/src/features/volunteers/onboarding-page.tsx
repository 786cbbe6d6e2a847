import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type CurriculumView, getCurriculum, getOnboardingProgress, setCurriculum } from '../../api/hub.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { NO_ERRORS, toFormErrors } from '../../lib/form-errors.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { localized } from '../catalog/labels.js';

const PAGE_SIZE = 20;
type Item = { kind: 'course' | 'article'; id: string };

/** The central office orders the curriculum: move, remove, add a course or a published article by its id. */
function CurriculumEditor({ curriculum }: { curriculum: CurriculumView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const [kind, setKind] = useState<'course' | 'article'>('article');
  const [id, setId] = useState('');
  const items: Item[] = curriculum.items.map((i) => ({ kind: i.kind, id: (i.kind === 'course' ? i.course?.id : i.article?.id) ?? '' }));
  const save = useMutation({
    mutationFn: (next: Item[]) => setCurriculum({ items: next }),
    onSuccess: (v) => {
      qc.setQueryData(['curriculum'], v);
      setId('');
    },
  });
  const errors = save.error ? toFormErrors(save.error, t) : NO_ERRORS;
  const move = (i: number, d: number) => {
    const next = [...items];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    save.mutate(next);
  };
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    save.mutate([...items, { kind, id: id.trim() }]);
  };
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Caption>{t('hub.curriculum.caption')}</Table.Caption>
          <Table.Tbody>
            {curriculum.items.map((it, i) => {
              const title = it.article
                ? localized(lang, it.article.titleTh, it.article.titleEn)
                : it.course
                  ? localized(lang, it.course.titleTh, it.course.titleEn)
                  : t('hub.onboarding.gone');
              return (
                <Table.Tr key={it.id}>
                  <Table.Td>{formatNumber(it.position, lang)}</Table.Td>
                  <Table.Td>
                    {t(`hub.onboarding.kind.${it.kind}`)}: {title}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t('hub.curriculum.up', { title })}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        disabled={i === items.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t('hub.curriculum.down', { title })}
                      >
                        ↓
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => save.mutate(items.filter((_, j) => j !== i))}
                        aria-label={t('hub.curriculum.remove', { title })}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form onSubmit={onAdd} aria-label={t('hub.curriculum.add')}>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('hub.curriculum.kind')}
            data={(['article', 'course'] as const).map((k) => ({ value: k, label: t(`hub.onboarding.kind.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'course' | 'article')}
          />
          <TextInput
            label={t('hub.curriculum.id')}
            description={t('hub.curriculum.idHint')}
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            error={errors.fields.items}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button type="submit" loading={save.isPending}>
            {t('hub.curriculum.add')}
          </Button>
        </Group>
      </form>
      <ErrorAlert message={save.error ? errors.general : null} />
    </Stack>
  );
}

/** Onboarding of an area's approved volunteers: the share who completed the curriculum and each one's progress. */
export default function OnboardingPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('hub.onboarding.areaTitle'));
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const incomplete = params.get('incomplete') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const [areaText, setAreaText] = useState(area);
  const progress = useQuery({
    queryKey: ['onboarding', area, incomplete, page],
    queryFn: () => getOnboardingProgress({ area: area || undefined, incomplete: incomplete || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const curriculum = useQuery({ queryKey: ['curriculum'], queryFn: getCurriculum });
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const p = progress.data;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('hub.onboarding.areaTitle')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update({ area: areaText.trim() || null });
        }}
        aria-label={t('hub.onboarding.areaForm')}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('hub.onboarding.area')}
            description={t('hub.onboarding.areaHint')}
            value={areaText}
            onChange={(e) => setAreaText(e.currentTarget.value)}
            inputMode="numeric"
          />
          <NativeSelect
            label={t('hub.onboarding.show')}
            data={[
              { value: 'false', label: t('hub.onboarding.showAll') },
              { value: 'true', label: t('hub.onboarding.showIncomplete') },
            ]}
            value={String(incomplete)}
            onChange={(e) => update({ incomplete: e.currentTarget.value === 'true' ? 'true' : null })}
          />
          <Button type="submit">{t('hub.onboarding.apply')}</Button>
        </Group>
      </form>
      {progress.isPending ? <PageLoader /> : null}
      <ErrorAlert error={progress.error} />
      {p ? (
        <section aria-label={t('hub.onboarding.areaTitle')} data-ready={`${area}|${incomplete}|${page}`}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Paper withBorder p="md">
                <Text size="sm">{t('hub.onboarding.approved')}</Text>
                <Text fw={700} size="xl">
                  {formatNumber(p.approved, lang)}
                </Text>
              </Paper>
              <Paper withBorder p="md">
                <Text size="sm">{t('hub.onboarding.completed')}</Text>
                <Text fw={700} size="xl">
                  {formatNumber(p.completed, lang)}
                </Text>
              </Paper>
              <Paper withBorder p="md">
                <Text size="sm">{t('hub.onboarding.share')}</Text>
                <Text fw={700} size="xl" data-testid="onboarding-share">
                  {formatNumber(Math.round(p.share * 1000) / 10, lang)}%
                </Text>
              </Paper>
            </SimpleGrid>
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vol.field.firstName')}</Table.Th>
                    <Table.Th>{t('hub.onboarding.itemsDone')}</Table.Th>
                    <Table.Th>{t('hub.onboarding.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.volunteers.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        {v.firstName} {v.lastName}
                      </Table.Td>
                      <Table.Td>
                        {formatNumber(v.done, lang)} / {formatNumber(p.itemsTotal, lang)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={v.complete ? 'ok' : 'gray'} variant={v.complete ? 'filled' : 'outline'} autoContrast>
                          {t(v.complete ? 'hub.onboarding.complete' : 'hub.onboarding.inProgress')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {p.total > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(p.total / PAGE_SIZE)}
                value={page}
                onChange={(n) => update({ page: String(n) })}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('common.pagination.page', { page: n }) })}
              />
            ) : null}
          </Stack>
        </section>
      ) : null}
      <section aria-labelledby="curriculum-title">
        <Title order={2} size="h3" id="curriculum-title" mb="sm">
          {t('hub.curriculum.title')}
        </Title>
        {curriculum.data?.abilities.edit ? (
          <CurriculumEditor curriculum={curriculum.data} />
        ) : (
          <Stack gap={4}>
            {curriculum.data?.items.map((it) => (
              <Text key={it.id} size="sm">
                {formatNumber(it.position, lang)}. {t(`hub.onboarding.kind.${it.kind}`)}:{' '}
                {it.article
                  ? localized(lang, it.article.titleTh, it.article.titleEn)
                  : it.course
                    ? localized(lang, it.course.titleTh, it.course.titleEn)
                    : t('hub.onboarding.gone')}
              </Text>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
