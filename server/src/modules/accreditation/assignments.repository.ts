import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { courses, courseVersions, providers, reviewAssignments, reviewers, reviews } from '../../db/schema/index.js';
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

/** The course with the content of its current round and its provider's names (one query). */
export async function findCourseRound(db: Db, courseId: string) {
  const [row] = await db
    .select({
      id: courses.id,
      providerId: courses.providerId,
      state: courses.state,
      version: courses.currentVersion,
      titleTh: courses.titleTh,
      titleEn: courses.titleEn,
      content: courseVersions.content,
      providerNameTh: providers.nameTh,
      providerNameEn: providers.nameEn,
    })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .leftJoin(courseVersions, and(eq(courseVersions.courseId, courses.id), eq(courseVersions.version, courses.currentVersion)))
    .where(eq(courses.id, courseId))
    .limit(1);
  return row;
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

export async function findAssignedReviewerIds(db: Db, courseId: string, version: number): Promise<string[]> {
  const rows = await db
    .select({ reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.courseId, courseId), eq(reviewAssignments.version, version)));
  return rows.map((r) => r.reviewerId);
}

/** What the candidate query may leave out: rows that cannot matter for this course. */
export interface CandidateScope {
  providerId: string;
  skillAreaCodes: string[];
  reviewerId?: string;
}

/**
 * Approved reviewers with everything matching needs for one course, in ONE query: expertise in the
 * course's skill areas, affiliations with its provider or with no provider id (matched by name),
 * a declared conflict with its provider, and the load — each a correlated subquery over an indexed
 * column. Load counts assignments pending or accepted whose review is not yet in (an accepted assignment
 * stays `accepted` after its review is submitted).
 */
export async function findMatchCandidates(db: Db, scope: CandidateScope): Promise<MatchCandidate[]> {
  const areas = scope.skillAreaCodes.length
    ? sql`e.skill_area_code in (${sql.join(
        scope.skillAreaCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`false`;
  // Each part is aggregated once for all reviewers and joined, rather than a subquery per reviewer.
  const rows = await queryRows<{
    reviewerId: string;
    displayName: string;
    maxConcurrent: number;
    load: number;
    expertise: MatchCandidate['expertise'] | string;
    affiliations: MatchCandidate['affiliations'] | string;
    hasConflict: boolean;
  }>(
    db,
    sql`select r.id as "reviewerId", u.display_name as "displayName", r.max_concurrent as "maxConcurrent",
               coalesce(l.n, 0)::int as load,
               coalesce(x.expertise, '[]'::json) as expertise,
               coalesce(f.affiliations, '[]'::json) as affiliations,
               (c.reviewer_id is not null) as "hasConflict"
        from reviewers r
        join users u on u.id = r.user_id
        left join (
          select ra.reviewer_id, count(*) as n from review_assignments ra
          where ra.state in ('pending', 'accepted')
          group by ra.reviewer_id
        ) l on l.reviewer_id = r.id
        left join (
          select e.reviewer_id, json_agg(json_build_object('skillAreaCode', e.skill_area_code, 'levelRank', e.level_rank)) as expertise
          from reviewer_expertise e where ${areas} group by e.reviewer_id
        ) x on x.reviewer_id = r.id
        left join (
          select a.reviewer_id, json_agg(json_build_object('organisationName', a.organisation_name, 'providerId', a.provider_id,
                                                           'startDate', a.start_date, 'endDate', a.end_date)) as affiliations
          from reviewer_affiliations a where a.provider_id is null or a.provider_id = ${scope.providerId}
          group by a.reviewer_id
        ) f on f.reviewer_id = r.id
        left join reviewer_conflicts c on c.reviewer_id = r.id and c.provider_id = ${scope.providerId}
        where r.status = 'approved' and u.disabled_at is null ${scope.reviewerId ? sql`and r.id = ${scope.reviewerId}` : sql``}`,
  );
  // Drivers differ on whether json comes back parsed; normalise here so callers always get objects.
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return rows.map(({ hasConflict, ...r }) => ({
    ...r,
    load: Number(r.load),
    expertise: parse(r.expertise),
    affiliations: parse(r.affiliations),
    conflictProviderIds: hasConflict ? [scope.providerId] : [],
  }));
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
