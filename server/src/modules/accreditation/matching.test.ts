import { describe, expect, it } from 'vitest';
import { type MatchCandidate, type MatchCourse, matchReviewers, normalizePersonName } from './matching.js';

const PROVIDER = 'p-1';
const NOW = new Date('2026-11-22T02:00:00Z');
const opts = { now: NOW, conflictYears: 3 };

const course = (over: Partial<MatchCourse> = {}): MatchCourse => ({
  providerId: PROVIDER,
  providerNames: ['สถาบันทดสอบ', 'Test Institute'],
  outcomes: [
    { skillAreaCode: 'DL', levelRank: 2 },
    { skillAreaCode: 'DT', levelRank: 3 },
    { skillAreaCode: 'DL', levelRank: 1 },
  ],
  instructorNames: ['ผศ.ดร. สมชาย ใจดี'],
  assignedReviewerIds: [],
  ...over,
});

const candidate = (id: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  reviewerId: id,
  displayName: `Reviewer ${id}`,
  maxConcurrent: 3,
  load: 0,
  expertise: [{ skillAreaCode: 'DL', levelRank: 3 }],
  affiliations: [],
  conflictProviderIds: [],
  ...over,
});

const codesOf = (r: ReturnType<typeof matchReviewers>, id: string) =>
  r.excluded.find((e) => e.reviewerId === id)?.reasons.map((x) => x.code) ?? [];

describe('matchReviewers: exclusions', () => {
  const table: [string, Partial<MatchCandidate>, string | null][] = [
    ['a declared conflict with the provider', { conflictProviderIds: [PROVIDER] }, 'declared_conflict'],
    ['a conflict with another provider', { conflictProviderIds: ['p-2'] }, null],
    [
      'a current affiliation (no end date)',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: '2020-01-01', endDate: null }] },
      'current_affiliation',
    ],
    [
      'a current affiliation ending in the future',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: null, endDate: '2027-06-30' }] },
      'current_affiliation',
    ],
    [
      'an affiliation typed by name only',
      { affiliations: [{ organisationName: 'test  institute', providerId: null, startDate: null, endDate: null }] },
      'current_affiliation',
    ],
    [
      'a past affiliation ended 1 year ago',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: '2015-01-01', endDate: '2025-11-01' }] },
      'recent_affiliation',
    ],
    [
      'a past affiliation ended 2 years 11 months ago',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: null, endDate: '2023-12-31' }] },
      'recent_affiliation',
    ],
    [
      'a past affiliation ended exactly 3 years ago',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: null, endDate: '2023-11-22' }] },
      'recent_affiliation',
    ],
    [
      'a past affiliation ended over 3 years ago',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: null, endDate: '2023-11-21' }] },
      null,
    ],
    [
      'a past affiliation ended 5 years ago',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: '2010-01-01', endDate: '2021-01-01' }] },
      null,
    ],
    [
      'an affiliation with another provider',
      { affiliations: [{ organisationName: 'Y', providerId: 'p-2', startDate: null, endDate: null }] },
      null,
    ],
    [
      'an affiliation that starts in the future',
      { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: '2027-01-01', endDate: null }] },
      null,
    ],
    ['being an instructor (titles and spacing differ)', { displayName: 'สมชาย  ใจดี' }, 'instructor'],
    ['a similar but different name', { displayName: 'สมชาย ใจดีมาก' }, null],
    ['load at capacity', { load: 3, maxConcurrent: 3 }, 'at_capacity'],
    ['load over capacity', { load: 4, maxConcurrent: 3 }, 'at_capacity'],
    ['load below capacity', { load: 2, maxConcurrent: 3 }, null],
  ];
  it.each(table)('%s', (_label, over, code) => {
    const r = matchReviewers(course(), [candidate('r1', over)], opts);
    if (code) {
      expect(codesOf(r, 'r1')).toEqual([code]);
      expect(r.suggested).toEqual([]);
      const reason = r.excluded[0].reasons[0];
      expect(reason.textTh.length).toBeGreaterThan(0);
      expect(reason.textEn.length).toBeGreaterThan(0);
    } else {
      expect(r.excluded).toEqual([]);
      expect(r.suggested.map((s) => s.reviewerId)).toEqual(['r1']);
    }
  });

  it('excludes a reviewer already assigned to the round', () => {
    const r = matchReviewers(course({ assignedReviewerIds: ['r1'] }), [candidate('r1'), candidate('r2')], opts);
    expect(codesOf(r, 'r1')).toEqual(['already_assigned']);
    expect(r.suggested.map((s) => s.reviewerId)).toEqual(['r2']);
  });

  it('lists every reason when several apply', () => {
    const r = matchReviewers(
      course({ assignedReviewerIds: ['r1'] }),
      [candidate('r1', { conflictProviderIds: [PROVIDER], load: 5 })],
      opts,
    );
    expect(codesOf(r, 'r1')).toEqual(['declared_conflict', 'already_assigned', 'at_capacity']);
  });

  it('honours a different conflict window', () => {
    const c = candidate('r1', { affiliations: [{ organisationName: 'X', providerId: PROVIDER, startDate: null, endDate: '2025-01-01' }] });
    expect(matchReviewers(course(), [c], { now: NOW, conflictYears: 1 }).excluded).toEqual([]);
    expect(codesOf(matchReviewers(course(), [c], { now: NOW, conflictYears: 2 }), 'r1')).toEqual(['recent_affiliation']);
  });
});

