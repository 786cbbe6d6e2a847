import type { ShortlistBody } from '../../../../common/contracts/catalog.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { canShortlistFor } from './policy.js';
import { presentPlainSummary } from './present.js';
import * as repo from './repository.js';
import { findEntriesByIds } from './search.repository.js';

/** The agency, if the caller keeps its shortlist: 404 for an unknown agency, 403 outside the caller's HR scope. */
async function loadAgency(ctx: Ctx, db: Db, agencyId: string) {
  requireActor(ctx);
  const agency = await repo.findAgency(db, agencyId);
  if (!agency) throw AppError.notFound('agency');
  authorize(ctx, canShortlistFor, agency);
  return agency;
}

/** Agency HR puts a catalogue course on the agency's shortlist (again: updates the note), for planning. */
export async function shortlistCourse(ctx: Ctx, courseId: string, body: ShortlistBody) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await loadAgency(ctx, tx, body.agencyId);
    if ((await findEntriesByIds(tx, [courseId])).length === 0) throw AppError.notFound('course');
    await repo.upsertShortlist(tx, { agencyId: body.agencyId, courseId, note: body.note ?? null, addedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'shortlist.add', subjectType: 'agency', subjectId: body.agencyId, summary: { courseId } });
  });
}

/** Takes a course off the agency's shortlist (404 if it was not on it). */
export async function removeFromShortlist(ctx: Ctx, agencyId: string, courseId: string) {
  await ctx.db.transaction(async (tx) => {
    await loadAgency(ctx, tx, agencyId);
    if (!(await repo.deleteShortlist(tx, agencyId, courseId))) throw AppError.notFound('shortlisted course');
    await recordAudit(tx, ctx, { action: 'shortlist.remove', subjectType: 'agency', subjectId: agencyId, summary: { courseId } });
  });
}

/** The agency's shortlist, newest first; only HR of the agency (or an ancestor) may read it. */
export async function getShortlist(ctx: Ctx, agencyId: string) {
  await loadAgency(ctx, ctx.db, agencyId);
  const rows = await repo.listShortlist(ctx.db, agencyId);
  return {
    agencyId,
    items: rows.map((r) => ({ course: presentPlainSummary(r), note: r.note, addedAt: new Date(r.added_at).toISOString() })),
  };
}
