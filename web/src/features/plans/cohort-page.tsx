import { Anchor, Badge, Button, Group, NativeSelect, Paper, Radio, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../../common/contracts/plans.js';
import { type CohortView, completeCohort, enrollInCohort, getCohort, recordAttendance } from '../../api/plans.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { fiscalYearText } from './shared.js';

const todayInBangkok = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

function EnrolForm({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const emails = text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const enrol = useMutation({
    mutationFn: () => enrollInCohort(cohort.id, { emails }),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohort.id] });
    },
  });
  const bad = enrol.error && 'errors' in (enrol.error as object) ? ((enrol.error as { errors?: { path: string }[] }).errors ?? []) : [];
  const badEmails = bad.map((e) => emails[Number(e.path.split('.')[2])]).filter(Boolean);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (emails.length) enrol.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="enrol-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="enrol-heading">
          {t('plans.cohort.enrolTitle')}
        </Title>
        <ErrorAlert message={enrol.error ? errorMessage(enrol.error, t) : null} />
        {badEmails.length ? (
          <Text c="red.8" size="sm" role="alert">
            {t('plans.cohort.enrolUnknown', { emails: badEmails.join(', ') })}
          </Text>
        ) : null}
        <Textarea
          label={t('plans.cohort.enrolEmails')}
          description={t('plans.cohort.enrolHint')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={enrol.isPending} disabled={!emails.length}>
            {t('plans.cohort.enrol', { count: emails.length })}
          </Button>
          {enrol.data ? (
            <Text role="status">
              {t('plans.cohort.enrolled_result', { enrolled: enrol.data.enrolled, already: enrol.data.alreadyEnrolled })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** The attendance sheet of one session: one row per participant with three choices, usable on a phone. */
function AttendanceSheet({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [session, setSession] = useState(1);
  const [marks, setMarks] = useState<Record<string, AttendanceStatus | ''>>({});
  useEffect(() => {
    setMarks(Object.fromEntries(cohort.participants.map((p) => [p.personId, p.attendance[session - 1] ?? ''])));
  }, [cohort, session]);
  const save = useMutation({
    mutationFn: () =>
      recordAttendance(cohort.id, {
        session,
        marks: Object.entries(marks)
          .filter(([, s]) => s)
          .map(([personId, status]) => ({ personId, status: status as AttendanceStatus })),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cohort', cohort.id] }),
  });
  const marked = Object.values(marks).filter(Boolean).length;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (marked) save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="attendance-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="attendance-heading">
          {t('plans.attendance.title')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('plans.attendance.session')}
            value={String(session)}
            onChange={(e) => setSession(Number(e.currentTarget.value))}
            data={Array.from({ length: cohort.sessionCount }, (_, i) => ({
              value: String(i + 1),
              label: t('plans.attendance.sessionN', { n: i + 1 }),
            }))}
          />
          <Button
            variant="light"
            onClick={() => setMarks(Object.fromEntries(cohort.participants.map((p) => [p.personId, 'present' as const])))}
          >
            {t('plans.attendance.allPresent')}
          </Button>
        </Group>
        <ErrorAlert message={save.error ? errorMessage(save.error, t) : null} />
        <Stack gap={0} component="ul" className="link-list">
          {cohort.participants.map((p) => (
            <li key={p.personId}>
              <Radio.Group
                label={p.nameTh}
                description={p.email}
                value={marks[p.personId] ?? ''}
                onChange={(v) => setMarks((m) => ({ ...m, [p.personId]: v as AttendanceStatus }))}
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group gap="md" mt={6}>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <Radio key={s} value={s} label={t(`plans.attendance.${s}`)} />
                  ))}
                </Group>
              </Radio.Group>
            </li>
          ))}
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!marked}>
            {t('plans.attendance.save', { n: session })}
          </Button>
          {save.isSuccess ? <Text role="status">{t('plans.attendance.saved')}</Text> : null}
        </Group>
      </Stack>
    </form>
  );
}

function CompletionForm({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const today = todayInBangkok();
  const [date, setDate] = useState(cohort.endsOn < today ? cohort.endsOn : today);
  const complete = useMutation({
    mutationFn: () => completeCohort(cohort.id, date),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cohort', cohort.id] });
      void queryClient.invalidateQueries({ queryKey: ['plan', cohort.planId] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="complete-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="complete-heading">
          {t('plans.completion.title')}
        </Title>
        <Text size="sm">{t('plans.completion.lead', { pct: cohort.attendanceThreshold })}</Text>
        <ErrorAlert message={complete.error ? errorMessage(complete.error, t) : null} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('plans.completion.date')}
            value={date}
            max={today}
            onChange={(e) => setDate(e.currentTarget.value)}
            description={date ? formatDate(date, lang) : undefined}
          />
          <Button type="submit" color="ok" loading={complete.isPending}>
            {t('plans.completion.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A cohort (รุ่น): its design, participants, attendance per session and completion into learning records. */
export default function CohortPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useQuery({ queryKey: ['cohort', id], queryFn: () => getCohort(id) });
  const c = query.data;
  usePageTitle(c ? `${c.title} · ${t('plans.cohort.pageTitle')}` : t('plans.cohort.pageTitle'));
  if (query.isPending) return <PageLoader />;
  if (!c) return <ErrorAlert error={query.error} />;
  const completedCount = c.participants.filter((p) => p.completed).length;
  const sessions = Array.from({ length: c.sessionCount }, (_, i) => i + 1);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/plans/${c.planId}`} size="sm">
          {t('plans.cohort.backToPlan', { year: fiscalYearText(c.fiscalYear, lang) })}
        </Anchor>
        <Title order={1}>
          {c.title} · {lang === 'en' ? c.course.titleEn : c.course.titleTh}
        </Title>
        <Group gap="sm">
          <Badge color={c.state === 'completed' ? 'ok' : 'thaksa'} variant="light" tt="none" autoContrast>
            {t(c.state === 'completed' ? 'plans.cohort.completedState' : 'plans.cohort.open')}
          </Badge>
          <Text>
            {formatDate(c.startsOn, lang)} – {formatDate(c.endsOn, lang)} · {t(`plans.mode.${c.mode}`)}
          </Text>
        </Group>
        <Text>
          {c.venue ? `${t('plans.cohort.venue')}: ${c.venue}` : null}
          {c.meetingUrl ? (
            <>
              {c.venue ? ' · ' : ''}
              <Anchor href={c.meetingUrl} target="_blank" rel="noreferrer" underline="always">
                {t('plans.cohort.meetingUrl')}
              </Anchor>
            </>
          ) : null}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plans.cohort.facts', {
            enrolled: formatNumber(c.participants.length, lang),
            capacity: formatNumber(c.capacity, lang),
            sessions: formatNumber(c.sessionCount, lang),
            pct: c.attendanceThreshold,
          })}
        </Text>
      </Stack>
      {c.state === 'completed' ? (
        <Paper withBorder p="md" radius="md" bg="ok.0" role="status">
          {t('plans.completion.done', { date: formatDate(c.completedOn, lang), completed: completedCount, total: c.participants.length })}
        </Paper>
      ) : null}
      {c.abilities.manage ? (
        <Paper withBorder p="md" radius="md">
          <EnrolForm cohort={c} />
        </Paper>
      ) : null}
      {c.participants.length === 0 ? (
        <EmptyState title={t('plans.cohort.noParticipantsTitle')}>{t('plans.cohort.noParticipants')}</EmptyState>
      ) : (
        <>
          {c.abilities.manage ? (
            <Paper withBorder p="md" radius="md">
              <AttendanceSheet cohort={c} />
            </Paper>
          ) : null}
          <section aria-labelledby="participants-heading">
            <Title order={2} size="h3" id="participants-heading" mb="xs">
              {t('plans.cohort.participants')}
            </Title>
            <ScrollRegion label={t('plans.cohort.participants')}>
              <Table miw={560} data-testid="participants">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plans.cohort.name')}</Table.Th>
                    {sessions.map((n) => (
                      <Table.Th key={`s${n}`} ta="center">
                        {t('plans.attendance.short', { n })}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('plans.attendance.presentCount')}</Table.Th>
                    <Table.Th>{t('plans.cohort.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.participants.map((p) => (
                    <Table.Tr key={p.personId}>
                      <Table.Td>{lang === 'en' && p.nameEn ? p.nameEn : p.nameTh}</Table.Td>
                      {sessions.map((n) => (
                        <Table.Td key={`${p.personId}-${n}`} ta="center">
                          {p.attendance[n - 1] ? t(`plans.attendance.${p.attendance[n - 1]}`) : '–'}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{formatNumber(p.present, lang)}</Table.Td>
                      <Table.Td>
                        {c.state === 'completed' ? (p.completed ? t('plans.cohort.passed') : t('plans.cohort.notPassed')) : '–'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </section>
          {c.abilities.manage ? (
            <Paper withBorder p="md" radius="md">
              <CompletionForm cohort={c} />
            </Paper>
          ) : null}
        </>
      )}
    </Stack>
  );
}
