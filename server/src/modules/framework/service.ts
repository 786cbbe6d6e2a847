import type { UpdateFrameworkItemBody } from '../../../../common/contracts/framework.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { carryStatementsForward } from '../assessment/service.js';
import { recordAudit } from '../audit/service.js';
import { canCreateVersion, canEdit, canPublish, canView, includesDrafts } from './policy.js';
import * as repo from './repository.js';

/** Published versions for everyone, drafts too for framework admins; the current version first. */
export async function listFrameworks(ctx: Ctx) {
  return repo.listFrameworks(ctx.db, { includeDrafts: includesDrafts(ctx.actor) });
}

async function loadVisible(ctx: Ctx, db: Db, id: string) {
  const f = id === 'current' ? await repo.findCurrentFramework(db) : await repo.findFramework(db, id);
  if (!f || !canView(ctx.actor, f)) throw AppError.notFound('framework');
  return f;
}

type Content = Awaited<ReturnType<typeof repo.findFrameworkContent>>;
/**
 * Items of published versions, which never change once published; so every instance may keep its own
 * copy without any coordination. Drafts are always read from the database.
 */
const publishedContent = new Map<string, Content>();
const MAX_CACHED_VERSIONS = 50;

async function contentOf(db: Db, framework: repo.FrameworkRow): Promise<Content> {
  if (framework.status !== 'published') return repo.findFrameworkContent(db, framework.id);
  let content = publishedContent.get(framework.id);
  if (!content) {
    content = await repo.findFrameworkContent(db, framework.id);
    if (publishedContent.size >= MAX_CACHED_VERSIONS) publishedContent.delete(publishedContent.keys().next().value as string);
    publishedContent.set(framework.id, content);
  }
  return content;
}

/** One version with all its items and matrix; `current` names the current published version. */
export async function getFramework(ctx: Ctx, id: string) {
  const framework = await loadVisible(ctx, ctx.db, id);
  return { framework, ...(await contentOf(ctx.db, framework)) };
}

/** Loads a draft for change inside a transaction: 404 if unseen, 403 if not an admin, 409 if published. */
async function loadDraftForChange(ctx: Ctx, tx: Db, id: string) {
  const f = await repo.lockFramework(tx, id);
  if (!f || !canView(ctx.actor, f)) throw AppError.notFound('framework');
  authorize(ctx, canEdit, f);
  if (f.status !== 'draft') {
    throw AppError.conflict('framework.published_immutable', 'a published framework cannot change; create a new version');
  }
  return f;
}

/** Starts a new draft version as a full copy of an existing one. */
export async function createFrameworkVersion(
  ctx: Ctx,
  body: { basedOnId: string; code: string; yearBe: number; titleTh: string; titleEn: string },
) {
  const actor = authorize(ctx, canCreateVersion, undefined);
  return ctx.db.transaction(async (tx) => {
    const base = await repo.findFramework(tx, body.basedOnId);
    if (!base) throw AppError.invalid([{ path: 'body.basedOnId', message: 'unknown framework' }]);
    const created = await repo.insertFramework(tx, {
      code: body.code,
      titleTh: body.titleTh,
      titleEn: body.titleEn,
      yearBe: body.yearBe,
      status: 'draft',
      basedOnId: base.id,
      sourceNoteTh: base.sourceNoteTh,
      sourceNoteEn: base.sourceNoteEn,
    });
    await repo.copyFrameworkContent(tx, base.id, created.id);
    await carryStatementsForward(tx, base.id, created.id);
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'framework.version_created',
        subjectType: 'framework',
        subjectId: created.id,
        summary: { code: created.code, basedOn: base.code },
      },
    );
    return created;
  });
}

/** An optional field left out of the body keeps its stored value; null clears it. */
const keep = <T>(sent: T | null | undefined, stored: T | null | undefined): T | null => (sent === undefined ? (stored ?? null) : sent);

