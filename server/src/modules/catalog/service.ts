/**
 * The catalogue's face to other modules: keeping catalogue entries in step with the records they are
 * built from. Accreditation calls `syncCatalogEntry` inside the transaction of every state change, so a
 * decision, suspension or revocation shows in public search the moment it commits.
 */
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import type { CatalogCourseSummary } from '../../../../common/contracts/catalog.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Db } from '../../db/client.js';
import { rankTerms } from '../../lib/rank-terms.js';
import { searchDocument } from '../../lib/thai-search.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { PUBLIC_STATES } from '../accreditation/state-machine.js';
import { findFrameworkLabels } from '../framework/repository.js';
import * as repo from './entries.repository.js';
import { presentPlainSummary } from './present.js';
import { findEntriesByIds } from './search.repository.js';

export interface FrameworkLabels {
  areas: Map<string, { nameTh: string; nameEn: string }>;
  groups: Map<string, { nameTh: string; nameEn: string }>;
}

const NO_LABELS: FrameworkLabels = { areas: new Map(), groups: new Map() };
/** Published versions never change, so their labels are kept for the life of the process. */
const publishedLabels = new Map<string, FrameworkLabels>();

/** Skill-area and target-group names of a framework version (none for an unknown or missing version). */
export async function frameworkLabels(db: Db, frameworkId: string | null | undefined): Promise<FrameworkLabels> {
  if (!frameworkId) return NO_LABELS;
  const known = publishedLabels.get(frameworkId);
  if (known) return known;
  const found = await findFrameworkLabels(db, frameworkId);
  if (!found) return NO_LABELS;
  const labels = {
    areas: new Map(found.areas.map((a) => [a.code, { nameTh: a.nameTh, nameEn: a.nameEn }])),
    groups: new Map(found.groups.map((g) => [g.code, { nameTh: g.nameTh, nameEn: g.nameEn }])),
  };
  if (found.status === 'published') publishedLabels.set(frameworkId, labels);
  return labels;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Total hours of a course; imported courses carry their total under `other`. */
export function totalHours(content: CourseDraft): number {
  return sum(Object.values(content.hours ?? {}).map(Number));
}

/** The entry's columns from its source records (pure, so the rules are testable without a database). */
export function buildEntry(src: repo.EntrySource, labels: FrameworkLabels, today: string): repo.EntryValues {
  const c = src.content;
  const outcomes = c.outcomes ?? [];
  const areas = [...new Set(outcomes.map((o) => o.skillAreaCode))];
  const unitCodes = [...new Set(outcomes.flatMap((o) => o.unitCodes ?? []))];
  const upcoming = src.runs.filter((r) => r.startsOn >= today);
  const provinces = [...new Set([c.provinceCode, ...src.runs.filter((r) => r.mode === 'onsite').map((r) => r.provinceCode)])].filter(
    (p): p is string => !!p,
  );
  const areaNames = areas.flatMap((a) => [a, labels.areas.get(a)?.nameTh, labels.areas.get(a)?.nameEn]);
  const titles = searchDocument(c.titleTh, c.titleEn);
  // Provider, units and skill areas: matched and ranked. The words added below are matched only.
  const related = searchDocument(src.provider.nameTh, src.provider.nameEn, ...unitCodes, ...areaNames);
  const isOnline = c.delivery === 'online' || c.delivery === 'blended' || src.runs.some((r) => r.mode === 'online');
  const feeBaht = c.feeBaht ?? 0;
  // What people add to a topic in the search box: where ("GIS เชียงใหม่"), online, free ("อบรม Python ฟรี").
  const placeNames = provinces.flatMap((p) => {
    const province = findProvince(p);
    return province ? [province.nameTh, province.nameEn] : [];
  });
  const facetWords = [...(isOnline ? ['ออนไลน์', 'online'] : []), ...(feeBaht === 0 ? ['ฟรี', 'free'] : [])];
  return {
    courseId: src.course.id,
    providerId: src.course.providerId,
    status: src.course.state,
    accreditationNumber: src.course.accreditationNumber,
    accreditedAt: src.course.accreditedAt,
    validFrom: src.course.validFrom,
    validUntil: src.course.validUntil,
    frameworkId: c.frameworkId ?? src.course.frameworkId,
    titleTh: c.titleTh ?? '',
    titleEn: c.titleEn ?? '',
    summaryTh: c.summaryTh ?? '',
    summaryEn: c.summaryEn ?? '',
    providerNameTh: src.provider.nameTh,
    providerNameEn: src.provider.nameEn,
    targetGroups: c.targetGroupCodes ?? [],
    skillAreas: areas,
    skillLevels: [...new Set(outcomes.map((o) => `${o.skillAreaCode}:${o.levelRank}`))],
    levels: [...new Set(outcomes.map((o) => o.levelRank))].sort((a, b) => a - b),
    unitCodes,
    hours: totalHours(c),
    delivery: c.delivery ?? 'classroom',
    pacing: c.pacing ?? null,
    language: c.language ?? 'th',
    feeBaht,
    provinces,
    isOnline,
    nextRunOn: upcoming[0]?.startsOn ?? null,
    ratingAvg: src.rating.average,
    ratingCount: src.rating.count,
    titleTerms: rankTerms(titles.split(' '), { prefixes: true }),
    relatedTerms: rankTerms(related.split(' ')),
    searchText: [c.titleTh, c.titleEn, src.provider.nameTh, src.provider.nameEn].filter(Boolean).join(' ').toLowerCase(),
    isImported: src.course.source === 'import',
    documents: {
      titles,
      titlesEn: c.titleEn ?? '',
      related: [related, searchDocument(src.course.accreditationNumber, ...placeNames, ...facetWords)].filter(Boolean).join(' '),
      body: searchDocument(c.summaryTh, c.summaryEn, ...(c.objectives ?? []), ...outcomes.flatMap((o) => [o.textTh, o.textEn])),
      bodyEn: [c.summaryEn, ...outcomes.map((o) => o.textEn)].filter(Boolean).join(' '),
    },
  };
}

/**
 * Brings one course's catalogue entry in step with its records, inside the caller's transaction: built
 * when the course is in a public state (accredited, with conditions, suspended, expired), removed otherwise.
 */
export async function syncCatalogEntry(tx: Db, courseId: string, opts: { today?: string } = {}): Promise<void> {
  const today = opts.today ?? todayInBangkok();
  const src = await repo.findEntrySource(tx, courseId, today);
  if (!src || !(PUBLIC_STATES as readonly string[]).includes(src.course.state)) {
    await repo.deleteEntry(tx, courseId);
    return;
  }
  const labels = await frameworkLabels(tx, src.content.frameworkId ?? src.course.frameworkId);
  await repo.upsertEntries(tx, [buildEntry(src, labels, today)]);
}

/**
 * Idempotent upkeep, run at start and by the periodic job: builds entries missing after an upgrade or a
 * direct data load, and moves each entry's "next run" past runs that have started. Returns how many it synced.
 */
export async function refreshCatalog(db: Db, now: Date = new Date()): Promise<number> {
  const today = todayInBangkok(now);
  // A course that cannot get an entry (no version row) would be found again: each id is tried once per call.
  const seen = new Set<string>();
  for (;;) {
    const found = [...(await repo.findCoursesToSync(db, PUBLIC_STATES, 500)), ...(await repo.findEntriesWithPastRuns(db, today, 500))];
    const ids = [...new Set(found)].filter((id) => !seen.has(id));
    if (ids.length === 0) return seen.size;
    await db.transaction(async (tx) => {
      for (const id of ids) await syncCatalogEntry(tx, id, { today });
    });
    for (const id of ids) seen.add(id);
  }
}

/**
 * Public catalogue courses by id, in the order given, as list cards: how other modules (the knowledge hub,
 * the volunteer curriculum) show the courses they link to. Ids no longer in the public catalogue are left out.
 */
export async function catalogCourseCards(db: Db, ids: readonly string[]): Promise<CatalogCourseSummary[]> {
  return (await findEntriesByIds(db, [...ids])).map(presentPlainSummary);
}
