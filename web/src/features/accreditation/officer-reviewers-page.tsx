import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveReviewer, listReviewers, type ReviewerView } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export default function OfficerReviewersPage() {
  const { t } = useTranslation();
  usePageTitle(t('acc.reviewers.title'));
  const query = useQuery({ queryKey: ['reviewers', 'pending'], queryFn: () => listReviewers({ status: 'pending', pageSize: 100 }) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('acc.reviewers.title')}</Title>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 ? <EmptyState title={t('acc.reviewers.empty')} /> : null}
      <Stack gap="sm">
        {query.data?.items.map((r) => (
          <ReviewerCard key={r.id} reviewer={r} />
        ))}
      </Stack>
    </Stack>
  );
}

function ReviewerCard({ reviewer }: { reviewer: ReviewerView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => approveReviewer(reviewer.id, { decision, reason: decision === 'reject' ? reason : undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reviewers'] }),
  });
  const headingId = `r-${reviewer.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {reviewer.displayName}
      </Title>
      <Text size="sm" c="dimmed">
        {reviewer.email} · {t('acc.reviewers.maxConcurrent', { n: reviewer.maxConcurrent })}
      </Text>
      <Text size="sm" mt="xs">
        {reviewer.qualifications}
      </Text>
      <List size="sm" mt="xs">
        {reviewer.expertise.map((e) => (
          <List.Item key={e.skillAreaCode}>
            {e.skillAreaCode} — {t('acc.course.levelShort', { rank: e.levelRank })}
          </List.Item>
        ))}
        {reviewer.affiliations.map((a) => (
          <List.Item key={a.id}>
            {t('acc.reviewers.affiliation')}: {a.organisationName} {a.roleTitle ? `(${a.roleTitle})` : ''}
          </List.Item>
        ))}
      </List>
      <ErrorAlert error={mutation.error} />
      {rejecting ? <Textarea mt="sm" label={t('acc.providers.rejectReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
      <Group mt="sm" gap="xs">
        <Button onClick={() => mutation.mutate('approve')} loading={mutation.isPending && mutation.variables === 'approve'} aria-label={t('acc.reviewers.approveName', { name: reviewer.displayName })}>
          {t('acc.reviewers.approve')}
        </Button>
        {rejecting ? (
          <Button color="red" disabled={!reason.trim()} onClick={() => mutation.mutate('reject')}>
            {t('acc.providers.confirmReject')}
          </Button>
        ) : (
          <Button variant="outline" color="red" onClick={() => setRejecting(true)}>
            {t('acc.providers.reject')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
