import type { TFunction } from 'i18next';
import { EMPLOYMENT_STATUSES, POSITION_LEVELS, POSITION_TYPES, type PositionType } from '../../../../common/people-rules.js';
import type { Language } from '../../lib/i18n.js';

/** The shared vocabulary (common/people-rules.ts) carries its own Thai and English labels. */
function labelOf(items: readonly { code: string; th: string; en: string }[], code: string | null | undefined, lang: Language): string {
  if (!code) return '';
  const item = items.find((i) => i.code === code);
  return item ? (lang === 'th' ? item.th : item.en) : code;
}

export const positionTypeLabel = (code: string, lang: Language) => labelOf(POSITION_TYPES, code, lang);
export const statusLabel = (code: string, lang: Language) => labelOf(EMPLOYMENT_STATUSES, code, lang);
export const levelLabel = (type: string, code: string | null, lang: Language) =>
  labelOf(POSITION_LEVELS[type as PositionType] ?? [], code, lang);
export const targetGroupLabel = (code: string, t: TFunction) => t(`people.targetGroups.${code}`, { defaultValue: code });

interface Named {
  titleTh: string;
  firstNameTh: string;
  lastNameTh: string;
  titleEn?: string | null;
  firstNameEn: string | null;
  lastNameEn: string | null;
}

/** "นางสาวสุภาพร ใจดี": Thai titles join the first name; English readers get the English name when there is one. */
export function personName(p: Named, lang: Language): string {
  if (lang === 'en' && p.firstNameEn && p.lastNameEn) return [p.titleEn, p.firstNameEn, p.lastNameEn].filter(Boolean).join(' ');
  return `${p.titleTh}${p.firstNameTh} ${p.lastNameTh}`;
}

export const agencyName = (a: { nameTh: string; nameEn: string }, lang: Language) => (lang === 'th' ? a.nameTh : a.nameEn);
