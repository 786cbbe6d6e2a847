import { eq, type SQL, sql } from 'drizzle-orm';
import type { ListArticlesQuery, SearchArticlesQuery } from '../../../../common/contracts/hub.js';
import { type Db, queryRows } from '../../db/client.js';
import { files, hubArticles, users } from '../../db/schema/index.js';
import { rankTerms } from '../../lib/rank-terms.js';
import { sqlIntArray, sqlTextArray } from '../../lib/text-search.js';

export type ArticleRow = typeof hubArticles.$inferSelect;
export type ArticleValues = Omit<typeof hubArticles.$inferInsert, 'searchVector' | 'titleTerms' | 'searchText'>;

/** The words search indexes, already segmented (lib/thai-search `searchDocument`). */
export interface ArticleDocuments {
  titles: string;
  titleEn: string;
  summary: string;
  body: string;
  english: string;
}

/** The search columns: the same weights as the catalogue (titles A, summary and tags B, body C). */
function searchColumns(d: ArticleDocuments, titleTh: string, titleEn: string) {
  return {
    searchVector: sql`setweight(to_tsvector('simple', ${d.titles}), 'A') || setweight(to_tsvector('english', ${d.titleEn}), 'A')
      || setweight(to_tsvector('simple', ${d.summary}), 'B')
      || setweight(to_tsvector('simple', ${d.body}), 'C') || setweight(to_tsvector('english', ${d.english}), 'C')` as unknown as string,
    titleTerms: rankTerms(d.titles.split(' '), { prefixes: true }),
    searchText: `${titleTh} ${titleEn}`.trim().toLowerCase(),
  };
}

export async function insertArticle(tx: Db, values: ArticleValues, docs: ArticleDocuments): Promise<ArticleRow> {
  const [row] = await tx
    .insert(hubArticles)
    .values({ ...values, ...searchColumns(docs, values.titleTh, values.titleEn ?? '') })
    .returning();
  return row;
}

export async function updateArticle(tx: Db, id: string, values: Partial<ArticleValues>, docs?: ArticleDocuments): Promise<ArticleRow> {
  const search = docs ? searchColumns(docs, values.titleTh ?? '', values.titleEn ?? '') : {};
  const [row] = await tx
    .update(hubArticles)
    .set({ ...values, ...search, updatedAt: new Date() })
    .where(eq(hubArticles.id, id))
    .returning();
  return row;
}

export async function findArticle(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ArticleRow | undefined> {
  const q = db.select().from(hubArticles).where(eq(hubArticles.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(hubArticles).where(eq(hubArticles.slug, slug)).limit(1);
  return row;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from hub_articles where slug = ${slug} ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`,
  );
  return rows.length > 0;
}

export async function findAuthorName(db: Db, userId: string): Promise<string> {
  const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
  return u?.name ?? '';
}

export async function insertFile(tx: Db, row: typeof files.$inferInsert) {
  const [f] = await tx.insert(files).values(row).returning({ id: files.id });
  return f;
}

/** A cover picture with whether a published article shows it. */
export async function findCover(db: Db, fileId: string) {
  const rows = await queryRows<{ mime_type: string; content: Buffer | Uint8Array; published: boolean }>(
    db,
    sql`select f.mime_type, f.content, exists (select 1 from hub_articles a where a.cover_file_id = f.id and a.status = 'published') as published
        from files f where f.id = ${fileId} and f.kind = 'article_cover'`,
  );
  return rows[0];
}

/** Article columns lists need (no bodies, no search columns). */
const SUMMARY_COLUMNS = sql.raw(`a.id, a.slug, a.kind, a.topic, a.tags, a.title_th, a.title_en, a.summary_th, a.summary_en, a.status,
  a.published_at, a.updated_at, a.cover_file_id`);

export interface SummaryRow {
  id: string;
  slug: string;
  kind: string;
  topic: string;
  tags: string[];
  title_th: string;
  title_en: string;
  summary_th: string;
  summary_en: string;
  status: string;
  published_at: Date | string | null;
  updated_at: Date | string;
  cover_file_id: string | null;
}

function filters(q: { kind?: string; topic?: string[]; tag?: string }, status: 'published' | 'draft' | 'all'): SQL {
  const conds: SQL[] = [];
  if (status !== 'all') conds.push(sql`a.status = ${status}`);
  if (q.kind) conds.push(sql`a.kind = ${q.kind}`);
  if (q.topic?.length) conds.push(sql`a.topic = any(${sqlTextArray(q.topic)})`);
  if (q.tag) conds.push(sql`a.tags @> ${sqlTextArray([q.tag])}`);
  return conds.length ? sql.join(conds, sql` and `) : sql`true`;
}

const ORDER: Record<ListArticlesQuery['sort'], string> = {
  newest: 'coalesce(a.published_at, a.updated_at) desc, a.id',
  oldest: 'coalesce(a.published_at, a.updated_at) asc, a.id',
  title: 'a.title_th collate "C" asc, a.id',
};

export async function listArticles(db: Db, q: ListArticlesQuery): Promise<{ rows: SummaryRow[]; total: number }> {
  const where = filters(q, q.status);
  const rows = await queryRows<SummaryRow & { total: number }>(
    db,
    sql`select ${SUMMARY_COLUMNS}, count(*) over ()::int as total from hub_articles a where ${where}
        order by ${sql.raw(ORDER[q.sort])} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  if (rows.length === 0 && q.page > 1) {
    const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from hub_articles a where ${where}`);
    return { rows: [], total: c.n };
  }
  return { rows, total: rows[0]?.total ?? 0 };
}

export type ArticleMatch = { kind: 'fulltext'; tokens: string[] } | { kind: 'similar'; q: string };

/**
 * Published articles matching the words, best first (the catalogue's matching and ranking, decision 007):
 * every query word as a word of the article (the last also as a prefix, or as an English stem), ranked by
 * the words found in the title (twice), then the text rank; or, as the fallback, titles that look alike
 * by trigrams (the caller sets the threshold for its transaction).
 */
export async function searchArticles(db: Db, q: SearchArticlesQuery, m: ArticleMatch): Promise<{ rows: SummaryRow[]; total: number }> {
  const where = filters(q, 'published');
  const match = m.kind === 'fulltext' ? sql`a.search_vector @@ catalog_query(${sqlTextArray(m.tokens)})` : sql`${m.q} <% a.search_text`;
  const rank =
    m.kind === 'fulltext'
      ? sql`(select 2 * count(*) + count(*)::real / greatest(cardinality(a.title_terms), 1) from unnest(a.title_terms) t
              where t = any(${sqlIntArray(rankTerms(m.tokens))})) + ts_rank(a.search_vector, catalog_query(${sqlTextArray(m.tokens)}))`
      : sql`word_similarity(${m.q}, a.search_text)`;
  const rows = await queryRows<SummaryRow & { total: number }>(
    db,
    sql`select ${SUMMARY_COLUMNS}, count(*) over ()::int as total from hub_articles a where ${where} and ${match}
        order by ${rank} desc, a.published_at desc, a.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Published articles by id (the curriculum's items), with their slugs and titles. */
export async function findSummariesByIds(db: Db, ids: readonly string[], opts: { publishedOnly: boolean }): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  return queryRows<SummaryRow>(
    db,
    sql`select ${SUMMARY_COLUMNS} from hub_articles a where a.id = any(${sql`${`{${ids.join(',')}}`}::uuid[]`})
        ${opts.publishedOnly ? sql`and a.status = 'published'` : sql``}`,
  );
}
