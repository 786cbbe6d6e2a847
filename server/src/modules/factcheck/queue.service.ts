import { sql } from 'drizzle-orm';
import type { ClaimStatus, ListClaimsQuery, PublishVerdictBody, Verdict } from '../../../../common/contracts/factcheck.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { searchDocument } from '../../lib/thai-search.js';
import { recordAudit } from '../audit/service.js';
import { notifyUsers } from '../notifications/service.js';
import { loggingSmsSender, notifySubmitters, type PendingSms } from './notify.js';
import { canAssignClaim, canListClaims, canReadClaimGroup, canReshapeGroup, canWorkOnGroup } from './policy.js';
import { groupAbilities, presentGroupSummary, presentMember, presentVerdict } from './present.js';
import * as repo from './repository.js';
import { transition } from './state-machine.js';

async function loadGroup(db: Db, id: string, forUpdate = false) {
  const group = await repo.findGroup(db, id, { forUpdate });
  if (!group) throw AppError.notFound('claim group');
  return group;
}

/** The fact-checkers' queue: claim groups filtered by status, platform, province or assignee, most asked-about first. */
export async function listClaims(ctx: Ctx, q: ListClaimsQuery) {
  const actor = authorize(ctx, canListClaims, undefined);
  const { items, total } = await repo.listGroups(ctx.db, q, actor.userId);
  const names = await repo.userNames(ctx.db, [...new Set(items.map((g) => g.assigneeId).filter((x): x is string => !!x))]);
  return { items: items.map((g) => presentGroupSummary(g, names)), total, page: q.page, pageSize: q.pageSize };
}

/** One group with its claims (never the submitters' contact details), its verdict history and what the actor may do. */
export async function getClaimGroup(ctx: Ctx, id: string) {
  const group = await loadGroup(ctx.db, id);
  const actor = authorize(ctx, canReadClaimGroup, group);
  const [members, verdicts] = await Promise.all([repo.listGroupClaims(ctx.db, id), repo.listVerdicts(ctx.db, id)]);
  const names = await repo.userNames(ctx.db, group.assigneeId ? [group.assigneeId] : []);
  const history = verdicts.map(presentVerdict);
  return {
    ...presentGroupSummary(group, names),
    claims: members.map(presentMember),
    current: history.at(-1) ?? null,
    history,
    abilities: groupAbilities(actor, group),
  };
}

/** Everyone who may be given a claim group. */
export async function listFactCheckers(ctx: Ctx) {
  authorize(ctx, canAssignClaim, undefined);
  return { items: await repo.listFactCheckers(ctx.db) };
}

/** Gives a group to a fact-checker (oneself or another); a new group becomes assigned. */
export async function assignClaim(ctx: Ctx, id: string, assigneeId: string) {
  await ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, id, true);
    const actor = authorize(ctx, canAssignClaim, group);
    if (!(await repo.isFactCheckerUser(tx, assigneeId))) {
      throw AppError.invalid([{ path: 'body.assigneeId', message: 'not a fact-checker', code: 'not_a_fact_checker' }]);
    }
    const status = transition(group.status as ClaimStatus, 'assign');
    await repo.updateGroup(tx, id, { assigneeId, status });
    await recordAudit(tx, ctx, {
      action: 'claim_group.assigned',
      subjectType: 'claim_group',
      subjectId: id,
      summary: { before: { status: group.status, assigneeId: group.assigneeId }, after: { status, assigneeId } },
    });
    if (assigneeId !== actor.userId) {
      await notifyUsers(tx, ctx.config, [assigneeId], {
        kind: 'factcheck.assigned',
        titleTh: 'มีข่าวที่น่าสงสัยมอบหมายให้คุณตรวจสอบ',
        titleEn: 'A suspicious claim was assigned to you',
        bodyTh: `${actor.displayName} มอบหมายกลุ่มข่าว (${group.requestCount} คำขอ) ให้คุณตรวจสอบ`,
        bodyEn: `${actor.displayName} assigned you a claim group (${group.requestCount} requests).`,
        link: `/factcheck/queue/${id}`,
      });
    }
  });
  return getClaimGroup(ctx, id);
}

/** The assigned checker starts reviewing (assigned → in_review). */
export async function startReview(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, id, true);
    authorize(ctx, canWorkOnGroup, group);
    const status = transition(group.status as ClaimStatus, 'start_review');
    await repo.updateGroup(tx, id, { status });
    await recordAudit(tx, ctx, { action: 'claim_group.review_started', subjectType: 'claim_group', subjectId: id, summary: { status } });
  });
  return getClaimGroup(ctx, id);
}

/**
 * Publishes the verdict of a group under review, or corrects a published one (with a note; the earlier
 * versions stay in the history), and tells every submitter of the group. SMS go out after commit.
 */
