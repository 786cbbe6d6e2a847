import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { files } from './accreditation.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The knowledge hub (decision 012): articles and news for volunteers and the public, Thai first, with
 * links to catalogue courses. The body is a small Markdown subset (never HTML). Search uses the catalogue's
 * Thai search (decision 007): the same segmenter fills `search_vector` (titles weight A, summary B, body C),
 * `catalog_query` matches it, `title_terms` rank it, and `search_text` (the titles) carries the trigram fallback.
 */
export const hubArticles = pgTable(
  'hub_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    /** article | news */
    kind: text('kind').notNull(),
    /** One of the volunteer activity topics (common/contracts/volunteers.ts ACTIVITY_TOPICS). */
    topic: text('topic').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull().default(''),
    summaryTh: text('summary_th').notNull(),
    summaryEn: text('summary_en').notNull().default(''),
    bodyTh: text('body_th').notNull(),
    bodyEn: text('body_en').notNull().default(''),
    coverFileId: uuid('cover_file_id').references(() => files.id),
    coverAltTh: text('cover_alt_th'),
    /** Catalogue courses shown as cards under the article, in order. */
    courseIds: uuid('course_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** draft → published → draft (unpublished). */
    status: text('status').notNull().default('draft'),
    publishedAt: ts('published_at'),
    /** Bumped by every save; an update names the version it edits (a stale one → 409). */
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    searchVector: tsvector('search_vector').notNull(),
    titleTerms: integer('title_terms').array().notNull(),
    searchText: text('search_text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hub_articles_slug_key').on(t.slug),
    index('hub_articles_published_idx').on(t.status, t.publishedAt),
    index('hub_articles_topic_idx').on(t.topic, t.publishedAt),
    index('hub_articles_tags_idx').using('gin', t.tags),
    index('hub_articles_search_idx').using('gin', t.searchVector),
    index('hub_articles_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    check('hub_articles_kind_check', sql`${t.kind} in ('article', 'news')`),
    check('hub_articles_status_check', sql`${t.status} in ('draft', 'published')`),
  ],
);
