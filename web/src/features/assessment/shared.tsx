import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getFramework } from '../../api/framework.js';
import type { Language } from '../../lib/i18n.js';

/** The current framework's skill areas and levels with names in the reader's language. */
export function useFrameworkLabels(lang: Language) {
  const framework = useQuery({ queryKey: ['framework', 'current'], queryFn: () => getFramework('current'), staleTime: 10 * 60_000 });
  return useMemo(() => {
    const data = framework.data;
    const areas = (data?.skillAreas ?? []).map((a) => ({
      value: a.code,
      label: `${a.code} · ${lang === 'en' ? a.nameEn || a.nameTh : a.nameTh}`,
    }));
    const levels = (data?.levels ?? []).map((l) => ({
      value: String(l.rank),
      label: `${l.rank} · ${lang === 'en' ? l.nameEn : l.nameTh}`,
    }));
    const groups = (data?.targetGroups ?? []).map((g) => ({ value: g.code, label: lang === 'en' ? g.nameEn : g.nameThShort || g.nameTh }));
    const areaName = (code: string) => {
      const a = data?.skillAreas.find((x) => x.code === code);
      return a ? (lang === 'en' ? a.nameEn || a.nameTh : a.nameTh) : code;
    };
    const levelName = (rank: number) => {
      const l = data?.levels.find((x) => x.rank === rank);
      return l ? (lang === 'en' ? l.nameEn : l.nameTh) : String(rank);
    };
    return { frameworkId: data?.id ?? null, areas, levels, groups, areaName, levelName, isLoading: framework.isPending };
  }, [framework.data, framework.isPending, lang]);
}

// Outline badges take the theme's shade 8, which keeps small text above 4.5:1 on white and on striped rows.
const STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  active: 'ok',
  superseded: 'thaksa',
  retired: 'warn',
  published: 'ok',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="outline" tt="none">
      {t(`assessment.status.${status}`)}
    </Badge>
  );
}

export function SampleBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="warn" variant="outline" tt="none">
      {t('assessment.sample')}
    </Badge>
  );
}

/** Text in the reader's language, falling back to Thai when there is no English. */
export const pick = (lang: Language, th: string | null | undefined, en: string | null | undefined) =>
  lang === 'en' && en ? en : (th ?? '');
