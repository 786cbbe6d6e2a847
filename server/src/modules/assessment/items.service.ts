import { createHash, randomUUID } from 'node:crypto';
import {
  type CreateItemBody,
  ITEM_IMAGE_MAX_BYTES,
  type ItemContent,
  itemShapeIssues,
  type ListItemsQuery,
  type ReviewItemBody,
  type UpdateItemBody,
} from '../../../../common/contracts/assessment.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { notifyUsers } from '../notifications/service.js';
import * as repo from './items.repository.js';
import { canEditItem, canRetireItem, canReviewItem, isAuthor } from './policy.js';
import { loadFrameworkRefs, refIssues } from './refs.js';

/**
 * The item bank. Item lifecycle (one row per version):
 *
 *   draft ──review(approve) by a second author──▶ active ──edit──▶ (new draft version; the active one stays
 *   in use until the draft is approved, then becomes superseded)
 *   draft | active ──retire──▶ retired
 *
 * A draft is edited in place; `review(return)` keeps it a draft with the reviewer's comment.
 */

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The image decoded and checked: at most 512 kB, and its bytes are what its type says. */
function checkImage(image: NonNullable<CreateItemBody['image']>): Buffer {
  const bytes = Buffer.from(image.dataBase64, 'base64');
  if (bytes.length === 0) throw AppError.invalid([{ path: 'body.image', message: 'the image is empty', code: 'assessment.image_empty' }]);
  if (bytes.length > ITEM_IMAGE_MAX_BYTES) throw new AppError('payload_too_large', 'an item image may be at most 512 kB');
  if (!MAGIC[image.contentType](bytes)) throw new AppError('unsupported_media_type', `the file is not ${image.contentType}`);
  return bytes;
}

async function storeImage(tx: Db, ctx: Ctx, image: NonNullable<CreateItemBody['image']>) {
  const bytes = checkImage(image);
  const file = await repo.insertFile(tx, {
    ownerUserId: ctx.actor?.userId ?? null,
    kind: 'item_image',
    filename: image.filename?.slice(0, 200) || 'item-image',
    mimeType: image.contentType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  });
  return file.id;
}

/** Shape and framework references of an item's content; throws 400 naming every bad field. */
export async function checkItemContent(db: Db, c: ItemContent, prefix = 'body'): Promise<void> {
  const errors: FieldError[] = itemShapeIssues(c).map((i) => ({ path: [prefix, ...i.path].join('.'), message: i.message, code: i.code }));
  const refs = await loadFrameworkRefs(db, c.frameworkId);
  if (!refs) errors.push({ path: `${prefix}.frameworkId`, message: 'unknown framework', code: 'assessment.unknown_framework' });
  else errors.push(...refIssues(refs, c, prefix));
  if (errors.length) throw AppError.invalid(errors);
}

const contentValues = (c: ItemContent) => ({
  kind: c.kind,
  frameworkId: c.frameworkId,
  skillAreaCode: c.skillAreaCode,
  unitCode: c.unitCode || null,
  level: c.level,
  difficulty: c.difficulty,
  stemTh: c.stemTh,
  stemEn: c.stemEn ?? '',
  caseTh: c.caseTh || null,
  caseEn: c.caseEn || null,
  options: c.options.map((o) => ({ id: o.id, textTh: o.textTh, textEn: o.textEn ?? '' })),
  key: c.key,
  explanationTh: c.explanationTh || null,
  explanationEn: c.explanationEn || null,
});

const summary = (r: repo.ItemRow) => ({
  itemId: r.itemId,
  version: r.version,
  status: r.status,
  kind: r.kind,
  skillAreaCode: r.skillAreaCode,
  level: r.level,
});

/** An author writes a new item; it starts as a draft (version 1) that another author must review. */
export async function createItem(ctx: Ctx, body: CreateItemBody): Promise<repo.ItemRow> {
  const actor = authorize(ctx, isAuthor, undefined);
  return ctx.db.transaction(async (tx) => {
    await checkItemContent(tx, body);
    const imageFileId = body.image ? await storeImage(tx, ctx, body.image) : null;
    const item = await repo.insertItem(tx, {
      itemId: randomUUID(),
      version: 1,
      status: 'draft',
      ...contentValues(body),
      imageFileId,
      authorId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.item_created',
      subjectType: 'assessment_item',
      subjectId: item.id,
      summary: summary(item),
    });
    return item;
  });
}

/** The version, or 404 (items are visible to authors only). */
async function loadItem(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const actor = requireActor(ctx);
  if (!isAuthor(actor)) throw AppError.forbidden();
  const item = await repo.findItem(db, id, opts);
  if (!item) throw AppError.notFound('item');
  return item;
}

/**
 * Edits an item. A draft changes in place. An active item keeps serving tests while its edit becomes a new
 * draft version (one draft at a time: 409 `assessment.item_draft_exists`). `version` must be the version the
 * editor loaded (409 `assessment.item_version_conflict` if a newer one exists). Returns the version written.
 */
