import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import type { RespondToAssignmentBody } from '../../../../common/contracts/accreditation-registry.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { notifyUsers } from '../notifications/service.js';
import { getSetting, SETTINGS } from '../settings/service.js';
import * as repo from './assignments.repository.js';
import { hasExpertiseIn, type MatchCourse, matchPrepared, type PreparedReviewers, prepareReviewers } from './matching.js';
import { officerIds } from './recipients.js';
import { canManageAssignments, canRespondToAssignment, isOverdue } from './registry.policy.js';
import * as registryRepo from './registry.repository.js';
import { reviewerRegistry } from './registry-cache.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function loadCourse(db: Db, courseId: string) {
  const course = await repo.findCourseRound(db, courseId);
  if (!course) throw AppError.notFound('course');
  return course;
}

/** What matching needs to know about the course's current round. */
function matchCourseOf(course: Awaited<ReturnType<typeof loadCourse>>): MatchCourse {
  // Drafts may be partial, so read the fields we need leniently rather than parse the whole content.
  const content = (course.content ?? {}) as Partial<CourseContent>;
  const outcomes = Array.isArray(content.outcomes)
    ? content.outcomes.filter((o) => o && typeof o.skillAreaCode === 'string' && typeof o.levelRank === 'number')
    : [];
  const instructors = Array.isArray(content.instructors) ? content.instructors.filter((i) => i && typeof i.name === 'string') : [];
  return {
    providerId: course.providerId,
    providerNames: [course.providerNameTh, course.providerNameEn],
    outcomes: outcomes.map((o) => ({ skillAreaCode: o.skillAreaCode, levelRank: o.levelRank })),
    instructorNames: instructors.map((i) => i.name),
    assignedReviewerIds: course.assignedReviewerIds,
  };
}

/** Matches the course's current round against the reviewers, with the exclusions worth showing the officer. */
function matchFor(course: Awaited<ReturnType<typeof loadCourse>>, reviewers: PreparedReviewers) {
  // Read with the course (one round trip) and given its meaning by the setting's own schema, as getSetting does.
  const conflictYears = SETTINGS['accreditation.conflictYears'].parse(course.storedConflictYears);
  const matchCourse = matchCourseOf(course);
  const result = matchPrepared(matchCourse, reviewers, { now: new Date(), conflictYears });
  const areas = [...new Set(matchCourse.outcomes.map((o) => o.skillAreaCode))];
  return { ...result, relevantExcluded: result.excluded.filter((e) => hasExpertiseIn(reviewers, e.reviewerId, areas)) };
}

/** Ranked reviewers for the course's current round and the excluded ones with their reasons (officers). */
export async function suggestReviewers(ctx: Ctx, courseId: string, limit = 20) {
  const course = await loadCourse(ctx.db, courseId);
  authorize(ctx, canManageAssignments, course);
  const reviewers = await reviewerRegistry(ctx.db, course.registryVersion);
  const { suggested, excluded, relevantExcluded } = matchFor(course, reviewers);
  return {
    courseId: course.id,
    version: course.version,
    suggested: suggested.slice(0, limit),
    excluded: relevantExcluded.slice(0, limit),
    suggestedTotal: suggested.length,
    excludedTotal: excluded.length,
  };
}

/**
 * Checks that `reviewerId` may review the course's current round (approved, not excluded) inside the
 * caller's transaction, with the reviewer row locked so two concurrent assignments cannot both pass the
 * capacity check, and inserts the assignment due after `accreditation.reviewDays`.
 */
async function createAssignment(ctx: Ctx, tx: Db, course: Awaited<ReturnType<typeof loadCourse>>, reviewerId: string, assignedBy: string) {
  const reviewer = await registryRepo.lockReviewer(tx, reviewerId);
  if (!reviewer) throw AppError.invalid([{ path: 'body.reviewerId', message: 'unknown reviewer' }]);
  if (reviewer.status !== 'approved') throw AppError.conflict('conflict', 'the reviewer is not approved');
  // Read inside the transaction, where the reviewer row is locked, rather than from the shared cache.
  const { reviewers } = await repo.loadReviewerRegistry(tx, reviewerId);
  const { excluded } = matchFor(course, prepareReviewers(reviewers));
  const out = excluded.find((e) => e.reviewerId === reviewerId);
  if (out) {
    throw new AppError('conflict', `the reviewer is excluded: ${out.reasons.map((r) => r.textEn).join('; ')}`, {
      status: 409,
      errors: out.reasons.map((r) => ({ path: 'body.reviewerId', message: r.textEn, code: r.code })),
    });
  }
  const reviewDays = await getSetting(tx, 'accreditation.reviewDays');
  const assignment = await repo.insertAssignment(tx, {
    courseId: course.id,
    version: course.version,
    reviewerId,
    state: 'pending',
    assignedBy,
    dueAt: new Date(Date.now() + reviewDays * DAY_MS),
  });
  await notifyUsers(tx, ctx.config, [reviewer.userId], {
    kind: 'assignment.created',
    titleTh: 'คุณได้รับมอบหมายให้พิจารณาหลักสูตร',
    titleEn: 'A course to review',
    bodyTh: `กรุณาตอบรับหรือปฏิเสธการพิจารณาหลักสูตร "${course.titleTh}" ภายใน ${reviewDays} วัน`,
    bodyEn: `Please accept or decline reviewing "${course.titleEn}"; the review is due in ${reviewDays} days.`,
    link: '/reviewer/assignments',
  });
  return assignment;
}

