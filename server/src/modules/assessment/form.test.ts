import { describe, expect, it } from 'vitest';
import { blueprintIssues, itemFlags, itemShapeIssues, levelReached, selfLevel } from '../../../../common/contracts/assessment.js';
import { assembleForm, isCorrect, isoDuration, type PoolItem } from './form.js';

const item = (n: number, area: string, level: number, kind = 'single'): PoolItem => ({
  id: `v-${area}${level}-${n}`,
  itemId: `i-${area}${level}-${String(n).padStart(3, '0')}`,
  kind,
  skillAreaCode: area,
  level,
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
});
const pool = [
  ...Array.from({ length: 10 }, (_, i) => item(i, 'DL', 1)),
  ...Array.from({ length: 5 }, (_, i) => item(i, 'DL', 2, 'ordering')),
  item(0, 'CS', 1, 'true_false'),
  item(1, 'CS', 1),
];
const blueprint = [
  { skillAreaCode: 'DL', level: 1, count: 4 },
  { skillAreaCode: 'DL', level: 2, count: 2 },
  { skillAreaCode: 'CS', level: 1, count: 2 },
];

describe('form assembly', () => {
  it('draws the blueprint exactly, the same way for the same seed whatever order the pool comes in', () => {
    const form = assembleForm(blueprint, pool, 12345);
    expect(form).not.toBeNull();
    const f = form ?? [];
    expect(f.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const count = (area: string, level: number) => f.filter((q) => q.itemVersionId.startsWith(`v-${area}${level}-`)).length;
    expect([count('DL', 1), count('DL', 2), count('CS', 1)]).toEqual([4, 2, 2]);
    expect(new Set(f.map((q) => q.itemVersionId)).size).toBe(8);
    expect(assembleForm(blueprint, [...pool].reverse(), 12345)).toEqual(form);
    // Another seed gives another form (another choice or order of items or options).
    expect(JSON.stringify(assembleForm(blueprint, pool, 54321))).not.toBe(JSON.stringify(form));
    // Options are shuffled but complete; true/false keeps its order.
    for (const q of f) expect([...q.optionIds].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(f.find((q) => q.kind === 'true_false')?.optionIds).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a blueprint the pool cannot fill', () => {
    expect(assembleForm([{ skillAreaCode: 'CS', level: 1, count: 3 }], pool, 1)).toBeNull();
  });
});

describe('scoring and levels', () => {
  it('scores single answers, exact sets and exact orders', () => {
    expect(isCorrect('single', ['b'], ['b'])).toBe(true);
    expect(isCorrect('single', ['b'], ['a'])).toBe(false);
    expect(isCorrect('single', ['b'], [])).toBe(false);
    expect(isCorrect('multiple', ['a', 'c'], ['c', 'a'])).toBe(true);
    expect(isCorrect('multiple', ['a', 'c'], ['a'])).toBe(false);
    expect(isCorrect('multiple', ['a', 'c'], ['a', 'b', 'c'])).toBe(false);
    expect(isCorrect('ordering', ['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(isCorrect('ordering', ['a', 'b', 'c'], ['a', 'c', 'b'])).toBe(false);
    expect(isCorrect('scenario', ['d'], null)).toBe(false);
  });

  it('reaches the highest level met together with every lower level tested', () => {
    const l = (level: number, percent: number, passMark = 60) => ({ level, percent, passMark });
    expect(levelReached([l(1, 80), l(2, 70), l(3, 50)])).toBe(2);
    expect(levelReached([l(2, 70), l(1, 50), l(3, 90)])).toBe(0);
    expect(levelReached([l(2, 60), l(3, 90)])).toBe(3);
    expect(levelReached([])).toBe(0);
    expect(
      selfLevel([
        { level: 1, ratings: [3, 4] },
        { level: 2, ratings: [3, 2] },
        { level: 3, ratings: [4] },
      ]),
    ).toBe(1);
    expect(selfLevel([{ level: 1, ratings: [2, 3] }])).toBe(0);
    expect(
      selfLevel([
        { level: 1, ratings: [3] },
        { level: 2, ratings: [] },
        { level: 3, ratings: [3] },
      ]),
    ).toBe(3);
  });

  it('writes durations in ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(65_000)).toBe('PT1M5S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_725_400)).toBe('PT1H2M5S');
  });
});

describe('shared rules', () => {
  it('names what is wrong with an item and a blueprint', () => {
    const opts = [{ id: 'a' }, { id: 'b' }, { id: 'a' }];
    expect(itemShapeIssues({ kind: 'single', options: opts, key: ['a', 'b'] }).map((i) => i.code)).toEqual([
      'assessment.item_option_repeated',
      'assessment.item_key_one',
    ]);
    expect(itemShapeIssues({ kind: 'true_false', options: [{ id: 't' }, { id: 'f' }], key: ['t'] })).toEqual([]);
    const rows = [
      { skillAreaCode: 'DL', level: 1, count: 2 },
      { skillAreaCode: 'DL', level: 1, count: 3 },
    ];
    const issues = blueprintIssues({ blueprint: rows, passMarks: [], opensAt: '2026-01-02T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' });
    expect(issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual([
      'passMarks assessment.blueprint_pass_mark_missing',
      'blueprint.1 assessment.blueprint_row_repeated',
      'passMarks assessment.blueprint_pass_mark_missing',
      'closesAt assessment.blueprint_window',
    ]);
  });

  it('flags items only once enough people had them', () => {
    expect(itemFlags({ n: 10, facility: 0.1, discrimination: 0.0 })).toEqual([]);
    expect(itemFlags({ n: 30, facility: 0.1, discrimination: 0.3 })).toEqual(['too_hard']);
    expect(itemFlags({ n: 30, facility: 0.97, discrimination: null })).toEqual(['too_easy', 'low_discrimination']);
    expect(itemFlags({ n: 30, facility: 0.5, discrimination: 0.3 })).toEqual([]);
  });
});
