import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_LEVELS } from '../../../../common/contracts/volunteers.js';
import { createVillage, decideVolunteer, listVolunteers, type VolunteerLevel, type VolunteerView } from '../../api/volunteers.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { levelLabel, placeName, statusLabel } from './labels.js';
import { NO_PLACE, type PlaceChoice, PlacePicker } from './place-picker.js';

function Decision({ v }: { v: VolunteerView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [level, setLevel] = useState<VolunteerLevel>('village');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (body: Parameters<typeof decideVolunteer>[1]) => decideVolunteer(v.id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['volunteers'] }),
  });
  const name = `${v.firstName} ${v.lastName}`;
  return (
    <Stack gap="xs">
      {decide.error && <ErrorAlert message={errorMessage(decide.error, t)} />}
      <Select
        label={t('vol.queue.level')}
        data={VOLUNTEER_LEVELS.map((l) => ({ value: l, label: levelLabel(l, t) }))}
        value={level}
        onChange={(x) => x && setLevel(x as VolunteerLevel)}
        allowDeselect={false}
      />
      {rejecting ? (
        <>
          <Textarea label={t('vol.queue.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Group gap="xs">
            <Button
              color="red"
              onClick={() => decide.mutate({ decision: 'reject', reason })}
              loading={decide.isPending}
              disabled={reason.trim().length < 3}
            >
              {t('vol.queue.confirmReject')}
            </Button>
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button
            onClick={() => decide.mutate({ decision: 'approve', level })}
            loading={decide.isPending}
            aria-label={t('vol.queue.approveNamed', { name })}
          >
            {t('vol.queue.approve')}
          </Button>
          <Button variant="default" color="red" onClick={() => setRejecting(true)} aria-label={t('vol.queue.rejectNamed', { name })}>
            {t('vol.queue.reject')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AddVillage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [place, setPlace] = useState<PlaceChoice>(NO_PLACE);
  const [moo, setMoo] = useState<number | string>('');
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => createVillage({ subdistrictCode: place.subdistrict ?? '', moo: Number(moo), nameTh: name }),
    onSuccess: () => {
      setMoo('');
      setName('');
      void qc.invalidateQueries({ queryKey: ['villages'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} aria-label={t('vol.village.title')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('vol.village.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('vol.village.intro')}
          </Text>
          {add.error && <ErrorAlert message={errorMessage(add.error, t)} />}
          {add.isSuccess && (
            <Text role="status" c="teal">
              {t('vol.village.added', { name: add.data.nameTh })}
            </Text>
          )}
          <PlacePicker value={place} onChange={setPlace} withVillage={false} />
          <NumberInput label={t('vol.village.moo')} min={1} max={99} value={moo} onChange={setMoo} required />
          <TextInput label={t('vol.village.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Button type="submit" loading={add.isPending} disabled={!place.subdistrict || !moo || !name.trim()}>
            {t('vol.village.add')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The coordinator's approval queue for their province or district, and adding villages. */
export default function QueuePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('vol.queue.title'));
  const [status, setStatus] = useState('pending');
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: ['volunteers', status, page], queryFn: () => listVolunteers({ status, page, pageSize: 20 }) });
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  return (
    <Stack gap="md">
      <Title order={1}>{t('vol.queue.title')}</Title>
      <SegmentedControl
        aria-label={t('vol.queue.filter')}
        value={status}
        onChange={(s) => {
          setStatus(s);
          setPage(1);
        }}
        data={['pending', 'active', 'rejected', 'inactive'].map((s) => ({ value: s, label: statusLabel(s, t) }))}
        fullWidth
      />
      {query.isPending && <PageLoader />}
      {query.error && <ErrorAlert message={errorMessage(query.error, t)} />}
      {query.data && query.data.items.length === 0 && <EmptyState title={t('vol.queue.empty')}>{t('vol.queue.emptyHint')}</EmptyState>}
      {query.data?.items.map((v) => (
        <Card key={v.id} withBorder padding="md" component="article" aria-label={`${v.firstName} ${v.lastName}`}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={700} component="h2" size="lg" m={0}>
                {v.firstName} {v.lastName}
              </Text>
              <Badge variant="light" tt="none" autoContrast>
                {v.status === 'active' ? levelLabel(v.level, t) : statusLabel(v.status, t)}
              </Badge>
            </Group>
            <Text size="sm">
              {t('vol.place.villageLabel', { moo: v.place.village.moo, name: v.place.village.nameTh })} ·{' '}
              {placeName(v.place.subdistrict, lang)} · {placeName(v.place.district, lang)} · {placeName(v.place.province, lang)}
            </Text>
            <Text size="sm">
              {t('vol.field.citizenId')}: {v.citizenIdMasked} · {t('vol.field.phone')}: {v.phone}
              {v.lineId ? ` · LINE: ${v.lineId}` : ''}
            </Text>
            <Text size="sm">
              {t('vol.field.occupation')}: {v.occupation}
              {v.skills.length ? ` · ${t('vol.field.skills')}: ${v.skills.join(', ')}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {t('vol.queue.registered', { date: formatDate(v.createdAt, lang) })}
            </Text>
            {v.abilities.approve && <Decision v={v} />}
          </Stack>
        </Card>
      ))}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} aria-label={t('vol.queue.pages')} />}
      <AddVillage />
    </Stack>
  );
}
