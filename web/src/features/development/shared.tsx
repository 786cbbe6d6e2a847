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
 * needs, the coloured bar what the person has now (green when met, orange when short). Each area's name is
 * text above its bars, so it stays readable on a 360 px phone; the group carries a summary and each row's
 * bars are an image named by their numbers; the table after the chart carries every number.
 */
export function SkillChart({ rows, maxLevel, lang }: { rows: SkillProfileRow[]; maxLevel: number; lang: Language }) {
  const { t } = useTranslation();
  const shown = rows.filter((r) => r.requiredLevel !== null || r.currentLevel !== null);
  const summary = t('dev.profile.chartSummary', {
    met: shown.filter((r) => r.gap === 0).length,
    gaps: shown.filter((r) => (r.gap ?? 0) > 0).length,
  });
  const pct = (l: number | null) => ((l ?? 0) / Math.max(1, maxLevel)) * 100;
  const ticks = Array.from({ length: maxLevel + 1 }, (_, l) => l);
  return (
    <Stack gap={6} maw={640}>
      <Stack gap={10} role="group" aria-label={summary} data-testid="skill-chart">
        {shown.map((r) => {
          const met = r.gap === 0 || r.gap === null;
          return (
            <div key={r.skillAreaCode}>
              <Text size="sm" fw={500}>
                {r.skillAreaCode} · {areaName(r, lang)}
              </Text>
              <svg
                viewBox="0 0 100 28"
                preserveAspectRatio="none"
                width="100%"
                height="28"
                role="img"
                aria-label={t('dev.profile.chartRow', {
                  area: r.skillAreaCode,
                  required: r.requiredLevel ?? '—',
                  current: r.currentLevel ?? '—',
                })}
              >
                {ticks.map((l) => (
                  <line
                    key={`tick-${l}`}
                    x1={pct(l)}
                    x2={pct(l)}
                    y1={0}
                    y2={28}
                    stroke="#dee2e6"
                    strokeWidth={0.4}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                <rect x={0} y={2} width={pct(r.requiredLevel)} height={10} fill="#adb5bd" />
                <rect x={0} y={14} width={pct(r.currentLevel)} height={12} fill={met ? '#2b8a3e' : '#d9480f'} />
              </svg>
            </div>
          );
        })}
        <Group justify="space-between" aria-hidden="true">
          {ticks.map((l) => (
            <Text key={`label-${l}`} size="xs" c="dimmed">
              {l}
            </Text>
          ))}
        </Group>
      </Stack>
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
