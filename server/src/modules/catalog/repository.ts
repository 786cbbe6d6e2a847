import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CourseDraft } from '../../../../common/contracts/accreditation.js';
import { type Db, queryRows } from '../../db/client.js';
import {
  agencies,
  catalogEntries,
  courseRatings,
  courseRuns,
  courseShortlists,
  courses,
  learningRecords,
  providers,
  users,
} from '../../db/schema/index.js';
import { ENTRY_COLUMNS, type EntryRow } from './search.repository.js';

/** A catalogue entry with the full content of the accredited version and the course's conditions. */
export async function findEntryWithContent(db: Db, courseId: string) {
  const [row] = await queryRows<
    EntryRow & { content: CourseDraft; conditions: string | null; is_imported: boolean; framework_id: string | null }
  >(
    db,
    sql`select ${ENTRY_COLUMNS}, v.content, c.conditions, e.is_imported, e.framework_id
        from catalog_entries e
        join courses c on c.id = e.course_id
        join course_versions v on v.course_id = c.id and v.version = c.current_version
        where e.course_id = ${courseId}`,
  );
  return row;
}

export async function findProvider(db: Db, id: string) {
  const [row] = await db.select().from(providers).where(eq(providers.id, id)).limit(1);
  return row;
}

export async function countProviderEntries(db: Db, providerId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogEntries)
    .where(and(eq(catalogEntries.providerId, providerId), sql`${catalogEntries.status} like 'accredited%'`));
  return row.n;
}

/** A course's state and provider (for run management), or undefined. */
export async function findCourseState(db: Db, courseId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ id: courses.id, providerId: courses.providerId, state: courses.state, titleTh: courses.titleTh })
    .from(courses)
    .where(eq(courses.id, courseId))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Runs of a course with the number of completions recorded for each; upcoming only unless `all`. */
export async function listRuns(db: Db, courseId: string, opts: { all: boolean; today: string }) {
  return db
    .select({
      run: courseRuns,
      // Written out: inside a subquery drizzle would print the outer column without its table.
      completions: sql<number>`(select count(*)::int from learning_records lr where lr.run_id = course_runs.id and lr.verb = 'completed')`,
    })
    .from(courseRuns)
    .where(
      and(
        eq(courseRuns.courseId, courseId),
        opts.all ? undefined : and(eq(courseRuns.isCancelled, false), sql`${courseRuns.endsOn} >= ${opts.today}::date`),
      ),
    )
    .orderBy(opts.all ? desc(courseRuns.startsOn) : asc(courseRuns.startsOn));
}

export async function findRun(db: Db, id: string) {
  const [row] = await db.select().from(courseRuns).where(eq(courseRuns.id, id)).limit(1);
  return row;
}

export async function insertRun(db: Db, row: typeof courseRuns.$inferInsert) {
  const [inserted] = await db.insert(courseRuns).values(row).returning();
  return inserted;
}

export async function updateRun(db: Db, id: string, patch: Partial<typeof courseRuns.$inferInsert>) {
  const [updated] = await db
    .update(courseRuns)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(courseRuns.id, id))
    .returning();
  return updated;
}

/** Users by e-mail (case-insensitive), for recording completions. */
export async function findUsersByEmail(db: Db, emails: string[]) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        sql`lower(${users.email})`,
        emails.map((e) => e.toLowerCase()),
      ),
    );
}

/** Inserts the statements; ones already recorded are skipped. Returns how many were new. */
export async function insertLearningRecords(db: Db, rows: (typeof learningRecords.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(learningRecords).values(rows).onConflictDoNothing().returning({ id: learningRecords.id });
  return inserted.length;
}

/** Whether the user has a completion of the course on record. */
export async function hasCompleted(db: Db, userId: string, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: learningRecords.id })
    .from(learningRecords)
    .where(
      and(
        eq(learningRecords.actorUserId, userId),
        eq(learningRecords.verb, 'completed'),
        eq(learningRecords.objectType, 'course'),
        eq(learningRecords.objectId, courseId),
      ),
    )
    .limit(1);
  return !!row;
}

export async function findRating(db: Db, courseId: string, userId: string) {
  const [row] = await db
    .select()
    .from(courseRatings)
    .where(and(eq(courseRatings.courseId, courseId), eq(courseRatings.userId, userId)))
    .limit(1);
  return row;
}

/** Inserts the rating; false if the user had already rated the course. */
export async function insertRating(db: Db, row: typeof courseRatings.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(courseRatings).values(row).onConflictDoNothing().returning({ courseId: courseRatings.courseId });
  return inserted.length > 0;
}

/** Averages per scale and overall, with the count. */
export async function ratingSummary(db: Db, courseId: string) {
  const [row] = await queryRows<{
    count: number;
    average: number | null;
    content: number | null;
    instructor: number | null;
    usefulness: number | null;
  }>(
    db,
    sql`select count(*)::int as count,
               round(avg((content + instructor + usefulness) / 3.0), 2)::float8 as average,
               round(avg(content), 2)::float8 as content, round(avg(instructor), 2)::float8 as instructor,
               round(avg(usefulness), 2)::float8 as usefulness
        from course_ratings where course_id = ${courseId}`,
  );
  return row;
}

/** Agencies by id with their tree path (a grant on an ancestor covers them). */
export async function findAgencies(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: agencies.id, nameTh: agencies.nameTh, nameEn: agencies.nameEn, path: agencies.path })
    .from(agencies)
    .where(inArray(agencies.id, ids));
}

export async function findAgency(db: Db, id: string) {
  const [row] = await db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

/** Which of the agencies have the course on their shortlist. */
export async function shortlistedBy(db: Db, courseId: string, agencyIds: string[]): Promise<Set<string>> {
  if (agencyIds.length === 0) return new Set();
  const rows = await db
    .select({ agencyId: courseShortlists.agencyId })
    .from(courseShortlists)
    .where(and(eq(courseShortlists.courseId, courseId), inArray(courseShortlists.agencyId, agencyIds)));
  return new Set(rows.map((r) => r.agencyId));
}

export async function upsertShortlist(db: Db, row: typeof courseShortlists.$inferInsert) {
  await db
    .insert(courseShortlists)
    .values(row)
    .onConflictDoUpdate({ target: [courseShortlists.agencyId, courseShortlists.courseId], set: { note: row.note ?? null } });
}

export async function deleteShortlist(db: Db, agencyId: string, courseId: string): Promise<boolean> {
  const deleted = await db
    .delete(courseShortlists)
    .where(and(eq(courseShortlists.agencyId, agencyId), eq(courseShortlists.courseId, courseId)))
    .returning({ courseId: courseShortlists.courseId });
  return deleted.length > 0;
}

/** The agency's shortlist, newest first, with each course's catalogue entry. */
export async function listShortlist(db: Db, agencyId: string) {
  return queryRows<EntryRow & { note: string | null; added_at: string }>(
    db,
    sql`select ${ENTRY_COLUMNS}, s.note, s.created_at as added_at
        from course_shortlists s join catalog_entries e on e.course_id = s.course_id
        where s.agency_id = ${agencyId}
        order by s.created_at desc`,
  );
}
