import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { certificatePdfUrl, listMyCertificates } from '../../api/credentials.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import '../development/messages.js';

/** The learner's certificates: what each certifies, its number, the PDF and the public verification page. */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dev.cert.myTitle'));
  const q = useQuery({ queryKey: ['certificates'], queryFn: () => listMyCertificates() });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dev.cert.myTitle')}</Title>
        <Text>{t('dev.cert.lead')}</Text>
      </Stack>
      {q.isPending ? <PageLoader /> : null}
      <ErrorAlert error={q.error} />
      {q.data && q.data.items.length === 0 ? <EmptyState title={t('dev.cert.empty')}>{t('dev.cert.emptyText')}</EmptyState> : null}
      <Stack gap="sm">
        {q.data?.items.map((c) => (
          <Paper key={c.id} withBorder p="md" radius="md" data-testid="certificate" data-number={c.number}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Badge variant="light" tt="none" autoContrast>
                  {t(`dev.cert.kind.${c.kind}`)}
                </Badge>
                {c.revokedAt ? (
                  <Badge color="red" tt="none">
                    {t('dev.cert.revoked')}
                  </Badge>
                ) : null}
              </Group>
              <Text fw={700}>{lang === 'en' ? c.titleEn : c.titleTh}</Text>
              {c.detailTh ? <Text size="sm">{lang === 'en' ? c.detailEn : c.detailTh}</Text> : null}
              <Text size="sm" c="dimmed">
                {t('dev.cert.numberIs', { number: c.number })} · {t('dev.cert.issuedOn', { date: formatDate(c.issuedAt, lang) })}
              </Text>
              <Group gap="sm">
                <Button component="a" href={certificatePdfUrl(c.id)} download size="sm">
                  {t('dev.cert.download', { number: c.number })}
                </Button>
                <Anchor component={Link} to={`/verify/certificate/${c.number}`} size="sm">
                  {t('dev.cert.verifyLink')}
                </Anchor>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
