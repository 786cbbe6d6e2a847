import type { Language } from '../../lib/i18n.js';

/** The reader's language first; the other language is shown beside it where both matter. */
export function pick(lang: Language, th: string, en: string): string {
  return lang === 'th' ? th : en;
}

export function other(lang: Language, th: string, en: string): { text: string; lang: Language } {
  return lang === 'th' ? { text: en, lang: 'en' } : { text: th, lang: 'th' };
}

const TPQI_UNIT = 'https://tpqi-net.tpqi.go.th/qualifications/unitinfo/';

/** Sources arrive as URLs, TPQI unit ids (`tpqi:33132`) or reference ids (`S3`); the first two become links. */
export function sourceLink(source: string): { label: string; href: string | null } {
  const tpqiUrl = /^https:\/\/tpqi-net\.tpqi\.go\.th\/qualifications\/unitinfo\/(\d+)/.exec(source);
  if (tpqiUrl) return { label: `TPQI ${tpqiUrl[1]}`, href: source };
  if (/^https?:\/\//.test(source)) {
    let label = source;
    try {
      label = new URL(source).hostname;
    } catch {
      // Keep the raw text when the URL cannot be parsed.
    }
    return { label, href: source };
  }
  const tpqi = /^tpqi:(\d+)$/.exec(source);
  if (tpqi) return { label: `TPQI ${tpqi[1]}`, href: `${TPQI_UNIT}${tpqi[1]}` };
  return { label: source, href: null };
}
