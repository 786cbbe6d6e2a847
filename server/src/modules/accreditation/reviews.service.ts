import type { RubricCriterion, SubmitReviewBody } from '../../../../common/contracts/accreditation-courses.js';
import { AppError } from '../../../../common/errors.js';
import { actorHasRole, authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { getSetting } from '../settings/service.js';
import { canReadReviews } from './courses.policy.js';
import * as repo from './courses.repository.js';
import { applyEvent, loadCourse, notifyOfficers, recordTransition, reviewerLabel } from './courses.service.js';
import { loadActiveRubric, weightedScore } from './rubric.js';

const isReviewer = (a: Parameters<typeof actorHasRole>[0]) => actorHasRole(a, 'reviewer');

/**
 * Records the assigned reviewer's review of the current round (one per assignment), scored against the
 * active rubric. When enough reviews are in and none is still owed, the course moves to decision_pending
 * and officers are told.
 */
export async function submitReview(ctx: Ctx, assignmentId: string, body: SubmitReviewBody) {
  const actor = authorize(ctx, isReviewer, undefined);
  const rubric = await loadActiveRubric(ctx);
  const score = weightedScore(rubric.criteria as RubricCriterion[], body.scores);
  await ctx.db.transaction(async (tx) => {
    const found = await repo.findAssignment(tx, assignmentId);
    if (!found || found.reviewerUserId !== actor.userId) throw AppError.notFound('assignment');
    const a = found.assignment;
    const course = await repo.findCourse(tx, a.courseId, { forUpdate: true });
    if (!course) throw AppError.notFound('assignment');
    if (await repo.findReview(tx, a.id)) throw AppError.conflict('conflict', 'this assignment already has a review');
    if (a.state !== 'accepted') throw AppError.conflict('conflict', `the assignment is ${a.state}, not accepted`);
    if (a.version !== course.currentVersion || course.state !== 'in_review') {
      throw AppError.conflict('conflict', 'the course is not in review for this round');
    }
    await repo.insertReview(tx, {
      assignmentId: a.id,
      rubricId: rubric.id,
      scores: body.scores,
      weightedScore: score.toFixed(2),
      recommendation: body.recommendation,
      commentsToProvider: body.commentsToProvider,
      confidentialComments: body.confidentialComments ?? null,
    });
    // An assignment whose review is in is done: it no longer counts towards the reviewer's load.
    await repo.markAssignmentSubmitted(tx, a.id);
    await recordAudit(tx, ctx, {
      action: 'course.review_submitted',
      subjectType: 'course',
      subjectId: course.id,
      summary: { version: a.version, assignmentId: a.id, weightedScore: score, recommendation: body.recommendation },
    });
    const progress = await repo.roundProgress(tx, course.id, a.version);
    const minReviewers = await getSetting(tx, 'accreditation.minReviewers');
    if (progress.submitted >= minReviewers && progress.outstanding === 0) {
      const to = applyEvent(course.state, 'reviews_complete');
      await recordTransition(tx, ctx, course, 'reviews_complete', to, {}, { reviews: progress.submitted });
      await notifyOfficers(tx, ctx, course, {
        kind: 'course.reviews_complete',
        titleTh: `ผลการพิจารณาของผู้ทรงคุณวุฒิครบแล้ว: ${course.titleTh}`,
        titleEn: `Reviews complete: ${course.titleEn || course.titleTh}`,
        bodyTh: `หลักสูตร "${course.titleTh}" ได้รับผลการพิจารณาครบ ${progress.submitted} ราย พร้อมให้ตัดสิน`,
        bodyEn: `"${course.titleEn || course.titleTh}" has ${progress.submitted} reviews and awaits a decision.`,
      });
    }
  });
  return { weightedScore: score };
}

/**
 * The reviews of the course's current round. Officers see every review with the reviewer's name and
 * the disagreement measures; a reviewer sees nothing until their own review is in, then the others
 * anonymised and without confidential comments.
 */
export async function listReviews(ctx: Ctx, courseId: string) {
  const actor = requireActor(ctx);
  const { course, access } = await loadCourse(ctx, ctx.db, courseId);
  authorize(ctx, canReadReviews, access);
  const version = course.currentVersion;
  const rows = await repo.listRoundReviews(ctx.db, course.id, version);
  const seesAll = access.isOfficer || rows.some((r) => r.reviewerUserId === actor.userId);
  const items = (seesAll ? rows : []).map((r, i) => {
    const isMine = r.reviewerUserId === actor.userId;
    const named = access.isOfficer || isMine;
    return {
      assignmentId: named ? r.review.assignmentId : null,
      label: reviewerLabel(i),
      reviewerName: access.isOfficer ? r.reviewerName : null,
      isMine,
      version: r.version,
      scores: r.review.scores as { criterionCode: string; score: number; comment: string }[],
      weightedScore: Number(r.review.weightedScore),
      recommendation: r.review.recommendation as SubmitReviewBody['recommendation'],
      commentsToProvider: r.review.commentsToProvider,
      confidentialComments: named ? r.review.confidentialComments : null,
      submittedAt: r.review.submittedAt.toISOString(),
    };
  });
  const scores = items.map((i) => i.weightedScore);
  const spread = scores.length ? Math.round((Math.max(...scores) - Math.min(...scores)) * 100) / 100 : null;
  const threshold = await getSetting(ctx.db, 'accreditation.disagreementThreshold');
  const recs = new Set(items.map((i) => i.recommendation));
  const splitVerdict = recs.has('reject') && (recs.has('accredit') || recs.has('accredit_with_conditions'));
  return { version, items, spread, isDisagreement: (spread !== null && spread > threshold) || splitVerdict };
}
