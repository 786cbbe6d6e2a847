import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import {
  assignClaim,
  type ClaimGroupView,
  claimImageUrl,
  getClaimGroup,
  listClaims,
  listFactCheckers,
  mergeClaimGroups,
  splitClaimGroup,
  startClaimReview,
} from '../../api/factcheck.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { StatusPage } from '../../components/status-page.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { provinceName } from '../catalog/labels.js';
import { ClaimStatusBadge, VerdictBadge } from './shared.js';
import { VerdictEditor } from './verdict-editor.js';

function AssignPanel({ group }: { group: ClaimGroupView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const checkers = useQuery({ queryKey: ['fact-checkers'], queryFn: listFactCheckers });
  const [assignee, setAssignee] = useState('');
  const done = (data: ClaimGroupView) => queryClient.setQueryData(['claim-group', group.id], data);
  const assign = useMutation({ mutationFn: (id: string) => assignClaim(group.id, id), onSuccess: done });
  const review = useMutation({ mutationFn: () => startClaimReview(group.id), onSuccess: done });
  const me = session.user?.id;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('factcheck.group.work')}
        </Title>
        <ErrorAlert error={assign.error ?? review.error} />
        {group.abilities.assign ? (
          <Group align="flex-end" gap="sm">
            {me && group.assignee?.id !== me ? (
              <Button onClick={() => assign.mutate(me)} loading={assign.isPending && assign.variables === me}>
                {t('factcheck.group.takeIt')}
              </Button>
            ) : null}
            <NativeSelect
              label={t('factcheck.group.assignTo')}
              data={[
                { value: '', label: t('factcheck.submit.choose') },
                ...(checkers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              value={assignee}
              onChange={(e) => setAssignee(e.currentTarget.value)}
            />
            <Button variant="light" disabled={!assignee} onClick={() => assign.mutate(assignee)}>
              {t('factcheck.group.assign')}
            </Button>
          </Group>
        ) : null}
        {group.abilities.startReview ? (
          <Button onClick={() => review.mutate()} loading={review.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('factcheck.group.startReview')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

function MergePanel({ group }: { group: ClaimGroupView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const others = useQuery({
    queryKey: ['claim-groups', 'merge-candidates'],
    queryFn: () => listClaims({ status: 'new,assigned,in_review', sort: 'recent', pageSize: 50 }),
  });
  const [source, setSource] = useState('');
  const merge = useMutation({
    mutationFn: () => mergeClaimGroups(group.id, source),
    onSuccess: (data) => {
      queryClient.setQueryData(['claim-group', group.id], data);
      queryClient.invalidateQueries({ queryKey: ['claim-groups'] });
      setSource('');
    },
  });
  const options = (others.data?.items ?? []).filter((g) => g.id !== group.id);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('factcheck.group.mergeTitle')}
        </Title>
        <ErrorAlert error={merge.error} />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('factcheck.group.mergeFrom')}
            data={[
              { value: '', label: t('factcheck.submit.choose') },
              ...options.map((g) => ({ value: g.id, label: `(${g.requestCount}) ${g.sampleText.slice(0, 70)}` })),
            ]}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            style={{ flex: '1 1 16rem', minWidth: 0 }}
          />
          <Button variant="light" disabled={!source} onClick={() => merge.mutate()} loading={merge.isPending}>
            {t('factcheck.group.merge')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Members({ group }: { group: ClaimGroupView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const split = useMutation({
    mutationFn: () => splitClaimGroup(group.id, picked),
    onSuccess: (data) => {
      queryClient.setQueryData(['claim-group', group.id], data.from);
      queryClient.invalidateQueries({ queryKey: ['claim-groups'] });
      setPicked([]);
      navigate(`/factcheck/queue/${data.created.id}`);
    },
  });
  return (
    <section aria-labelledby="members-title">
      <Title order={2} size="h3" id="members-title" mb="xs">
        {t('factcheck.group.members', { count: group.claims.length })}
      </Title>
      <ErrorAlert error={split.error} />
      <div style={{ overflowX: 'auto' }}>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              {group.abilities.split ? <Table.Th scope="col">{t('factcheck.group.pick')}</Table.Th> : null}
              <Table.Th scope="col">{t('factcheck.queue.claim')}</Table.Th>
              <Table.Th scope="col">{t('factcheck.group.seen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.claims.map((c, i) => (
              <Table.Tr key={c.id}>
                {group.abilities.split ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('factcheck.group.pickClaim', { n: i + 1 })}
                      checked={picked.includes(c.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setPicked((xs) => (on ? [...xs, c.id] : xs.filter((x) => x !== c.id)));
                      }}
                    />
                  </Table.Td>
                ) : null}
                <Table.Td style={{ minWidth: '14rem' }}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.text}
                  </Text>
                  {c.link ? (
                    <Anchor href={c.link} target="_blank" rel="noopener noreferrer nofollow" size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {c.link}
                      <span className="visually-hidden">{t('common.opensNewTab')}</span>
                    </Anchor>
                  ) : null}
                  {c.hasImage ? (
                    <div>
                      <Anchor href={claimImageUrl(c.id)} target="_blank" rel="noopener noreferrer" size="xs">
                        {t('factcheck.group.image')}
                        <span className="visually-hidden">{t('common.opensNewTab')}</span>
                      </Anchor>
                    </div>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {t(`factcheck.platform.${c.platform}`)} · {provinceName(c.provinceCode, lang)}
                  </Text>
                  <Text size="xs">{formatDate(c.submittedAt, lang)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`factcheck.group.submitter.${c.submitter}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {group.abilities.split ? (
        <Button
          mt="sm"
          variant="light"
          disabled={picked.length === 0 || picked.length === group.claims.length}
          onClick={() => split.mutate()}
          loading={split.isPending}
        >
          {t('factcheck.group.split', { count: picked.length })}
        </Button>
      ) : null}
    </section>
  );
}

/** One claim group for fact-checkers: what was asked, by how many, the work on it and its verdict. */
export default function ClaimGroupPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  usePageTitle(t('factcheck.group.title'));
  const query = useQuery({ queryKey: ['claim-group', id], queryFn: () => getClaimGroup(id), retry: false });
  const g = query.data;
  if (isAppError(query.error) && query.error.status === 404) return <StatusPage kind="notFound" />;
  if (query.isPending) return <PageLoader />;
  if (!g) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/factcheck/queue" size="sm">
        ← {t('factcheck.queue.title')}
      </Anchor>
      <Title order={1}>{t('factcheck.group.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} fw={600}>
            {g.sampleText}
          </Text>
          <Group gap="xs">
            <ClaimStatusBadge status={g.status} />
            {g.verdict ? <VerdictBadge verdict={g.verdict} /> : null}
            <Text size="sm" data-testid="group-requests">
              {t('factcheck.requests', { count: g.requestCount, n: formatNumber(g.requestCount, lang) })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('factcheck.group.assignee', { name: g.assignee?.name ?? t('factcheck.group.nobody') })} ·{' '}
            {t('factcheck.group.seenRange', { from: formatDate(g.firstSeenAt, lang), to: formatDate(g.lastSeenAt, lang) })}
          </Text>
          {g.status === 'published' ? (
            <Anchor component={Link} to={`/factcheck/checks/${g.id}`}>
              {t('factcheck.group.publicPage')}
            </Anchor>
          ) : null}
        </Stack>
      </Paper>
      {g.abilities.assign || g.abilities.startReview ? <AssignPanel group={g} /> : null}
      {g.abilities.publish ? <VerdictEditor key={`${g.id}-${g.current?.version ?? 0}`} group={g} /> : null}
      <Members group={g} />
      {g.abilities.merge ? <MergePanel group={g} /> : null}
      {g.history.length ? (
        <section aria-labelledby="history-title">
          <Title order={2} size="h3" id="history-title" mb="xs">
            {t('factcheck.group.history')}
          </Title>
          <Stack gap="xs">
            {g.history.map((v) => (
              <Text key={v.version} size="sm">
                {t('factcheck.group.historyLine', {
                  version: v.version,
                  date: formatDate(v.publishedAt, lang, 'dateTime'),
                  name: v.publishedByName ?? '',
                })}{' '}
                <VerdictBadge verdict={v.verdict} /> {v.correctionNote ? `— ${v.correctionNote}` : ''}
              </Text>
            ))}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}
