import { Alert, Anchor, Badge, Button, FileInput, Group, NativeSelect, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EVIDENCE_MAX_BYTES } from '../../../../common/contracts/development.js';
import {
  approveDevelopmentPlan,
  attestActivity,
  type DevelopmentPlanView,
  draftDevelopmentPlan,
  evidenceFileUrl,
  getDevelopmentPlan,
  getMyDevelopmentPlan,
  returnDevelopmentPlan,
  submitDevelopmentPlan,
} from '../../api/development.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { toFormErrors } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { PlanEditor } from './plan-editor.js';
import { currentFiscalYear, DevPlanStateBadge, fyText, MixBars } from './shared.js';

type Activity = DevelopmentPlanView['activities'][number];

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The supervisor's attestation of one coaching or on-the-job activity: a note, a file, or both. */
function AttestForm({ activity, onDone }: { activity: Activity; onDone: (v: DevelopmentPlanView) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const attest = useMutation({
    mutationFn: async () => {
      const body: Parameters<typeof attestActivity>[1] = { note: note.trim() || undefined };
      if (file) body.file = { name: file.name, contentType: file.type as 'application/pdf', base64: await readBase64(file) };
      return attestActivity(activity.id, body);
    },
    onSuccess: onDone,
  });
  const errors = attest.error ? toFormErrors(attest.error, t) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file && file.size > EVIDENCE_MAX_BYTES) return setFileError(t('dev.attest.tooLarge'));
    if (file && !['application/pdf', 'image/png', 'image/jpeg'].includes(file.type)) return setFileError(t('dev.attest.badType'));
    setFileError(null);
    attest.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('dev.attest.formLabel', { title: activity.title })}>
      <Stack gap="xs">
        <ErrorAlert message={errors?.general} />
        <Textarea
          label={t('dev.attest.note')}
          description={t('dev.attest.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors?.fields.note}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <FileInput
          label={t('dev.attest.file')}
          description={t('dev.attest.fileHint')}
          value={file}
          onChange={setFile}
          accept="application/pdf,image/png,image/jpeg"
          clearable
          error={fileError ?? errors?.fields.file}
        />
        <Group>
          <Button type="submit" loading={attest.isPending} disabled={note.trim().length < 3 && !file}>
            {t('dev.attest.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActivityCard({ a, onChange }: { a: Activity; onChange: (v: DevelopmentPlanView) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="activity" data-type={a.type} data-state={a.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge variant="light" tt="none" color={a.type === 'on_the_job' ? 'thaksa' : a.type === 'coaching' ? 'warn' : 'ok'}>
              {t(`dev.activityType.${a.type}`)}
            </Badge>
            <Text size="sm">
              {a.skillAreaCode} · {t('dev.profile.levelN', { level: a.targetLevel })}
            </Text>
          </Group>
          <Badge
            variant={a.state === 'completed' ? 'filled' : 'outline'}
            color={a.state === 'completed' ? 'ok' : 'gray'}
            tt="none"
            autoContrast
          >
            {t(`dev.activityState.${a.state}`)}
          </Badge>
        </Group>
        <Text fw={600}>{a.title}</Text>
        {a.description ? <Text size="sm">{a.description}</Text> : null}
        {a.course ? (
          <Text size="sm">
            <Anchor component={Link} to={`/catalog/courses/${a.course.id}`} underline="always">
              {lang === 'en' ? a.course.titleEn : a.course.titleTh}
            </Anchor>{' '}
            · {lang === 'en' ? a.course.providerNameEn : a.course.providerNameTh}
            {a.course.nextRunOn ? ` · ${t('dev.plan.nextRun', { date: formatDate(a.course.nextRunOn, lang) })}` : ''}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('dev.plan.hours', { count: a.plannedHours })}
          {a.dueOn ? ` · ${t('dev.plan.due', { date: formatDate(a.dueOn, lang) })}` : ''}
        </Text>
        {a.evidence ? (
          <Text size="sm" data-testid="evidence">
            {a.evidence.kind === 'learning_record'
              ? t('dev.plan.doneByRecord', { date: formatDate(a.completedAt, lang) })
              : t('dev.plan.doneByAttestation', { by: a.evidence.by ?? '', date: formatDate(a.completedAt, lang) })}
            {a.evidence.note ? ` — “${a.evidence.note}”` : ''}
            {a.evidence.file ? (
              <>
                {' '}
                <Anchor href={evidenceFileUrl(a.evidence.file.id)} underline="always">
                  {t('dev.plan.evidenceFile', { name: a.evidence.file.name })}
                </Anchor>
              </>
            ) : null}
          </Text>
        ) : a.type === 'formal' ? (
          <Text size="xs" c="dimmed">
            {t('dev.plan.courseCompletesHow')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('dev.plan.attestHow')}
          </Text>
        )}
        {a.abilities.attest ? (
          open ? (
            <AttestForm activity={a} onDone={onChange} />
          ) : (
            <Group>
              <Button size="sm" variant="light" onClick={() => setOpen(true)}>
                {t('dev.attest.open')}
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}

function Decision({ plan, onChange }: { plan: DevelopmentPlanView; onChange: (v: DevelopmentPlanView) => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const approve = useMutation({ mutationFn: () => approveDevelopmentPlan(plan.id, comment.trim()), onSuccess: onChange });
  const ret = useMutation({ mutationFn: () => returnDevelopmentPlan(plan.id, comment.trim()), onSuccess: onChange });
  const error = approve.error ?? ret.error;
  const errors = error ? toFormErrors(error, t) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decide-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="decide-heading">
          {t('dev.decide.title')}
        </Title>
        <ErrorAlert message={errors?.general} />
        <Textarea
          label={t('dev.decide.comment')}
          description={t('dev.decide.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors?.fields.comment}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group>
          <Button onClick={() => approve.mutate()} loading={approve.isPending}>
            {t('dev.decide.approve')}
          </Button>
          <Button variant="default" onClick={() => ret.mutate()} loading={ret.isPending} disabled={!comment.trim()}>
            {t('dev.decide.return')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PlanView({ plan, own }: { plan: DevelopmentPlanView; own: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const onChange = (v: DevelopmentPlanView) => {
    queryClient.setQueryData(['development-plan', v.id], v);
    queryClient.invalidateQueries({ queryKey: ['my-development-plan'] });
    queryClient.invalidateQueries({ queryKey: ['supervisor-queue'] });
    queryClient.invalidateQueries({ queryKey: ['skill-profile'] });
  };
  const submit = useMutation({ mutationFn: () => submitDevelopmentPlan(plan.id), onSuccess: onChange });
  const [editing, setEditing] = useState(false);
  const lastReturn = [...plan.events].reverse().find((e) => e.action === 'return');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>
            {own
              ? t('dev.plan.myTitle')
              : t('dev.plan.personTitle', { name: lang === 'en' ? (plan.person.nameEn ?? plan.person.nameTh) : plan.person.nameTh })}
          </Title>
          <DevPlanStateBadge state={plan.state} />
        </Group>
        <Text>{fyText(plan.fiscalYear, lang)}</Text>
        {plan.goal ? <Text>{t('dev.plan.goalIs', { goal: plan.goal })}</Text> : null}
      </Stack>
      {plan.state === 'returned' && lastReturn ? (
        <Alert color="warn" variant="light" title={t('dev.plan.returnedTitle')}>
          {lastReturn.comment}
        </Alert>
      ) : null}
      {plan.state === 'completed' ? (
        <Alert color="ok" variant="light" title={t('dev.plan.completedTitle')}>
          {own ? (
            <Anchor component={Link} to="/me/certificates" underline="always">
              {t('dev.plan.toCertificates')}
            </Anchor>
          ) : (
            t('dev.plan.completedText')
          )}
        </Alert>
      ) : null}
      <section aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading" mb="xs">
          {t('dev.plan.progressTitle')}
        </Title>
        <Text size="sm" mb={4} data-testid="plan-progress">
          {t('dev.plan.progress', { done: plan.progress.done, total: plan.progress.total, pct: formatNumber(plan.progress.pct, lang) })}
        </Text>
        <Progress value={plan.progress.pct} size="lg" aria-label={t('dev.plan.progressTitle')} mb="md" />
        <MixBars planned={plan.mix.planned} actual={plan.mix.actual} target={plan.mix.target} lang={lang} />
      </section>
      {plan.abilities.edit && editing ? <PlanEditor key={plan.version} plan={plan} onDone={() => setEditing(false)} /> : null}
      {plan.abilities.edit && !editing ? (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('dev.plan.editTitle')}
          </Button>
        </Group>
      ) : null}
      {plan.abilities.submit && !editing ? (
        <Group>
          <ErrorAlert error={submit.error} />
          <Button onClick={() => submit.mutate()} loading={submit.isPending} size="md">
            {t('dev.plan.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('dev.plan.submitHint')}
          </Text>
        </Group>
      ) : null}
      {plan.abilities.approve ? <Decision plan={plan} onChange={onChange} /> : null}
      {editing ? null : (
        <section aria-labelledby="activities-heading">
          <Title order={2} size="h3" id="activities-heading" mb="sm">
            {t('dev.plan.activitiesTitle', { count: plan.activities.length })}
          </Title>
          <Stack gap="sm">
            {plan.activities.map((a) => (
              <ActivityCard key={a.id} a={a} onChange={onChange} />
            ))}
          </Stack>
        </section>
      )}
      {plan.events.length ? (
        <section aria-labelledby="events-heading">
          <Title order={2} size="h3" id="events-heading" mb="xs">
            {t('dev.plan.historyTitle')}
          </Title>
          <Stack gap={4} component="ul" style={{ paddingInlineStart: '1.2rem' }}>
            {plan.events.map((e) => (
              <Text component="li" size="sm" key={`${e.at}-${e.action}`}>
                {formatDate(e.at, lang, 'dateTime')} — {t(`dev.event.${e.action}`, { defaultValue: e.action })}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {e.comment ? ` — “${e.comment}”` : ''}
              </Text>
            ))}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}

/** The signed-in person's plan of a fiscal year: draft it from the gaps, edit, submit, follow progress. */
export default function MyPlanPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dev.plan.myTitle'));
  const fy = currentFiscalYear();
  const [year, setYear] = useState(fy);
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['my-development-plan', year], queryFn: () => getMyDevelopmentPlan(year) });
  const draft = useMutation({
    mutationFn: () => draftDevelopmentPlan(year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-development-plan'] }),
  });
  const planId = q.data?.plan?.id;
  const live = useQuery({
    queryKey: ['development-plan', planId],
    queryFn: () => getDevelopmentPlan(planId as string),
    enabled: !!planId,
    initialData: q.data?.plan ?? undefined,
  });
  const yearPicker = (
    <NativeSelect
      label={t('dev.plan.fiscalYear')}
      value={String(year)}
      onChange={(e) => setYear(Number(e.currentTarget.value))}
      data={[fy - 1, fy, fy + 1].map((y) => ({ value: String(y), label: fyText(y, lang) }))}
      maw={260}
    />
  );
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} title={t('dev.profile.noPerson')} />;
  if (!live.data) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('dev.plan.myTitle')}</Title>
        {yearPicker}
        <EmptyState
          title={t('dev.plan.noneTitle', { year: fyText(year, lang) })}
          action={
            <Button onClick={() => draft.mutate()} loading={draft.isPending}>
              {t('dev.plan.draft')}
            </Button>
          }
        >
          {t('dev.plan.noneText')}
        </EmptyState>
        <ErrorAlert error={draft.error} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {yearPicker}
      <PlanView plan={live.data} own />
    </Stack>
  );
}

/** A plan by id: the supervisor decides and attests here; HR in scope reads it. */
export function PlanByIdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('dev.plan.title'));
  const q = useQuery({ queryKey: ['development-plan', id], queryFn: () => getDevelopmentPlan(id) });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <PlanView plan={q.data} own={false} />;
}
