import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TransferPersonBody } from '../../../../common/contracts/people.js';
import {
  getAgency,
  getPerson,
  getPersonHistory,
  type PersonView,
  resendInvitation,
  revealCitizenId,
  transferPerson,
} from '../../api/people.js';
import { AppModal } from '../../components/app-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { NotFoundPage } from '../../components/status-page.js';
import { NO_ERRORS, parseBody, toFormErrors } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { AgencyPicker } from './agency-picker.js';
import { HistoryTimeline } from './history-timeline.js';
import { agencyName, levelLabel, personName, positionTypeLabel, statusLabel, targetGroupLabel } from './labels.js';
import { PersonEditModal } from './person-edit-modal.js';
import { peopleScope } from './scope.js';
import './messages.js';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The full citizen ID, fetched only on request; the request itself is the audit entry. */
function CitizenIdCell({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: () => revealCitizenId(person.id) });
  return (
    <Stack gap={4}>
      <Text ff="monospace" aria-live="polite">
        {reveal.data ? reveal.data.citizenId : person.citizenIdMasked}
      </Text>
      {person.abilities.revealCitizenId && !reveal.data ? (
        <Group gap="xs" align="center">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => reveal.mutate()}
            loading={reveal.isPending}
            aria-describedby="reveal-note"
          >
            {t('people.person.reveal')}
          </Button>
          <Text size="xs" c="dimmed" id="reveal-note">
            {t('people.person.revealNote')}
          </Text>
        </Group>
      ) : null}
      {reveal.data ? (
        <Text size="xs" c="dimmed">
          {t('people.person.revealed')}
        </Text>
      ) : null}
      <ErrorAlert error={reveal.error} />
    </Stack>
  );
}

