import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import { type Db, preparedQuery } from '../../db/client.js';
import { LOCK_KEYS } from '../../db/locks.js';
import {
  accreditationCounters,
  courseStateCounts,
  courses,
  courseVersions,
  decisions,
  files,
  providers,
  reviewAssignments,
  reviewers,
  reviews,
  rubrics,
  users,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';
import { COURSE_STATES } from './state-machine.js';

// queue_due_at is derived by the database from the state and due dates; code reads the due dates themselves.
export type CourseRow = Omit<typeof courses.$inferSelect, 'queueDueAt' | 'source' | 'externalId'>;
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

/** Every state but `draft` is reached by submitting, so courses in them always have `submitted_at`. */
const SUBMITTED_STATES = new Set<string>(COURSE_STATES.filter((s) => s !== 'draft'));

interface QueueFilter {
  states: string[];
  overdue?: boolean;
  providerId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** States go into the SQL text (they are the enum's own words, checked here), so each shape can use the partial queue index. */
function stateList(states: string[]) {
  for (const s of states) if (!(COURSE_STATES as readonly string[]).includes(s)) throw new Error(`not a course state: ${s}`);
  return sql.raw(states.map((s) => `'${s}'`).join(', '));
}

/**
 * The queue's SQL depends only on which filters are set (its shape); each shape is a prepared statement,
 * so a busy instance neither rebuilds nor re-parses it, and the filter values travel as parameters.
 */
type Prepared = { execute(values: Record<string, unknown>): Promise<unknown> };
const queueShapes = new Map<string, { page: (db: Db) => Prepared; count: (db: Db) => Prepared }>();

function queueShape(f: QueueFilter) {
  const states = [...f.states].sort();
  const key = `${states.join('.')}_o${f.overdue === undefined ? 'x' : Number(f.overdue)}_p${Number(!!f.providerId)}_q${Number(!!f.q)}`;
  let shape = queueShapes.get(key);
  if (!shape) {
    const where = and(
      sql`${courses.state} in (${stateList(states)})`,
      sql`${courses.submittedAt} is not null`,
      f.providerId ? eq(courses.providerId, sql.placeholder('providerId')) : undefined,
      f.q ? sql`(${courses.titleTh} ilike ${sql.placeholder('like')} or ${courses.titleEn} ilike ${sql.placeholder('like')})` : undefined,
      f.overdue === true ? sql`${dueAt} < now()` : f.overdue === false ? sql`(${dueAt} is null or ${dueAt} >= now())` : undefined,
    );
    // With no filter but the states, the total comes from the per-state roll-up instead of a count.
    const fromRollup = f.overdue === undefined && !f.providerId && !f.q && states.every((s) => SUBMITTED_STATES.has(s));
    const total = fromRollup
      ? sql<number>`(select coalesce(sum(${courseStateCounts.n}), 0)::int from ${courseStateCounts} where ${courseStateCounts.state} in (${stateList(states)}))`
      : sql<number>`(select count(*)::int from ${courses} where ${where})`;
    const name = createHash('sha1').update(key).digest('hex').slice(0, 16);
    shape = {
      // The total rides along with each row of the page (an uncorrelated subquery runs once): one round trip.
      page: preparedQuery((db) =>
        db
          .select({ ...courseWithProvider, total })
          .from(courses)
          .innerJoin(providers, eq(providers.id, courses.providerId))
          .where(where)
          .orderBy(sql`${dueAt} asc nulls last`, asc(courses.submittedAt), asc(courses.id))
          .limit(sql.placeholder('limit'))
          .offset(sql.placeholder('offset'))
          .prepare(`queue_page_${name}`),
      ),
      count: preparedQuery((db) => db.select({ total }).from(sql`(values (1)) as one(x)`).prepare(`queue_total_${name}`)),
    };
    queueShapes.set(key, shape);
  }
  return shape;
}

/** The officer's queue, earliest due first, with its provider's name and the total, in one prepared query. */
export async function listSubmissions(db: Db, f: QueueFilter): Promise<{ items: CourseWithProvider[]; total: number }> {
  const shape = queueShape(f);
  const values = { providerId: f.providerId, like: f.q ? containsPattern(f.q) : undefined, limit: f.limit, offset: f.offset };
  const rows = (await shape.page(db).execute(values)) as (CourseWithProvider & { total: number })[];
  // Only a page past the end comes back empty; then the total is asked for on its own.
  const total = rows.length > 0 ? rows[0].total : ((await shape.count(db).execute(values)) as { total: number }[])[0].total;
  return { items: rows.map(({ total: _, ...course }) => course), total: Number(total) };
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
