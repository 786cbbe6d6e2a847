import { createHash } from 'node:crypto';
import {
  ARTICLE_COVER_MAX_BYTES,
  type ArticleList,
  type ArticleSearchResult,
  type ArticleView,
  type CreateArticleBody,
  CreateArticleBody as CreateArticleSchema,
  type ListArticlesQuery,
  type SearchArticlesQuery,
  type UpdateArticleBody,
  UpdateArticleBody as UpdateArticleSchema,
} from '../../../../common/contracts/hub.js';
import { AppError } from '../../../../common/errors.js';
import { markdownText } from '../../../../common/markdown.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { applySimilarityThreshold } from '../../lib/text-search.js';
import { highlight, queryTokens, searchDocument } from '../../lib/thai-search.js';
import { recordAudit } from '../audit/service.js';
import { catalogCourseCards } from '../catalog/service.js';
import { canAuthor, canEditArticle, canPublish, canReadArticle } from './policy.js';
import { presentArticle, presentSummary } from './present.js';
import * as repo from './repository.js';

export type ArticleInput = ReturnType<typeof CreateArticleSchema.parse>;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The cover decoded and checked: at most 2 MB, and its bytes are what its type says. */
function checkCover(cover: NonNullable<ArticleInput['cover']>): Buffer {
  const bytes = Buffer.from(cover.dataBase64, 'base64');
  if (bytes.length === 0) throw AppError.invalid([{ path: 'body.cover', message: 'the picture is empty', code: 'image_empty' }]);
  if (bytes.length > ARTICLE_COVER_MAX_BYTES) throw new AppError('payload_too_large', 'the cover may be at most 2 MB');
  if (!MAGIC[cover.contentType](bytes)) throw new AppError('unsupported_media_type', `the file is not ${cover.contentType}`);
  return bytes;
}

/** The segmented words search indexes (the catalogue's segmenter, decision 007). */
export function documentsOf(a: ArticleInput): repo.ArticleDocuments {
  const bodyTh = markdownText(a.bodyTh);
  const bodyEn = a.bodyEn ? markdownText(a.bodyEn) : '';
  return {
    titles: searchDocument(a.titleTh, a.titleEn),
    titleEn: a.titleEn ?? '',
    summary: searchDocument(a.summaryTh, a.summaryEn, ...a.tags),
    body: searchDocument(bodyTh, bodyEn),
    english: [a.summaryEn, bodyEn].filter(Boolean).join(' '),
  };
}

/** Linked courses must be in the public catalogue; the unknown ones are named by position. */
async function checkCourses(db: Db, ids: readonly string[]) {
  const found = new Set((await catalogCourseCards(db, ids)).map((c) => c.id));
  const errors = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `body.courseIds.${i}`, message: 'not a course of the catalogue', code: 'hub.unknown_course' }],
  );
  if (errors.length) throw AppError.invalid(errors);
}

async function checkSlug(db: Db, slug: string, exceptId?: string) {
  if (await repo.slugTaken(db, slug, exceptId)) {
    throw new AppError('hub.slug_taken', 'another article has this address', {
      errors: [{ path: 'body.slug', message: 'taken', code: 'hub.slug_taken' }],
    });
  }
}

async function storeCover(tx: Db, ctx: Ctx, a: ArticleInput): Promise<string | null> {
  if (!a.cover) return null;
  const bytes = checkCover(a.cover);
  const file = await repo.insertFile(tx, {
    ownerUserId: ctx.actor?.userId ?? null,
    kind: 'article_cover',
    filename: a.cover.filename?.slice(0, 200) || 'cover',
    mimeType: a.cover.contentType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  });
  return file.id;
}

function contentValues(a: ArticleInput) {
  return {
    slug: a.slug,
    kind: a.kind,
    topic: a.topic,
    tags: [...new Set(a.tags)],
    titleTh: a.titleTh,
    titleEn: a.titleEn ?? '',
    summaryTh: a.summaryTh,
    summaryEn: a.summaryEn ?? '',
    bodyTh: a.bodyTh,
    bodyEn: a.bodyEn ?? '',
    coverAltTh: a.coverAltTh ?? null,
    courseIds: a.courseIds,
  };
}

async function view(ctx: Ctx, row: repo.ArticleRow): Promise<ArticleView> {
  return presentArticle(row, {
    actor: ctx.actor,
    courses: await catalogCourseCards(ctx.db, row.courseIds),
    authorName: await repo.findAuthorName(ctx.db, row.authorId),
    baseUrl: ctx.config.BASE_URL,
  });
}

/** A draft article or news item (coordinators, central monitors, system admins). */
export async function createArticle(ctx: Ctx, body: CreateArticleBody): Promise<ArticleView> {
  const actor = authorize(ctx, canAuthor, undefined);
  const a = CreateArticleSchema.parse(body);
  const row = await ctx.db.transaction(async (tx) => {
    await checkSlug(tx, a.slug);
    await checkCourses(tx, a.courseIds);
    const coverFileId = await storeCover(tx, ctx, a);
    const created = await repo.insertArticle(
      tx,
      { ...contentValues(a), coverFileId, authorId: actor.userId, updatedBy: actor.userId },
      documentsOf(a),
    );
    await recordAudit(tx, ctx, {
      action: 'article.created',
      subjectType: 'hub_article',
      subjectId: created.id,
      summary: { slug: a.slug, kind: a.kind, topic: a.topic },
    });
    return created;
  });
  return view(ctx, row);
}

