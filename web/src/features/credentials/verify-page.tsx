import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import { verifyCertificate } from '../../api/credentials.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import '../development/messages.js';

function NumberForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = value.trim().toUpperCase();
    if (n) navigate(`/verify/certificate/${encodeURIComponent(n)}`);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('dev.cert.verifyForm')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('dev.cert.number')}
          description={t('dev.cert.numberHint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          required
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit">{t('dev.cert.check')}</Button>
      </Group>
    </form>
  );
}

/** Public: anyone checks a certificate number — what it certifies, when, valid or revoked, the holder's name partly masked. */
export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { number = '' } = useParams();
  usePageTitle(t('dev.cert.verifyTitle', { number }));
  const q = useQuery({ queryKey: ['verify-certificate', number], queryFn: () => verifyCertificate(number), retry: false });
  const notFound = isAppError(q.error) && q.error.status === 404;
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('dev.cert.verifyTitle', { number })}</Title>
      {q.isPending ? <PageLoader /> : null}
      {notFound ? (
        <Alert color="red" variant="light" title={t('dev.cert.notFoundTitle')}>
          {t('dev.cert.notFound', { number })}
        </Alert>
      ) : (
        <ErrorAlert error={q.error} />
      )}
      {q.data ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Alert
              color={q.data.isValid ? 'ok' : 'red'}
              variant="light"
              title={q.data.isValid ? t('dev.cert.valid') : t('dev.cert.revoked')}
              data-testid="verification-status"
            >
              {q.data.isValid
                ? t('dev.cert.validText')
                : t('dev.cert.revokedText', { date: formatDate(q.data.revokedAt, lang), reason: q.data.revokedReason ?? '' })}
            </Alert>
            <Stack gap="sm" component="dl" m={0}>
              {(
                [
                  [t('dev.cert.number'), q.data.number, 'number'],
                  [t('dev.cert.holder'), q.data.holderName, 'holder'],
                  [
                    t('dev.cert.what'),
                    <>
                      <Text fw={600} span display="block">
                        {lang === 'en' ? q.data.titleEn : q.data.titleTh}
                      </Text>
                      <Text size="sm" span display="block">
                        {t(`dev.cert.kind.${q.data.kind}`)}
                        {q.data.detailTh ? ` · ${lang === 'en' ? q.data.detailEn : q.data.detailTh}` : ''}
                      </Text>
                    </>,
                    'what',
                  ],
                  ...(q.data.issuerTh
                    ? [[t('dev.cert.issuer'), lang === 'en' ? q.data.issuerEn : q.data.issuerTh, 'issuer'] as const]
                    : []),
                  [t('dev.cert.achieved'), formatDate(q.data.achievedAt, lang), 'achieved'],
                  [t('dev.cert.issued'), formatDate(q.data.issuedAt, lang), 'issued'],
                ] as const
              ).map(([label, value, key]) => (
                <div key={key}>
                  <Text component="dt" size="sm" c="dimmed" fw={600}>
                    {label}
                  </Text>
                  <Text component="dd" m={0} data-testid={key}>
                    {value}
                  </Text>
                </div>
              ))}
            </Stack>
          </Stack>
        </Paper>
      ) : null}
      <NumberForm initial={number} />
    </Stack>
  );
}
