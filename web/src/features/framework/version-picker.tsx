import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '../../api/framework.js';
import { formatYearBe } from '../../lib/format.js';
import { currentLanguage } from '../../lib/i18n.js';
import { pick } from './localize.js';

export function versionLabel(v: FrameworkSummary, t: (k: string) => string, lang: 'th' | 'en'): string {
  const flags = [v.isCurrent ? t('framework.current') : null, v.status === 'draft' ? t('framework.status.draft') : null].filter(Boolean);
  return `${v.code} · ${pick(lang, v.titleTh, v.titleEn)} (${formatYearBe(v.yearBe, lang)})${flags.length ? ` – ${flags.join(', ')}` : ''}`;
}

/** Choosing a version navigates, so each version has its own shareable address. */
export function VersionPicker({
  versions,
  value,
  onChange,
}: {
  versions: FrameworkSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <NativeSelect
      label={t('framework.version')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={versions.map((v) => ({ value: v.id, label: versionLabel(v, t, lang) }))}
      w={{ base: '100%', sm: 420 }}
    />
  );
}
