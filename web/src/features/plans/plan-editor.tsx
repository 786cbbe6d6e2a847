import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_TYPES,
  BUDGET_CATEGORIES,
  type BudgetLine,
  computePlanMix,
  type PlanActivity,
  type PlanTarget,
  TARGET_METRICS,
} from '../../../../common/contracts/plans.js';
import { TARGET_GROUP_CODES } from '../../../../common/people-rules.js';
import { getShortlist } from '../../api/catalog.js';
import { type AgencyPlanView, updateAgencyPlan } from '../../api/plans.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { baht, MixBar, useFrameworkNames } from './shared.js';

interface Draft {
  phase: string;
  objectivesText: string;
  targets: PlanTarget[];
  budgetLines: BudgetLine[];
  activities: PlanActivity[];
  plannedCourseIds: string[];
}

const fromPlan = (p: AgencyPlanView): Draft => ({
  phase: p.phase,
  objectivesText: p.objectives.join('\n'),
  targets: p.targets.map(({ progress: _p, ...t }) => t),
  budgetLines: p.budgetLines,
  activities: p.activities,
  plannedCourseIds: p.plannedCourses.map((c) => c.id),
});

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" size="lg" aria-label={label} onClick={onClick}>
      <span aria-hidden>✕</span>
    </ActionIcon>
  );
}

