import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A date in Thai with the Buddhist era, e.g. "22 พฤศจิกายน 2569". */
export function formatDateTh(d: Date | string): string {
  return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(d));
}

/** A date in English (common era), e.g. "22 November 2026". */
export function formatDateEn(d: Date | string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date(d));
}

/** Today's calendar date in Thailand as YYYY-MM-DD (runs, validity and deadlines are dates there). */
export function todayInBangkok(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The Buddhist-era year of a date in Thailand's time zone. */
export function yearBe(d: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(d)) + 543;
}

/** The Thai fiscal year (1 Oct – 30 Sep) a date falls in, named by the Buddhist-era year it ends in. */
export function fiscalYearBe(d: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', timeZone: 'Asia/Bangkok' }).formatToParts(d);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return year + 543 + (month >= 10 ? 1 : 0);
}

const require = createRequire(import.meta.url);
let fontCss: string | null = null;

/** @font-face rules embedding Sarabun (Thai and Latin, regular and bold) as data URIs, for printed documents. */
export function sarabunFontCss(): string {
  if (fontCss) return fontCss;
  const face = (subset: string, weight: number) => {
    const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
    const data = readFileSync(file).toString('base64');
    return `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  };
  fontCss = ['thai', 'latin'].flatMap((s) => [face(s, 400), face(s, 700)]).join('\n');
  return fontCss;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
