import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Image, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { type AttemptView, getAttempt, saveAnswer, submitAttempt } from '../../api/assessment.js';
import { isAppError } from '../../api/client.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { pick } from './shared.js';

type Question = AttemptView['questions'][number];
type SaveState = { state: 'saving' | 'saved' | 'error'; at?: string; error?: unknown };

/** Milliseconds left by the server's clock: the device's clock is corrected by the offset seen when the attempt loaded. */
function useServerCountdown(deadlineAt: string, serverNow: string) {
  const offset = useRef(Date.parse(serverNow) - Date.now());
  useEffect(() => {
    offset.current = Date.parse(serverNow) - Date.now();
  }, [serverNow]);
  const left = useCallback(() => Math.max(0, Date.parse(deadlineAt) - (Date.now() + offset.current)), [deadlineAt]);
  const [ms, setMs] = useState(left);
  useEffect(() => {
    setMs(left());
    const timer = window.setInterval(() => setMs(left()), 1000);
    return () => window.clearInterval(timer);
  }, [left]);
  return ms;
}

const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
};

function Countdown({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const minutes = Math.ceil(ms / 60_000);
  // Screen readers hear the time at a few moments only, not every second.
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if ([10, 5, 1].includes(minutes) && ms % 60_000 > 58_000) setSpoken(t('assessment.take.minutesLeft', { count: minutes }));
  }, [minutes, ms, t]);
  const urgent = ms < 60_000;
  return (
    <Paper withBorder p="xs" radius="md" bg={urgent ? 'red.0' : undefined}>
      <Text
        fw={700}
        size="lg"
        role="timer"
        aria-label={t('assessment.take.timeLeftLabel', { time: clock(ms) })}
        c={urgent ? 'red.9' : undefined}
      >
        {t('assessment.take.timeLeft')} {clock(ms)}
      </Text>
      <span className="visually-hidden" aria-live="polite">
        {spoken}
      </span>
      <Text size="xs" c="dimmed">
        {t('assessment.take.serverTimer')}
      </Text>
    </Paper>
  );
}

