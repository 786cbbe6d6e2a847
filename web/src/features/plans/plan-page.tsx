import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AgencyPlanView,
  approveAgencyPlan,
  getAgencyPlan,
  planReportUrl,
  returnAgencyPlan,
  submitAgencyPlan,
} from '../../api/plans.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { CohortForm } from './cohort-form.js';
import { PlanEditor } from './plan-editor.js';
import { baht, fiscalYearText, MixBar, PlanStateBadge, useFrameworkNames } from './shared.js';

function ProgressTable({ plan, lang }: { plan: AgencyPlanView; lang: Language }) {
  const { t } = useTranslation();
  const names = useFrameworkNames(lang);
  if (plan.targets.length === 0) return <Text c="dimmed">{t('plans.progress.none')}</Text>;
  return (
    <ScrollRegion label={t('plans.section.progress')}>
      <Table miw={720} data-testid="progress-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.field.targetGroup')}</Table.Th>
            <Table.Th>{t('plans.field.skillArea')}</Table.Th>
            <Table.Th>{t('plans.field.metric')}</Table.Th>
            <Table.Th ta="right">{t('plans.field.targetValue')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.population')}</Table.Th>
            <Table.Th>{t('plans.progress.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.targets.map((row, i) => (
            <Table.Tr key={`${row.targetGroupCode}-${row.skillAreaCode}-${row.metric}`}>
              <Table.Td>{names.groupName(row.targetGroupCode)}</Table.Td>
              <Table.Td>{row.skillAreaCode === 'ALL' ? t('plans.allAreas') : names.areaName(row.skillAreaCode)}</Table.Td>
              <Table.Td>{t(`plans.metric.${row.metric}`)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.value, lang)}</Table.Td>
              <Table.Td ta="right">{row.progress.population === null ? '–' : formatNumber(row.progress.population, lang)}</Table.Td>
              <Table.Td miw={200}>
                {row.progress.status === 'not_measured' ? (
                  <Text size="sm" c="dimmed">
                    {t('plans.progress.notMeasured')}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    <Text size="sm">
                      {t('plans.progress.value', {
                        actual: formatNumber(row.progress.actual ?? 0, lang),
                        pct: row.progress.achievedPct === null ? '–' : formatNumber(row.progress.achievedPct, lang),
                      })}
                    </Text>
                    <Progress value={row.progress.achievedPct ?? 0} aria-label={t('plans.progress.bar', { n: i + 1 })} />
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function ReadOnlyContent({ plan, lang }: { plan: AgencyPlanView; lang: Language }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <section aria-labelledby="ro-objectives">
        <Title order={2} size="h3" id="ro-objectives" mb="xs">
          {t('plans.section.objectives')}
        </Title>
        {plan.objectives.length ? (
          <List type="ordered">
            {plan.objectives.map((o) => (
              <List.Item key={o}>{o}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t('plans.empty')}</Text>
        )}
      </section>
      <section aria-labelledby="ro-budget">
        <Title order={2} size="h3" id="ro-budget" mb="xs">
          {t('plans.section.budget')}
        </Title>
        <ScrollRegion label={t('plans.section.budget')}>
          <Table miw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.field.budgetItem')}</Table.Th>
                <Table.Th>{t('plans.field.budgetCategory')}</Table.Th>
                <Table.Th ta="right">{t('plans.field.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.budgetLines.map((b, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of lines that may repeat; never reordered
                <Table.Tr key={`${b.item}-${i}`}>
                  <Table.Td>{b.item}</Table.Td>
                  <Table.Td>{t(`plans.category.${b.category}`)}</Table.Td>
                  <Table.Td ta="right">{baht(b.amountBaht, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <Text fw={700} mt="xs">
          {t('plans.budgetTotal', { amount: baht(plan.budgetTotal, lang) })}
        </Text>
      </section>
      <section aria-labelledby="ro-activities">
        <Title order={2} size="h3" id="ro-activities" mb="xs">
          {t('plans.section.activities')}
        </Title>
        <List mb="sm">
          {plan.activities.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of lines that may repeat; never reordered
            <List.Item key={`${a.title}-${i}`}>
              {t('plans.activityLine', {
                title: a.title,
                type: t(`plans.activityType.${a.type}`),
                hours: formatNumber(a.plannedHours, lang),
                people: formatNumber(a.plannedPeople, lang),
              })}
            </List.Item>
          ))}
        </List>
        <MixBar mix={plan.mix} lang={lang} />
      </section>
      <section aria-labelledby="ro-courses">
        <Title order={2} size="h3" id="ro-courses" mb="xs">
          {t('plans.section.courses')}
        </Title>
        {plan.plannedCourses.length ? (
          <List>
            {plan.plannedCourses.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/catalog/courses/${c.id}`} underline="always">
                  {lang === 'en' ? c.titleEn : c.titleTh}
                </Anchor>{' '}
                · {lang === 'en' ? c.providerNameEn : c.providerNameTh}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t('plans.empty')}</Text>
        )}
      </section>
    </Stack>
  );
}

function DecisionPanel({ plan }: { plan: AgencyPlanView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const onDone = (saved: AgencyPlanView) => queryClient.setQueryData(['plan', plan.id], saved);
  const approve = useMutation({ mutationFn: () => approveAgencyPlan(plan.id, comment.trim()), onSuccess: onDone });
  const giveBack = useMutation({ mutationFn: () => returnAgencyPlan(plan.id, comment.trim()), onSuccess: onDone });
  const error = approve.error ?? giveBack.error;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decision-heading" bg="thaksa.0">
      <Stack gap="sm">
        <Title order={2} size="h3" id="decision-heading">
          {t('plans.decision.title')}
        </Title>
        <Text size="sm">{t('plans.decision.lead')}</Text>
        <ErrorAlert error={error} />
        <Textarea
          label={t('plans.decision.comment')}
          description={t('plans.decision.commentHint')}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('plans.decision.commentRequired') : undefined}
        />
        <Group>
          <Button color="ok" onClick={() => approve.mutate()} loading={approve.isPending}>
            {t('plans.decision.approve')}
          </Button>
          <Button variant="default" onClick={() => (comment.trim() ? giveBack.mutate() : setMissing(true))} loading={giveBack.isPending}>
            {t('plans.decision.return')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CohortsSection({ plan, lang }: { plan: AgencyPlanView; lang: Language }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cohorts-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="cohorts-heading">
          {t('plans.section.cohorts')}
        </Title>
        {plan.cohorts.length === 0 ? (
          <Text c="dimmed">{t('plans.cohort.none')}</Text>
        ) : (
          <ScrollRegion label={t('plans.section.cohorts')}>
            <Table miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.cohort.title')}</Table.Th>
                  <Table.Th>{t('plans.cohort.course')}</Table.Th>
                  <Table.Th>{t('plans.cohort.dates')}</Table.Th>
                  <Table.Th>{t('plans.cohort.mode')}</Table.Th>
                  <Table.Th ta="right">{t('plans.cohort.enrolled')}</Table.Th>
                  <Table.Th ta="right">{t('plans.cohort.completedCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.cohorts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cohorts/${c.id}`}>
                        {c.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{lang === 'en' ? c.courseTitleEn : c.courseTitleTh}</Table.Td>
                    <Table.Td>
                      {formatDate(c.startsOn, lang)} – {formatDate(c.endsOn, lang)}
                    </Table.Td>
                    <Table.Td>{t(`plans.mode.${c.mode}`)}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(c.enrolled, lang)}/{formatNumber(c.capacity, lang)}
                    </Table.Td>
                    <Table.Td ta="right">{c.state === 'completed' ? formatNumber(c.completed, lang) : t('plans.cohort.open')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
        {plan.abilities.manageCohorts ? <CohortForm plan={plan} /> : null}
      </Stack>
    </Paper>
  );
}

/** One plan: progress from records, content (editable by HR while a draft or returned), approval, cohorts, reports. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const query = useQuery({ queryKey: ['plan', id], queryFn: () => getAgencyPlan(id) });
  const plan = query.data;
  usePageTitle(plan ? `${t('plans.title')} · ${lang === 'en' ? plan.agency.nameEn : plan.agency.nameTh}` : t('plans.title'));
  const submit = useMutation({
    mutationFn: () => submitAgencyPlan(id),
    onSuccess: (saved) => queryClient.setQueryData(['plan', id], saved),
  });
  if (query.isPending) return <PageLoader />;
  if (!plan) return <ErrorAlert error={query.error} />;
  const phase = plan.phases.find((p) => p.code === plan.phase);
  const lastReturn = [...plan.events].reverse().find((e) => e.action === 'return');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/plans" size="sm">
          {t('plans.back')}
        </Anchor>
        <Title order={1}>
          {t('plans.title')} · {lang === 'en' ? plan.agency.nameEn : plan.agency.nameTh}
        </Title>
        <Group gap="sm">
          <Text>{fiscalYearText(plan.fiscalYear, lang)}</Text>
          <PlanStateBadge state={plan.state} />
          {phase ? (
            <Badge variant="outline" tt="none">
              {lang === 'en' ? phase.en : phase.th}
            </Badge>
          ) : null}
        </Group>
      </Stack>
      <Group gap="sm">
        <Button component="a" href={planReportUrl(id, 'pdf')} download variant="light">
          {t('plans.report.pdf')}
        </Button>
        <Button component="a" href={planReportUrl(id, 'xlsx')} download variant="light">
          {t('plans.report.xlsx')}
        </Button>
      </Group>
      {plan.state === 'returned' && lastReturn ? (
        <Paper withBorder p="md" radius="md" bg="orange.0" role="note">
          <Text fw={600}>{t('plans.returnedBy', { name: lastReturn.actorName ?? '', date: formatDate(lastReturn.at, lang) })}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.comment}</Text>
        </Paper>
      ) : null}
      {plan.abilities.approve || plan.abilities.return ? <DecisionPanel plan={plan} /> : null}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading" mb="xs">
          {t('plans.section.progress')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('plans.progress.lead')}
        </Text>
        <ProgressTable plan={plan} lang={lang} />
      </Paper>
      {plan.abilities.edit ? (
        <PlanEditor key={plan.id} plan={plan} onDirtyChange={setDirty} />
      ) : (
        <ReadOnlyContent plan={plan} lang={lang} />
      )}
      {plan.abilities.submit ? (
        <Stack gap="xs">
          <ErrorAlert message={submit.error ? errorMessage(submit.error, t) : null} />
          <Group>
            <Button size="md" onClick={() => submit.mutate()} loading={submit.isPending} disabled={dirty}>
              {t('plans.submit')}
            </Button>
            {dirty ? <Text size="sm">{t('plans.saveFirst')}</Text> : null}
          </Group>
        </Stack>
      ) : null}
      <CohortsSection plan={plan} lang={lang} />
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="xs">
          {t('plans.section.history')}
        </Title>
        {plan.events.length === 0 ? (
          <EmptyState title={t('plans.history.emptyTitle')}>{t('plans.history.empty')}</EmptyState>
        ) : (
          <List>
            {plan.events.map((e) => (
              <List.Item key={`${e.action}-${e.at}`}>
                {t(`plans.history.${e.action}`, { name: e.actorName ?? '', date: formatDate(e.at, lang, 'dateTime') })}
                {e.comment ? ` — ${e.comment}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
