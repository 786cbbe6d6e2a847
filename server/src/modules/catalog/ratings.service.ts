import type { RateCourseBody } from '../../../../common/contracts/catalog.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { canRate } from './policy.js';
import * as repo from './repository.js';
import { findEntriesByIds } from './search.repository.js';
import { syncCatalogEntry } from './service.js';

/**
 * A learner who completed the course rates it once (content, instructor, usefulness at work); the
 * averages on the page and in search change in the same transaction. A second rating is 409.
 */
export async function rateCourse(ctx: Ctx, courseId: string, body: RateCourseBody) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const entry = await findEntriesByIds(tx, [courseId]);
    if (entry.length === 0) throw AppError.notFound('course');
    const hasCompleted = await repo.hasCompleted(tx, actor.userId, courseId);
    const existing = await repo.findRating(tx, courseId, actor.userId);
    if (existing) throw AppError.conflict('catalog.already_rated', 'you have already rated this course');
    authorize(ctx, canRate, { hasCompleted, hasRated: false });
    const inserted = await repo.insertRating(tx, { courseId, userId: actor.userId, ...body, comment: body.comment ?? null });
    if (!inserted) throw AppError.conflict('catalog.already_rated', 'you have already rated this course');
    await syncCatalogEntry(tx, courseId);
    await recordAudit(tx, ctx, {
      action: 'course.rate',
      subjectType: 'course',
      subjectId: courseId,
      summary: { content: body.content, instructor: body.instructor, usefulness: body.usefulness },
    });
  });
}