function requireInReview(state: string) {
  if (state !== 'in_review')
    throw AppError.conflict('conflict', `reviewers are assigned only while a course is in review; this one is ${state}`);
}

/** An officer assigns a reviewer to the course's current round; only while it is in review, never an excluded reviewer. */
export async function assignReviewer(ctx: Ctx, courseId: string, reviewerId: string) {
  return ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCourse(tx, courseId);
    if (!locked) throw AppError.notFound('course');
    const course = await loadCourse(tx, courseId);
    const actor = authorize(ctx, canManageAssignments, course);
    requireInReview(course.state);
    const assignment = await createAssignment(ctx, tx, course, reviewerId, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'assignment.created',
      subjectType: 'course',
      subjectId: course.id,
      summary: { assignmentId: assignment.id, reviewerId, version: course.version, dueAt: assignment.dueAt.toISOString() },
    });
    return assignment;
  });
}

/** The assigned reviewer accepts or declines (with a reason) a pending assignment. */
export async function respondToAssignment(ctx: Ctx, id: string, body: RespondToAssignmentBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const found = await repo.lockAssignment(tx, id);
    if (!found || (found.reviewerUserId !== actor.userId && !canManageAssignments(actor, found))) throw AppError.notFound('assignment');
    authorize(ctx, canRespondToAssignment, found);
    if (found.assignment.state !== 'pending') throw AppError.conflict('conflict', `the assignment is already ${found.assignment.state}`);
    if (body.accept) {
      const course = await repo.findCourseRound(tx, found.assignment.courseId);
      if (course?.state !== 'in_review' || course.version !== found.assignment.version) {
        throw AppError.conflict('conflict', 'the course is no longer in review for this round');
      }
    }
    const state = body.accept ? 'accepted' : 'declined';
    const updated = await repo.updateAssignment(tx, id, {
      state,
      respondedAt: new Date(),
      declineReason: body.accept ? null : (body.reason ?? null),
    });
    await recordAudit(tx, ctx, {
      action: `assignment.${state}`,
      subjectType: 'assignment',
      subjectId: id,
      summary: { courseId: found.assignment.courseId, reason: body.reason ?? null },
    });
    const officers = found.assignment.assignedBy ? [found.assignment.assignedBy] : await officerIds(tx);
    await notifyUsers(tx, ctx.config, officers, {
      kind: `assignment.${state}`,
      titleTh: body.accept ? 'ผู้ทรงคุณวุฒิตอบรับการพิจารณา' : 'ผู้ทรงคุณวุฒิปฏิเสธการพิจารณา',
      titleEn: body.accept ? 'A reviewer accepted an assignment' : 'A reviewer declined an assignment',
      bodyTh: body.accept ? `${actor.displayName} ตอบรับการพิจารณาหลักสูตร` : `${actor.displayName} ปฏิเสธการพิจารณา เหตุผล: ${body.reason}`,
      bodyEn: body.accept
        ? `${actor.displayName} accepted the review.`
        : `${actor.displayName} declined the review. Reason: ${body.reason}`,
      link: `/officer/courses/${found.assignment.courseId}`,
    });
    return updated;
  });
}

/** An officer replaces a declined or overdue assignment: the old one becomes `replaced`, a new one is created. */
export async function replaceAssignment(ctx: Ctx, id: string, reviewerId: string) {
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const found = await repo.lockAssignment(tx, id);
    if (!found) throw AppError.notFound('assignment');
    const actor = authorize(ctx, canManageAssignments, found);
    const old = found.assignment;
    if (old.state !== 'declined' && !isOverdue(old, found.hasReview, now)) {
      throw AppError.conflict('conflict', `only a declined or overdue assignment can be replaced; this one is ${old.state}`);
    }
    await repo.lockCourse(tx, old.courseId);
    const course = await loadCourse(tx, old.courseId);
    requireInReview(course.state);
    if (course.version !== old.version) throw AppError.conflict('conflict', 'the assignment belongs to an earlier round');
    const replaced = await repo.updateAssignment(tx, id, { state: 'replaced' });
    const assignment = await createAssignment(ctx, tx, course, reviewerId, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'assignment.replaced',
      subjectType: 'course',
      subjectId: course.id,
      summary: { replacedId: id, previousState: old.state, newAssignmentId: assignment.id, reviewerId },
    });
    if (old.state !== 'declined') {
      await notifyUsers(tx, ctx.config, [found.reviewerUserId], {
        kind: 'assignment.replaced',
        titleTh: 'การมอบหมายพิจารณาหลักสูตรถูกยกเลิก',
        titleEn: 'An assignment was withdrawn',
        bodyTh: `การพิจารณาหลักสูตร "${course.titleTh}" เลยกำหนดและได้มอบหมายให้ผู้อื่นแล้ว`,
        bodyEn: `The review of "${course.titleEn}" was overdue and has been given to another reviewer.`,
        link: '/reviewer/assignments',
      });
    }
    return { replaced, assignment };
  });
}

/** The signed-in reviewer's assignments (their inbox), newest first. */
export async function listMyAssignments(ctx: Ctx) {
  const actor = requireActor(ctx);
  const mine = await registryRepo.findReviewerByUser(ctx.db, actor.userId);
  if (!mine) throw AppError.notFound('reviewer');
  return repo.listAssignmentsOfReviewer(ctx.db, mine.reviewer.id, 200);
}