/** HR edits the whole plan and saves it with the version it started from (the server refuses a stale one). */
export function PlanEditor({ plan, onDirtyChange }: { plan: AgencyPlanView; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const names = useFrameworkNames(lang);
  const [d, setD] = useState<Draft>(() => fromPlan(plan));
  const shortlist = useQuery({ queryKey: ['shortlist', plan.agency.id], queryFn: () => getShortlist(plan.agency.id) });
  const change = (next: Partial<Draft>) => {
    setD((x) => ({ ...x, ...next }));
    onDirtyChange(true);
  };
  const save = useMutation({
    mutationFn: () =>
      updateAgencyPlan(plan.id, {
        version: plan.version,
        phase: d.phase,
        objectives: d.objectivesText
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        targets: d.targets,
        budgetLines: d.budgetLines,
        activities: d.activities,
        plannedCourseIds: d.plannedCourseIds,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['plan', plan.id], saved);
      onDirtyChange(false);
    },
  });
  const errors = save.error ? toFormErrors(save.error, t) : null;
  const mix = useMemo(() => computePlanMix(d.activities), [d.activities]);
  const total = d.budgetLines.reduce((s, b) => s + (Number.isFinite(b.amountBaht) ? b.amountBaht : 0), 0);
  const courses = new Map<string, string>();
  for (const c of plan.plannedCourses) courses.set(c.id, lang === 'en' ? c.titleEn : c.titleTh);
  for (const e of shortlist.data?.items ?? [])
    courses.set(e.course.id, lang === 'en' ? e.course.titleEn || e.course.titleTh : e.course.titleTh);
  const setRow = <K extends 'targets' | 'budgetLines' | 'activities'>(key: K, i: number, patch: Partial<Draft[K][number]>) =>
    change({ [key]: d[key].map((r, j) => (j === i ? { ...r, ...patch } : r)) } as Partial<Draft>);
  const removeRow = (key: 'targets' | 'budgetLines' | 'activities', i: number) =>
    change({ [key]: d[key].filter((_, j) => j !== i) } as Partial<Draft>);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

  return (
    <form onSubmit={onSubmit} aria-label={t('plans.editor.title')}>
      <Stack gap="lg">
        <ErrorAlert message={errors?.general} />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sec-objectives">
          <Stack gap="sm">
            <Title order={2} size="h3" id="sec-objectives">
              {t('plans.section.objectives')}
            </Title>
            <NativeSelect
              label={t('plans.field.phase')}
              value={d.phase}
              onChange={(e) => change({ phase: e.currentTarget.value })}
              data={plan.phases.map((p) => ({ value: p.code, label: lang === 'en' ? p.en : p.th }))}
              maw={320}
              error={errors?.fields.phase}
            />
            <Textarea
              label={t('plans.field.objectives')}
              description={t('plans.field.objectivesHint')}
              autosize
              minRows={3}
              value={d.objectivesText}
              onChange={(e) => change({ objectivesText: e.currentTarget.value })}
              error={errors?.fields.objectives}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sec-targets">
          <Stack gap="sm">
            <Title order={2} size="h3" id="sec-targets">
              {t('plans.section.targets')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('plans.editor.targetsHint')}
            </Text>
            {errors?.fields.targets ? (
              <Text c="red" size="sm" role="alert">
                {errors.fields.targets}
              </Text>
            ) : null}
            {d.targets.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; every input is controlled by its row's values
              <Group key={`t${i}`} align="flex-end" gap="xs" wrap="wrap" data-testid="target-row">
                <NativeSelect
                  label={t('plans.field.targetGroup')}
                  value={row.targetGroupCode}
                  onChange={(e) => setRow('targets', i, { targetGroupCode: e.currentTarget.value as PlanTarget['targetGroupCode'] })}
                  data={TARGET_GROUP_CODES.map((g) => ({ value: g, label: names.groupName(g) }))}
                  style={{ flex: '1 1 12rem' }}
                />
                <NativeSelect
                  label={t('plans.field.skillArea')}
                  value={row.skillAreaCode}
                  onChange={(e) => setRow('targets', i, { skillAreaCode: e.currentTarget.value })}
                  data={[{ value: 'ALL', label: t('plans.allAreas') }, ...names.areas]}
                  style={{ flex: '1 1 12rem' }}
                />
                <NativeSelect
                  label={t('plans.field.metric')}
                  value={row.metric}
                  onChange={(e) => setRow('targets', i, { metric: e.currentTarget.value as PlanTarget['metric'] })}
                  data={TARGET_METRICS.map((m) => ({ value: m, label: t(`plans.metric.${m}`) }))}
                  style={{ flex: '1 1 12rem' }}
                />
                <NumberInput
                  label={t('plans.field.targetValue')}
                  value={row.value}
                  min={0}
                  onChange={(v) => setRow('targets', i, { value: num(v) })}
                  w={110}
                />
                <RemoveButton label={t('plans.editor.removeTarget', { n: i + 1 })} onClick={() => removeRow('targets', i)} />
              </Group>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                change({
                  targets: [...d.targets, { targetGroupCode: 'ACADEMIC', skillAreaCode: 'ALL', metric: 'people_trained', value: 0 }],
                })
              }
            >
              {t('plans.editor.addTarget')}
            </Button>
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sec-budget">
          <Stack gap="sm">
            <Title order={2} size="h3" id="sec-budget">
              {t('plans.section.budget')}
            </Title>
            {d.budgetLines.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; every input is controlled by its row's values
              <Group key={`b${i}`} align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('plans.field.budgetItem')}
                  value={row.item}
                  onChange={(e) => setRow('budgetLines', i, { item: e.currentTarget.value })}
                  style={{ flex: '2 1 14rem' }}
                  required
                />
                <NativeSelect
                  label={t('plans.field.budgetCategory')}
                  value={row.category}
                  onChange={(e) => setRow('budgetLines', i, { category: e.currentTarget.value as BudgetLine['category'] })}
                  data={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`plans.category.${c}`) }))}
                  style={{ flex: '1 1 10rem' }}
                />
                <NumberInput
                  label={t('plans.field.amount')}
                  value={row.amountBaht}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  onChange={(v) => setRow('budgetLines', i, { amountBaht: num(v) })}
                  w={160}
                />
                <RemoveButton label={t('plans.editor.removeBudget', { n: i + 1 })} onClick={() => removeRow('budgetLines', i)} />
              </Group>
            ))}
            <Group justify="space-between" wrap="wrap">
              <Button
                variant="light"
                onClick={() => change({ budgetLines: [...d.budgetLines, { item: '', category: 'training', amountBaht: 0 }] })}
              >
                {t('plans.editor.addBudget')}
              </Button>
              <Text fw={700} aria-live="polite">
                {t('plans.budgetTotal', { amount: baht(total, lang) })}
              </Text>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sec-activities">
          <Stack gap="sm">
            <Title order={2} size="h3" id="sec-activities">
              {t('plans.section.activities')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('plans.editor.activitiesHint')}
            </Text>
            {d.activities.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; every input is controlled by its row's values
              <Group key={`a${i}`} align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('plans.field.activityTitle')}
                  value={row.title}
                  onChange={(e) => setRow('activities', i, { title: e.currentTarget.value })}
                  style={{ flex: '2 1 14rem' }}
                  required
                />
                <NativeSelect
                  label={t('plans.field.activityType')}
                  value={row.type}
                  onChange={(e) => setRow('activities', i, { type: e.currentTarget.value as PlanActivity['type'] })}
                  data={ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`plans.activityType.${a}`) }))}
                  style={{ flex: '1 1 12rem' }}
                />
                <NumberInput
                  label={t('plans.field.plannedHours')}
                  value={row.plannedHours}
                  min={0}
                  onChange={(v) => setRow('activities', i, { plannedHours: num(v) })}
                  w={110}
                />
                <NumberInput
                  label={t('plans.field.plannedPeople')}
                  value={row.plannedPeople}
                  min={0}
                  allowDecimal={false}
                  onChange={(v) => setRow('activities', i, { plannedPeople: num(v) })}
                  w={110}
                />
                <RemoveButton label={t('plans.editor.removeActivity', { n: i + 1 })} onClick={() => removeRow('activities', i)} />
              </Group>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() =>
                change({ activities: [...d.activities, { title: '', type: 'on_the_job', plannedHours: 0, plannedPeople: 0 }] })
              }
            >
              {t('plans.editor.addActivity')}
            </Button>
            <MixBar mix={mix} lang={lang} />
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sec-courses">
          <Stack gap="sm">
            <Title order={2} size="h3" id="sec-courses">
              {t('plans.section.courses')}
            </Title>
            {courses.size === 0 ? <Text c="dimmed">{t('plans.editor.noShortlist')}</Text> : null}
            <Checkbox.Group
              value={d.plannedCourseIds}
              onChange={(v) => change({ plannedCourseIds: v })}
              label={t('plans.editor.fromShortlist')}
              error={errors?.fields.plannedCourseIds}
            >
              <Stack gap={6} mt={6}>
                {[...courses].map(([id, title]) => (
                  <Checkbox key={id} value={id} label={title} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Paper>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('plans.editor.save')}
          </Button>
          {save.isSuccess ? (
            <Text c="ok.8" role="status">
              {t('plans.editor.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
