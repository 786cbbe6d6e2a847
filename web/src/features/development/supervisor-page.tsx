import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getSupervisorQueue } from '../../api/development.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import './messages.js';
import { fyText } from './shared.js';

/** The supervisor's work: direct reports' plans to approve, their coaching and on-the-job activities to attest, their profiles. */
export default function SupervisorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dev.supervisor.title'));
  const q = useQuery({ queryKey: ['supervisor-queue'], queryFn: getSupervisorQueue });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const name = (r: { personNameTh: string; personNameEn: string | null }) =>
    lang === 'en' ? (r.personNameEn ?? r.personNameTh) : r.personNameTh;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dev.supervisor.title')}</Title>
        <Text>{t('dev.supervisor.lead')}</Text>
      </Stack>
      <section aria-labelledby="sv-plans">
        <Title order={2} size="h3" id="sv-plans" mb="sm">
          {t('dev.supervisor.plans', { count: q.data.plans.length })}
        </Title>
        {q.data.plans.length === 0 ? (
          <EmptyState title={t('dev.supervisor.plansEmpty')} />
        ) : (
          <ScrollRegion label={t('dev.supervisor.plansLabel')}>
            <Table striped miw={520}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dev.supervisor.person')}</Table.Th>
                  <Table.Th>{t('dev.plan.fiscalYear')}</Table.Th>
                  <Table.Th ta="right">{t('dev.supervisor.activities')}</Table.Th>
                  <Table.Th>{t('dev.supervisor.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.plans.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/development/plans/${p.id}`}>
                        {name(p)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{fyText(p.fiscalYear, lang)}</Table.Td>
                    <Table.Td ta="right">{p.activities}</Table.Td>
                    <Table.Td>{formatDate(p.submittedAt, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </section>
      <section aria-labelledby="sv-activities">
        <Title order={2} size="h3" id="sv-activities" mb="sm">
          {t('dev.supervisor.toAttest', { count: q.data.activities.length })}
        </Title>
        {q.data.activities.length === 0 ? (
          <EmptyState title={t('dev.supervisor.attestEmpty')} />
        ) : (
          <Stack gap="xs" component="ul" style={{ paddingInlineStart: '1.2rem' }}>
            {q.data.activities.map((a) => (
              <Text component="li" key={a.id}>
                <Anchor component={Link} to={`/development/plans/${a.planId}`} underline="always">
                  {name(a)}: {a.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({t(`dev.activityType.${a.type}`)} · {a.skillAreaCode} {t('dev.profile.levelN', { level: a.targetLevel })}
                  {a.dueOn ? ` · ${t('dev.plan.due', { date: formatDate(a.dueOn, lang) })}` : ''})
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="sv-reports">
        <Title order={2} size="h3" id="sv-reports" mb="sm">
          {t('dev.supervisor.reports', { count: q.data.reports.length })}
        </Title>
        <Stack gap={4} component="ul" style={{ paddingInlineStart: '1.2rem' }}>
          {q.data.reports.map((r) => (
            <Text component="li" key={r.personId}>
              <Anchor component={Link} to={`/people/${r.personId}/skills`} underline="always">
                {lang === 'en' ? (r.nameEn ?? r.nameTh) : r.nameTh}
              </Anchor>
            </Text>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
