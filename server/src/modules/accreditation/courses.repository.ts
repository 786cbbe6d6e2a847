import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern } from '../../lib/like.js';
import { LOCK_KEYS } from '../../db/locks.js';
import {
  accreditationCounters,
  courseVersions,
  courses,
  decisions,
  files,
  providers,
  reviewAssignments,
  reviewers,
  reviews,
  rubrics,
  users,
} from '../../db/schema/index.js';

// queue_due_at is derived by the database from the state and due dates; code reads the due dates themselves.
export type CourseRow = Omit<typeof courses.$inferSelect, 'queueDueAt'>;
export type VersionRow = typeof courseVersions.$inferSelect;
export type CourseWithProvider = CourseRow & { providerName: string; providerStatus: string };

/** Assignments that no longer give a reviewer access to the course. */
const ENDED_ASSIGNMENTS = ['declined', 'replaced'];

const courseWithProvider = { ...getColumns(), providerName: providers.nameTh, providerStatus: providers.status };
function getColumns() {
  const { id, providerId, state, currentVersion, frameworkId, titleTh, titleEn, submittedAt, screeningDueAt, reviewDueAt } = courses;
  const { accreditationNumber, accreditedAt, validFrom, validUntil, conditions, stateChangedAt, createdBy, createdAt } = courses;
  return {
    id,
    providerId,
    state,
    currentVersion,
    frameworkId,
    titleTh,
    titleEn,
    submittedAt,
    screeningDueAt,
    reviewDueAt,
    accreditationNumber,
    accreditedAt,
    validFrom,
    validUntil,
    conditions,
    stateChangedAt,
    createdBy,
    createdAt,
  };
}

/** A course with its provider's name and status; `forUpdate` locks the course row for the transaction. */
export async function findCourse(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CourseWithProvider | undefined> {
  const q = db
    .select(courseWithProvider)
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.id, id))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: courses }) : await q;
  return row;
}

export async function findCourseByNumber(db: Db, number: string) {
  const [row] = await db
    .select(courseWithProvider)
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.accreditationNumber, number))
    .limit(1);
  return row;
}

export async function insertCourse(db: Db, row: typeof courses.$inferInsert) {
  const [inserted] = await db.insert(courses).values(row).returning();
  return inserted;
}

export async function updateCourse(db: Db, id: string, patch: Partial<typeof courses.$inferInsert>) {
  await db.update(courses).set(patch).where(eq(courses.id, id));
}

export async function findVersion(db: Db, courseId: string, version: number) {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.version, version)))
    .limit(1);
  return row;
}

/** The newest submitted version before `version`, the base of the revision diff. */
export async function findPreviousSubmittedVersion(db: Db, courseId: string, version: number) {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), lt(courseVersions.version, version), sql`${courseVersions.submittedAt} is not null`))
    .orderBy(desc(courseVersions.version))
    .limit(1);
  return row;
}

export async function insertVersion(db: Db, row: typeof courseVersions.$inferInsert) {
  const [inserted] = await db.insert(courseVersions).values(row).returning();
  return inserted;
}

export async function updateVersion(db: Db, id: string, patch: Partial<typeof courseVersions.$inferInsert>) {
  await db.update(courseVersions).set(patch).where(eq(courseVersions.id, id));
}

export async function insertFile(db: Db, row: typeof files.$inferInsert) {
  const [inserted] = await db.insert(files).values(row).returning({ id: files.id });
  return inserted;
}

export async function findFile(db: Db, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return row;
}

export async function findProvider(db: Db, id: string) {
  const [row] = await db
    .select({ id: providers.id, status: providers.status, nameTh: providers.nameTh })
    .from(providers)
    .where(eq(providers.id, id))
    .limit(1);
  return row;
}

/** Titles of the provider's other courses that look like `title` (pg_trgm, served by the trigram index). */
export async function findSimilarTitles(db: Db, providerId: string, courseId: string, title: string): Promise<string[]> {
  const rows = await db
    .select({ title: courses.titleTh })
    .from(courses)
    .where(
      and(
        eq(courses.providerId, providerId),
        ne(courses.id, courseId),
        sql`${courses.titleTh} % ${title}`,
        sql`similarity(${courses.titleTh}, ${title}) > 0.5`,
      ),
    )
    .limit(5);
  return rows.map((r) => r.title);
}

/** Whether the user is a reviewer with a live assignment (any round) on the course. */
export async function isReviewerOfCourse(db: Db, userId: string, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
    .where(
      and(eq(reviewers.userId, userId), eq(reviewAssignments.courseId, courseId), notInArray(reviewAssignments.state, ENDED_ASSIGNMENTS)),
    )
    .limit(1);
  return !!row;
}

