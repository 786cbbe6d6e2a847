import { describe, expect, it } from 'vitest';
import { pick, sourceLink } from './localize.js';

describe('sourceLink', () => {
  it('names TPQI units by their number, whether given as a URL or an id', () => {
    expect(sourceLink('https://tpqi-net.tpqi.go.th/qualifications/unitinfo/4087')).toEqual({
      label: 'TPQI 4087',
      href: 'https://tpqi-net.tpqi.go.th/qualifications/unitinfo/4087',
    });
    expect(sourceLink('tpqi:22812')).toEqual({ label: 'TPQI 22812', href: 'https://tpqi-net.tpqi.go.th/qualifications/unitinfo/22812' });
  });

  it('links other URLs by host and leaves reference ids as text', () => {
    expect(sourceLink('https://www.ocsc.go.th/DLProject/about-dlp')).toEqual({
      label: 'www.ocsc.go.th',
      href: 'https://www.ocsc.go.th/DLProject/about-dlp',
    });
    expect(sourceLink('S3')).toEqual({ label: 'S3', href: null });
  });
});

describe('pick', () => {
  it('chooses the reader’s language', () => {
    expect(pick('th', 'ไทย', 'English')).toBe('ไทย');
    expect(pick('en', 'ไทย', 'English')).toBe('English');
  });
});
