import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyAssignments, type MyAssignment, respondToAssignment } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export default function ReviewerInboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('acc.inbox.title'));
  const query = useQuery({ queryKey: ['my-assignments'], queryFn: listMyAssignments });
  const open = query.data?.items.filter((a) => a.state === 'pending' || (a.state === 'accepted' && !a.isReviewSubmitted)) ?? [];
  const done = query.data?.items.filter((a) => !open.includes(a)) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('acc.inbox.title')}</Title>
        <Anchor component={Link} to="/reviewer/apply">
          {t('acc.apply.title')}
        </Anchor>
      </Group>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {query.data && open.length === 0 ? <EmptyState title={t('acc.inbox.empty')} /> : null}
      <Stack gap="sm">
        {open.map((a) => (
          <AssignmentCard key={a.id} assignment={a} />
        ))}
      </Stack>
      {done.length > 0 ? (
        <section aria-labelledby="done-h">
          <Title order={2} size="h3" id="done-h" mb="sm">
            {t('acc.inbox.done')}
          </Title>
          <Stack gap="sm">
            {done.map((a) => (
              <AssignmentCard key={a.id} assignment={a} />
            ))}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}

function AssignmentCard({ assignment: a }: { assignment: MyAssignment }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (accept: boolean) => respondToAssignment(a.id, accept ? { accept } : { accept, reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-assignments'] }),
  });
  const title = lang === 'th' ? a.courseTitleTh : a.courseTitleEn || a.courseTitleTh;
  const headingId = `a-${a.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {lang === 'th' ? a.providerNameTh : a.providerNameEn} · {t('acc.course.version', { version: a.version })} · {t('acc.queue.due')}{' '}
        {formatDate(a.dueAt, lang)}
      </Text>
      <Group gap="xs" mt="xs">
        <Badge variant="light" tt="none">
          {a.isReviewSubmitted ? t('acc.inbox.reviewed') : t(`acc.assignment.${a.state}`)}
        </Badge>
        {a.isOverdue ? (
          <Badge color="red" variant="filled" tt="none">
            {t('acc.queue.overdue')}
          </Badge>
        ) : null}
      </Group>
      <ErrorAlert error={mutation.error} />
      {a.abilities.canRespond ? (
        <Stack gap="xs" mt="sm">
          {declining ? <Textarea label={t('acc.inbox.declineReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
          <Group gap="xs">
            <Button onClick={() => mutation.mutate(true)} loading={mutation.isPending && mutation.variables} aria-label={t('acc.inbox.acceptTitle', { title })}>
              {t('acc.inbox.accept')}
            </Button>
            {declining ? (
              <Button color="red" disabled={!reason.trim()} onClick={() => mutation.mutate(false)}>
                {t('acc.inbox.confirmDecline')}
              </Button>
            ) : (
              <Button variant="outline" color="red" onClick={() => setDeclining(true)}>
                {t('acc.inbox.decline')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
      {a.state === 'accepted' && !a.isReviewSubmitted ? (
        <Button mt="sm" component={Link} to={`/reviewer/assignments/${a.id}`} aria-label={t('acc.inbox.reviewTitle', { title })}>
          {t('acc.inbox.review')}
        </Button>
      ) : null}
    </Paper>
  );
}
