import { describe, expect, it } from 'vitest';
import { formatDate, formatYearBe } from './format.js';

describe('formatDate', () => {
  it('shows the Buddhist era in Thai and the common era in English', () => {
    expect(formatDate('2026-11-22T03:00:00Z', 'th')).toContain('2569');
    expect(formatDate('2026-11-22T03:00:00Z', 'en')).toBe('22 Nov 2026');
  });

  it('uses Thailand time, so a late-evening UTC instant is the next day', () => {
    expect(formatDate('2026-11-21T20:00:00Z', 'en')).toBe('22 Nov 2026');
    expect(formatDate('2026-11-21T20:00:00Z', 'en', 'dateTime')).toContain('03:00');
  });

  it('gives an empty string for empty or invalid input', () => {
    expect(formatDate(null, 'th')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});

describe('formatYearBe', () => {
  it('keeps the BE year in Thai and converts it for English readers', () => {
    expect(formatYearBe(2567, 'th')).toBe('พ.ศ. 2567');
    expect(formatYearBe(2567, 'en')).toBe('2024');
  });
});