function findItem(content: Awaited<ReturnType<typeof repo.findFrameworkContent>>, kind: UpdateFrameworkItemBody['kind'], code: string) {
  switch (kind) {
    case 'skill_area':
      return content.areas.find((a) => a.code === code);
    case 'target_group':
      return content.groups.find((g) => g.code === code);
    case 'level':
      return content.levels.find((l) => String(l.rank) === code);
    case 'unit':
      return content.units.find((u) => u.code === code);
  }
}

/**
 * Creates or changes one item (skill area, target group, level or unit) of a draft. An admin-edited
 * label keeps the item's verification unless it was a sample, which becomes 'unverified' (edited, not
 * yet sourced). The audit entry records the item before and after.
 */
export async function updateFrameworkItem(ctx: Ctx, id: string, code: string, body: UpdateFrameworkItemBody) {
  return ctx.db.transaction(async (tx) => {
    const f = await loadDraftForChange(ctx, tx, id);
    const content = await repo.findFrameworkContent(tx, f.id);
    const before = findItem(content, body.kind, code) ?? null;
    const nextSort = (xs: { sortOrder: number }[]) => Math.max(0, ...xs.map((x) => x.sortOrder)) + 1;
    switch (body.kind) {
      case 'skill_area': {
        const b = before as repo.SkillAreaRow | null;
        await repo.upsertSkillArea(tx, {
          frameworkId: f.id,
          code,
          kind: body.areaKind ?? b?.kind ?? 'optional',
          nameTh: body.nameTh,
          nameEn: body.nameEn,
          descriptionTh: keep(body.descriptionTh, b?.descriptionTh),
          descriptionEn: keep(body.descriptionEn, b?.descriptionEn),
          isNameThOfficial: body.isNameThOfficial ?? b?.isNameThOfficial ?? false,
          sortOrder: b?.sortOrder ?? nextSort(content.areas),
          verification: b?.verification ?? 'unverified',
          sources: b?.sources ?? [],
        });
        break;
      }
      case 'target_group': {
        const b = before as repo.TargetGroupRow | null;
        await repo.upsertTargetGroup(tx, {
          frameworkId: f.id,
          code,
          nameTh: body.nameTh,
          nameThShort: body.nameThShort,
          nameEn: body.nameEn,
          sortOrder: b?.sortOrder ?? nextSort(content.groups),
          verification: b?.verification ?? 'unverified',
          sources: b?.sources ?? [],
        });
        break;
      }
      case 'level': {
        const rank = Number(code);
        if (!Number.isInteger(rank) || rank < 1 || rank > 10) {
          throw AppError.invalid([{ path: 'params.code', message: 'a level is named by its rank, 1 to 10' }]);
        }
        const b = before as repo.LevelRow | null;
        await repo.upsertLevel(tx, {
          frameworkId: f.id,
          rank,
          nameTh: body.nameTh,
          nameEn: body.nameEn,
          descriptionTh: keep(body.descriptionTh, b?.descriptionTh),
          descriptionEn: keep(body.descriptionEn, b?.descriptionEn),
          verification: b?.verification === 'sample' ? 'unverified' : (b?.verification ?? 'unverified'),
        });
        break;
      }
      case 'unit': {
        if (body.skillAreaCode && !content.areas.some((a) => a.code === body.skillAreaCode)) {
          throw AppError.invalid([{ path: 'body.skillAreaCode', message: 'not a skill area of this framework' }]);
        }
        const unknownGroups = (body.targetGroupCodes ?? []).filter((g) => !content.groups.some((x) => x.code === g));
        if (unknownGroups.length) {
          throw AppError.invalid([{ path: 'body.targetGroupCodes', message: `unknown target groups: ${unknownGroups.join(', ')}` }]);
        }
        const b = before as repo.UnitRow | null;
        await repo.upsertUnit(tx, {
          frameworkId: f.id,
          code,
          titleTh: body.titleTh,
          titleEn: body.titleEn,
          standardTh: keep(body.standardTh, b?.standardTh),
          skillAreaCode: body.skillAreaCode,
          isSkillAreaInferred: false,
          targetGroupCodes: body.targetGroupCodes,
          sourceUrl: keep(body.sourceUrl, b?.sourceUrl),
          reviewed: b?.reviewed ?? null,
          verification: b?.verification ?? 'unverified',
        });
        break;
      }
    }
    await recordAudit(tx, ctx, {
      action: before ? 'framework.item_updated' : 'framework.item_created',
      subjectType: 'framework',
      subjectId: f.id,
      summary: { kind: body.kind, code, before, after: body },
    });
    return { created: !before };
  });
}

