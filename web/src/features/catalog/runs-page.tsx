import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PROVINCES } from '../../../../common/provinces.js';
import {
  type Completions,
  type CourseRunView,
  createCourseRun,
  getCatalogCourse,
  listCourseRuns,
  recordCompletions,
  updateCourseRun,
} from '../../api/catalog.js';
import { AppModal } from '../../components/app-modal.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { localized, provinceName } from './labels.js';
import {
  checkEmailLines,
  checkRunForm,
  EMPTY_RUN,
  type LineError,
  lineErrorsFrom,
  parseEmailLines,
  type RunFormValues,
  runPhase,
  runToForm,
  todayInBangkok,
  toRunBody,
} from './runs-form.js';

const PHASE_COLORS = { upcoming: 'thaksa', ongoing: 'ok', finished: 'gray', cancelled: 'red' } as const;

function DateField({
  label,
  value,
  onChange,
  error,
  required,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
  hint?: string;
}) {
  const lang = currentLanguage();
  // Native date inputs show the Common Era; the Buddhist-era date below says the same day as Thai readers write it.
  return (
    <TextInput
      type="date"
      label={label}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={value ? formatDate(value, lang) : hint}
      error={error}
    />
  );
}

function RunForm({ courseId, run, onDone }: { courseId: string; run: CourseRunView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [f, setF] = useState<RunFormValues>(() => (run ? runToForm(run) : EMPTY_RUN));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof RunFormValues>(k: K, v: RunFormValues[K]) => {
    setF((x) => ({ ...x, [k]: v }));
    setClientErrors(({ [k]: _, ...rest }) => rest);
  };
  const provinces = useMemo(() => {
    const collator = new Intl.Collator(lang === 'th' ? 'th' : 'en');
    return PROVINCES.map((p) => ({ value: p.code, label: localized(lang, p.nameTh, p.nameEn) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [lang]);
  const save = useMutation({
    mutationFn: () => {
      const body = toRunBody(f);
      return run ? updateCourseRun(courseId, run.id, { ...body, isCancelled: run.isCancelled }) : createCourseRun(courseId, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['course-runs', courseId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-course', courseId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-search'] });
      onDone();
    },
  });
  const server = save.error ? toFormErrors(save.error, t) : null;
  const err = (name: string) => (clientErrors[name] ? t(clientErrors[name]) : server?.fields[name]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors = checkRunForm(f, { today: todayInBangkok(), isNew: !run });
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ErrorAlert message={server?.general} />
        {Object.keys(clientErrors).length ? (
          <Text size="sm" c="red" role="alert">
            {t('errors.validation_failed')}
          </Text>
        ) : null}
        <TextInput
          label={t('catalog.runs.label')}
          description={t('catalog.runs.labelHint')}
          required
          value={f.label}
          onChange={(e) => set('label', e.currentTarget.value)}
          error={err('label')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('catalog.runs.startsOn')}
            required
            value={f.startsOn}
            onChange={(v) => set('startsOn', v)}
            error={err('startsOn')}
          />
          <DateField label={t('catalog.runs.endsOn')} required value={f.endsOn} onChange={(v) => set('endsOn', v)} error={err('endsOn')} />
        </SimpleGrid>
        <DateField
          label={t('catalog.runs.deadline')}
          value={f.registrationDeadline}
          onChange={(v) => set('registrationDeadline', v)}
          error={err('registrationDeadline')}
          hint={t('catalog.runs.deadlineHint')}
        />
        <Radio.Group
          label={t('catalog.runs.mode')}
          required
          value={f.mode}
          onChange={(v) => set('mode', v === 'online' ? 'online' : 'onsite')}
          error={err('mode')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="onsite" label={t('catalog.runs.onsite')} />
            <Radio value="online" label={t('catalog.runs.online')} />
          </Group>
        </Radio.Group>
        {f.mode === 'onsite' ? (
          <Select
            label={t('catalog.runs.province')}
            required
            searchable
            data={provinces}
            value={f.provinceCode || null}
            onChange={(v) => set('provinceCode', v ?? '')}
            nothingFoundMessage={t('catalog.runs.noProvince')}
            error={err('provinceCode')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <TextInput
          label={f.mode === 'online' ? t('catalog.runs.venueOnline') : t('catalog.runs.venue')}
          value={f.venue}
          onChange={(e) => set('venue', e.currentTarget.value)}
          error={err('venue')}
        />
        <TextInput
          label={t('catalog.runs.seats')}
          required
          inputMode="numeric"
          value={f.seats}
          onChange={(e) => set('seats', e.currentTarget.value.replace(/\D/g, ''))}
          error={err('seats')}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {run ? t('common.save') : t('catalog.runs.create')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CompletionsForm({ courseId, run, onDone }: { courseId: string; run: CourseRunView; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const today = todayInBangkok();
  const [text, setText] = useState('');
  const [completedOn, setCompletedOn] = useState(run.endsOn <= today ? run.endsOn : today);
  const [lineErrors, setLineErrors] = useState<LineError[]>([]);
  const [dateError, setDateError] = useState<string | null>(null);
  const [result, setResult] = useState<Completions | null>(null);
  const save = useMutation({
    mutationFn: (lines: { line: number; email: string }[]) =>
      recordCompletions(courseId, run.id, { emails: lines.map((l) => l.email), completedOn }),
    onSuccess: (r) => {
      setResult(r);
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['course-runs', courseId] });
    },
    onError: (error, lines) => setLineErrors(lineErrorsFrom(error, lines)),
  });
  const server = save.error ? toFormErrors(save.error, t) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const lines = parseEmailLines(text);
    const bad = checkEmailLines(lines);
    let dateErr: string | null = null;
    if (!completedOn) dateErr = t('validation.required');
    else if (completedOn < run.startsOn) dateErr = t('validation.run.completed_before_start');
    setDateError(dateErr);
    if (lines.length === 0) {
      setLineErrors([{ line: 1, email: '', key: 'catalog.completions.none' }]);
      return;
    }
    if (lines.length > 500) {
      setLineErrors([{ line: 501, email: '', key: 'catalog.completions.tooMany' }]);
      return;
    }
    setLineErrors(bad);
    if (bad.length || dateErr) return;
    save.mutate(lines);
  };
  const emailsError = lineErrors.length ? (
    <List size="sm" spacing={2} c="red">
      {lineErrors.map((l) => (
        <List.Item key={`${l.line}-${l.key}`}>{t(l.key, { line: l.line, email: l.email })}</List.Item>
      ))}
    </List>
  ) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('catalog.completions.lead', { label: run.label, from: formatDate(run.startsOn, lang), to: formatDate(run.endsOn, lang) })}
        </Text>
        <ErrorAlert message={server && !lineErrors.length ? server.general : null} />
        {result ? (
          <Alert color="ok" variant="light" role="status" title={t('catalog.completions.doneTitle')}>
            {t('catalog.completions.done', { recorded: result.recorded, already: result.alreadyRecorded })}
          </Alert>
        ) : null}
        <Textarea
          label={t('catalog.completions.emails')}
          description={t('catalog.completions.emailsHint')}
          required
          autosize
          minRows={5}
          maxRows={14}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={emailsError}
          spellCheck={false}
        />
        <TextInput
          type="date"
          label={t('catalog.completions.completedOn')}
          required
          value={completedOn}
          onChange={(e) => setCompletedOn(e.currentTarget.value)}
          description={completedOn ? formatDate(completedOn, lang) : undefined}
          error={dateError ?? server?.fields.completedOn}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('catalog.completions.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; run: CourseRunView }
  | { kind: 'completions'; run: CourseRunView }
  | { kind: 'cancel'; run: CourseRunView };

function CancelConfirm({ courseId, run, onDone }: { courseId: string; run: CourseRunView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: () => updateCourseRun(courseId, run.id, { ...toRunBody(runToForm(run)), isCancelled: !run.isCancelled }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['course-runs', courseId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-course', courseId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog-search'] });
      onDone();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {run.isCancelled ? t('catalog.runs.reopenText', { label: run.label }) : t('catalog.runs.cancelText', { label: run.label })}
      </Text>
      <ErrorAlert error={change.error} />
      <Group gap="sm">
        <Button color={run.isCancelled ? undefined : 'red'} loading={change.isPending} onClick={() => change.mutate()}>
          {run.isCancelled ? t('catalog.runs.reopen') : t('catalog.runs.cancelRun')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('catalog.runs.keep')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A provider schedules the runs (รุ่น) of an accredited course, changes or cancels them, and records who completed. */
export default function CourseRunsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const today = todayInBangkok();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const course = useQuery({ queryKey: ['catalog-course', id, 'manage'], queryFn: () => getCatalogCourse(id), retry: false });
  const canManage = course.data?.abilities.manageRuns === true;
  const runs = useQuery({ queryKey: ['course-runs', id], queryFn: () => listCourseRuns(id), enabled: canManage });
  const c = course.data;
  const title = c ? localized(lang, c.titleTh, c.titleEn) : '';
  usePageTitle(c ? t('catalog.runs.titleFor', { title }) : t('catalog.runs.title'));
  if (course.isPending) return <PageLoader />;
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/provider/courses/${id}`} size="sm">
        {t('catalog.runs.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{c ? t('catalog.runs.titleFor', { title }) : t('catalog.runs.title')}</Title>
        {c ? (
          <Group gap="md">
            {c.accreditationNumber ? <Text size="sm">{t('catalog.card.number', { number: c.accreditationNumber })}</Text> : null}
            <Anchor component={Link} to={`/catalog/courses/${id}`} size="sm">
              {t('catalog.runs.publicPage')}
            </Anchor>
          </Group>
        ) : null}
      </Stack>
      <ErrorAlert error={course.error} />
      {c && !canManage ? (
        <Alert color="warn" variant="light" title={t('catalog.runs.notManageableTitle')}>
          {t('catalog.runs.notManageable')}
        </Alert>
      ) : null}
      {canManage ? (
        <>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" maw={640}>
              {t('catalog.runs.lead')}
            </Text>
            <Button onClick={() => setDialog({ kind: 'create' })}>{t('catalog.runs.new')}</Button>
          </Group>
          {runs.isPending ? <PageLoader /> : null}
          <ErrorAlert error={runs.error} />
          {runs.data && runs.data.items.length === 0 ? (
            <EmptyState
              title={t('catalog.runs.emptyTitle')}
              action={
                <Button variant="light" onClick={() => setDialog({ kind: 'create' })}>
                  {t('catalog.runs.new')}
                </Button>
              }
            >
              {t('catalog.runs.emptyText')}
            </EmptyState>
          ) : null}
          {runs.data && runs.data.items.length > 0 ? (
            <ScrollRegion label={t('catalog.runs.caption', { count: runs.data.items.length })}>
              <Table withTableBorder striped captionSide="top">
                <caption>{t('catalog.runs.caption', { count: runs.data.items.length })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('catalog.runs.label')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.runs.dates')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.runs.place')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.runs.seats')}</Table.Th>
                    <Table.Th scope="col">{t('catalog.runs.completions')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.items.map((r) => {
                    const phase = runPhase(r, today);
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Th scope="row" fw={400}>
                          <Stack gap={2} align="flex-start">
                            <span>{r.label}</span>
                            <Badge color={PHASE_COLORS[phase]} variant="light" tt="none" autoContrast>
                              {t(`catalog.runs.phase.${phase}`)}
                            </Badge>
                          </Stack>
                        </Table.Th>
                        <Table.Td>
                          {formatDate(r.startsOn, lang)} – {formatDate(r.endsOn, lang)}
                          {r.registrationDeadline ? (
                            <Text size="xs" c="dimmed">
                              {t('catalog.runs.deadlineOn', { date: formatDate(r.registrationDeadline, lang) })}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          {r.mode === 'online' ? t('catalog.runs.online') : provinceName(r.provinceCode, lang)}
                          {r.venue ? (
                            <Text size="xs" c="dimmed">
                              {r.venue}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{formatNumber(r.seats, lang)}</Table.Td>
                        <Table.Td>{formatNumber(r.completions, lang)}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => setDialog({ kind: 'edit', run: r })}
                              aria-label={t('catalog.runs.editNamed', { label: r.label })}
                            >
                              {t('common.edit')}
                            </Button>
                            {!r.isCancelled && r.startsOn <= today ? (
                              <Button
                                size="compact-sm"
                                variant="light"
                                onClick={() => setDialog({ kind: 'completions', run: r })}
                                aria-label={t('catalog.runs.recordNamed', { label: r.label })}
                              >
                                {t('catalog.runs.record')}
                              </Button>
                            ) : null}
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color={r.isCancelled ? undefined : 'red'}
                              onClick={() => setDialog({ kind: 'cancel', run: r })}
                              aria-label={t(r.isCancelled ? 'catalog.runs.reopenNamed' : 'catalog.runs.cancelNamed', { label: r.label })}
                            >
                              {r.isCancelled ? t('catalog.runs.reopen') : t('catalog.runs.cancelRun')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          ) : null}
        </>
      ) : null}

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <AppModal
          onClose={close}
          title={dialog.kind === 'edit' ? t('catalog.runs.editTitle', { label: dialog.run.label }) : t('catalog.runs.new')}
          size="lg"
        >
          <RunForm courseId={id} run={dialog.kind === 'edit' ? dialog.run : null} onDone={close} />
        </AppModal>
      ) : null}
      {dialog?.kind === 'completions' ? (
        <AppModal onClose={close} title={t('catalog.completions.title', { label: dialog.run.label })} size="lg">
          <CompletionsForm courseId={id} run={dialog.run} onDone={close} />
        </AppModal>
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <AppModal onClose={close} title={dialog.run.isCancelled ? t('catalog.runs.reopen') : t('catalog.runs.cancelRun')}>
          <CancelConfirm courseId={id} run={dialog.run} onDone={close} />
        </AppModal>
      ) : null}
    </Stack>
  );
}