function TransferModal({ person, within, onClose }: { person: PersonView; within?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => transferPerson(person.id, parseBody(TransferPersonBody, { agencyId, reason: reason.trim() })),
    onSuccess: (updated) => {
      queryClient.setQueryData(['person', person.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['person-history', person.id] });
      void queryClient.invalidateQueries({ queryKey: ['personnel'] });
      onClose();
    },
  });
  const errors = mutation.error ? toFormErrors(mutation.error, t) : NO_ERRORS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <AppModal title={t('people.transfer.title')} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('people.transfer.lead')}</Text>
          <ErrorAlert message={errors.general} />
          <AgencyPicker
            label={t('people.transfer.agency')}
            required
            within={within}
            value={agencyId}
            onChange={setAgencyId}
            error={errors.fields.agencyId}
          />
          <Textarea
            label={t('people.transfer.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.fields.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('people.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** One person: details, what HR may change, transfers, the history, the full citizen ID on request, the invitation. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { session } = useSession();
  const scope = peopleScope(session);
  const person = useQuery({ queryKey: ['person', id], queryFn: () => getPerson(id) });
  const p = person.data;
  const history = useQuery({
    queryKey: ['person-history', id],
    queryFn: () => getPersonHistory(id),
    enabled: !!p?.abilities.viewHistory,
  });
  // With several agencies in its care, HR works within the one holding this person: its ancestors tell which.
  const agency = useQuery({
    queryKey: ['agency', p?.agency.id],
    queryFn: () => getAgency(p?.agency.id ?? ''),
    enabled: !!p && scope.hrRoots.length > 1,
    staleTime: 60_000,
  });
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);
  const invite = useMutation({ mutationFn: () => resendInvitation(id) });
  usePageTitle(p ? personName(p, lang) : t('people.person.title'));

  if (person.isPending) return <PageLoader />;
  if (person.error || !p) {
    const status = (person.error as { status?: number } | null)?.status;
    if (status === 404) return <NotFoundPage />;
    return <ErrorAlert error={person.error} />;
  }

  // HR moves people within the subtree of its own that holds the person (a system admin anywhere).
  const lineage = new Set([p.agency.id, ...(agency.data?.ancestors.map((a) => a.id) ?? [])]);
  const within = scope.national ? undefined : (scope.hrRoots.find((r) => lineage.has(r.id)) ?? scope.hrRoots[0])?.id;
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/people" underline="always">
          {t('people.list.title')}
        </Anchor>
        <Text size="sm">{personName(p, lang)}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{personName(p, lang)}</Title>
          <Text c="dimmed">
            {p.positionTh} · {agencyName(p.agency, lang)}
          </Text>
        </Stack>
        <Group gap="xs">
          {p.abilities.update ? <Button onClick={() => setDialog('edit')}>{t('people.person.edit')}</Button> : null}
          {p.abilities.transfer ? (
            <Button variant="light" onClick={() => setDialog('transfer')}>
              {t('people.person.transfer')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="person-details">
        <Title order={2} size="h4" id="person-details" mb="xs">
          {t('people.person.details')}
        </Title>
        <Table className="facts-table" variant="vertical" layout="fixed">
          <Table.Tbody>
            <Fact label={t('people.field.citizenId')}>
              <CitizenIdCell person={p} />
            </Fact>
            <Fact label={t('people.field.nameTh')}>{personName(p, 'th')}</Fact>
            <Fact label={t('people.field.nameEn')}>
              {p.firstNameEn ? [p.titleEn, p.firstNameEn, p.lastNameEn].filter(Boolean).join(' ') : t('common.none')}
            </Fact>
            <Fact label={t('people.field.email')}>{p.email ?? t('common.none')}</Fact>
            <Fact label={t('people.field.position')}>{p.positionTh}</Fact>
            <Fact label={t('people.field.positionType')}>
              {positionTypeLabel(p.positionType, lang)}
              {p.positionLevel ? ` · ${levelLabel(p.positionType, p.positionLevel, lang)}` : ''}
            </Fact>
            <Fact label={t('people.field.isIt')}>{p.isIt ? t('people.yes') : t('people.no')}</Fact>
            <Fact label={t('people.field.agency')}>
              {agencyName(p.agency, lang)} ({p.agency.code})
            </Fact>
            <Fact label={t('people.field.supervisor')}>
              {p.supervisor ? (
                <Anchor component={Link} to={`/people/${p.supervisor.id}`} underline="always">
                  {p.supervisor.nameTh}
                </Anchor>
              ) : (
                t('common.none')
              )}
            </Fact>
            <Fact label={t('people.field.targetGroup')}>
              <Group gap={6}>
                {targetGroupLabel(p.targetGroupCode, t)}
                <Badge variant="outline" tt="none" color={p.targetGroupSource === 'hr' ? 'thaksa' : 'gray.8'}>
                  {t(`people.person.source.${p.targetGroupSource}`)}
                </Badge>
              </Group>
              {p.targetGroupSource === 'hr' && p.suggestedTargetGroup !== p.targetGroupCode ? (
                <Text size="xs" c="dimmed">
                  {t('people.person.suggestionIs', { group: targetGroupLabel(p.suggestedTargetGroup, t) })}
                </Text>
              ) : null}
            </Fact>
            <Fact label={t('people.field.status')}>{statusLabel(p.employmentStatus, lang)}</Fact>
            <Fact label={t('people.field.account')}>{t(`people.account.${p.accountStatus}`)}</Fact>
            <Fact label={t('people.field.updatedAt')}>{formatDate(p.updatedAt, lang, 'dateTime')}</Fact>
          </Table.Tbody>
        </Table>
      </Paper>

      {p.abilities.resendInvitation ? (
        <Paper withBorder p="md" component="section" aria-labelledby="person-invitation">
          <Title order={2} size="h4" id="person-invitation" mb="xs">
            {t('people.person.invitationTitle')}
          </Title>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t(p.accountStatus === 'none' ? 'people.person.invitationNone' : 'people.person.invitationText')}</Text>
            {invite.isSuccess ? (
              <Alert color="ok" variant="light" role="status">
                {t('people.person.invitationSent', { email: p.email })}
              </Alert>
            ) : null}
            <ErrorAlert error={invite.error} />
            <Button variant="light" onClick={() => invite.mutate()} loading={invite.isPending}>
              {t('people.person.resendInvitation')}
            </Button>
          </Stack>
        </Paper>
      ) : null}

      {p.abilities.viewHistory ? (
        <Paper withBorder p="md" component="section" aria-labelledby="person-history">
          <Title order={2} size="h4" id="person-history" mb="sm">
            {t('people.history.title')}
          </Title>
          <ErrorAlert error={history.error} />
          {history.data ? <HistoryTimeline items={history.data.items} /> : history.isPending ? <PageLoader /> : null}
        </Paper>
      ) : null}

      {dialog === 'edit' ? <PersonEditModal person={p} within={within} onClose={() => setDialog(null)} /> : null}
      {dialog === 'transfer' ? <TransferModal person={p} within={within} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