describe('matchReviewers: ranking', () => {
  it('ranks covered-at-level above covered-below above uncovered, then lower load first', () => {
    const r = matchReviewers(
      course(),
      [
        candidate('none', { expertise: [{ skillAreaCode: 'CYBER', levelRank: 4 }] }),
        candidate('below', { expertise: [{ skillAreaCode: 'DL', levelRank: 1 }] }),
        candidate('at-busy', { expertise: [{ skillAreaCode: 'DL', levelRank: 2 }], load: 2 }),
        candidate('at-free', { expertise: [{ skillAreaCode: 'DL', levelRank: 4 }], load: 0 }),
        candidate('both', {
          expertise: [
            { skillAreaCode: 'DL', levelRank: 2 },
            { skillAreaCode: 'DT', levelRank: 1 },
          ],
          load: 1,
        }),
      ],
      opts,
    );
    expect(r.suggested.map((s) => [s.reviewerId, s.score])).toEqual([
      ['both', 3],
      ['at-free', 2],
      ['at-busy', 2],
      ['below', 1],
      ['none', 0],
    ]);
    const both = r.suggested[0].reasons.map((x) => x.code);
    expect(both).toEqual(['expertise_at_level', 'expertise_below_level', 'load']);
    expect(r.suggested[4].reasons.map((x) => x.code)).toEqual(['no_expertise_match', 'load']);
  });

  it('uses the highest level the course teaches in an area', () => {
    // DL is taught at levels 2 and 1: level 1 expertise is below, level 2 is at.
    const r = matchReviewers(course(), [candidate('a', { expertise: [{ skillAreaCode: 'DL', levelRank: 1 }] })], opts);
    expect(r.suggested[0].reasons[0].code).toBe('expertise_below_level');
  });

  it('returns empty lists for no candidates', () => {
    expect(matchReviewers(course(), [], opts)).toEqual({ suggested: [], excluded: [] });
  });

  it('partitions a large pool: every candidate is either suggested or excluded with a reason', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      candidate(`r${i}`, {
        load: i % 4,
        expertise: [{ skillAreaCode: i % 2 ? 'DL' : 'DT', levelRank: (i % 4) + 1 }],
        affiliations: [
          { organisationName: `Org ${i}`, providerId: i % 50 === 0 ? PROVIDER : `other-${i}`, startDate: null, endDate: null },
        ],
      }),
    );
    const r = matchReviewers(course(), many, opts);
    expect(r.suggested.length + r.excluded.length).toBe(500);
    expect(r.excluded.filter((x) => x.reasons.some((reason) => reason.code === 'current_affiliation'))).toHaveLength(10);
    expect(r.excluded.every((x) => x.reasons.length > 0)).toBe(true);
  });
});

describe('normalizePersonName', () => {
  it.each([
    ['ผศ.ดร. สมชาย ใจดี', 'สมชายใจดี'],
    ['นางสาวสมหญิง  รักเรียน', 'สมหญิงรักเรียน'],
    ['Dr. Jane  Doe', 'janedoe'],
    ['Prof. Dr. John O’Neil', 'johno’neil'],
    ['รองศาสตราจารย์ ดร.วิชัย', 'วิชัย'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizePersonName(raw)).toBe(normalized);
  });
});
