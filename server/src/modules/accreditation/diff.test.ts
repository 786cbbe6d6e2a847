import { describe, expect, it } from 'vitest';
import { diffContent } from './diff.js';

describe('diffContent', () => {
  it('returns nothing for equal content', () => {
    const c = { titleTh: 'ก', hours: { lecture: 3 }, objectives: ['a', 'b'] };
    expect(diffContent(c, structuredClone(c))).toEqual([]);
  });

  it('reports changed scalar fields by path', () => {
    expect(diffContent({ titleTh: 'ก', feeBaht: 0 }, { titleTh: 'ข', feeBaht: 0 })).toEqual([{ path: 'titleTh', before: 'ก', after: 'ข' }]);
  });

  it('walks nested objects', () => {
    expect(diffContent({ hours: { lecture: 6, workshop: 4 } }, { hours: { lecture: 4, workshop: 6 } })).toEqual([
      { path: 'hours.lecture', before: 6, after: 4 },
      { path: 'hours.workshop', before: 4, after: 6 },
    ]);
  });

  it('walks array items, including added and removed ones', () => {
    expect(diffContent({ objectives: ['a', 'b'] }, { objectives: ['a', 'c', 'd'] })).toEqual([
      { path: 'objectives.1', before: 'b', after: 'c' },
      { path: 'objectives.2', before: null, after: 'd' },
    ]);
    expect(diffContent({ objectives: ['a', 'b'] }, { objectives: ['a'] })).toEqual([{ path: 'objectives.1', before: 'b', after: null }]);
  });

  it('walks objects inside arrays', () => {
    const a = { outcomes: [{ textTh: 'x', levelRank: 1, unitCodes: ['U1'] }] };
    const b = { outcomes: [{ textTh: 'x', levelRank: 2, unitCodes: ['U1', 'U2'] }] };
    expect(diffContent(a, b)).toEqual([
      { path: 'outcomes.0.levelRank', before: 1, after: 2 },
      { path: 'outcomes.0.unitCodes.1', before: null, after: 'U2' },
    ]);
  });

  it('reports fields present on one side only', () => {
    expect(diffContent({ titleTh: 'ก' }, { titleTh: 'ก', capacity: 30 })).toEqual([{ path: 'capacity', before: null, after: 30 }]);
    expect(diffContent({ capacity: 30 }, {})).toEqual([{ path: 'capacity', before: 30, after: null }]);
  });

  it('treats a type change as one change', () => {
    expect(diffContent({ hours: { lecture: 1 } }, { hours: null })).toEqual([{ path: 'hours', before: { lecture: 1 }, after: null }]);
  });
});
