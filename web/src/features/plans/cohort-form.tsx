import { Button, Fieldset, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CLASSROOM_METHODS, TEACHING_METHODS, type TeachingMethod } from '../../../../common/contracts/accreditation.js';
import { COHORT_MODES, type CohortMode } from '../../../../common/contracts/plans.js';
import { type AgencyPlanView, createCohort } from '../../api/plans.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';

const METHODS = TEACHING_METHODS.filter((m) => m !== 'on_the_job');

/** A new cohort (รุ่น) of one of the plan's courses; the lecture share of a classroom design is shown as it is typed. */
export function CohortForm({ plan }: { plan: AgencyPlanView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    courseId: plan.plannedCourses[0]?.id ?? '',
    title: '',
    startsOn: '',
    endsOn: '',
    mode: 'classroom' as CohortMode,
    venue: '',
    meetingUrl: '',
    capacity: 30,
    sessionCount: 2,
    attendanceThreshold: 80,
  });
  const [hours, setHours] = useState<Record<TeachingMethod, number>>(
    Object.fromEntries(TEACHING_METHODS.map((m) => [m, 0])) as Record<TeachingMethod, number>,
  );
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const create = useMutation({
    mutationFn: () =>
      createCohort(plan.id, {
        ...f,
        courseId,
        venue: f.mode === 'online_meeting' ? undefined : f.venue || undefined,
        meetingUrl: f.mode === 'classroom' ? undefined : f.meetingUrl || undefined,
        hours,
      }),
    onSuccess: (cohort) => {
      void queryClient.invalidateQueries({ queryKey: ['plan', plan.id] });
      navigate(`/cohorts/${cohort.id}`);
    },
  });
  const errors = create.error ? toFormErrors(create.error, t) : null;
  // The plan's courses may change while the form is open (HR saves the plan); keep a valid choice.
  const courseId = plan.plannedCourses.some((c) => c.id === f.courseId) ? f.courseId : (plan.plannedCourses[0]?.id ?? '');
  const classroom = CLASSROOM_METHODS.reduce((s, m) => s + (hours[m] ?? 0), 0);
  const lectureShare = classroom > 0 ? Math.round((hours.lecture / classroom) * 1000) / 10 : null;
  const checksLecture = f.mode !== 'online_meeting';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  if (plan.plannedCourses.length === 0) return <Text c="dimmed">{t('plans.cohort.needCourses')}</Text>;
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-cohort-heading" noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-cohort-heading">
          {t('plans.cohort.newTitle')}
        </Title>
        <ErrorAlert message={errors?.general} />
        <NativeSelect
          label={t('plans.cohort.course')}
          value={courseId}
          onChange={(e) => set({ courseId: e.currentTarget.value })}
          data={plan.plannedCourses.map((c) => ({ value: c.id, label: lang === 'en' ? c.titleEn : c.titleTh }))}
          error={errors?.fields.courseId}
        />
        <TextInput
          label={t('plans.cohort.title')}
          required
          value={f.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors?.fields.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('plans.cohort.startsOn')}
            required
            value={f.startsOn}
            onChange={(e) => set({ startsOn: e.currentTarget.value })}
            description={f.startsOn ? formatDate(f.startsOn, lang) : undefined}
            error={errors?.fields.startsOn}
          />
          <TextInput
            type="date"
            label={t('plans.cohort.endsOn')}
            required
            value={f.endsOn}
            onChange={(e) => set({ endsOn: e.currentTarget.value })}
            description={f.endsOn ? formatDate(f.endsOn, lang) : undefined}
            error={errors?.fields.endsOn}
          />
        </SimpleGrid>
        <Radio.Group label={t('plans.cohort.mode')} value={f.mode} onChange={(v) => set({ mode: v as CohortMode })}>
          <Group mt={6}>
            {COHORT_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`plans.mode.${m}`)} />
            ))}
          </Group>
        </Radio.Group>
        {f.mode !== 'online_meeting' ? (
          <TextInput
            label={t('plans.cohort.venue')}
            required
            value={f.venue}
            onChange={(e) => set({ venue: e.currentTarget.value })}
            error={errors?.fields.venue}
          />
        ) : null}
        {f.mode !== 'classroom' ? (
          <TextInput
            type="url"
            label={t('plans.cohort.meetingUrl')}
            required
            value={f.meetingUrl}
            onChange={(e) => set({ meetingUrl: e.currentTarget.value })}
            error={errors?.fields.meetingUrl}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberInput
            label={t('plans.cohort.capacity')}
            min={1}
            allowDecimal={false}
            value={f.capacity}
            onChange={(v) => set({ capacity: Number(v) || 0 })}
          />
          <NumberInput
            label={t('plans.cohort.sessions')}
            min={1}
            max={60}
            allowDecimal={false}
            value={f.sessionCount}
            onChange={(v) => set({ sessionCount: Number(v) || 0 })}
          />
          <NumberInput
            label={t('plans.cohort.threshold')}
            min={1}
            max={100}
            allowDecimal={false}
            suffix="%"
            value={f.attendanceThreshold}
            onChange={(v) => set({ attendanceThreshold: Number(v) || 0 })}
          />
        </SimpleGrid>
        <Fieldset legend={t('plans.cohort.hours')} variant="unstyled">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {METHODS.map((m) => (
              <NumberInput
                key={m}
                label={t(`acc.method.${m}`)}
                min={0}
                value={hours[m]}
                onChange={(v) => setHours((h) => ({ ...h, [m]: Number(v) || 0 }))}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        {checksLecture && lectureShare !== null ? (
          <Text size="sm" c={lectureShare > 60 ? 'red.8' : 'ok.8'} aria-live="polite">
            {t(lectureShare > 60 ? 'plans.cohort.lectureOver' : 'plans.cohort.lectureOk', { pct: formatNumber(lectureShare, lang) })}
          </Text>
        ) : null}
        {errors?.fields.hours ? (
          <Text c="red.8" size="sm" role="alert">
            {errors.fields.hours}
          </Text>
        ) : null}
        <Button type="submit" w="fit-content" loading={create.isPending}>
          {t('plans.cohort.create')}
        </Button>
      </Stack>
    </form>
  );
}
