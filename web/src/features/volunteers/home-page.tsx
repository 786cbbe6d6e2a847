import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTIVITY_TOPICS, type ActivityTopic, LogActivityBody } from '../../../../common/contracts/volunteers.js';
import { type LogActivityBody as Body, getMyVolunteer, logVolunteerActivity, myCardQrUrl } from '../../api/volunteers.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorMessage, NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { levelLabel, placeName, statusLabel, topicLabel } from './labels.js';
import { enqueue, flush, queuedActivities, subscribe } from './offline-queue.js';
import { OnboardingBadge, OnboardingCard } from './onboarding.js';

const PHOTO_MAX = 2 * 1024 * 1024;
const RETRY_MS = 5000;

/** Today in Thailand as YYYY-MM-DD (the server refuses later dates). */
function todayTh() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

function useOnline() {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );
}

function ActivityForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState<ActivityTopic>('digital_literacy');
  const [people, setPeople] = useState<number | string>(1);
  const [date, setDate] = useState(todayTh());
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      if (photo && photo.size > PHOTO_MAX) throw Object.assign(new Error(), { photoTooBig: true });
      const body = parseBody(LogActivityBody, {
        id: crypto.randomUUID(),
        topic,
        peopleHelped: Number(people),
        activityDate: date,
        note: note.trim() || undefined,
        photo: photo ? await readDataUrl(photo) : undefined,
      }) as Body;
      if (body.activityDate > todayTh()) {
        setErrors({ general: null, fields: { activityDate: t('validation.date.future') } });
        return;
      }
      // Every activity goes through the queue: sent at once when online, kept until the network returns otherwise.
      enqueue(body);
      setNote('');
      setPhoto(null);
      setPeople(1);
      onQueued();
    } catch (err) {
      if ((err as { photoTooBig?: boolean }).photoTooBig) setErrors({ general: null, fields: { photo: t('vol.activity.photoTooBig') } });
      else setErrors(toFormErrors(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-label={t('vol.activity.title')}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('vol.activity.title')}
          </Title>
          {errors.general && <ErrorAlert message={errors.general} />}
          <Select
            label={t('vol.activity.topic')}
            data={ACTIVITY_TOPICS.map((x) => ({ value: x, label: topicLabel(x, t) }))}
            value={topic}
            onChange={(x) => x && setTopic(x as ActivityTopic)}
            allowDeselect={false}
            error={errors.fields.topic}
          />
          <NumberInput
            label={t('vol.activity.people')}
            min={1}
            max={10000}
            value={people}
            onChange={setPeople}
            error={errors.fields.peopleHelped}
            required
          />
          <TextInput
            type="date"
            label={t('vol.activity.date')}
            max={todayTh()}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.fields.activityDate}
            required
          />
          <Textarea
            label={t('vol.activity.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <FileInput
            label={t('vol.activity.photo')}
            description={t('vol.activity.photoHint')}
            accept="image/jpeg,image/png,image/webp"
            value={photo}
            onChange={setPhoto}
            clearable
            error={errors.fields.photo}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('vol.activity.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function QueueList() {
  const { t } = useTranslation();
  const items = useSyncExternalStore(subscribe, queuedActivities);
  if (items.length === 0) return null;
  const color = { queued: 'warn', syncing: 'thaksa', synced: 'ok', failed: 'red' } as const;
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={2} size="h4">
        {t('vol.queueState.title')}
      </Title>
      {items
        .slice()
        .reverse()
        .map((q) => (
          <Group key={q.body.id} justify="space-between" wrap="nowrap" data-testid="queued-activity">
            <Text size="sm">
              {topicLabel(q.body.topic, t)} · {t('vol.activity.peopleCount', { count: q.body.peopleHelped })}
            </Text>
            <Badge color={color[q.state]} variant="light" tt="none" autoContrast data-state={q.state}>
              {t(`vol.queueState.${q.state}`)}
              {q.error ? ` (${t(`errors.${q.error}`, { defaultValue: q.error })})` : ''}
            </Badge>
          </Group>
        ))}
    </Stack>
  );
}

/** A volunteer's page: status, card with QR code, the activity form that works offline, and their record. */
export default function VolunteerHomePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('vol.home.title'));
  const qc = useQueryClient();
  const online = useOnline();
  const query = useQuery({ queryKey: ['volunteer', 'me'], queryFn: getMyVolunteer, networkMode: 'offlineFirst' });
  const sync = useCallback(async () => {
    const n = await flush(logVolunteerActivity);
    if (n > 0) void qc.invalidateQueries({ queryKey: ['volunteer', 'me'] });
  }, [qc]);
  useEffect(() => {
    // A service worker scoped to the volunteer pages keeps their app shell for weak connections (decision 010).
    if (import.meta.env.PROD && 'serviceWorker' in navigator)
      navigator.serviceWorker.register('/sw.js', { scope: '/volunteer' }).catch(() => undefined);
  }, []);
  useEffect(() => {
    void sync();
    window.addEventListener('online', sync);
    // The online event is unreliable on weak mobile networks (and some browsers never send it): try again now and then.
    const timer = window.setInterval(() => {
      if (navigator.onLine && queuedActivities().some((q) => q.state === 'queued')) void sync();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', sync);
      window.clearInterval(timer);
    };
  }, [sync]);

  if (query.isPending) return <PageLoader />;
  const v = query.data?.volunteer;
  if (query.error && !query.data) return <ErrorAlert message={errorMessage(query.error, t)} />;
  if (!v)
    return (
      <EmptyState
        title={t('vol.home.notRegistered')}
        action={
          <Anchor component={Link} to="/volunteers/register">
            {t('vol.home.registerLink')}
          </Anchor>
        }
      />
    );
  const data = query.data as NonNullable<typeof query.data>;
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('vol.home.title')}</Title>
      {!online && (
        <Alert color="warn" variant="light" role="status" title={t('vol.home.offlineTitle')}>
          {t('vol.home.offline')}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4}>
            <Text fw={700} size="lg">
              {v.firstName} {v.lastName}
            </Text>
            <Group gap="xs">
              <Badge variant="light" tt="none" autoContrast>
                {statusLabel(v.status, t)}
              </Badge>
              {v.status === 'active' && (
                <Badge variant="outline" tt="none" autoContrast>
                  {levelLabel(v.level, t)}
                </Badge>
              )}
              {v.status === 'active' && <OnboardingBadge />}
            </Group>
            <Text size="sm">
              {t('vol.place.villageLabel', { moo: v.place.village.moo, name: v.place.village.nameTh })},{' '}
              {placeName(v.place.subdistrict, lang)}, {placeName(v.place.district, lang)}, {placeName(v.place.province, lang)}
            </Text>
            {v.status === 'pending' && <Text size="sm">{t('vol.home.pending')}</Text>}
            {v.cardUrl && (
              <Anchor href={v.cardUrl} size="sm">
                {t('vol.home.cardLink')}
              </Anchor>
            )}
          </Stack>
          {v.cardUrl && online && <Image src={myCardQrUrl} alt={t('vol.home.qrAlt')} w={96} h={96} />}
        </Group>
      </Card>
      {v.status === 'active' && <OnboardingCard />}
      {v.abilities.logActivity && <ActivityForm onQueued={() => void sync()} />}
      <QueueList />
      <Title order={2} size="h3">
        {t('vol.home.recent')}
      </Title>
      <Text>
        {t('vol.home.totals', { activities: formatNumber(data.totals.activities, lang), people: formatNumber(data.totals.people, lang) })}
      </Text>
      {data.activities.length === 0 ? (
        <Text c="dimmed">{t('vol.home.noActivities')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vol.activity.date')}</Table.Th>
                <Table.Th>{t('vol.activity.topic')}</Table.Th>
                <Table.Th>{t('vol.activity.people')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.activities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDate(a.activityDate, lang)}</Table.Td>
                  <Table.Td>{topicLabel(a.topic, t)}</Table.Td>
                  <Table.Td>{formatNumber(a.peopleHelped, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
