import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, preparedQuery, queryRows } from '../../db/client.js';
import {
  courses,
  courseVersions,
  providers,
  reviewAssignments,
  reviewerRegistryVersion,
  reviewers,
  reviews,
  settings,
} from '../../db/schema/index.js';
import type { MatchCandidate } from './matching.js';

export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export interface MyAssignmentRow {
  assignment: AssignmentRow;
  hasReview: boolean;
  courseTitleTh: string;
  courseTitleEn: string;
  providerNameTh: string;
  providerNameEn: string;
}

/**
 * The course with what matching reads of its current round, its provider's names, the reviewers holding any
 * assignment in that round, the reviewer registry's version and the stored conflict window: everything
 * matching reads besides the registry itself, in one prepared statement (suggestions are asked for course
 * after course).
 */
const courseRound = preparedQuery((db) =>
  db
    .select({
      id: courses.id,
      providerId: courses.providerId,
      state: courses.state,
      version: courses.currentVersion,
      titleTh: courses.titleTh,
      titleEn: courses.titleEn,
      // Only what matching reads of the round's content, not the whole course description.
      content: sql<Record<string, unknown> | string>`jsonb_build_object('outcomes', ${courseVersions.content}->'outcomes',
                                                                         'instructors', ${courseVersions.content}->'instructors')`,
      providerNameTh: providers.nameTh,
      providerNameEn: providers.nameEn,
      assignedReviewerIds: sql<string[] | string>`(select coalesce(json_agg(ra.reviewer_id), '[]'::json) from ${reviewAssignments} ra
                                                   where ra.course_id = ${courses.id} and ra.version = ${courses.currentVersion})`,
      registryVersion: sql<number>`(select v.version from ${reviewerRegistryVersion} v where v.id = 1)`,
      // As text, so every driver hands back the same thing; the settings module's schema gives its meaning.
      storedConflictYears: sql<string | null>`(select s.value::text from ${settings} s where s.key = 'accreditation.conflictYears')`,
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .leftJoin(courseVersions, and(eq(courseVersions.courseId, courses.id), eq(courseVersions.version, courses.currentVersion)))
    .where(eq(courses.id, sql.placeholder('id')))
    .limit(1)
    .prepare('assignments_course_round'),
);

export async function findCourseRound(db: Db, courseId: string) {
  const [row] = await courseRound(db).execute({ id: courseId });
  if (!row) return undefined;
  // Drivers differ on whether json comes back parsed; normalise here so callers always get objects.
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    ...row,
    content: parse(row.content),
    assignedReviewerIds: parse(row.assignedReviewerIds),
    registryVersion: Number(row.registryVersion),
    storedConflictYears: row.storedConflictYears === null ? undefined : (JSON.parse(row.storedConflictYears) as unknown),
  };
}

/** Locks the course row so assignments to one course serialise against its state changes. */
export async function lockCourse(db: Db, courseId: string) {
  const [row] = await db
    .select({ id: courses.id, state: courses.state })
    .from(courses)
    .where(eq(courses.id, courseId))
    .for('update')
    .limit(1);
  return row;
}

/** Every approved, enabled reviewer with everything matching reads, and the registry version it was read at. */
export interface RegistrySnapshot {
  version: number;
  reviewers: MatchCandidate[];
}

/**
 * The reviewer registry as matching reads it, in ONE statement so the version and the rows come from the same
 * snapshot: the triggers bump `reviewer_registry_version` in the transaction that changes the rows, so this
 * version names exactly this data. Each reviewer carries all their expertise, affiliations (latest end date
 * first) and declared conflicts, and their load: assignments pending or accepted (one whose review is in is
 * `submitted`). `reviewerId` reads just that reviewer (a re-check inside a transaction).
 */
export async function loadReviewerRegistry(db: Db, reviewerId?: string): Promise<RegistrySnapshot> {
  const [row] = await queryRows<{ version: number; reviewers: MatchCandidate[] | string }>(
    db,
    sql`select (select v.version from reviewer_registry_version v where v.id = 1) as version,
               coalesce(json_agg(json_build_object(
                 'reviewerId', r.id, 'displayName', u.display_name, 'maxConcurrent', r.max_concurrent,
                 'load', (select count(*) from review_assignments a where a.reviewer_id = r.id and a.state in ('pending', 'accepted')),
                 'expertise', coalesce((select json_agg(json_build_object('skillAreaCode', e.skill_area_code, 'levelRank', e.level_rank)
                                                        order by e.skill_area_code)
                                        from reviewer_expertise e where e.reviewer_id = r.id), '[]'::json),
                 'affiliations', coalesce((select json_agg(json_build_object('organisationName', a.organisation_name, 'providerId', a.provider_id,
                                                                             'startDate', a.start_date, 'endDate', a.end_date)
                                                           order by a.end_date desc nulls first, a.id)
                                           from reviewer_affiliations a where a.reviewer_id = r.id), '[]'::json),
                 'conflictProviderIds', coalesce((select json_agg(c.provider_id order by c.provider_id)
                                                  from reviewer_conflicts c where c.reviewer_id = r.id), '[]'::json)
               ) order by r.id), '[]'::json) as reviewers
        from reviewers r
        join users u on u.id = r.user_id
        where r.status = 'approved' and u.disabled_at is null ${reviewerId ? sql`and r.id = ${reviewerId}` : sql``}`,
  );
  // Drivers differ on whether json comes back parsed; normalise here so callers always get objects.
  const reviewers = typeof row.reviewers === 'string' ? (JSON.parse(row.reviewers) as MatchCandidate[]) : row.reviewers;
  return { version: Number(row.version), reviewers };
}

export async function insertAssignment(db: Db, row: typeof reviewAssignments.$inferInsert): Promise<AssignmentRow> {
  const [inserted] = await db.insert(reviewAssignments).values(row).returning();
  return inserted;
}

/** An assignment with the reviewer's user id and whether a review was submitted, locked for update. */
export async function lockAssignment(db: Db, id: string) {
  const [row] = await db
    .select({
      assignment: reviewAssignments,
      reviewerUserId: reviewers.userId,
      hasReview: sql<boolean>`exists (select 1 from ${reviews} where ${reviews.assignmentId} = ${reviewAssignments.id})`,
    })
    .from(reviewAssignments)
    .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.id, id))
    .for('update', { of: reviewAssignments })
    .limit(1);
  return row;
}

export async function updateAssignment(db: Db, id: string, set: Partial<Pick<AssignmentRow, 'state' | 'respondedAt' | 'declineReason'>>) {
  const [row] = await db.update(reviewAssignments).set(set).where(eq(reviewAssignments.id, id)).returning();
  return row;
}

/** A reviewer's assignments, newest first, with the course title and provider name. */
export async function listAssignmentsOfReviewer(db: Db, reviewerId: string, limit: number): Promise<MyAssignmentRow[]> {
  return db
    .select({
      assignment: reviewAssignments,
      hasReview: sql<boolean>`exists (select 1 from ${reviews} where ${reviews.assignmentId} = ${reviewAssignments.id})`,
      courseTitleTh: courses.titleTh,
      courseTitleEn: courses.titleEn,
      providerNameTh: providers.nameTh,
      providerNameEn: providers.nameEn,
    })
    .from(reviewAssignments)
    .innerJoin(courses, eq(courses.id, reviewAssignments.courseId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(reviewAssignments.reviewerId, reviewerId))
    .orderBy(desc(reviewAssignments.assignedAt))
    .limit(limit);
}
