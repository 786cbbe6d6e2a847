import { describe, expect, it } from 'vitest';
import { combineLevels, courseLevelsFor } from './levels.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('skill levels of one area', () => {
  it('takes the tested level when there is a test, and shows the gap to the required level', () => {
    expect(combineLevels({ required: 3, tested: { level: 1, at: d('2026-05-01') }, evidence: [] })).toMatchObject({
      current: 1,
      source: 'tested',
      gap: 2,
      evidenceLevel: null,
    });
  });

  it('uses evidence without a test, the highest level and the first day it was reached', () => {
    const r = combineLevels({
      required: 2,
      tested: null,
      evidence: [
        { level: 1, at: d('2026-01-01') },
        { level: 2, at: d('2026-03-01') },
        { level: 2, at: d('2026-04-01') },
      ],
    });
    expect(r).toMatchObject({ current: 2, source: 'evidence', gap: 0, evidenceLevel: 2 });
    expect(r.evidenceAt?.toISOString().slice(0, 10)).toBe('2026-03-01');
  });

  it('lets evidence gained after the test raise the level, but not evidence the test already measured', () => {
    const before = combineLevels({ required: 3, tested: { level: 1, at: d('2026-05-01') }, evidence: [{ level: 3, at: d('2026-04-01') }] });
    expect(before).toMatchObject({ current: 1, source: 'tested', gap: 2, evidenceLevel: 3 });
    const after = combineLevels({ required: 3, tested: { level: 1, at: d('2026-05-01') }, evidence: [{ level: 3, at: d('2026-06-01') }] });
    expect(after).toMatchObject({ current: 3, source: 'evidence', gap: 0 });
    const lower = combineLevels({ required: 3, tested: { level: 2, at: d('2026-05-01') }, evidence: [{ level: 1, at: d('2026-06-01') }] });
    expect(lower).toMatchObject({ current: 2, source: 'tested', gap: 1 });
  });

  it('has no gap for an area the target group does not need, and counts nothing known as level 0', () => {
    expect(combineLevels({ required: null, tested: null, evidence: [] })).toMatchObject({ current: null, gap: null });
    expect(combineLevels({ required: 2, tested: null, evidence: [] })).toMatchObject({ current: null, gap: 2 });
  });

  it('reads the levels a course teaches in one area from its AREA:LEVEL pairs', () => {
    expect(courseLevelsFor(['DL:1', 'DU:2', 'DU:3', 'DS:x'], 'DU')).toEqual([2, 3]);
    expect(courseLevelsFor(['DL:1'], 'DU')).toEqual([]);
  });
});
