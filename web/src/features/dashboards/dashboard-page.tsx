import { Alert, Anchor, Breadcrumbs, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ACTIVITY_TYPES, MIX_TARGET } from '../../../../common/contracts/plans.js';
import { type DashboardView, dashboardReportUrl, getDashboard, listSubscriptions, subscribe, unsubscribe } from '../../api/dashboards.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatDate } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { fiscalYearText, useFrameworkNames } from '../plans/shared.js';
import { BarChart, ChartCard, HeatMap, PairedBars, StackedBar, type TableData, Withheld } from './charts.js';
import './messages.js';

/** A percentage for a table: a dash when it cannot be shown (withheld counts, or nobody to divide by), never "<5". */
const pctCell = (v: number | null) => (v === null ? '—' : v);

const num = (lang: Language) => (n: number) =>
  new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 }).format(n);

function Kpi({
  label,
  value,
  min,
  suffix = '',
  testId,
}: {
  label: string;
  value: number | null;
  min: number;
  suffix?: string;
  testId: string;
}) {
  const lang = currentLanguage();
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Text fz="xl" fw={700}>
        {value === null ? <Withheld min={min} /> : `${num(lang)(value)}${suffix}`}
      </Text>
    </Paper>
  );
}

function PeopleSection({ d }: { d: DashboardView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const names = useFrameworkNames(lang);
  const f = num(lang);
  const min = d.privacy.minCellSize;
  const groups = d.people.byTargetGroup;
  const byGroup: TableData = {
    columns: [
      t('dash.col.group'),
      t('dash.col.personnel'),
      t('dash.col.selfAssessed'),
      t('dash.col.selfAssessedPct'),
      t('dash.col.tested'),
      t('dash.col.testedPct'),
      t('dash.col.passed'),
    ],
    rows: groups.map((g) => [
      names.groupName(g.targetGroupCode),
      g.personnel,
      g.selfAssessed,
      pctCell(g.selfAssessedPct),
      g.tested,
      pctCell(g.testedPct),
      g.passed,
    ]),
  };
  const areas = [...new Set(d.people.heatMap.map((h) => h.skillAreaCode))];
  const heatGroups = [...new Set(d.people.heatMap.map((h) => h.targetGroupCode))];
  const cell = (g: string, a: string) => d.people.heatMap.find((h) => h.targetGroupCode === g && h.skillAreaCode === a);
  const heat: TableData = {
    columns: [t('dash.col.group'), ...areas],
    rows: heatGroups.map((g) => [
      names.groupName(g),
      ...areas.map((a) => {
        const c = cell(g, a);
        return !c || c.requiredLevel === null ? '—' : pctCell(c.pct);
      }),
    ]),
  };
  const maxLevel = Math.max(0, ...d.people.distribution.flatMap((x) => x.levels.map((l) => l.level)));
  const levelNames = Array.from({ length: maxLevel + 1 }, (_, l) =>
    l === 0 ? t('dash.col.levelZero') : t('dash.col.level', { level: l }),
  );
  const dist: TableData = {
    columns: [t('dash.col.area'), ...levelNames],
    rows: d.people.distribution.map((x) => [names.areaName(x.skillAreaCode), ...x.levels.map((l) => l.people)]),
  };
  const gap: TableData = {
    columns: [
      t('dash.col.area'),
      `${t('dash.col.start')} (%)`,
      `${t('dash.col.end')} (%)`,
      `${t('dash.col.assessed')} (${t('dash.col.end')})`,
    ],
    rows: d.people.gapClosure.map((g) => [names.areaName(g.skillAreaCode), pctCell(g.pctStart), pctCell(g.pctEnd), g.assessedEnd]),
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="dash-people">
      <Title order={2} size="h3" id="dash-people">
        {t('dash.section.people')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Kpi testId="kpi-personnel" label={t('dash.kpi.personnel')} value={d.people.total.personnel} min={min} />
        <Kpi testId="kpi-self" label={t('dash.kpi.selfAssessedPct')} value={d.people.total.selfAssessedPct} min={min} suffix="%" />
        <Kpi testId="kpi-tested" label={t('dash.kpi.testedPct')} value={d.people.total.testedPct} min={min} suffix="%" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard title={t('dash.chart.byGroup')} name="personnel-by-group" data={byGroup} min={min} format={f}>
          {({ titleId, title }) => (
            <BarChart
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              rows={groups.map((g) => ({ label: names.groupName(g.targetGroupCode), value: g.personnel }))}
            />
          )}
        </ChartCard>
        <ChartCard title={t('dash.chart.coverage')} name="assessment-coverage" data={byGroup} min={min} format={f}>
          {({ titleId, title }) => (
            <PairedBars
              labelledBy={titleId}
              title={title}
              format={f}
              legend={[t('dash.col.selfAssessedPct'), t('dash.col.testedPct')]}
              rows={groups.map((g) => ({ label: names.groupName(g.targetGroupCode), a: g.selfAssessedPct, b: g.testedPct }))}
            />
          )}
        </ChartCard>
      </SimpleGrid>
      <ChartCard
        title={t('dash.chart.heatMap')}
        description={t('dash.chart.heatMapDesc')}
        name="levels-heat-map"
        data={heat}
        min={min}
        format={f}
      >
        {({ titleId, descId, title }) => (
          <HeatMap
            labelledBy={titleId}
            title={title}
            describedBy={descId}
            min={min}
            format={(n) => `${f(n)}%`}
            rows={heatGroups.map((g) => ({ code: g, label: names.groupName(g) }))}
            columns={areas}
            value={(g, a) => {
              const c = cell(g, a);
              return { v: c?.pct ?? null, applies: !!c && c.requiredLevel !== null };
            }}
          />
        )}
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard title={t('dash.chart.distribution')} name="level-distribution" data={dist} min={min} format={f}>
          {({ titleId, title }) => (
            <HeatMap
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              colour="count"
              rows={d.people.distribution.map((x) => ({ code: x.skillAreaCode, label: names.areaName(x.skillAreaCode) }))}
              columns={levelNames.map((_, l) => String(l))}
              value={(a, l) => ({
                v: d.people.distribution.find((x) => x.skillAreaCode === a)?.levels[Number(l)]?.people ?? null,
                applies: true,
              })}
            />
          )}
        </ChartCard>
        <ChartCard title={t('dash.chart.gapClosure')} name="gap-closure" data={gap} min={min} format={f}>
          {({ titleId, title }) => (
            <PairedBars
              labelledBy={titleId}
              title={title}
              format={f}
              legend={[t('dash.col.start'), t('dash.col.end')]}
              rows={d.people.gapClosure.map((g) => ({ label: names.areaName(g.skillAreaCode), a: g.pctStart, b: g.pctEnd }))}
            />
          )}
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}

function DevelopmentSection({ d }: { d: DashboardView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const names = useFrameworkNames(lang);
  const f = num(lang);
  const min = d.privacy.minCellSize;
  const dev = d.development;
  const mixLabels = Object.fromEntries(ACTIVITY_TYPES.map((k) => [k, t(`plans.activityType.${k}`)]));
  const mix: TableData = {
    columns: [t('dash.col.type'), t('dash.col.hours'), `${t('dash.col.share')} (%)`, `${t('dash.col.target')} (%)`],
    rows: ACTIVITY_TYPES.map((k) => [mixLabels[k], dev.hours[k], dev.mix ? dev.mix[k] : '—', MIX_TARGET[k]]),
  };
  const idps: TableData = {
    columns: [t('dash.col.state'), t('dash.col.count')],
    rows: [
      [t('dash.idp.all'), dev.idps.all],
      [t('dash.idp.approved'), dev.idps.approved],
      [t('dash.idp.completed'), dev.idps.completed],
    ],
  };
  const plans: TableData = {
    columns: [t('dash.col.state'), t('dash.col.count')],
    rows: dev.plans.byState.map((p) => [t(`plans.state.${p.state}`), p.count]),
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="dash-dev">
      <Title order={2} size="h3" id="dash-dev">
        {t('dash.section.development')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <Kpi testId="kpi-learners" label={t('dash.kpi.learners')} value={dev.learners} min={min} />
        <Kpi testId="kpi-hours" label={t('dash.kpi.hoursPerPerson')} value={dev.hoursPerPerson} min={min} />
        <Kpi testId="kpi-idps" label={t('dash.chart.idps')} value={dev.idps.all} min={min} />
      </SimpleGrid>
      <Text size="sm">
        {dev.completions === null ? null : `${t('dash.dev.completions', { n: f(dev.completions) })} · `}
        {t('dash.dev.cohorts', { run: f(dev.cohorts.run), completed: f(dev.cohorts.completed), participants: f(dev.cohorts.participants) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard title={t('dash.chart.mix')} name="learning-mix" data={mix} min={min} format={f}>
          {({ titleId, title }) =>
            dev.mix ? (
              <StackedBar
                labelledBy={titleId}
                title={title}
                keys={[...ACTIVITY_TYPES]}
                labels={mixLabels}
                bars={[
                  { label: t('dash.col.share'), values: dev.mix },
                  { label: t('dash.col.target'), values: MIX_TARGET },
                ]}
              />
            ) : (
              <Text c="dimmed">{t('dash.dev.noHours')}</Text>
            )
          }
        </ChartCard>
        <ChartCard title={t('dash.chart.idps')} name="idps" data={idps} min={min} format={f}>
          {({ titleId, title }) => (
            <BarChart
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              rows={idps.rows.map((r) => ({ label: String(r[0]), value: r[1] as number | null }))}
            />
          )}
        </ChartCard>
        <ChartCard title={t('dash.chart.plans')} name="agency-plans" data={plans} min={min} format={f}>
          {({ titleId, title }) => (
            <BarChart
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              rows={plans.rows.map((r) => ({ label: String(r[0]), value: r[1] as number }))}
            />
          )}
        </ChartCard>
      </SimpleGrid>
      {dev.plans.ownPlan && dev.plans.ownPlan.targets.length > 0 ? (
        <ScrollRegion label={t('dash.dev.ownPlan')}>
          <Table withTableBorder striped fz="sm">
            <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
              <Anchor component={Link} to={`/plans/${dev.plans.ownPlan.id}`}>
                {t('dash.dev.ownPlan')}
              </Anchor>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dash.col.group')}</Table.Th>
                <Table.Th scope="col">{t('dash.col.area')}</Table.Th>
                <Table.Th scope="col">{t('dash.col.metric')}</Table.Th>
                <Table.Th scope="col">{t('dash.col.target')}</Table.Th>
                <Table.Th scope="col">{t('dash.col.actual')}</Table.Th>
                <Table.Th scope="col">{t('dash.col.achieved')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dev.plans.ownPlan.targets.map((x) => (
                <Table.Tr key={`${x.targetGroupCode}-${x.skillAreaCode}-${x.metric}`}>
                  <Table.Td>{names.groupName(x.targetGroupCode)}</Table.Td>
                  <Table.Td>{x.skillAreaCode === 'ALL' ? '—' : names.areaName(x.skillAreaCode)}</Table.Td>
                  <Table.Td>{t(`plans.metric.${x.metric}`)}</Table.Td>
                  <Table.Td>{f(x.value)}</Table.Td>
                  <Table.Td>{x.actual === null ? '—' : f(x.actual)}</Table.Td>
                  <Table.Td>{x.achievedPct === null ? '—' : `${f(x.achievedPct)}%`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      ) : null}
    </Stack>
  );
}

function AccreditationSection({ d }: { d: DashboardView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const names = useFrameworkNames(lang);
  const f = num(lang);
  const min = d.privacy.minCellSize;
  const a = d.accreditation;
  const pipeline: TableData = {
    columns: [t('dash.col.state'), t('dash.col.count')],
    rows: a.pipeline.map((p) => [t(`acc.state.${p.state}`), p.count]),
  };
  const areas = [...new Set(a.catalogue.map((c) => c.skillAreaCode))];
  const groups = [...new Set(a.catalogue.map((c) => c.targetGroupCode))];
  const courses = (g: string, ar: string) => a.catalogue.find((c) => c.skillAreaCode === ar && c.targetGroupCode === g)?.courses ?? 0;
  const catalogue: TableData = {
    columns: [t('dash.col.group'), ...areas],
    rows: groups.map((g) => [names.groupName(g), ...areas.map((ar) => courses(g, ar))]),
  };
  const reviewers: TableData = {
    columns: [t('dash.col.reviewer'), t('dash.col.open'), t('dash.col.overdue'), t('dash.col.max')],
    rows: a.reviewerLoad.map((r) => [r.name, r.open, r.overdue, r.maxConcurrent]),
  };
  const days = (n: number | null) => (n === null ? '—' : f(n));
  return (
    <Stack gap="md" component="section" aria-labelledby="dash-acc">
      <Title order={2} size="h3" id="dash-acc">
        {t('dash.section.accreditation')}
      </Title>
      <Paper withBorder p="sm" radius="md" data-testid="kpi-accredited">
        <Text size="sm">{t('dash.kpi.accredited')}</Text>
        <Text fz="xl" fw={700}>
          {f(a.accreditedThisYear)} / {f(a.yearlyTarget)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dash.acc.targetLabel')}
        </Text>
      </Paper>
      <Text size="sm">
        {t('dash.acc.medianDays', { s: days(a.medianDays.screening), r: days(a.medianDays.review), d: days(a.medianDays.decision) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard title={t('dash.chart.pipeline')} name="accreditation-pipeline" data={pipeline} min={min} format={f}>
          {({ titleId, title }) => (
            <BarChart
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              rows={pipeline.rows.map((r) => ({ label: String(r[0]), value: r[1] as number }))}
            />
          )}
        </ChartCard>
        <ChartCard title={t('dash.chart.reviewers')} name="reviewer-load" data={reviewers} min={min} format={f}>
          {({ titleId, title }) => (
            <BarChart
              labelledBy={titleId}
              title={title}
              min={min}
              format={f}
              rows={a.reviewerLoad.map((r) => ({ label: r.name, value: r.open }))}
            />
          )}
        </ChartCard>
      </SimpleGrid>
      <ChartCard
        title={t('dash.chart.catalogue')}
        description={t('dash.chart.catalogueDesc', { n: a.gapBelow })}
        name="catalogue"
        data={catalogue}
        min={a.gapBelow}
        format={f}
      >
        {({ titleId, descId, title }) => (
          <HeatMap
            labelledBy={titleId}
            title={title}
            describedBy={descId}
            min={a.gapBelow}
            format={f}
            colour="gap"
            rows={groups.map((g) => ({ code: g, label: names.groupName(g) }))}
            columns={areas}
            value={(g, ar) => ({ v: courses(g, ar), applies: true })}
          />
        )}
      </ChartCard>
    </Stack>
  );
}

function VolunteersSection({ rows, min }: { rows: NonNullable<DashboardView['volunteers']>; min: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const f = num(lang);
  const top = [...rows].sort((a, b) => b.volunteers - a.volunteers).slice(0, 15);
  const data: TableData = {
    columns: [t('dash.col.province'), t('dash.col.volunteers'), t('dash.col.villages'), t('dash.col.villagesCovered')],
    rows: rows.map((r) => [lang === 'en' ? r.nameEn : r.nameTh, r.volunteers, r.villages, r.villagesCovered]),
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="dash-vol">
      <Title order={2} size="h3" id="dash-vol">
        {t('dash.section.volunteers')}
      </Title>
      <ChartCard title={t('dash.chart.volunteers')} name="volunteers-by-province" data={data} min={min} format={f}>
        {({ titleId, title }) => (
          <BarChart
            labelledBy={titleId}
            title={title}
            min={min}
            format={f}
            rows={top.map((r) => ({ label: lang === 'en' ? r.nameEn : r.nameTh, value: r.volunteers }))}
          />
        )}
      </ChartCard>
    </Stack>
  );
}

function MonitoringTable({ d, link }: { d: DashboardView; link: (agencyId: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const f = num(lang);
  const min = d.privacy.minCellSize;
  const c = (v: number | null, suffix = '') => (v === null ? <Withheld min={min} /> : `${f(v)}${suffix}`);
  const p = (v: number | null) => (v === null ? '—' : `${f(v)}%`);
  return (
    <Stack gap="sm" component="section" aria-labelledby="dash-agencies">
      <Title order={2} size="h3" id="dash-agencies">
        {t('dash.section.agencies')}
      </Title>
      {d.children.length === 0 ? (
        <Text c="dimmed">{t('dash.noChildren')}</Text>
      ) : (
        <ScrollRegion label={t('dash.section.agencies')}>
          <Table withTableBorder striped fz="sm" miw={860} data-testid="monitoring-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dash.col.agency')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.personnel')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.selfAssessedPct')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.testedPct')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.meetingPct')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.learners')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.hoursPerPerson')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dash.col.idps')}
                </Table.Th>
                <Table.Th scope="col">{t('dash.col.plan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.children.map((r) => {
                const name = lang === 'en' ? r.agency.nameEn : r.agency.nameTh;
                return (
                  <Table.Tr key={r.agency.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={link(r.agency.id)} aria-label={t('dash.drill', { name })}>
                        {name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right">{c(r.personnel)}</Table.Td>
                    <Table.Td ta="right">{p(r.selfAssessedPct)}</Table.Td>
                    <Table.Td ta="right">{p(r.testedPct)}</Table.Td>
                    <Table.Td ta="right">{p(r.meetingPct)}</Table.Td>
                    <Table.Td ta="right">{c(r.learners)}</Table.Td>
                    <Table.Td ta="right">{r.hoursPerPerson === null ? '—' : f(r.hoursPerPerson)}</Table.Td>
                    <Table.Td ta="right">{c(r.idps)}</Table.Td>
                    <Table.Td>{r.planState ? t(`plans.state.${r.planState}`) : t('dash.planState.none')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}

function Subscription({ d }: { d: DashboardView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const subs = useQuery({ queryKey: ['dashboard-subscriptions'], queryFn: listSubscriptions });
  const agencyId = d.scope.agency?.id ?? null;
  const mine = subs.data?.items.find((s) => (s.agency?.id ?? null) === agencyId && s.targetGroup === d.targetGroup);
  const add = useMutation({
    mutationFn: () => subscribe({ agencyId, targetGroup: (d.targetGroup ?? null) as never, language: lang }),
    onSuccess: (data) => qc.setQueryData(['dashboard-subscriptions'], data),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unsubscribe(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dashboard-subscriptions'] }),
  });
  if (!subs.data) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {mine ? (
        <>
          <Text size="sm" role="status">
            {t('dash.subscribed')}
          </Text>
          <Button size="compact-sm" variant="subtle" loading={remove.isPending} onClick={() => remove.mutate(mine.id)}>
            {t('dash.unsubscribe')}
          </Button>
        </>
      ) : (
        <Button size="compact-sm" variant="light" loading={add.isPending} onClick={() => add.mutate()}>
          {t('dash.subscribe')}
        </Button>
      )}
      <ErrorAlert error={add.error ?? remove.error} />
    </Group>
  );
}

/** The executive dashboard: the nation or an agency's subtree, one fiscal year, one or all target groups. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  usePageTitle(t('dash.title'));
  const names = useFrameworkNames(lang);
  const [params, setParams] = useSearchParams();
  const filters = {
    agencyId: params.get('agency') || undefined,
    fiscalYear: params.get('fiscalYear') ? Number(params.get('fiscalYear')) : undefined,
    targetGroup: params.get('targetGroup') || undefined,
  };
  const query = useQuery({ queryKey: ['dashboard', filters], queryFn: () => getDashboard(filters), placeholderData: keepPreviousData });
  const d = query.data;
  // From the address as it is now (not as it was at the last render), so two quick changes (year, then
  // group) both stay.
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const link = (agencyId: string) => {
    const next = new URLSearchParams(params);
    next.set('agency', agencyId);
    return `/dashboards?${next}`;
  };
  const nationLink = () => {
    const next = new URLSearchParams(params);
    next.delete('agency');
    return `/dashboards?${next}`;
  };
  const current = { ...filters, agencyId: d?.scope.agency?.id, fiscalYear: d?.fiscalYear };
  const scopeName = d ? (d.scope.agency ? (lang === 'en' ? d.scope.agency.nameEn : d.scope.agency.nameTh) : t('dash.nation')) : '';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dash.title')}</Title>
        {d ? (
          <nav aria-label={t('dash.breadcrumb')}>
            <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
              {d.scope.canSeeNation ? (
                d.scope.agency ? (
                  <Anchor component={Link} to={nationLink()}>
                    {t('dash.nation')}
                  </Anchor>
                ) : null
              ) : null}
              {d.scope.breadcrumbs.map((b) =>
                b.canOpen ? (
                  <Anchor key={b.id} component={Link} to={link(b.id)}>
                    {lang === 'en' ? b.nameEn : b.nameTh}
                  </Anchor>
                ) : (
                  <Text key={b.id} span>
                    {lang === 'en' ? b.nameEn : b.nameTh}
                  </Text>
                ),
              )}
              <Text span fw={700} aria-current="page">
                {scopeName}
              </Text>
            </Breadcrumbs>
          </nav>
        ) : null}
      </Stack>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {d ? (
        <>
          <Group align="flex-end" wrap="wrap" gap="sm" role="group" aria-label={t('dash.filters')}>
            <NativeSelect
              label={t('dash.fiscalYear')}
              value={params.get('fiscalYear') ?? String(d.fiscalYear)}
              onChange={(e) => set('fiscalYear', e.currentTarget.value)}
              data={d.fiscalYears.map((y) => ({ value: String(y), label: fiscalYearText(y, lang) }))}
            />
            <NativeSelect
              label={t('dash.targetGroup')}
              value={params.has('targetGroup') ? (params.get('targetGroup') ?? '') : (d.targetGroup ?? '')}
              onChange={(e) => set('targetGroup', e.currentTarget.value || null)}
              data={[{ value: '', label: t('dash.allGroups') }, ...names.groups]}
            />
            <Button component="a" href={dashboardReportUrl(current, 'xlsx')} download variant="light">
              {t('dash.exportXlsx')}
            </Button>
            <Button component="a" href={dashboardReportUrl(current, 'pdf')} download variant="light">
              {t('dash.exportPdf')}
            </Button>
            {d.scope.canListPeople && d.scope.agency ? (
              <Button
                component={Link}
                to={`/people?agency=${d.scope.agency.id}${d.targetGroup ? `&targetGroup=${d.targetGroup}` : ''}`}
                variant="subtle"
              >
                {t('dash.peopleList')}
              </Button>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" data-testid="as-of">
            {d.asOf ? t('dash.asOf', { time: formatDate(d.asOf, lang, 'dateTime') }) : t('dash.notYet')}
          </Text>
          {d.privacy.scopeSuppressed || d.children.length > 0 ? (
            <Alert variant="light" color="gray" p="xs">
              {t('dash.privacyNote', { min: d.privacy.minCellSize })}
            </Alert>
          ) : null}
          <Subscription d={d} />
          <MonitoringTable d={d} link={link} />
          <PeopleSection d={d} />
          <DevelopmentSection d={d} />
          <AccreditationSection d={d} />
          {d.volunteers ? <VolunteersSection rows={d.volunteers} min={d.privacy.minCellSize} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