export async function updateItem(ctx: Ctx, id: string, body: UpdateItemBody): Promise<repo.ItemRow> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const item = await loadItem(ctx, tx, id);
    authorize(ctx, canEditItem, item);
    const versions = await repo.lockItemVersions(tx, item.itemId);
    if (body.version !== item.version) {
      throw AppError.conflict('assessment.item_version_conflict', `you edited version ${body.version}; this is version ${item.version}`);
    }
    const current = versions.find((v) => v.id === item.id) as repo.ItemRow;
    if (current.status !== 'draft' && current.status !== 'active')
      throw AppError.conflict('assessment.item_illegal_transition', `a ${current.status} item cannot be edited`);
    await checkItemContent(tx, body);
    let imageFileId = body.removeImage ? null : current.imageFileId;
    if (body.image) imageFileId = await storeImage(tx, ctx, body.image);
    let written: repo.ItemRow;
    if (current.status === 'draft') {
      written = await repo.updateItem(tx, current.id, {
        ...contentValues(body),
        imageFileId,
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: null,
      });
    } else {
      const draft = versions.find((v) => v.status === 'draft');
      if (draft)
        throw AppError.conflict('assessment.item_draft_exists', `version ${draft.version} is already a draft of this item: edit that one`);
      written = await repo.insertItem(tx, {
        itemId: current.itemId,
        version: Math.max(...versions.map((v) => v.version)) + 1,
        status: 'draft',
        ...contentValues(body),
        imageFileId,
        isSample: false,
        authorId: actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'assessment.item_updated',
      subjectType: 'assessment_item',
      subjectId: written.id,
      summary: { ...summary(written), from: current.id },
    });
    return written;
  });
}

/**
 * A second author reviews a draft: approve makes it the active version (the previous active one is
 * superseded; attempts that were given it keep it), return keeps it a draft with the comment. The author of
 * the version cannot review it (403 `assessment.self_review`).
 */
export async function reviewItem(ctx: Ctx, id: string, body: ReviewItemBody): Promise<repo.ItemRow> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const item = await loadItem(ctx, tx, id);
    const versions = await repo.lockItemVersions(tx, item.itemId);
    const current = versions.find((v) => v.id === item.id) as repo.ItemRow;
    if (current.status !== 'draft') throw AppError.conflict('assessment.item_not_draft', `a ${current.status} item is not awaiting review`);
    if (current.authorId === actor.userId) throw new AppError('assessment.self_review', 'a second author reviews an item, not its author');
    authorize(ctx, canReviewItem, current);
    if (body.decision === 'return' && !body.comment)
      throw AppError.invalid([{ path: 'body.comment', message: 'say what to change', code: 'assessment.comment_required' }]);
    const now = new Date();
    let written: repo.ItemRow;
    if (body.decision === 'approve') {
      const active = versions.find((v) => v.status === 'active');
      if (active) await repo.updateItem(tx, active.id, { status: 'superseded' });
      written = await repo.updateItem(tx, current.id, {
        status: 'active',
        reviewedBy: actor.userId,
        reviewedAt: now,
        reviewComment: body.comment ?? null,
      });
    } else {
      written = await repo.updateItem(tx, current.id, { reviewedBy: actor.userId, reviewedAt: now, reviewComment: body.comment ?? null });
    }
    if (current.authorId) {
      const approved = body.decision === 'approve';
      await notifyUsers(tx, ctx.config, [current.authorId], {
        kind: approved ? 'assessment.item_approved' : 'assessment.item_returned',
        titleTh: approved ? 'ข้อสอบผ่านการทบทวนและพร้อมใช้' : 'ข้อสอบถูกส่งกลับให้แก้ไข',
        titleEn: approved ? 'Your item was approved and is in use' : 'Your item was returned for changes',
        bodyTh: `${current.stemTh.slice(0, 120)}${body.comment ? `\n${body.comment}` : ''}`,
        bodyEn: `${(current.stemEn || current.stemTh).slice(0, 120)}${body.comment ? `\n${body.comment}` : ''}`,
        link: `/assessment/items/${current.id}`,
      });
    }
    await recordAudit(tx, ctx, {
      action: body.decision === 'approve' ? 'assessment.item_approved' : 'assessment.item_returned',
      subjectType: 'assessment_item',
      subjectId: current.id,
      summary: { ...summary(written), comment: body.comment ?? null },
    });
    return written;
  });
}

/** Takes an item out of use: new forms no longer draw it; attempts that had it keep it. */
export async function retireItem(ctx: Ctx, id: string): Promise<repo.ItemRow> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadItem(ctx, tx, id);
    await repo.lockItemVersions(tx, item.itemId);
    const current = (await repo.findItem(tx, id)) as repo.ItemRow;
    if (!canRetireItem(requireActor(ctx), current))
      throw AppError.conflict('assessment.item_illegal_transition', `a ${current.status} item cannot be retired`);
    const written = await repo.updateItem(tx, current.id, { status: 'retired', retiredAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'assessment.item_retired',
      subjectType: 'assessment_item',
      subjectId: id,
      summary: summary(written),
    });
    return written;
  });
}

export async function getItem(ctx: Ctx, id: string) {
  const item = await loadItem(ctx, ctx.db, id);
  const [versions, names] = await Promise.all([
    repo.findVersions(ctx.db, item.itemId),
    repo.userNames(ctx.db, [item.authorId, item.reviewedBy]),
  ]);
  return { item, versions, names };
}

export async function listItems(ctx: Ctx, q: ListItemsQuery) {
  const actor = authorize(ctx, isAuthor, undefined);
  const { rows, total } = await repo.listItems(
    ctx.db,
    { ...q, reviewQueueFor: q.reviewQueue === 'true' ? actor.userId : undefined },
    q.page,
    q.pageSize,
  );
  return { rows, total, page: q.page, pageSize: q.pageSize };
}

/** An item's image, for authors (candidates get theirs through their attempt). */
export async function getItemImage(ctx: Ctx, id: string) {
  const item = await loadItem(ctx, ctx.db, id);
  if (!item.imageFileId) throw AppError.notFound('image');
  const file = await repo.findFile(ctx.db, item.imageFileId);
  if (!file) throw AppError.notFound('image');
  return file;
}
