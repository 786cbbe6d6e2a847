import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listOutbox } from '../../api/accreditation.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export default function OutboxPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('acc.outbox.title'));
  const query = useQuery({ queryKey: ['outbox'], queryFn: listOutbox });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('acc.outbox.title')}</Title>
      <Text c="dimmed">{t('acc.outbox.intro')}</Text>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 ? <EmptyState title={t('acc.outbox.empty')} /> : null}
      {query.data?.items.map((m) => (
        <Paper key={m.id} withBorder p="md" component="article" aria-labelledby={`m-${m.id}`}>
          <Title order={2} size="h5" id={`m-${m.id}`}>
            {m.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {t('acc.outbox.to', { to: m.toEmail })} · {formatDate(m.createdAt, lang, 'dateTime')} · {m.sentAt ? t('acc.outbox.sent') : t('acc.outbox.queued')}
          </Text>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {m.bodyText}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
