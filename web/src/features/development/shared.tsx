import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DEVELOPMENT_ACTIVITY_TYPES,
  type DevelopmentPlanState,
  type MixValues,
  type SkillProfileRow,
} from '../../../../common/contracts/development.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { formatNumber } from '../../lib/format.js';
import type { Language } from '../../lib/i18n.js';

const STATE_COLORS: Record<DevelopmentPlanState, string> = {
  draft: 'gray',
  submitted: 'thaksa',
  approved: 'ok',
  returned: 'warn',
  completed: 'ok',
};

export function DevPlanStateBadge({ state }: { state: DevelopmentPlanState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" tt="none" autoContrast>
      {t(`dev.planState.${state}`)}
    </Badge>
  );
}

/** A fiscal year as readers name it. */
export const fyText = (yearBe: number, lang: Language) => (lang === 'th' ? `ปีงบประมาณ พ.ศ. ${yearBe}` : `FY ${yearBe - 543}`);

export function currentFiscalYear(now = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', timeZone: 'Asia/Bangkok' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return year + 543 + (month >= 10 ? 1 : 0);
}

export const areaName = (r: { nameTh: string; nameEn: string }, lang: Language) => (lang === 'en' ? r.nameEn || r.nameTh : r.nameTh);

/**
 * Required against current level per skill area as horizontal SVG bars: the grey bar is what the target group
 * needs, the coloured bar what the person has now (green when met, orange when short). The chart is an image
 * with a summary for screen readers; the table beside it carries every number.
 */
export function SkillChart({ rows, maxLevel, lang }: { rows: SkillProfileRow[]; maxLevel: number; lang: Language }) {
  const { t } = useTranslation();
  const shown = rows.filter((r) => r.requiredLevel !== null || r.currentLevel !== null);
  const rowH = 58;
  const labelW = 8;
  const width = 560;
  const barW = width - labelW - 16;
  const scale = (l: number) => (l / Math.max(1, maxLevel)) * barW;
  const height = shown.length * rowH + 28;
  const summary = t('dev.profile.chartSummary', {
    met: shown.filter((r) => r.gap === 0).length,
    gaps: shown.filter((r) => (r.gap ?? 0) > 0).length,
  });
  return (
    <Stack gap={6}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={summary}
        style={{ maxWidth: width }}
        data-testid="skill-chart"
      >
        {Array.from({ length: maxLevel + 1 }, (_, l) => l).map((l) => (
          <g key={`tick-${l}`}>
            <line x1={labelW + scale(l)} x2={labelW + scale(l)} y1={0} y2={height - 22} stroke="#dee2e6" />
            <text x={Math.min(width - 8, labelW + scale(l))} y={height - 6} fontSize="12" textAnchor="middle" fill="#495057">
              {l}
            </text>
          </g>
        ))}
        {shown.map((r, i) => {
          const y = i * rowH;
          const met = r.gap === 0 || r.gap === null;
          return (
            <g key={r.skillAreaCode}>
              <text x={labelW} y={y + 15} fontSize="14" fill="#212529">
                {r.skillAreaCode} · {areaName(r, lang)}
              </text>
              <rect x={labelW} y={y + 22} width={scale(r.requiredLevel ?? 0)} height={11} fill="#adb5bd" rx={2} />
              <rect x={labelW} y={y + 36} width={scale(r.currentLevel ?? 0)} height={14} fill={met ? '#2b8a3e' : '#d9480f'} rx={2} />
            </g>
          );
        })}
      </svg>
      <Group gap="md" aria-hidden="true">
        <Group gap={6}>
          <span style={{ width: 14, height: 10, background: '#adb5bd', display: 'inline-block' }} />
          <Text size="sm">{t('dev.profile.required')}</Text>
        </Group>
        <Group gap={6}>
          <span style={{ width: 14, height: 10, background: '#2b8a3e', display: 'inline-block' }} />
          <Text size="sm">{t('dev.profile.currentMet')}</Text>
        </Group>
        <Group gap={6}>
          <span style={{ width: 14, height: 10, background: '#d9480f', display: 'inline-block' }} />
          <Text size="sm">{t('dev.profile.currentShort')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}

const level = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

/** Every number of the profile in a table (the chart's text alternative). */
export function SkillTable({ rows, lang }: { rows: SkillProfileRow[]; lang: Language }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('dev.profile.tableLabel')}>
      <Table striped miw={640} data-testid="skill-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dev.profile.area')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.required')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.self')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.tested')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.evidence')}</Table.Th>
            <Table.Th ta="right">{t('dev.profile.current')}</Table.Th>
            <Table.Th>{t('dev.profile.gap')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.skillAreaCode} data-area={r.skillAreaCode}>
              <Table.Th scope="row" fw={500}>
                {r.skillAreaCode} · {areaName(r, lang)}
              </Table.Th>
              <Table.Td ta="right">
                {r.requiredLevel === null ? t('dev.profile.notRequired') : r.requiredLevel}
                {r.requiredIsSample && r.requiredLevel !== null ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('dev.profile.sample')})
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{level(r.selfAssessed?.level)}</Table.Td>
              <Table.Td ta="right">{level(r.tested?.level)}</Table.Td>
              <Table.Td ta="right">{level(r.evidence?.level)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {level(r.currentLevel)}
              </Table.Td>
              <Table.Td data-testid={`gap-${r.skillAreaCode}`}>
                {r.gap === null ? '—' : r.gap === 0 ? t('dev.profile.met') : t('dev.profile.gapBy', { count: r.gap })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

const MIX_COLORS = { on_the_job: 'thaksa', coaching: 'yellow', formal: 'teal' } as const;

/** Planned and actual 70:20:10 mix (by hours) against the model, as bars with the numbers in words. */
export function MixBars({
  planned,
  actual,
  target,
  lang,
}: {
  planned: MixValues | null;
  actual: MixValues | null;
  target: MixValues;
  lang: Language;
}) {
  const { t } = useTranslation();
  const bar = (values: MixValues | null, label: string, testId: string) => (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {values ? (
        <>
          <Progress.Root size={20} aria-hidden>
            {DEVELOPMENT_ACTIVITY_TYPES.map((k) => (
              <Progress.Section key={k} value={values[k]} color={MIX_COLORS[k]} />
            ))}
          </Progress.Root>
          <Group gap="md" wrap="wrap">
            {DEVELOPMENT_ACTIVITY_TYPES.map((k) => (
              <Text key={k} size="sm">
                {t(`dev.activityType.${k}`)}: <b>{formatNumber(values[k], lang)}%</b>
              </Text>
            ))}
          </Group>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('dev.plan.mixNone')}
        </Text>
      )}
    </Stack>
  );
  return (
    <Stack gap="sm">
      {bar(planned, t('dev.plan.mixPlanned'), 'mix-planned')}
      {bar(actual, t('dev.plan.mixActual'), 'mix-actual')}
      {bar(target, t('dev.plan.mixTarget'), 'mix-target')}
    </Stack>
  );
}