/** Courses of the given providers (or of every provider when `providerIds` is null), newest first. */
export async function listCourses(db: Db, f: { providerIds: string[] | null; state?: string; limit: number; offset: number }) {
  const where = and(
    f.providerIds ? inArray(courses.providerId, f.providerIds) : undefined,
    f.state ? eq(courses.state, f.state) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select(courseWithProvider)
      .from(courses)
      .innerJoin(providers, eq(providers.id, courses.providerId))
      .where(where)
      .orderBy(desc(courses.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(courses).where(where),
  ]);
  return { items, total };
}

export const QUEUE_STATES = ['submitted', 'screening', 'in_review', 'decision_pending'];
/** The service-level due date of a course in the officer's queue. */
export const dueAt = courses.queueDueAt;

/**
 * The officer's queue: filtered on (state, submitted_at) through courses_state_idx, earliest due first.
 */
export async function listSubmissions(
  db: Db,
  f: { states: string[]; overdue?: boolean; providerId?: string; q?: string; limit: number; offset: number },
) {
  const like = f.q ? containsPattern(f.q) : null;
  const where = and(
    inArray(courses.state, f.states),
    sql`${courses.submittedAt} is not null`,
    f.providerId ? eq(courses.providerId, f.providerId) : undefined,
    like ? sql`(${courses.titleTh} ilike ${like} or ${courses.titleEn} ilike ${like})` : undefined,
    f.overdue === true ? sql`${dueAt} < now()` : f.overdue === false ? sql`(${dueAt} is null or ${dueAt} >= now())` : undefined,
  );
  // The page is cut from courses alone; provider names are joined for the page's rows only.
  const [page, [{ total }]] = await Promise.all([
    db
      .select(getColumns())
      .from(courses)
      .where(where)
      .orderBy(sql`${dueAt} asc nulls last`, asc(courses.submittedAt), asc(courses.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(courses).where(where),
  ]);
  const providerIds = [...new Set(page.map((c) => c.providerId))];
  const names = providerIds.length
    ? await db
        .select({ id: providers.id, nameTh: providers.nameTh, status: providers.status })
        .from(providers)
        .where(inArray(providers.id, providerIds))
    : [];
  const byId = new Map(names.map((p) => [p.id, p]));
  const items: CourseWithProvider[] = page.map((c) => ({
    ...c,
    providerName: byId.get(c.providerId)?.nameTh ?? '',
    providerStatus: byId.get(c.providerId)?.status ?? '',
  }));
  return { items, total };
}

export async function insertDecision(db: Db, row: typeof decisions.$inferInsert) {
  const [inserted] = await db.insert(decisions).values(row).returning();
  return inserted;
}

export async function listDecisions(db: Db, courseId: string) {
  return db.select().from(decisions).where(eq(decisions.courseId, courseId)).orderBy(asc(decisions.decidedAt));
}

/** An assignment with its reviewer's user and the course it belongs to. */
export async function findAssignment(db: Db, id: string) {
  const [row] = await db
    .select({ assignment: reviewAssignments, reviewerUserId: reviewers.userId })
    .from(reviewAssignments)
    .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.id, id))
    .limit(1);
  return row;
}

export async function findReview(db: Db, assignmentId: string) {
  const [row] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId)).limit(1);
  return row;
}

export async function markAssignmentSubmitted(db: Db, id: string) {
  await db.update(reviewAssignments).set({ state: 'submitted' }).where(eq(reviewAssignments.id, id));
}

export async function insertReview(db: Db, row: typeof reviews.$inferInsert) {
  await db.insert(reviews).values(row);
}

/** Submitted reviews of one round with the reviewer's user, oldest first (the order gives "Reviewer A/B"). */
export async function listRoundReviews(db: Db, courseId: string, version: number) {
  return db
    .select({ review: reviews, version: reviewAssignments.version, reviewerUserId: reviewers.userId, reviewerName: users.displayName })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
    .innerJoin(users, eq(users.id, reviewers.userId))
    .where(and(eq(reviewAssignments.courseId, courseId), eq(reviewAssignments.version, version)))
    .orderBy(asc(reviews.submittedAt), asc(reviews.assignmentId));
}

/** How many reviews of a round are in, and how many live assignments still owe one. */
export async function roundProgress(db: Db, courseId: string, version: number) {
  const [row] = await db
    .select({
      submitted: sql<number>`count(${reviews.assignmentId})::int`,
      outstanding: sql<number>`count(*) filter (where ${reviews.assignmentId} is null and ${reviewAssignments.state} in ('pending', 'accepted'))::int`,
    })
    .from(reviewAssignments)
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.courseId, courseId), eq(reviewAssignments.version, version)));
  return row;
}

export async function findActiveRubric(db: Db) {
  const [row] = await db.select().from(rubrics).where(eq(rubrics.isActive, true)).orderBy(desc(rubrics.createdAt)).limit(1);
  return row;
}

export async function lockRubrics(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS.rubricSeed})`);
}

export async function maxRubricRound(db: Db, yearBe: number): Promise<number> {
  const [row] = await db
    .select({ round: sql<number>`coalesce(max(${rubrics.round}), 0)::int` })
    .from(rubrics)
    .where(eq(rubrics.yearBe, yearBe));
  return row.round;
}

export async function deactivateRubrics(db: Db) {
  await db.update(rubrics).set({ isActive: false }).where(eq(rubrics.isActive, true));
}

export async function insertRubric(db: Db, row: typeof rubrics.$inferInsert) {
  const [inserted] = await db.insert(rubrics).values(row).returning();
  return inserted;
}

/** Advances the year's counter; the row stays locked until the transaction ends, and a rollback undoes it. */
export async function advanceCounter(tx: Db, yearBe: number): Promise<number> {
  const [row] = await tx
    .insert(accreditationCounters)
    .values({ yearBe, lastNumber: 1 })
    .onConflictDoUpdate({ target: accreditationCounters.yearBe, set: { lastNumber: sql`${accreditationCounters.lastNumber} + 1` } })
    .returning({ lastNumber: accreditationCounters.lastNumber });
  return row.lastNumber;
}
