/**
 * Reviewer matching for one course round, as pure functions: who may not review it (and why), and how
 * well the others fit. What depends only on the reviewers (normalised names, name order, expertise by
 * area) is worked out once by `prepareReviewers`, so a registry cached across requests is not re-derived
 * for every course; `matchPrepared` then matches one round against it.
 */

export interface MatchReason {
  code: string;
  textTh: string;
  textEn: string;
}

export interface MatchCourse {
  providerId: string;
  /** Names of the provider, so an affiliation typed without a provider id still counts. */
  providerNames: string[];
  outcomes: { skillAreaCode: string; levelRank: number }[];
  instructorNames: string[];
  /** Reviewers holding any assignment in this round (whatever its state). */
  assignedReviewerIds: string[];
}

export interface MatchCandidate {
  reviewerId: string;
  displayName: string;
  maxConcurrent: number;
  /** Assignments pending or accepted right now. */
  load: number;
  expertise: { skillAreaCode: string; levelRank: number }[];
  affiliations: { organisationName: string; providerId: string | null; startDate: string | null; endDate: string | null }[];
  conflictProviderIds: string[];
}

export interface MatchOptions {
  now: Date;
  conflictYears: number;
}

export interface Suggested {
  reviewerId: string;
  displayName: string;
  score: number;
  load: number;
  maxConcurrent: number;
  reasons: MatchReason[];
}
export interface Excluded {
  reviewerId: string;
  displayName: string;
  reasons: MatchReason[];
}

/** Points for a skill area the reviewer covers at or above the level the course teaches, and below it. */
export const SCORE_AT_LEVEL = 2;
export const SCORE_BELOW_LEVEL = 1;

const TITLES = [
  'ศาสตราจารย์',
  'รองศาสตราจารย์',
  'ผู้ช่วยศาสตราจารย์',
  'นางสาว',
  'นาง',
  'นาย',
  'ดร.',
  'ผศ.',
  'รศ.',
  'ศ.',
  'อ.',
  'prof.',
  'dr.',
  'mrs.',
  'mr.',
  'ms.',
];

