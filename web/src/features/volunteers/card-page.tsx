import { Alert, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isAppError } from '../../api/client.js';
import { verifyVolunteerCard } from '../../api/volunteers.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { levelLabel, placeName } from './labels.js';

/** The public page a volunteer card's QR code opens: is this person a volunteer now, and where. */
export default function VolunteerCardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { token = '' } = useParams();
  usePageTitle(t('vol.card.title'));
  const query = useQuery({ queryKey: ['volunteer-card', token], queryFn: () => verifyVolunteerCard(token), retry: false });
  let body: React.ReactNode;
  if (query.isPending) body = <PageLoader />;
  else if (isAppError(query.error) && query.error.status === 404)
    body = (
      <Alert color="red" variant="light" role="alert" title={t('vol.card.notFoundTitle')}>
        {t('vol.card.notFound')}
      </Alert>
    );
  else if (query.error || !query.data) body = <ErrorAlert message={errorMessage(query.error, t)} />;
  else {
    const c = query.data;
    body = (
      <Stack gap="md">
        <Alert color={c.isValid ? 'ok' : 'red'} variant="filled" role="status" title={t(c.isValid ? 'vol.card.valid' : 'vol.card.invalid')}>
          {t(c.isValid ? 'vol.card.validText' : 'vol.card.invalidText')}
        </Alert>
        <Paper withBorder p="md">
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('vol.card.name')}</Table.Th>
                <Table.Td>
                  {c.firstName} {c.lastNameInitial}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('vol.card.level')}</Table.Th>
                <Table.Td>{levelLabel(c.level, t)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('vol.card.area')}</Table.Th>
                <Table.Td>
                  {placeName(c.district, lang)}, {placeName(c.province, lang)}
                </Table.Td>
              </Table.Tr>
              {c.since && (
                <Table.Tr>
                  <Table.Th scope="row">{t('vol.card.since')}</Table.Th>
                  <Table.Td>{formatDate(c.since, lang)}</Table.Td>
                </Table.Tr>
              )}
              {c.isValid && (
                <Table.Tr>
                  <Table.Th scope="row">{t('hub.onboarding.cardLabel')}</Table.Th>
                  <Table.Td>{t(c.onboardingComplete ? 'hub.onboarding.cardComplete' : 'hub.onboarding.cardIncomplete')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={560}>
      <Title order={1}>{t('vol.card.title')}</Title>
      {body}
    </Stack>
  );
}
