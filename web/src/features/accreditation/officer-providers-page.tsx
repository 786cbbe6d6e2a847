import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listProviders, type ProviderView, verifyProvider } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export default function OfficerProvidersPage() {
  const { t } = useTranslation();
  usePageTitle(t('acc.providers.title'));
  const query = useQuery({ queryKey: ['providers', 'pending'], queryFn: () => listProviders({ status: 'pending', pageSize: 100 }) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('acc.providers.title')}</Title>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 ? <EmptyState title={t('acc.providers.empty')} /> : null}
      <Stack gap="sm">
        {query.data?.items.map((p) => (
          <ProviderCard key={p.id} provider={p} />
        ))}
      </Stack>
    </Stack>
  );
}

function ProviderCard({ provider }: { provider: ProviderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (decision: 'verify' | 'reject') => verifyProvider(provider.id, { decision, reason: decision === 'reject' ? reason : undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['providers'] }),
  });
  const headingId = `p-${provider.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {provider.nameTh}
      </Title>
      <Text size="sm" c="dimmed" lang="en">
        {provider.nameEn} · {t(`acc.kind.${provider.kind}`)} · {t('acc.course.province')} {provider.provinceCode ?? '—'}
      </Text>
      <ErrorAlert error={mutation.error} />
      {rejecting ? (
        <Textarea mt="sm" label={t('acc.providers.rejectReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      ) : null}
      <Group mt="sm" gap="xs">
        <Button onClick={() => mutation.mutate('verify')} loading={mutation.isPending && mutation.variables === 'verify'} aria-label={t('acc.providers.verifyName', { name: provider.nameTh })}>
          {t('acc.providers.verify')}
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