function OrderingAnswer({ q, value, onChange, lang }: { q: Question; value: string[]; onChange: (v: string[]) => void; lang: Language }) {
  const { t } = useTranslation();
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const move = (i: number, d: number) => {
    const next = [...value];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('assessment.take.orderingHelp')}
      </Text>
      <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
        {value.map((id, i) => {
          const text = pick(lang, byId.get(id)?.textTh, byId.get(id)?.textEn);
          return (
            <li key={id} style={{ marginBottom: 6 }}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text>{text}</Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="light"
                    size="lg"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('assessment.take.moveUp', { text })}
                  >
                    <span aria-hidden>↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="light"
                    size="lg"
                    disabled={i === value.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('assessment.take.moveDown', { text })}
                  >
                    <span aria-hidden>↓</span>
                  </ActionIcon>
                </Group>
              </Group>
            </li>
          );
        })}
      </ol>
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value])}>
          {t('assessment.take.keepOrder')}
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionView({
  q,
  total,
  value,
  onChange,
  lang,
}: {
  q: Question;
  total: number;
  value: string[] | null;
  onChange: (v: string[]) => void;
  lang: Language;
}) {
  const { t } = useTranslation();
  const legend = t('assessment.take.questionOf', { n: q.position, total });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="question-heading">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="question-heading">
            {legend}
          </Title>
          <Badge variant="light" tt="none">
            {t(`assessment.kind.${q.kind}`)}
          </Badge>
        </Group>
        {q.caseTh ? (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text size="sm" fw={600}>
              {t('assessment.take.case')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{pick(lang, q.caseTh, q.caseEn)}</Text>
          </Paper>
        ) : null}
        <Text fw={500} style={{ whiteSpace: 'pre-wrap' }} id="question-stem">
          {pick(lang, q.stemTh, q.stemEn)}
        </Text>
        {q.imageUrl ? <Image src={q.imageUrl} alt={t('assessment.take.imageAlt')} maw={480} radius="sm" /> : null}
        {q.kind === 'multiple' ? (
          <Checkbox.Group
            value={value ?? []}
            onChange={onChange}
            aria-labelledby="question-stem"
            description={t('assessment.take.multipleHelp')}
          >
            <Stack gap="xs" mt="xs">
              {q.options.map((o) => (
                <Checkbox key={o.id} value={o.id} label={pick(lang, o.textTh, o.textEn)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : q.kind === 'ordering' ? (
          <OrderingAnswer q={q} value={value?.length ? value : q.options.map((o) => o.id)} onChange={onChange} lang={lang} />
        ) : (
          <Radio.Group value={value?.[0] ?? null} onChange={(v) => onChange([v])} aria-labelledby="question-stem" name={`q-${q.position}`}>
            <Stack gap="xs" mt="xs">
              {q.options.map((o) => (
                <Radio key={o.id} value={o.id} label={pick(lang, o.textTh, o.textEn)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </Stack>
    </Paper>
  );
}

function TakeTest({ attempt }: { attempt: AttemptView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(() => {
    const firstOpen = attempt.questions.findIndex((q) => !q.response?.length);
    return firstOpen === -1 ? 0 : firstOpen;
  });
  const [answers, setAnswers] = useState<Record<number, string[] | null>>(() =>
    Object.fromEntries(attempt.questions.map((q) => [q.position, q.response])),
  );
  const [saves, setSaves] = useState<Record<number, SaveState>>(() =>
    Object.fromEntries(attempt.questions.filter((q) => q.savedAt).map((q) => [q.position, { state: 'saved', at: q.savedAt as string }])),
  );
  const [confirming, setConfirming] = useState(false);
  const ms = useServerCountdown(attempt.deadlineAt, attempt.serverNow);
  const finish = useMutation({
    mutationFn: () => submitAttempt(attempt.id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['my-assessments'] });
      navigate(`/attempts/${attempt.id}/result`, { replace: true });
    },
    onError: (e) => {
      // Already graded (by the timer or another tab): the result is there.
      if (isAppError(e) && (e.code === 'attempt.submitted' || e.code === 'not_found'))
        navigate(`/attempts/${attempt.id}/result`, { replace: true });
    },
  });
  const timeUp = ms <= 0;
  const finishRef = useRef(finish);
  finishRef.current = finish;
  useEffect(() => {
    if (timeUp && !finishRef.current.isPending && !finishRef.current.isSuccess) finishRef.current.mutate();
  }, [timeUp]);

  const save = async (position: number, response: string[]) => {
    setAnswers((a) => ({ ...a, [position]: response }));
    setSaves((s) => ({ ...s, [position]: { state: 'saving' } }));
    try {
      const saved = await saveAnswer(attempt.id, position, response);
      setSaves((s) => ({ ...s, [position]: { state: 'saved', at: saved.savedAt } }));
    } catch (error) {
      setSaves((s) => ({ ...s, [position]: { state: 'error', error } }));
      if (isAppError(error) && (error.code === 'attempt.deadline_passed' || error.code === 'attempt.submitted'))
        navigate(`/attempts/${attempt.id}/result`, { replace: true });
    }
  };

  const q = attempt.questions[current];
  const status = saves[q.position];
  const answered = attempt.questions.filter((x) => (answers[x.position] ?? []).length > 0).length;
  const unanswered = attempt.questions.length - answered;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {pick(lang, attempt.titleTh, attempt.titleEn)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('assessment.take.attemptNo', { n: attempt.attemptNo })} ·{' '}
            {t('assessment.take.answered', { answered: formatNumber(answered, lang), total: formatNumber(attempt.questions.length, lang) })}
          </Text>
        </Stack>
        <Countdown ms={ms} />
      </Group>
      {timeUp ? (
        <Alert color="warn" role="alert" title={t('assessment.take.timeUpTitle')}>
          {t('assessment.take.timeUpText')}
        </Alert>
      ) : null}
      <nav aria-label={t('assessment.take.questionsNav')}>
        <Group gap={6} wrap="wrap">
          {attempt.questions.map((x, i) => {
            const done = (answers[x.position] ?? []).length > 0;
            return (
              <Button
                key={x.position}
                size="compact-md"
                miw={44}
                mih={44}
                variant={i === current ? 'filled' : done ? 'light' : 'default'}
                onClick={() => setCurrent(i)}
                aria-current={i === current ? 'step' : undefined}
                aria-label={t(done ? 'assessment.take.gotoAnswered' : 'assessment.take.gotoOpen', { n: x.position })}
              >
                {x.position}
              </Button>
            );
          })}
        </Group>
      </nav>
      <QuestionView
        key={q.position}
        q={q}
        total={attempt.questions.length}
        value={answers[q.position] ?? null}
        onChange={(v) => void save(q.position, v)}
        lang={lang}
      />
      <Text size="sm" aria-live="polite" data-testid="save-status" c={status?.state === 'error' ? 'red.8' : 'dimmed'}>
        {status?.state === 'saving'
          ? t('assessment.take.saving')
          : status?.state === 'saved'
            ? t('assessment.take.savedAt', { time: formatDate(status.at, lang, 'dateTime') })
            : status?.state === 'error'
              ? `${t('assessment.take.saveFailed')} ${errorMessage(status.error, t)}`
              : t('assessment.take.notAnswered')}
      </Text>
      <Group justify="space-between" wrap="wrap">
        <Group>
          <Button variant="default" disabled={current === 0} onClick={() => setCurrent((c) => c - 1)}>
            {t('assessment.take.previous')}
          </Button>
          <Button variant="default" disabled={current === attempt.questions.length - 1} onClick={() => setCurrent((c) => c + 1)}>
            {t('assessment.take.next')}
          </Button>
        </Group>
        <Button color="ok" onClick={() => setConfirming(true)} disabled={timeUp}>
          {t('assessment.take.submit')}
        </Button>
      </Group>
      <ErrorAlert error={finish.error} />
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('assessment.take.confirmTitle')}>
        <Stack>
          <Text>{unanswered > 0 ? t('assessment.take.confirmUnanswered', { count: unanswered }) : t('assessment.take.confirmAll')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('assessment.take.keepGoing')}
            </Button>
            <Button color="ok" loading={finish.isPending} onClick={() => finish.mutate()}>
              {t('assessment.take.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

/** Taking a test: one question at a time, answers saved as they are given, the server's countdown. */
export default function TakePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('assessment.take.title'));
  const attempt = useQuery({
    queryKey: ['attempt', id],
    queryFn: () => getAttempt(id),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (attempt.isPending) return <PageLoader />;
  if (attempt.error) return <ErrorAlert error={attempt.error} />;
  if (attempt.data.status === 'submitted') return <Navigate to={`/attempts/${id}/result`} replace />;
  return <TakeTest attempt={attempt.data} />;
}