export async function publishVerdict(ctx: Ctx, id: string, body: PublishVerdictBody) {
  const pending: PendingSms[] = [];
  await ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, id, true);
    const actor = authorize(ctx, canWorkOnGroup, group);
    const status = transition(group.status as ClaimStatus, 'publish');
    const isCorrection = group.verdictVersion > 0;
    if (isCorrection && !body.correctionNote) {
      throw AppError.invalid([{ path: 'body.correctionNote', message: 'say what was corrected', code: 'required' }]);
    }
    const version = group.verdictVersion + 1;
    const now = new Date();
    const doc = searchDocument(body.claimReviewed, body.explanationTh, body.explanationEn, group.sampleText);
    await repo.updateGroup(tx, id, {
      status,
      verdict: body.verdict,
      claimReviewed: body.claimReviewed,
      explanationTh: body.explanationTh,
      explanationEn: body.explanationEn ?? null,
      sources: body.sources,
      verdictVersion: version,
      publishedAt: now,
      firstPublishedAt: group.firstPublishedAt ?? now,
      publishedBy: actor.userId,
      searchVector: sql`to_tsvector('simple', ${doc}) || to_tsvector('english', ${body.explanationEn ?? ''})` as unknown as string,
      searchText: body.claimReviewed.normalize('NFC').toLowerCase(),
    });
    await repo.insertVerdict(tx, {
      groupId: id,
      version,
      verdict: body.verdict,
      claimReviewed: body.claimReviewed,
      explanationTh: body.explanationTh,
      explanationEn: body.explanationEn ?? null,
      sources: body.sources,
      correctionNote: body.correctionNote ?? null,
      publishedBy: actor.userId,
      publishedAt: now,
    });
    const told = await notifySubmitters(tx, ctx, { id, claimReviewed: body.claimReviewed, verdict: body.verdict, isCorrection });
    pending.push(...told.sms);
    await recordAudit(tx, ctx, {
      action: isCorrection ? 'claim_group.verdict_corrected' : 'claim_group.verdict_published',
      subjectType: 'claim_group',
      subjectId: id,
      summary: {
        version,
        verdict: body.verdict,
        before: isCorrection ? { verdict: group.verdict } : undefined,
        notified: { users: told.users, emails: told.emails, sms: told.sms.length },
      },
    });
  });
  const sms = loggingSmsSender(ctx.log);
  for (const m of pending) await sms.send(m.to, m.text);
  return getClaimGroup(ctx, id);
}

/**
 * Moves every claim of another (unpublished) group into this one, which keeps its status and verdict; when
 * this one is already answered, the moved claims' submitters are told its verdict at once.
 */
export async function mergeClaimGroups(ctx: Ctx, targetId: string, sourceId: string) {
  if (sourceId === targetId) throw AppError.invalid([{ path: 'body.sourceGroupId', message: 'a group cannot be merged into itself' }]);
  const pending: PendingSms[] = [];
  await ctx.db.transaction(async (tx) => {
    // Lock both in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [targetId, sourceId].sort();
    const locked = new Map([
      [first, await loadGroup(tx, first, true)],
      [second, await loadGroup(tx, second, true)],
    ]);
    const source = locked.get(sourceId) as repo.GroupRow;
    const target = locked.get(targetId) as repo.GroupRow;
    authorize(ctx, canReshapeGroup, source);
    const moved = await repo.moveClaims(tx, sourceId, 'all', targetId);
    await repo.recountGroup(tx, targetId);
    await repo.deleteGroup(tx, sourceId);
    const answered = target.status === 'published' && target.verdict && target.claimReviewed;
    const told = answered
      ? await notifySubmitters(
          tx,
          ctx,
          { id: targetId, claimReviewed: target.claimReviewed as string, verdict: target.verdict as Verdict, isCorrection: false },
          moved,
        )
      : null;
    pending.push(...(told?.sms ?? []));
    await recordAudit(tx, ctx, {
      action: 'claim_group.merged',
      subjectType: 'claim_group',
      subjectId: targetId,
      summary: {
        sourceGroupId: sourceId,
        movedClaims: moved.length,
        notified: told ? { users: told.users, emails: told.emails } : undefined,
      },
    });
  });
  const sms = loggingSmsSender(ctx.log);
  for (const m of pending) await sms.send(m.to, m.text);
  return getClaimGroup(ctx, targetId);
}

/** Takes some claims out of a group into a new group of their own (status new); the group keeps the rest. */
export async function splitClaimGroup(ctx: Ctx, id: string, claimIds: readonly string[]) {
  const newId = await ctx.db.transaction(async (tx) => {
    const group = await loadGroup(tx, id, true);
    authorize(ctx, canReshapeGroup, group);
    const members = await repo.listGroupClaims(tx, id);
    const ids = new Set(claimIds);
    const unknown = claimIds.filter((c) => !members.some((m) => m.id === c));
    if (unknown.length)
      throw AppError.invalid([{ path: 'body.claimIds', message: 'some claims are not in this group', code: 'not_in_group' }]);
    if (members.every((m) => ids.has(m.id))) {
      throw AppError.invalid([{ path: 'body.claimIds', message: 'leave at least one claim in the group', code: 'all_claims' }]);
    }
    const first = members.find((m) => ids.has(m.id)) as repo.ClaimRow;
    const created = await repo.insertGroup(tx, { sampleText: first.text.slice(0, 2000), textKey: first.textKey });
    await repo.moveClaims(tx, id, claimIds, created.id);
    await repo.recountGroup(tx, id);
    await repo.recountGroup(tx, created.id);
    await recordAudit(tx, ctx, {
      action: 'claim_group.split',
      subjectType: 'claim_group',
      subjectId: id,
      summary: { newGroupId: created.id, movedClaims: claimIds.length },
    });
    return created.id;
  });
  return { from: await getClaimGroup(ctx, id), created: await getClaimGroup(ctx, newId) };
}

/** A claim's image, for fact-checkers. */
export async function getClaimImage(ctx: Ctx, claimId: string) {
  authorize(ctx, canReadClaimGroup, undefined);
  const claim = await repo.findClaim(ctx.db, claimId);
  const file = claim?.imageFileId ? await repo.findFile(ctx.db, claim.imageFileId) : undefined;
  if (!file) throw AppError.notFound('image');
  return file;
}