/** Removes an item from a draft, with the matrix cells that refer to it. */
export async function deleteFrameworkItem(ctx: Ctx, id: string, kind: UpdateFrameworkItemBody['kind'], code: string) {
  await ctx.db.transaction(async (tx) => {
    const f = await loadDraftForChange(ctx, tx, id);
    const before = findItem(await repo.findFrameworkContent(tx, f.id), kind, code);
    if (!before) throw AppError.notFound('framework item');
    await repo.deleteItem(tx, f.id, kind, code);
    await recordAudit(tx, ctx, {
      action: 'framework.item_deleted',
      subjectType: 'framework',
      subjectId: f.id,
      summary: { kind, code, before },
    });
  });
}

/** Sets one cell of the required-level matrix of a draft; `isSample: false` records who confirmed it and when. */
export async function setRequiredLevel(
  ctx: Ctx,
  id: string,
  targetGroupCode: string,
  skillAreaCode: string,
  body: { levelRank: number | null; isSample: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const f = await loadDraftForChange(ctx, tx, id);
    const content = await repo.findFrameworkContent(tx, f.id);
    if (!content.groups.some((g) => g.code === targetGroupCode)) throw AppError.notFound('target group');
    if (!content.areas.some((a) => a.code === skillAreaCode)) throw AppError.notFound('skill area');
    if (body.levelRank !== null && !content.levels.some((l) => l.rank === body.levelRank)) {
      throw AppError.invalid([{ path: 'body.levelRank', message: 'not a level of this framework' }]);
    }
    const before = content.matrix.find((m) => m.targetGroupCode === targetGroupCode && m.skillAreaCode === skillAreaCode) ?? null;
    const actorId = ctx.actor?.userId ?? null;
    await repo.upsertMatrixCell(tx, {
      frameworkId: f.id,
      targetGroupCode,
      skillAreaCode,
      levelRank: body.levelRank,
      isSample: body.isSample,
      confirmedBy: body.isSample ? null : actorId,
      confirmedAt: body.isSample ? null : new Date(),
    });
    await recordAudit(tx, ctx, {
      action: 'framework.required_level_set',
      subjectType: 'framework',
      subjectId: f.id,
      summary: {
        targetGroupCode,
        skillAreaCode,
        before: before ? { levelRank: before.levelRank, isSample: before.isSample } : null,
        after: body,
      },
    });
  });
}

/**
 * Publishes a complete draft, which from then on is immutable; by default it becomes the current
 * version. A draft without skill areas, target groups or levels cannot be published.
 */
export async function publishFramework(ctx: Ctx, id: string, opts: { makeCurrent: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const f = await repo.lockFramework(tx, id);
    if (!f || !canView(ctx.actor, f)) throw AppError.notFound('framework');
    const actor = authorize(ctx, canPublish, f);
    if (f.status !== 'draft') throw AppError.conflict('framework.not_draft', 'this version is already published');
    const content = await repo.findFrameworkContent(tx, f.id);
    const missing = [
      content.areas.length === 0 && 'skill areas',
      content.groups.length === 0 && 'target groups',
      content.levels.length === 0 && 'levels',
    ].filter(Boolean);
    if (missing.length) throw AppError.conflict('framework.incomplete', `cannot publish without ${missing.join(', ')}`);
    await repo.markPublished(tx, f.id, actor.userId, opts.makeCurrent);
    await recordAudit(tx, ctx, {
      action: 'framework.published',
      subjectType: 'framework',
      subjectId: f.id,
      summary: { code: f.code, makeCurrent: opts.makeCurrent },
    });
    return (await repo.findFramework(tx, f.id)) as repo.FrameworkRow;
  });
}
