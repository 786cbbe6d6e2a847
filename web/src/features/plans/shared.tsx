import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, MIX_TARGET, type PlanMix, type PlanState } from '../../../../common/contracts/plans.js';
import { getFramework } from '../../api/framework.js';
import { formatNumber } from '../../lib/format.js';
import type { Language } from '../../lib/i18n.js';

const STATE_COLORS: Record<PlanState, string> = { draft: 'gray', submitted: 'thaksa', approved: 'ok', returned: 'orange' };

export function PlanStateBadge({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" tt="none" autoContrast>
      {t(`plans.state.${state}`)}
    </Badge>
  );
}

/** A fiscal year as readers name it: "ปีงบประมาณ พ.ศ. 2570" in Thai, "FY 2027" in English. */
export const fiscalYearText = (yearBe: number, lang: Language) => (lang === 'th' ? `ปีงบประมาณ พ.ศ. ${yearBe}` : `FY ${yearBe - 543}`);

/** The fiscal year today falls in (1 October starts the next one), in the Buddhist era. */
export function currentFiscalYear(now = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', timeZone: 'Asia/Bangkok' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return year + 543 + (month >= 10 ? 1 : 0);
}

export const baht = (n: number, lang: Language) =>
  new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

/** Names of target groups and skill areas of the current framework. */
export function useFrameworkNames(lang: Language) {
  const framework = useQuery({ queryKey: ['framework', 'current'], queryFn: () => getFramework('current'), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const pick = (items: { code: string; nameTh: string; nameEn: string }[] | undefined) =>
      (items ?? []).map((i) => ({ value: i.code, label: lang === 'en' ? i.nameEn || i.nameTh : i.nameTh }));
    const groups = pick(framework.data?.targetGroups);
    const areas = pick(framework.data?.skillAreas);
    const name = (list: { value: string; label: string }[], code: string) => list.find((i) => i.value === code)?.label ?? code;
    return { groups, areas, groupName: (c: string) => name(groups, c), areaName: (c: string) => name(areas, c) };
  }, [framework.data, lang]);
}

const MIX_COLORS = { on_the_job: 'thaksa', coaching: 'yellow', formal: 'teal' } as const;

/** The planned 70:20:10 mix as a bar, next to the model's own bar, with the numbers in words. */
export function MixBar({ mix, lang }: { mix: PlanMix; lang: Language }) {
  const { t } = useTranslation();
  const bar = (values: Record<(typeof ACTIVITY_TYPES)[number], number>, label: string) => (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Progress.Root size={22} aria-hidden>
        {ACTIVITY_TYPES.map((k) => (
          <Progress.Section key={k} value={values[k]} color={MIX_COLORS[k]} />
        ))}
      </Progress.Root>
      <Group gap="md" wrap="wrap">
        {ACTIVITY_TYPES.map((k) => (
          <Text key={k} size="sm">
            {t(`plans.activityType.${k}`)}: <b>{formatNumber(values[k], lang)}%</b>
          </Text>
        ))}
      </Group>
    </Stack>
  );
  return (
    <Stack gap="sm" data-testid="mix-bar">
      {mix ? bar(mix, t('plans.mix.planned')) : <Text c="dimmed">{t('plans.mix.none')}</Text>}
      {bar(MIX_TARGET, t('plans.mix.target'))}
    </Stack>
  );
}
