import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import { type Db, queryRows, readTogether } from '../../db/client.js';
import { catalogEntries, courseRatings, courseRuns, courses, courseVersions, providers } from '../../db/schema/index.js';

/** Everything a catalogue entry is built from, for one course. */
export interface EntrySource {
  course: {
    id: string;
    providerId: string;
    state: string;
    source: string;
    frameworkId: string | null;
    accreditationNumber: string | null;
    accreditedAt: Date | null;
    validFrom: string | null;
    validUntil: string | null;
  };
  content: CourseDraft;
  provider: { nameTh: string; nameEn: string };
  runs: { startsOn: string; endsOn: string; mode: string; provinceCode: string | null }[];
  rating: { count: number; average: number | null };
}

/** The course, its current version, provider, upcoming runs and rating aggregate (undefined if no such course). */
export async function findEntrySource(db: Db, courseId: string, today: string): Promise<EntrySource | undefined> {
  const [row] = await db
    .select({
      id: courses.id,
      providerId: courses.providerId,
      state: courses.state,
      source: courses.source,
      frameworkId: courses.frameworkId,
      accreditationNumber: courses.accreditationNumber,
      accreditedAt: courses.accreditedAt,
      validFrom: courses.validFrom,
      validUntil: courses.validUntil,
      content: courseVersions.content,
      providerNameTh: providers.nameTh,
      providerNameEn: providers.nameEn,
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .innerJoin(courseVersions, and(eq(courseVersions.courseId, courses.id), eq(courseVersions.version, courses.currentVersion)))
    .where(eq(courses.id, courseId))
    .limit(1);
  if (!row) return undefined;
  const [runs, [rating]] = await readTogether(db, [
    () =>
      db
        .select({ startsOn: courseRuns.startsOn, endsOn: courseRuns.endsOn, mode: courseRuns.mode, provinceCode: courseRuns.provinceCode })
        .from(courseRuns)
        .where(and(eq(courseRuns.courseId, courseId), eq(courseRuns.isCancelled, false), sql`${courseRuns.endsOn} >= ${today}::date`))
        .orderBy(courseRuns.startsOn),
    () =>
      db
        .select({
          count: sql<number>`count(*)::int`,
          average: sql<
            number | null
          >`round(avg((${courseRatings.content} + ${courseRatings.instructor} + ${courseRatings.usefulness}) / 3.0), 2)::float8`,
        })
        .from(courseRatings)
        .where(eq(courseRatings.courseId, courseId)),
  ]);
  const { content, providerNameTh, providerNameEn, ...course } = row;
  return {
    course,
    content: content as CourseDraft,
    provider: { nameTh: providerNameTh, nameEn: providerNameEn },
    runs,
    rating: { count: rating.count, average: rating.average === null ? null : Number(rating.average) },
  };
}

/** The columns of an entry, with its search text already segmented by the application. */
export type EntryValues = Omit<typeof catalogEntries.$inferInsert, 'searchVector' | 'updatedAt'> & {
  documents: { titles: string; titlesEn: string; related: string; body: string; bodyEn: string };
};

/** The weighted search vector, built by the database from text the application has already segmented. */
function searchVectorOf(d: EntryValues['documents']) {
  return sql`setweight(to_tsvector('simple', ${d.titles}), 'A') || setweight(to_tsvector('english', ${d.titlesEn}), 'A')
    || setweight(to_tsvector('simple', ${d.related}), 'B')
    || setweight(to_tsvector('simple', ${d.body}), 'C') || setweight(to_tsvector('english', ${d.bodyEn}), 'C')`;
}

/** Inserts or replaces entries in one statement (one entry for a sync, thousands for a bulk load). */
export async function upsertEntries(db: Db, entries: EntryValues[]) {
  if (entries.length === 0) return;
  const now = new Date();
  const rows = entries.map(({ documents, ...values }) => ({ ...values, searchVector: searchVectorOf(documents), updatedAt: now }));
  const columns = Object.keys(rows[0]).filter((k) => k !== 'courseId') as (keyof (typeof rows)[number])[];
  const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${getTableColumns(catalogEntries)[k].name}`)]));
  await db.insert(catalogEntries).values(rows).onConflictDoUpdate({ target: catalogEntries.courseId, set });
}

export async function deleteEntry(db: Db, courseId: string) {
  await db.delete(catalogEntries).where(eq(catalogEntries.courseId, courseId));
}

/** Courses whose catalogue entry is missing or out of step with their state (e.g. after an upgrade), at most `limit`. */
export async function findCoursesToSync(db: Db, publicStates: readonly string[], limit: number): Promise<string[]> {
  const states = sql.join(
    publicStates.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from courses c left join catalog_entries e on e.course_id = c.id
        where (c.state in (${states}) and (e.course_id is null or e.status <> c.state))
           or (c.state not in (${states}) and e.course_id is not null)
        limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** Entries whose "next run" has started, so the next one (or none) must be worked out again. */
export async function findEntriesWithPastRuns(db: Db, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: catalogEntries.courseId })
    .from(catalogEntries)
    .where(sql`${catalogEntries.nextRunOn} < ${today}::date`)
    .limit(limit);
  return rows.map((r) => r.id);
}
