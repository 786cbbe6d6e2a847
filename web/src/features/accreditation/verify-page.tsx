import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { verifyAccreditation } from '../../api/accreditation.js';
import { isAppError } from '../../api/client.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { errorMessage } from '../../lib/form-errors.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { StateBadge } from './shared.js';

function NumberForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = value.trim();
    if (n) navigate(`/verify/accreditation/${encodeURIComponent(n)}`);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('acc.verify.formLabel')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('acc.verify.number')}
          description={t('acc.verify.numberHint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          required
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit">{t('acc.verify.check')}</Button>
      </Group>
    </form>
  );
}

export function VerifyFormPage() {
  const { t } = useTranslation();
  usePageTitle(t('acc.verify.title'));
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('acc.verify.title')}</Title>
      <Text>{t('acc.verify.intro')}</Text>
      <NumberForm />
    </Stack>
  );
}

export default function VerifyPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { number = '' } = useParams();
  usePageTitle(t('acc.verify.resultTitle', { number }));
  const query = useQuery({ queryKey: ['verify', number], queryFn: () => verifyAccreditation(number), retry: false });
  const notFound = isAppError(query.error) && query.error.status === 404;

  let body: React.ReactNode;
  if (query.isPending) body = <PageLoader />;
  else if (notFound)
    body = (
      <Alert color="red" variant="light" title={t('acc.verify.notFoundTitle')} role="alert">
        {t('acc.verify.notFound', { number })}
      </Alert>
    );
  else if (query.error) body = <ErrorAlert message={errorMessage(query.error, t)} />;
  else if (query.data) {
    const v = query.data;
    const status = v.isValid ? 'valid' : ['suspended', 'revoked', 'expired'].includes(v.state) ? v.state : 'invalid';
    body = (
      <Stack gap="md">
        <Alert
          color={v.isValid ? 'ok' : status === 'suspended' ? 'warn' : 'red'}
          variant="filled"
          title={t(`acc.verify.status.${status}`)}
          role="status"
        >
          {t(`acc.verify.statusText.${status}`)}
        </Alert>
        <Paper withBorder p="md">
          <Table captionSide="top">
            <caption>{t('acc.verify.details')}</caption>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.verify.number')}</Table.Th>
                <Table.Td>{v.number}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.course.titleTh')}</Table.Th>
                <Table.Td lang="th">{v.courseTitleTh}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.course.titleEn')}</Table.Th>
                <Table.Td lang="en">{v.courseTitleEn}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.verify.provider')}</Table.Th>
                <Table.Td>{v.providerName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.verify.state')}</Table.Th>
                <Table.Td>
                  <StateBadge state={v.state} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('acc.verify.validity')}</Table.Th>
                <Table.Td>
                  {v.validFrom ? t('acc.verify.range', { from: formatDate(v.validFrom, lang), to: formatDate(v.validUntil, lang) }) : '—'}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('acc.verify.title')}</Title>
      {body}
      <Title order={2} size="h4">
        {t('acc.verify.another')}
      </Title>
      <NumberForm initial="" />
    </Stack>
  );
}
