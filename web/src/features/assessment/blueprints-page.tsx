import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAssessments } from '../../api/assessment.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { AuthorNav } from './author-nav.js';
import { pick, SampleBadge, StatusBadge } from './shared.js';

/** Assessments (blueprints) for authors. */
export default function BlueprintsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('assessment.blueprints.title'));
  const list = useQuery({ queryKey: ['assessments'], queryFn: () => listAssessments({ pageSize: 100 }) });
  return (
    <Stack gap="lg">
      <AuthorNav />
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('assessment.blueprints.title')}</Title>
          <Text maw={720}>{t('assessment.blueprints.lead')}</Text>
        </Stack>
        <Button component={Link} to="/assessment/blueprints/new">
          {t('assessment.blueprints.new')}
        </Button>
      </Group>
      {list.isPending ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <EmptyState title={t('assessment.blueprints.emptyTitle')}>{t('assessment.blueprints.emptyText')}</EmptyState>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ScrollRegion label={t('assessment.blueprints.title')}>
          <Table striped highlightOnHover miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.field.title')}</Table.Th>
                <Table.Th>{t('assessment.field.status')}</Table.Th>
                <Table.Th ta="right">{t('assessment.blueprints.questions')}</Table.Th>
                <Table.Th ta="right">{t('assessment.field.timeLimit')}</Table.Th>
                <Table.Th>{t('assessment.blueprints.window')}</Table.Th>
                <Table.Th ta="right">{t('assessment.blueprints.attempts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/assessment/blueprints/${a.id}`}>
                      {pick(lang, a.titleTh, a.titleEn)}
                    </Anchor>{' '}
                    {a.isSample ? <SampleBadge /> : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(a.questionCount, lang)}</Table.Td>
                  <Table.Td ta="right">{t('assessment.blueprints.minutes', { count: a.timeLimitMinutes })}</Table.Td>
                  <Table.Td>
                    {formatDate(a.opensAt, lang)} – {formatDate(a.closesAt, lang)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(a.attemptCount, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
    </Stack>
  );
}
