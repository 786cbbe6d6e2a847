import { describe, expect, it } from 'vitest';
import { formatCertificateNumber, maskName } from './numbering.js';

describe('certificate numbers and masked names', () => {
  it('formats THK-<fiscal year>-<six digits>', () => {
    expect(formatCertificateNumber(2570, 123)).toBe('THK-2570-000123');
    expect(formatCertificateNumber(2570, 1_234_567)).toBe('THK-2570-1234567');
  });

  it('keeps the title and first name and abbreviates the last name to its first consonant, as Thai does', () => {
    expect(maskName('นางสาวสมใจ รักเรียน')).toBe('นางสาวสมใจ ร.');
    expect(maskName('นายสมชาย เจริญสุข')).toBe('นายสมชาย จ.');
    expect(maskName('Ms Somjai Rakrian')).toBe('Ms Somjai R.');
    expect(maskName('สมใจ')).toBe('สม**');
  });
});