/** Saves a new version of an article (the version edited must be the current one). */
export async function updateArticle(ctx: Ctx, id: string, body: UpdateArticleBody): Promise<ArticleView> {
  const a = UpdateArticleSchema.parse(body);
  const row = await ctx.db.transaction(async (tx) => {
    const current = await repo.findArticle(tx, id, { forUpdate: true });
    if (!current) throw AppError.notFound('article');
    const actor = authorize(ctx, canEditArticle, current);
    if (current.version !== a.version) throw AppError.conflict('hub.version_conflict', 'the article was saved by someone else meanwhile');
    await checkSlug(tx, a.slug, id);
    await checkCourses(tx, a.courseIds);
    const newCover = await storeCover(tx, ctx, a);
    const coverFileId = newCover ?? (a.removeCover ? null : current.coverFileId);
    const updated = await repo.updateArticle(
      tx,
      id,
      { ...contentValues(a), coverFileId, version: current.version + 1, updatedBy: actor.userId },
      documentsOf(a),
    );
    const changed = (Object.keys(contentValues(a)) as (keyof ReturnType<typeof contentValues>)[]).filter(
      (k) => JSON.stringify(current[k]) !== JSON.stringify(updated[k]),
    );
    await recordAudit(tx, ctx, {
      action: 'article.updated',
      subjectType: 'hub_article',
      subjectId: id,
      summary: { version: updated.version, changed: coverFileId !== current.coverFileId ? [...changed, 'cover'] : changed },
    });
    return updated;
  });
  return view(ctx, row);
}

async function setStatus(ctx: Ctx, id: string, status: 'published' | 'draft'): Promise<ArticleView> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await repo.findArticle(tx, id, { forUpdate: true });
    if (!current) throw AppError.notFound('article');
    authorize(ctx, canPublish, undefined);
    if (current.status === status) return current;
    const updated = await repo.updateArticle(tx, id, {
      status,
      publishedAt: status === 'published' ? (current.publishedAt ?? new Date()) : current.publishedAt,
    });
    await recordAudit(tx, ctx, {
      action: status === 'published' ? 'article.published' : 'article.unpublished',
      subjectType: 'hub_article',
      subjectId: id,
      summary: { slug: current.slug },
    });
    return updated;
  });
  return view(ctx, row);
}

/** Makes an article public (central monitors, system admins); the first publication date is kept. */
export const publishArticle = (ctx: Ctx, id: string) => setStatus(ctx, id, 'published');

/** Takes an article off the public hub; it becomes a draft again. */
export const unpublishArticle = (ctx: Ctx, id: string) => setStatus(ctx, id, 'draft');

/** Published articles for everyone, newest first by default; authors may also list drafts. */
export async function listArticles(ctx: Ctx, q: ListArticlesQuery): Promise<ArticleList> {
  if (q.status !== 'published') authorize(ctx, canAuthor, undefined);
  const { rows, total } = await repo.listArticles(ctx.db, q);
  return { items: rows.map((r) => presentSummary(r)), total, page: q.page, pageSize: q.pageSize };
}

/** One article by its address: published ones for everyone, drafts for authors (otherwise not found). */
export async function getArticle(ctx: Ctx, slug: string): Promise<ArticleView> {
  const row = await repo.findArticleBySlug(ctx.db, slug);
  if (!row || !canReadArticle(ctx.actor, row)) throw AppError.notFound('article');
  return view(ctx, row);
}

/**
 * Public search of published articles with the catalogue's Thai search: the query cut by the same
 * segmenter as the index, every word matched (the last as a prefix); when nothing matches word for word,
 * titles that look alike (typos, partial words). Titles and summaries come back with the words marked.
 */
export async function searchArticles(ctx: Ctx, q: SearchArticlesQuery): Promise<ArticleSearchResult> {
  const tokens = queryTokens(q.q);
  let match: repo.ArticleMatch = { kind: 'fulltext', tokens };
  let found = tokens.length ? await repo.searchArticles(ctx.db, q, match) : { rows: [], total: 0 };
  if (found.total === 0) {
    match = { kind: 'similar', q: q.q.normalize('NFC').toLowerCase() };
    const similar = match;
    found = await ctx.db.transaction(async (tx) => {
      await applySimilarityThreshold(tx);
      return repo.searchArticles(tx, q, similar);
    });
  }
  const marks = match.kind === 'similar' ? [match.q] : tokens;
  return {
    items: found.rows.map((r) =>
      presentSummary(r, { titleParts: highlight(r.title_th, marks, 300), snippet: highlight(r.summary_th || r.summary_en, marks, 200) }),
    ),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
    mode: match.kind,
  };
}

/** A cover picture: public once its article is published, otherwise for authors. */
export async function getArticleCover(ctx: Ctx, fileId: string) {
  const cover = await repo.findCover(ctx.db, fileId);
  if (!cover || !(cover.published || canAuthor(ctx.actor))) throw AppError.notFound('cover');
  return { mimeType: cover.mime_type, content: Buffer.from(cover.content), published: cover.published };
}

/** Published articles by id, for other modules (the volunteer curriculum). */
export async function articleSummaries(db: Db, ids: readonly string[]) {
  return (await repo.findSummariesByIds(db, ids, { publishedOnly: false })).map((r) => presentSummary(r));
}