/** Lower-case, without titles, punctuation or spaces: "ผศ.ดร. สมชาย  ใจดี" and "สมชาย ใจดี" match. */
export function normalizePersonName(raw: string): string {
  let s = raw.normalize('NFC').toLowerCase().trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of TITLES) {
      if (s.startsWith(t) && s.length > t.length) {
        s = s.slice(t.length).trimStart();
        changed = true;
      }
    }
  }
  return s.replace(/[\s.,'"()\-_]/g, '');
}

const normalizeOrg = (raw: string) =>
  raw
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.,'"()\-_]/g, '');

/** Thai names sort in Thai dictionary order; one collator, since `localeCompare` builds one per call. */
const byName = new Intl.Collator('th');
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A candidate with what matching derives from the reviewer alone, worked out once for every course. */
interface PreparedCandidate {
  candidate: MatchCandidate;
  normalizedName: string;
  /** Position in name order (Thai dictionary order, then id): comparing ranks is comparing names, without the collator. */
  nameRank: number;
  expertise: Map<string, number>;
  /** Affiliations with the organisation name normalised, for affiliations typed without a provider id. */
  affiliations: { affiliation: MatchCandidate['affiliations'][number]; organisation: string }[];
  /** The reasons that depend on the load alone, built once and shared by every course (never mutated). */
  atCapacity: MatchReason | null;
  load: MatchReason;
}

/** Candidates ready to be matched against any number of courses (see `prepareReviewers`). */
export interface PreparedReviewers {
  /** In name order, so whatever is picked from them in turn is in name order too. */
  readonly candidates: readonly PreparedCandidate[];
  readonly byId: ReadonlyMap<string, PreparedCandidate>;
}

/** Derives, once, everything matching needs from the candidates that does not depend on the course. */
export function prepareReviewers(candidates: readonly MatchCandidate[]): PreparedReviewers {
  const inNameOrder = [...candidates].sort(
    (a, b) => byName.compare(a.displayName, b.displayName) || compareIds(a.reviewerId, b.reviewerId),
  );
  const prepared = inNameOrder.map(
    (c, nameRank): PreparedCandidate => ({
      candidate: c,
      normalizedName: normalizePersonName(c.displayName),
      nameRank,
      expertise: new Map(c.expertise.map((e) => [e.skillAreaCode, e.levelRank])),
      affiliations: c.affiliations.map((a) => ({ affiliation: a, organisation: normalizeOrg(a.organisationName) })),
      atCapacity:
        c.load >= c.maxConcurrent
          ? {
              code: 'at_capacity',
              textTh: `มีงานพิจารณาเต็มแล้ว (${c.load}/${c.maxConcurrent})`,
              textEn: `at capacity (${c.load}/${c.maxConcurrent} open reviews)`,
            }
          : null,
      load: { code: 'load', textTh: `งานที่รับอยู่ ${c.load}/${c.maxConcurrent}`, textEn: `current load ${c.load}/${c.maxConcurrent}` },
    }),
  );
  return { candidates: prepared, byId: new Map(prepared.map((p) => [p.candidate.reviewerId, p])) };
}

/** The calendar date `years` years before `now`, as YYYY-MM-DD (UTC). */
function yearsBefore(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** What every candidate is checked against, worked out once per course rather than once per candidate. */
interface RoundFacts {
  providerId: string;
  today: string;
  windowStart: string;
  conflictYears: number;
  providerNames: Set<string>;
  instructorNames: Set<string>;
  assigned: Set<string>;
}

function roundFacts(course: MatchCourse, opts: MatchOptions): RoundFacts {
  return {
    providerId: course.providerId,
    today: opts.now.toISOString().slice(0, 10),
    windowStart: yearsBefore(opts.now, opts.conflictYears),
    conflictYears: opts.conflictYears,
    providerNames: new Set(course.providerNames.map(normalizeOrg).filter(Boolean)),
    instructorNames: new Set(course.instructorNames.map(normalizePersonName).filter(Boolean)),
    assigned: new Set(course.assignedReviewerIds),
  };
}

function exclusionReasons(p: PreparedCandidate, round: RoundFacts): MatchReason[] {
  const c = p.candidate;
  const reasons: MatchReason[] = [];
  const { today, windowStart } = round;

  if (c.conflictProviderIds.includes(round.providerId)) {
    reasons.push({
      code: 'declared_conflict',
      textTh: 'แจ้งว่ามีส่วนได้เสียกับผู้ให้บริการรายนี้',
      textEn: 'declared a conflict of interest with this provider',
    });
  }
  // One pass without intermediate lists: this runs for every reviewer on every suggestion.
  let current = false;
  let recentEnd: string | null = null;
  for (const { affiliation: a, organisation } of p.affiliations) {
    const withProvider = a.providerId === round.providerId || (!a.providerId && round.providerNames.has(organisation));
    if (!withProvider) continue;
    if ((!a.startDate || a.startDate <= today) && (!a.endDate || a.endDate >= today)) current = true;
    else if (!recentEnd && a.endDate && a.endDate < today && a.endDate >= windowStart) recentEnd = a.endDate;
  }
  if (current) {
    reasons.push({ code: 'current_affiliation', textTh: 'ปัจจุบันสังกัดผู้ให้บริการรายนี้', textEn: 'currently affiliated with this provider' });
  } else if (recentEnd) {
    reasons.push({
      code: 'recent_affiliation',
      textTh: `เคยสังกัดผู้ให้บริการรายนี้ภายใน ${round.conflictYears} ปี (สิ้นสุด ${recentEnd})`,
      textEn: `affiliated with this provider within the last ${round.conflictYears} years (ended ${recentEnd})`,
    });
  }
  if (round.instructorNames.size > 0 && round.instructorNames.has(p.normalizedName)) {
    reasons.push({ code: 'instructor', textTh: 'เป็นวิทยากรของหลักสูตรนี้', textEn: 'is an instructor of this course' });
  }
  if (round.assigned.has(c.reviewerId)) {
    reasons.push({ code: 'already_assigned', textTh: 'ได้รับมอบหมายในรอบนี้แล้ว', textEn: 'already assigned to this round' });
  }
  if (p.atCapacity) reasons.push(p.atCapacity);
  return reasons;
}

/** The highest level the course teaches in each skill area, in the order the areas first appear. */
function requiredAreas(course: MatchCourse): Map<string, number> {
  const areas = new Map<string, number>();
  for (const o of course.outcomes) areas.set(o.skillAreaCode, Math.max(areas.get(o.skillAreaCode) ?? 0, o.levelRank));
  return areas;
}

function scoreOf(p: PreparedCandidate, areas: Map<string, number>): { score: number; reasons: MatchReason[] } {
  let score = 0;
  const reasons: MatchReason[] = [];
  for (const [area, level] of areas) {
    const has = p.expertise.get(area);
    if (has === undefined) continue;
    if (has >= level) {
      score += SCORE_AT_LEVEL;
      reasons.push({
        code: 'expertise_at_level',
        textTh: `เชี่ยวชาญ ${area} ระดับ ${has} (หลักสูตรระดับ ${level})`,
        textEn: `expert in ${area} at level ${has} (course: level ${level})`,
      });
    } else {
      score += SCORE_BELOW_LEVEL;
      reasons.push({
        code: 'expertise_below_level',
        textTh: `เชี่ยวชาญ ${area} ระดับ ${has} ต่ำกว่าหลักสูตร (ระดับ ${level})`,
        textEn: `expert in ${area} at level ${has}, below the course (level ${level})`,
      });
    }
  }
  if (score === 0)
    reasons.push({
      code: 'no_expertise_match',
      textTh: 'ไม่มีความเชี่ยวชาญตรงกับหลักสูตร',
      textEn: 'no expertise in the skill areas of this course',
    });
  reasons.push(p.load);
  return { score, reasons };
}

/**
 * Splits the reviewers into those who may not review this round (every reason listed) and the rest, ranked
 * by expertise score (higher first), then by lower load, then by name for a stable order. Excluded
 * reviewers come in name order (the order of `reviewers.candidates`).
 */
export function matchPrepared(
  course: MatchCourse,
  reviewers: PreparedReviewers,
  opts: MatchOptions,
): { suggested: Suggested[]; excluded: Excluded[] } {
  const areas = requiredAreas(course);
  const round = roundFacts(course, opts);
  const suggested: { p: PreparedCandidate; score: number; reasons: MatchReason[] }[] = [];
  const excluded: Excluded[] = [];
  for (const p of reviewers.candidates) {
    const reasons = exclusionReasons(p, round);
    if (reasons.length > 0) excluded.push({ reviewerId: p.candidate.reviewerId, displayName: p.candidate.displayName, reasons });
    else suggested.push({ p, ...scoreOf(p, areas) });
  }
  suggested.sort((a, b) => b.score - a.score || a.p.candidate.load - b.p.candidate.load || a.p.nameRank - b.p.nameRank);
  return {
    suggested: suggested.map(({ p: { candidate: c }, score, reasons }) => ({
      reviewerId: c.reviewerId,
      displayName: c.displayName,
      score,
      load: c.load,
      maxConcurrent: c.maxConcurrent,
      reasons,
    })),
    excluded,
  };
}

/** `matchPrepared` for a list of candidates matched once. */
export function matchReviewers(
  course: MatchCourse,
  candidates: readonly MatchCandidate[],
  opts: MatchOptions,
): { suggested: Suggested[]; excluded: Excluded[] } {
  return matchPrepared(course, prepareReviewers(candidates), opts);
}

/** Whether the reviewer has expertise in any of the areas (an exclusion worth showing the officer). */
export function hasExpertiseIn(reviewers: PreparedReviewers, reviewerId: string, areaCodes: readonly string[]): boolean {
  const expertise = reviewers.byId.get(reviewerId)?.expertise;
  return !!expertise && areaCodes.some((area) => expertise.has(area));
}
