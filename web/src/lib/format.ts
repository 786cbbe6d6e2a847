import type { Language } from './i18n.js';

/** Thai readers see the Buddhist era (พ.ศ.); English readers the common era. Times are Thailand's. */
const LOCALES: Record<Language, string> = { th: 'th-TH-u-ca-buddhist', en: 'en-GB' };
const TIME_ZONE = 'Asia/Bangkok';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'medium',
      timeStyle: style === 'dateTime' ? 'short' : undefined,
      timeZone: TIME_ZONE,
    });
    cache.set(key, f);
  }
  return f;
}

/** Formats an ISO timestamp or Date; empty or invalid input gives an empty string. */
export function formatDate(value: string | Date | null | undefined, lang: Language, style: 'date' | 'dateTime' = 'date'): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return formatter(lang, style).format(date);
}

/** A Buddhist-era year as readers expect it: "พ.ศ. 2567" in Thai, "2024" in English. */
export function formatYearBe(yearBe: number, lang: Language): string {
  return lang === 'th' ? `พ.ศ. ${yearBe}` : String(yearBe - 543);
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB').format(value);
}
