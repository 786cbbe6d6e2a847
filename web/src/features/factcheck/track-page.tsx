import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import { trackClaim } from '../../api/factcheck.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { provinceName } from '../catalog/labels.js';
import { ClaimStatusBadge, VerdictBadge } from './shared.js';

function CodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) navigate(`/factcheck/track/${encodeURIComponent(code.trim())}`);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('factcheck.track.formLabel')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('factcheck.track.code')}
          description={t('factcheck.track.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          required
          autoCapitalize="characters"
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit">{t('factcheck.track.check')}</Button>
      </Group>
    </form>
  );
}

/** Where a claim stands, by the tracking code the submitter was given. */
export default function TrackClaimPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { code = '' } = useParams();
  usePageTitle(t('factcheck.track.title'));
  const query = useQuery({ queryKey: ['claim-track', code], queryFn: () => trackClaim(code), enabled: !!code, retry: false });
  const c = query.data;
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('factcheck.track.title')}</Title>
      {code ? null : <Text>{t('factcheck.track.intro')}</Text>}
      <CodeForm initial={code} />
      {code && query.isPending ? <PageLoader /> : null}
      {isAppError(query.error) && query.error.status === 404 ? (
        <Alert color="red" variant="light" role="alert" title={t('factcheck.track.notFoundTitle')}>
          {t('factcheck.track.notFound', { code })}
        </Alert>
      ) : (
        <ErrorAlert error={query.error} />
      )}
      {c ? (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="md">
            <Group gap="sm">
              <ClaimStatusBadge status={c.status} />
              <Text role="status">{t(`factcheck.track.statusText.${c.status}`)}</Text>
            </Group>
            {c.verdict && c.checkId ? (
              <Alert variant="light" color="blue" title={t('factcheck.track.verdictTitle')}>
                <Stack gap="xs">
                  <Group gap="xs">
                    <VerdictBadge verdict={c.verdict.verdict} size="lg" />
                    <Text fw={600}>{c.verdict.claimReviewed}</Text>
                  </Group>
                  <Anchor component={Link} to={`/factcheck/checks/${c.checkId}`}>
                    {t('factcheck.track.readCheck')}
                  </Anchor>
                </Stack>
              </Alert>
            ) : null}
            <Table captionSide="top">
              <caption>{t('factcheck.track.details')}</caption>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('factcheck.track.code')}</Table.Th>
                  <Table.Td ff="monospace">{c.trackingCode}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('factcheck.track.submitted')}</Table.Th>
                  <Table.Td>{formatDate(c.submittedAt, lang)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('factcheck.submit.platform')}</Table.Th>
                  <Table.Td>{t(`factcheck.platform.${c.platform}`)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('factcheck.submit.province')}</Table.Th>
                  <Table.Td>{provinceName(c.provinceCode, lang)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('factcheck.track.requests')}</Table.Th>
                  <Table.Td>{t('factcheck.requests', { count: c.requestCount, n: formatNumber(c.requestCount, lang) })}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <div>
              <Text fw={600}>{t('factcheck.track.yourText')}</Text>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.text}</Text>
            </div>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
