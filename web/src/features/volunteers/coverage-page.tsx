import { Anchor, Breadcrumbs, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CoverageView, coverageExportUrl, getCoverage } from '../../api/volunteers.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageLoader } from '../../components/page-loader.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatNumber } from '../../lib/format.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { placeName } from './labels.js';
import { PROVINCE_TILES } from './tile-grid.js';

type Row = CoverageView['rows'][number];
type Metric = 'volunteers' | 'villagesCovered' | 'leaders';

const SHADES = ['#f1f3f5', '#d0ebff', '#74c0fc', '#339af0', '#1c7ed6', '#1864ab'];
const value = (r: Row, m: Metric) => (m === 'leaders' ? r.districtsWithLeader : r[m]);

/** Buckets 0 and then five steps up to the largest value. */
function shadeOf(v: number, max: number) {
  if (v <= 0 || max <= 0) return SHADES[0];
  return SHADES[Math.min(5, 1 + Math.floor(((v - 1) / max) * 5))];
}

const areaLink = (code: string) => `/volunteers/coverage/${code}`;

function ProvinceMap({ rows, metric, lang }: { rows: Row[]; metric: Metric; lang: Language }) {
  const { t } = useTranslation();
  const size = 28;
  const gap = 2;
  const max = Math.max(0, ...rows.map((r) => value(r, metric)));
  return (
    <svg
      viewBox={`0 0 ${12 * (size + gap)} ${18 * (size + gap)}`}
      aria-labelledby="coverage-map-caption"
      style={{ width: '100%', maxWidth: 360, height: 'auto', display: 'block' }}
    >
      <title>{t('vol.coverage.mapLabel')}</title>
      {rows.map((r) => {
        const pos = PROVINCE_TILES[r.code];
        if (!pos) return null;
        const v = value(r, metric);
        const fill = shadeOf(v, max);
        const label = `${placeName(r, lang)}: ${formatNumber(v, lang)}`;
        return (
          <a key={r.code} href={areaLink(r.code)} aria-label={label}>
            <title>{label}</title>
            <rect
              x={pos[0] * (size + gap)}
              y={pos[1] * (size + gap)}
              width={size}
              height={size}
              rx={3}
              fill={fill}
              stroke="#495057"
              strokeWidth={0.5}
            />
            <text
              x={pos[0] * (size + gap) + size / 2}
              y={pos[1] * (size + gap) + size / 2 + 3}
              textAnchor="middle"
              fontSize={8}
              fill={fill === SHADES[4] || fill === SHADES[5] ? '#fff' : '#212529'}
            >
              {r.code}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

function Legend({ rows, metric, lang }: { rows: Row[]; metric: Metric; lang: Language }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...rows.map((r) => value(r, metric)));
  return (
    <Group gap={6} aria-label={t('vol.coverage.legend')} role="group">
      {SHADES.map((c, i) => (
        <Group key={c} gap={4} wrap="nowrap">
          <span style={{ width: 14, height: 14, background: c, border: '1px solid #868e96', display: 'inline-block' }} />
          <Text size="xs">{i === 0 ? '0' : `≤ ${formatNumber(Math.ceil((max * i) / 5), lang)}`}</Text>
        </Group>
      ))}
    </Group>
  );
}

function CoverageTable({ view, lang }: { view: CoverageView; lang: Language }) {
  const { t } = useTranslation();
  const n = (x: number) => formatNumber(x, lang);
  const drill = view.level !== 'district';
  return (
    <ScrollRegion label={t('vol.coverage.tableLabel')}>
      <Table striped withTableBorder stickyHeader>
        <Table.Caption>{t(`vol.coverage.caption.${view.level}`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`vol.coverage.areaColumn.${view.level}`)}</Table.Th>
            <Table.Th scope="col">{t('vol.coverage.volunteers')}</Table.Th>
            <Table.Th scope="col">{t('vol.coverage.pending')}</Table.Th>
            <Table.Th scope="col">{t('vol.coverage.villages')}</Table.Th>
            {view.level !== 'district' && <Table.Th scope="col">{t('vol.coverage.districts')}</Table.Th>}
            {view.level !== 'district' && <Table.Th scope="col">{t('vol.coverage.leaders')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Th scope="row" fw={400}>
                {drill ? (
                  <Anchor component={Link} to={areaLink(r.code)}>
                    {placeName(r, lang)}
                  </Anchor>
                ) : (
                  placeName(r, lang)
                )}
              </Table.Th>
              <Table.Td>{n(r.volunteers)}</Table.Td>
              <Table.Td>{n(r.pending)}</Table.Td>
              <Table.Td>
                {n(r.villagesCovered)} / {n(r.villages)}
              </Table.Td>
              {view.level !== 'district' && (
                <Table.Td>
                  {n(r.districtsCovered)} / {n(r.districts)}
                </Table.Td>
              )}
              {view.level !== 'district' && (
                <Table.Td>
                  {n(r.districtsWithLeader)} / {n(r.districts)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Coverage of the network: the province map (nation), tables with drill-down, monthly activity, export. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { area } = useParams();
  const [metric, setMetric] = useState<Metric>('volunteers');
  const query = useQuery({ queryKey: ['coverage', area ?? ''], queryFn: () => getCoverage(area) });
  const view = query.data;
  usePageTitle(view?.area ? t('vol.coverage.titleOf', { name: placeName(view.area, lang) }) : t('vol.coverage.title'));
  if (query.isPending) return <PageLoader />;
  if (query.error || !view) return <ErrorAlert message={errorMessage(query.error, t)} />;
  const n = (x: number) => formatNumber(x, lang);
  const totals = view.totals;
  const crumbs = [...view.parents.map((p) => ({ code: p.code, name: placeName(p, lang) }))];
  return (
    <Stack gap="md">
      {crumbs.length > 0 && (
        <Breadcrumbs>
          {crumbs.map((c) => (
            <Anchor key={c.code} component={Link} to={c.code === 'TH' ? '/volunteers/coverage' : areaLink(c.code)}>
              {c.code === 'TH' ? t('vol.coverage.nation') : c.name}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Title order={1}>{view.area ? t('vol.coverage.titleOf', { name: placeName(view.area, lang) }) : t('vol.coverage.title')}</Title>
      <Paper withBorder p="md">
        <Group gap="xl" wrap="wrap">
          <Stat label={t('vol.coverage.volunteers')} value={n(totals.volunteers)} />
          <Stat label={t('vol.coverage.pending')} value={n(totals.pending)} />
          <Stat label={t('vol.coverage.villages')} value={`${n(totals.villagesCovered)} / ${n(totals.villages)}`} />
          {view.level !== 'district' && (
            <Stat label={t('vol.coverage.districts')} value={`${n(totals.districtsCovered)} / ${n(totals.districts)}`} />
          )}
          <Stat label={t('vol.coverage.leaders')} value={`${n(totals.districtsWithLeader)} / ${n(totals.districts)}`} />
        </Group>
      </Paper>
      {view.level === 'nation' && (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={t('vol.coverage.metric')}
            value={metric}
            onChange={(m) => setMetric(m as Metric)}
            data={[
              { value: 'volunteers', label: t('vol.coverage.volunteers') },
              { value: 'villagesCovered', label: t('vol.coverage.villagesShort') },
              { value: 'leaders', label: t('vol.coverage.leadersShort') },
            ]}
          />
          <figure style={{ margin: 0 }}>
            <figcaption id="coverage-map-caption">
              <Text size="sm" c="dimmed">
                {t('vol.coverage.mapLabel')} {t('vol.coverage.mapHint')}
              </Text>
            </figcaption>
            <ProvinceMap rows={view.rows} metric={metric} lang={lang} />
          </figure>
          <Legend rows={view.rows} metric={metric} lang={lang} />
        </Stack>
      )}
      <Group gap="xs">
        <Button component="a" href={coverageExportUrl(area, 'csv')} variant="default" size="xs">
          {t('vol.coverage.exportCsv')}
        </Button>
        <Button component="a" href={coverageExportUrl(area, 'xlsx')} variant="default" size="xs">
          {t('vol.coverage.exportXlsx')}
        </Button>
      </Group>
      <CoverageTable view={view} lang={lang} />
      {view.level === 'district' && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('vol.coverage.withoutVolunteer')}
          </Title>
          {view.villagesWithoutVolunteer.length === 0 ? (
            <Text c="dimmed">{t('vol.coverage.allCovered')}</Text>
          ) : (
            <ul>
              {view.villagesWithoutVolunteer.map((v) => (
                <li key={v.id}>{t('vol.place.villageLabel', { moo: v.moo, name: v.nameTh })}</li>
              ))}
            </ul>
          )}
        </Stack>
      )}
      <Title order={2} size="h3">
        {t('vol.coverage.monthly')}
      </Title>
      <ScrollRegion label={t('vol.coverage.monthly')}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('vol.coverage.month')}</Table.Th>
              <Table.Th scope="col">{t('vol.coverage.activities')}</Table.Th>
              <Table.Th scope="col">{t('vol.coverage.people')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={400}>
                  {new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
                    month: 'short',
                    year: 'numeric',
                    timeZone: 'UTC',
                  }).format(new Date(`${m.month}T00:00:00Z`))}
                </Table.Th>
                <Table.Td>{n(m.activities)}</Table.Td>
                <Table.Td>{n(m.people)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

function Stat({ label, value: v }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {v}
      </Text>
    </Stack>
  );
}
