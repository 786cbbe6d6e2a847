import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_ACTIVITY_TYPES, type DevelopmentActivityType } from '../../../../common/contracts/development.js';
import { searchCourses } from '../../api/catalog.js';
import { type DevelopmentActivityInput, type DevelopmentPlanView, updateDevelopmentPlan } from '../../api/development.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { useFrameworkNames } from '../plans/shared.js';

interface Row extends DevelopmentActivityInput {
  key: string;
  courseLabel?: string;
}

let keySeq = 0;
const toRow = (a: DevelopmentPlanView['activities'][number], lang: 'th' | 'en'): Row => ({
  key: a.id,
  id: a.id,
  type: a.type,
  title: a.title,
  description: a.description ?? undefined,
  skillAreaCode: a.skillAreaCode,
  targetLevel: a.targetLevel,
  courseId: a.course?.id,
  runId: a.runId ?? undefined,
  plannedHours: a.plannedHours,
  dueOn: a.dueOn ?? undefined,
  coach: a.coach ?? undefined,
  courseLabel: a.course ? (lang === 'en' ? a.course.titleEn : a.course.titleTh) : undefined,
});

function CoursePicker({
  area,
  onPick,
  suggestions,
}: {
  area: string;
  onPick: (c: { id: string; title: string; hours: number }) => void;
  suggestions: DevelopmentPlanView['suggestions'];
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ['dev-course-search', term, area],
    queryFn: () => searchCourses({ q: term ?? undefined, skillArea: area ? [area] : undefined, pageSize: 8 }),
    enabled: term !== null,
  });
  const suggested = suggestions.find((s) => s.skillAreaCode === area)?.courses ?? [];
  const pickButton = (c: {
    id: string;
    titleTh: string;
    titleEn: string;
    hours: number;
    providerNameTh: string;
    providerNameEn: string;
    nextRunOn: string | null;
  }) => (
    <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {lang === 'en' ? c.titleEn : c.titleTh}
        </Text>
        <Text size="xs" c="dimmed">
          {lang === 'en' ? c.providerNameEn : c.providerNameTh} · {t('dev.plan.hours', { count: c.hours })}
          {c.nextRunOn ? ` · ${t('dev.plan.nextRun', { date: formatDate(c.nextRunOn, lang) })}` : ''}
        </Text>
      </Stack>
      <Button size="xs" variant="light" onClick={() => onPick({ id: c.id, title: lang === 'en' ? c.titleEn : c.titleTh, hours: c.hours })}>
        {t('dev.plan.choose')}
      </Button>
    </Group>
  );
  return (
    <Stack gap="xs">
      {suggested.length ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('dev.plan.suggested')}
          </Text>
          {suggested.map(pickButton)}
        </Stack>
      ) : null}
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('dev.plan.searchCourse')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 12rem' }}
        />
        <Button variant="default" onClick={() => setTerm(q.trim())}>
          {t('dev.plan.search')}
        </Button>
      </Group>
      {results.data ? (
        results.data.items.length ? (
          <Stack gap={4}>{results.data.items.map(pickButton)}</Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dev.plan.noCourses')}
          </Text>
        )
      ) : null}
    </Stack>
  );
}

