import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getMyPerson, MY_DATA_URL } from '../../api/people.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { HistoryTimeline } from './history-timeline.js';
import { agencyName, levelLabel, personName, positionTypeLabel, statusLabel, targetGroupLabel } from './labels.js';
import { Fact } from './person-page.js';
import './messages.js';

function DownloadSection() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-download">
      <Title order={2} size="h4" id="my-download" mb="xs">
        {t('people.me.downloadTitle')}
      </Title>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('people.me.downloadText')}</Text>
        <Button component="a" href={MY_DATA_URL} download>
          {t('people.me.download')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Anyone signed in: their own personnel record with their full citizen ID, its history, and all their data as JSON (PDPA). */
export default function MyDataPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('people.me.title'));
  const me = useQuery({ queryKey: ['my-person'], queryFn: getMyPerson, retry: false });
  const missing = (me.error as { status?: number } | null)?.status === 404;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('people.me.title')}</Title>
        <Text maw={760}>{t('people.me.lead')}</Text>
      </Stack>
      {me.isPending ? <PageLoader /> : null}
      {missing ? <EmptyState title={t('people.me.noRecordTitle')}>{t('people.me.noRecord')}</EmptyState> : null}
      {me.error && !missing ? <ErrorAlert error={me.error} /> : null}
      {me.data ? (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="my-record">
            <Title order={2} size="h4" id="my-record" mb="xs">
              {t('people.me.record')}
            </Title>
            <Table className="facts-table" variant="vertical" layout="fixed">
              <Table.Tbody>
                <Fact label={t('people.field.citizenId')}>
                  <Text ff="monospace">{me.data.citizenId}</Text>
                </Fact>
                <Fact label={t('people.field.nameTh')}>{personName(me.data, 'th')}</Fact>
                <Fact label={t('people.field.nameEn')}>
                  {me.data.firstNameEn
                    ? [me.data.titleEn, me.data.firstNameEn, me.data.lastNameEn].filter(Boolean).join(' ')
                    : t('common.none')}
                </Fact>
                <Fact label={t('people.field.email')}>{me.data.email ?? t('common.none')}</Fact>
                <Fact label={t('people.field.position')}>{me.data.positionTh}</Fact>
                <Fact label={t('people.field.positionType')}>
                  {positionTypeLabel(me.data.positionType, lang)}
                  {me.data.positionLevel ? ` · ${levelLabel(me.data.positionType, me.data.positionLevel, lang)}` : ''}
                </Fact>
                <Fact label={t('people.field.agency')}>{agencyName(me.data.agency, lang)}</Fact>
                <Fact label={t('people.field.supervisor')}>{me.data.supervisor?.nameTh ?? t('common.none')}</Fact>
                <Fact label={t('people.field.targetGroup')}>
                  {targetGroupLabel(me.data.targetGroupCode, t)} ({t(`people.person.source.${me.data.targetGroupSource}`)})
                </Fact>
                <Fact label={t('people.field.status')}>{statusLabel(me.data.employmentStatus, lang)}</Fact>
                <Fact label={t('people.field.updatedAt')}>{formatDate(me.data.updatedAt, lang, 'dateTime')}</Fact>
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="sm">
              {t('people.me.correction')}
            </Text>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="my-history">
            <Title order={2} size="h4" id="my-history" mb="sm">
              {t('people.history.title')}
            </Title>
            <HistoryTimeline items={me.data.history} />
          </Paper>
        </>
      ) : null}
      {me.data || missing ? <DownloadSection /> : null}
      <Group>
        <Anchor href="/account" underline="always">
          {t('home.account')}
        </Anchor>
      </Group>
    </Stack>
  );
}
