import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import th from '../../../../common/i18n/th.json' with { type: 'json' };
import { fieldLabel } from './shared.js';

// A tiny t() over the Thai catalogue, enough for labels without interpolation.
const t = ((key: string, opts?: { defaultValue?: string }) => {
  let node: unknown = th;
  for (const part of key.split('.')) node = typeof node === 'object' && node ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : (opts?.defaultValue ?? key);
}) as unknown as TFunction;

describe('fieldLabel', () => {
  it('names content paths as the provider knows the fields', () => {
    expect(fieldLabel('hours.lecture', t)).toBe('จำนวนชั่วโมงตามวิธีการสอน · บรรยาย');
    expect(fieldLabel('objectives.0', t)).toBe('วัตถุประสงค์ #1');
    expect(fieldLabel('targetGroupCodes', t)).toBe('กลุ่มเป้าหมาย');
    expect(fieldLabel('syllabus', t)).toBe('เค้าโครงหลักสูตร (PDF)');
    expect(fieldLabel('somethingNew', t)).toBe('somethingNew');
  });
});
