import { z } from 'zod';
import { CatalogCourseSummary } from './catalog.js';
import { PageQuery } from './shared.js';
import { ACTIVITY_TOPICS } from './volunteers.js';

/** Knowledge hub (decision 012): articles and news for volunteers and the public, Thai first. */

export const ARTICLE_KINDS = ['article', 'news'] as const;
export const ArticleKind = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKind>;

/** Topics are the volunteer activity topics, so a volunteer finds what helps with the help they give. */
export const ArticleTopic = z.enum(ACTIVITY_TOPICS);
export type ArticleTopic = z.infer<typeof ArticleTopic>;

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** At most 2 MB, like other uploaded pictures. */
export const ARTICLE_COVER_MAX_BYTES = 2 * 1024 * 1024;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .or(z.literal('').transform(() => undefined));

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

/** Lower-case latin letters, digits and dashes: the article's public address (`/hub/<slug>`). */
export const ArticleSlug = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes');

export const ArticleCoverUpload = z.object({
  filename: z.string().max(200).optional(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  dataBase64: z.string().min(1).max(3_000_000),
});

const tag = z.string().trim().min(1).max(40);

export const CreateArticleBody = z.object({
  slug: ArticleSlug,
  kind: ArticleKind,
  topic: ArticleTopic,
  tags: z.array(tag).max(10).default([]),
  titleTh: z.string().trim().min(5).max(200),
  titleEn: optionalText(200),
  summaryTh: z.string().trim().min(10).max(500),
  summaryEn: optionalText(500),
  /** Markdown subset: paragraphs, headings (##, ###), lists, links, **bold**, *italic*. HTML is shown as text. */
  bodyTh: z.string().trim().min(20).max(50_000),
  bodyEn: optionalText(50_000),
  courseIds: z.array(z.uuid()).max(10).default([]),
  cover: ArticleCoverUpload.optional(),
  coverAltTh: optionalText(200),
});
export type CreateArticleBody = z.input<typeof CreateArticleBody>;

export const UpdateArticleBody = CreateArticleBody.extend({
  /** The version being edited; another save since → 409 `hub.version_conflict`. */
  version: z.number().int().min(1),
  /** Drops the current cover when true and no new one is sent. */
  removeCover: z.boolean().optional(),
});
export type UpdateArticleBody = z.input<typeof UpdateArticleBody>;

export const ArticleSlugParams = z.object({ slug: z.string().min(1).max(80) });

export const ListArticlesQuery = PageQuery.extend({
  kind: ArticleKind.optional(),
  topic: list(ArticleTopic),
  tag: z.string().trim().max(40).optional(),
  sort: z.enum(['newest', 'oldest', 'title']).default('newest'),
  /** Editors only: drafts and published (`all`), or drafts alone. */
  status: z.enum(['published', 'draft', 'all']).default('published'),
});
export type ListArticlesQuery = z.infer<typeof ListArticlesQuery>;

export const SearchArticlesQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200),
  kind: ArticleKind.optional(),
  topic: list(ArticleTopic),
  tag: z.string().trim().max(40).optional(),
});
export type SearchArticlesQuery = z.infer<typeof SearchArticlesQuery>;

export const TextPart = z.object({ text: z.string(), match: z.boolean() });
export type TextPart = z.infer<typeof TextPart>;

export const ArticleSummary = z.object({
  id: z.string(),
  slug: z.string(),
  kind: ArticleKind,
  topic: ArticleTopic,
  tags: z.array(z.string()),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  coverUrl: z.string().nullable(),
  /** Search only: the title and an excerpt with the query's words marked. */
  titleParts: z.array(TextPart).optional(),
  snippet: z.array(TextPart).optional(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleList = z.object({
  items: z.array(ArticleSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ArticleList = z.infer<typeof ArticleList>;

export const ArticleSearchResult = ArticleList.extend({ mode: z.enum(['fulltext', 'similar']) });
export type ArticleSearchResult = z.infer<typeof ArticleSearchResult>;

export const ArticleView = ArticleSummary.extend({
  bodyTh: z.string(),
  bodyEn: z.string(),
  coverAltTh: z.string().nullable(),
  version: z.number(),
  courseIds: z.array(z.string()),
  /** The linked catalogue courses still public, in order (as cards). */
  courses: z.array(CatalogCourseSummary),
  authorName: z.string(),
  /** schema.org Article (published articles only). */
  jsonLd: z.record(z.string(), z.unknown()).nullable(),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), unpublish: z.boolean() }),
});
export type ArticleView = z.infer<typeof ArticleView>;