/** The person edits the activities of a draft or returned plan: change, remove, add (courses chosen from the catalogue), save. */
export function PlanEditor({ plan, onDone }: { plan: DevelopmentPlanView; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const names = useFrameworkNames(lang);
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => plan.activities.map((a) => toRow(a, lang)));
  const [goal, setGoal] = useState(plan.goal ?? '');
  const [adding, setAdding] = useState<Row | null>(null);
  const save = useMutation({
    mutationFn: () =>
      updateDevelopmentPlan(plan.id, {
        version: plan.version,
        goal: goal.trim() || undefined,
        activities: rows.map(({ key: _k, courseLabel: _c, ...a }) => a),
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(['development-plan', view.id], view);
      queryClient.invalidateQueries({ queryKey: ['my-development-plan'] });
      onDone();
    },
  });
  const errors = save.error ? toFormErrors(save.error, t) : null;
  const fieldError = (i: number, f: string) => {
    const e = (save.error as { errors?: { path: string }[] } | null)?.errors?.find((x) => x.path === `body.activities.${i}.${f}`);
    return e ? t('dev.plan.fieldInvalid') : undefined;
  };
  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const startAdding = (type: DevelopmentActivityType) =>
    setAdding({
      key: `new-${++keySeq}`,
      type,
      title: '',
      skillAreaCode: names.areas[0]?.value ?? 'DL',
      targetLevel: 1,
      plannedHours: type === 'formal' ? 6 : 12,
    });
  const addNow = (e: FormEvent) => {
    e.preventDefault();
    if (!adding?.title.trim() || (adding.type === 'formal' && !adding.courseId)) return;
    setRows((rs) => [...rs, adding]);
    setAdding(null);
  };
  return (
    <Stack gap="md" data-testid="plan-editor">
      <Title order={2} size="h3">
        {t('dev.plan.editTitle')}
      </Title>
      <ErrorAlert message={errors?.general} />
      <Textarea
        label={t('dev.plan.goal')}
        value={goal}
        onChange={(e) => setGoal(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {rows.map((r, i) => (
        <Paper key={r.key} withBorder p="sm" radius="md" data-testid="edit-activity">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {t(`dev.activityType.${r.type}`)} · {r.skillAreaCode} {t('dev.profile.levelN', { level: r.targetLevel })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('dev.plan.remove', { title: r.title })}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                  <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6" />
                </svg>
              </ActionIcon>
            </Group>
            {r.courseLabel ? <Text size="sm">{r.courseLabel}</Text> : null}
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={t('dev.plan.activityTitle')}
                value={r.title}
                onChange={(e) => update(r.key, { title: e.currentTarget.value })}
                error={fieldError(i, 'title')}
                required
                style={{ flex: '2 1 14rem' }}
              />
              <NumberInput
                label={t('dev.plan.plannedHours')}
                value={r.plannedHours}
                min={0.5}
                max={2000}
                step={1}
                onChange={(v) => update(r.key, { plannedHours: Number(v) || 0 })}
                error={fieldError(i, 'plannedHours')}
                style={{ flex: '1 1 7rem' }}
              />
              <TextInput
                type="date"
                label={t('dev.plan.dueOn')}
                value={r.dueOn ?? ''}
                onChange={(e) => update(r.key, { dueOn: e.currentTarget.value || undefined })}
                error={fieldError(i, 'dueOn')}
                style={{ flex: '1 1 9rem' }}
              />
            </Group>
            {fieldError(i, 'courseId') ? (
              <Text size="sm" c="red">
                {t('dev.plan.courseInvalid')}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ))}
      <Group gap="xs">
        {DEVELOPMENT_ACTIVITY_TYPES.map((type) => (
          <Button key={type} variant="default" size="sm" onClick={() => startAdding(type)}>
            {t('dev.plan.add', { type: t(`dev.activityType.${type}`) })}
          </Button>
        ))}
      </Group>
      {adding ? (
        <Paper withBorder p="md" radius="md" component="form" onSubmit={addNow} aria-labelledby="add-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="add-heading">
              {t('dev.plan.addTitle', { type: t(`dev.activityType.${adding.type}`) })}
            </Title>
            <Group grow wrap="wrap" align="flex-start">
              <NativeSelect
                label={t('dev.profile.area')}
                value={adding.skillAreaCode}
                data={names.areas.map((a) => ({ value: a.value, label: `${a.value} · ${a.label}` }))}
                onChange={(e) => setAdding({ ...adding, skillAreaCode: e.currentTarget.value })}
              />
              <NumberInput
                label={t('dev.plan.targetLevel')}
                value={adding.targetLevel}
                min={1}
                max={10}
                onChange={(v) => setAdding({ ...adding, targetLevel: Number(v) || 1 })}
              />
              <NumberInput
                label={t('dev.plan.plannedHours')}
                value={adding.plannedHours}
                min={0.5}
                max={2000}
                onChange={(v) => setAdding({ ...adding, plannedHours: Number(v) || 1 })}
              />
            </Group>
            {adding.type === 'formal' ? (
              <>
                {adding.courseId ? (
                  <Text size="sm">
                    {t('dev.plan.chosen')}: <b>{adding.courseLabel}</b>
                  </Text>
                ) : null}
                <CoursePicker
                  area={adding.skillAreaCode}
                  suggestions={plan.suggestions}
                  onPick={(c) =>
                    setAdding({
                      ...adding,
                      courseId: c.id,
                      courseLabel: c.title,
                      title: c.title,
                      plannedHours: c.hours || adding.plannedHours,
                    })
                  }
                />
              </>
            ) : (
              <TextInput
                label={t('dev.plan.activityTitle')}
                value={adding.title}
                onChange={(e) => setAdding({ ...adding, title: e.currentTarget.value })}
                required
              />
            )}
            <Group gap="xs">
              <Button type="submit" disabled={!adding.title.trim() || (adding.type === 'formal' && !adding.courseId)}>
                {t('dev.plan.addConfirm')}
              </Button>
              <Button variant="subtle" onClick={() => setAdding(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('dev.plan.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {t('dev.plan.saved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
