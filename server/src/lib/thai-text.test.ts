import { describe, expect, it } from 'vitest';
import { escapeHtml, fiscalYearBe, formatDateTh, yearBe } from './thai-text.js';

describe('Thai dates', () => {
  it('show the Buddhist era', () => {
    expect(formatDateTh('2026-11-22T03:00:00Z')).toBe('22 พฤศจิกายน 2569');
    expect(yearBe(new Date('2026-06-01T00:00:00Z'))).toBe(2569);
  });

  it('name the fiscal year by the Buddhist-era year it ends in, in Bangkok time', () => {
    expect(fiscalYearBe(new Date('2026-09-30T17:00:00Z'))).toBe(2570); // 1 Oct 2026 00:00 in Bangkok (UTC+7)
    expect(fiscalYearBe(new Date('2026-09-30T16:59:59Z'))).toBe(2569); // still 30 Sep in Bangkok
    expect(fiscalYearBe(new Date('2026-09-30T12:00:00Z'))).toBe(2569);
    expect(fiscalYearBe(new Date('2026-01-15T00:00:00Z'))).toBe(2569);
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
  });
});
