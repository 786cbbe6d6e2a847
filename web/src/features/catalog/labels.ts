import type { TFunction } from 'i18next';
import { findProvince } from '../../../../common/provinces.js';
import type { FacetName, FacetValue, SearchResult } from '../../api/catalog.js';
import { formatNumber } from '../../lib/format.js';
import type { Language } from '../../lib/i18n.js';

/** A Thai/English pair in the reader's language, falling back to Thai where English is missing. */
export function localized(lang: Language, th: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'en' ? en || th : th || en) ?? '';
}

export function provinceName(code: string | null | undefined, lang: Language): string {
  if (!code) return '';
  const p = findProvince(code);
  return p ? localized(lang, p.nameTh, p.nameEn) : code;
}

export function feeText(baht: number, lang: Language, t: TFunction): string {
  return baht === 0 ? t('catalog.fee.free') : t('catalog.fee.baht', { amount: formatNumber(baht, lang) });
}

/** "4.3" in both languages: one decimal is enough for a five-point scale. */
export function ratingText(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** Days until the accreditation ends, as the reader would say it. */
export function countdownText(days: number | null, t: TFunction): string {
  if (days === null) return '';
  if (days > 0) return t('catalog.course.daysLeft', { count: days });
  if (days === 0) return t('catalog.course.endsToday');
  return t('catalog.course.daysAgo', { count: -days });
}

/** Labels of facet values (from the search result) for names on cards and chips. */
export type FacetLabels = Partial<Record<FacetName, Map<string, FacetValue>>>;

export function facetLabels(facets: SearchResult['facets'] | undefined): FacetLabels {
  const out: FacetLabels = {};
  if (!facets) return out;
  for (const [name, values] of Object.entries(facets) as [FacetName, FacetValue[]][]) {
    out[name] = new Map(values.map((v) => [v.value, v]));
  }
  return out;
}

/** The label of one filter value: from the facets when the API sent it, else from what the web app knows. */
export function filterLabel(name: FacetName, value: string, labels: FacetLabels, lang: Language, t: TFunction): string {
  const known = labels[name]?.get(value);
  if (known) return localized(lang, known.labelTh, known.labelEn);
  switch (name) {
    case 'province':
      return value === 'online' ? t('catalog.delivery.online') : provinceName(value, lang);
    case 'deliveryMode':
      return t(`catalog.delivery.${value}`, { defaultValue: value });
    case 'language':
      return t(`acc.language.${value}`, { defaultValue: value });
    case 'status':
      return t(`catalog.status.${value}`, { defaultValue: value });
    case 'fee':
      return t(`catalog.fee.${value}`, { defaultValue: value });
    case 'level':
      return t('catalog.levelN', { level: value });
    default:
      return value;
  }
}

/** "Digital Literacy (Basic)" for a skill area and level on a card. */
export function skillText(code: string, level: number, labels: FacetLabels, lang: Language, t: TFunction): string {
  const area = filterLabel('skillArea', code, labels, lang, t);
  const levelLabel = labels.level?.get(String(level));
  const levelName = levelLabel ? localized(lang, levelLabel.labelTh, levelLabel.labelEn) : null;
  return levelName ? t('catalog.skillLevelNamed', { area, level, name: levelName }) : t('catalog.skillLevel', { area, level });
}

export const STATUS_COLORS: Record<string, string> = {
  accredited: 'ok',
  accredited_with_conditions: 'ok',
  suspended: 'warn',
  expired: 'gray',
};
