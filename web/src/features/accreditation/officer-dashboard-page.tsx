import { Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getDashboard } from '../../api/accreditation.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate, formatNumber, formatYearBe } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';

export default function OfficerDashboardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('acc.dashboard.title'));
  const query = useQuery({ queryKey: ['acc-dashboard'], queryFn: getDashboard });
  const d = query.data;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('acc.dashboard.title')}</Title>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {d ? (
        <>
          <Text c="dimmed">{t('acc.dashboard.asOf', { year: formatYearBe(d.fiscalYearBe, lang), when: formatDate(d.asOf, lang, 'dateTime') })}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="md">
              <Text size="sm">{t('acc.dashboard.accredited')}</Text>
              <Text fz="xl" fw={700}>
                {t('acc.dashboard.ofTarget', { n: n(d.accreditedThisYear), target: n(d.yearlyTarget) })}
              </Text>
              <Progress value={d.yearlyTarget ? Math.min(100, (d.accreditedThisYear / d.yearlyTarget) * 100) : 0} aria-label={t('acc.dashboard.accredited')} mt="xs" />
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm">{t('acc.dashboard.overdueScreening')}</Text>
              <Text fz="xl" fw={700}>
                {n(d.overdue.screening)}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm">{t('acc.dashboard.overdueReviews')}</Text>
              <Text fz="xl" fw={700}>
                {n(d.overdue.reviews)}
              </Text>
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} style={{ alignItems: 'start' }}>
            <Table withTableBorder striped captionSide="top">
              <caption>{t('acc.dashboard.pipeline')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('acc.course.state')}</Table.Th>
                  <Table.Th scope="col">{t('acc.dashboard.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.pipeline.map((p) => (
                  <Table.Tr key={p.state}>
                    <Table.Th scope="row" fw={400}>
                      {t(`acc.state.${p.state}`)}
                    </Table.Th>
                    <Table.Td>{n(p.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table withTableBorder striped captionSide="top">
              <caption>{t('acc.dashboard.median')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('acc.dashboard.stage')}</Table.Th>
                  <Table.Th scope="col">{t('acc.dashboard.days')}</Table.Th>
                  <Table.Th scope="col">{t('acc.dashboard.sla')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('acc.dashboard.screening')}
                  </Table.Th>
                  <Table.Td>{n(d.medianDays.screening)}</Table.Td>
                  <Table.Td>{n(d.serviceLevels.screeningDays)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('acc.dashboard.review')}
                  </Table.Th>
                  <Table.Td>{n(d.medianDays.review)}</Table.Td>
                  <Table.Td>{n(d.serviceLevels.reviewDays)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('acc.dashboard.decision')}
                  </Table.Th>
                  <Table.Td>{n(d.medianDays.decision)}</Table.Td>
                  <Table.Td>—</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </SimpleGrid>
          <div style={{ overflowX: 'auto' }}>
            <Table withTableBorder striped captionSide="top">
              <caption>{t('acc.dashboard.load')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('acc.officer.reviewer')}</Table.Th>
                  <Table.Th scope="col">{t('acc.dashboard.open')}</Table.Th>
                  <Table.Th scope="col">{t('acc.dashboard.max')}</Table.Th>
                  <Table.Th scope="col">{t('acc.queue.overdue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.reviewerLoad.map((r) => (
                  <Table.Tr key={r.reviewerId}>
                    <Table.Th scope="row" fw={400}>
                      {r.name}
                    </Table.Th>
                    <Table.Td>{n(r.open)}</Table.Td>
                    <Table.Td>{n(r.maxConcurrent)}</Table.Td>
                    <Table.Td>{n(r.overdue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      ) : null}
    </Stack>
  );
}
