import { and, asc, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { assessmentItems, files, frameworks, users } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type ItemRow = typeof assessmentItems.$inferSelect;

export async function insertItem(db: Db, row: typeof assessmentItems.$inferInsert): Promise<ItemRow> {
  const [item] = await db.insert(assessmentItems).values(row).returning();
  return item;
}

export async function insertItems(db: Db, rows: (typeof assessmentItems.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await db.insert(assessmentItems).values(rows).returning({ id: assessmentItems.id });
  return out.length;
}

export async function findItem(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ItemRow | undefined> {
  const q = db.select().from(assessmentItems).where(eq(assessmentItems.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Every version of an item, newest first. */
export function findVersions(db: Db, itemId: string) {
  return db
    .select({
      id: assessmentItems.id,
      version: assessmentItems.version,
      status: assessmentItems.status,
      updatedAt: assessmentItems.updatedAt,
    })
    .from(assessmentItems)
    .where(eq(assessmentItems.itemId, itemId))
    .orderBy(desc(assessmentItems.version));
}

export async function lockItemVersions(db: Db, itemId: string): Promise<ItemRow[]> {
  return db.select().from(assessmentItems).where(eq(assessmentItems.itemId, itemId)).orderBy(desc(assessmentItems.version)).for('update');
}

export async function updateItem(db: Db, id: string, values: Partial<typeof assessmentItems.$inferInsert>): Promise<ItemRow> {
  const [row] = await db
    .update(assessmentItems)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(assessmentItems.id, id))
    .returning();
  return row;
}

export async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface ItemFilter {
  q?: string;
  status?: string;
  kind?: string;
  frameworkId?: string;
  skillAreaCode?: string;
  level?: number;
  /** Drafts not written by this user (the review queue). */
  reviewQueueFor?: string;
}

function where(f: ItemFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(assessmentItems.status, f.status));
  else conds.push(ne(assessmentItems.status, 'superseded'));
  if (f.kind) conds.push(eq(assessmentItems.kind, f.kind));
  if (f.frameworkId) conds.push(eq(assessmentItems.frameworkId, f.frameworkId));
  if (f.skillAreaCode) conds.push(eq(assessmentItems.skillAreaCode, f.skillAreaCode));
  if (f.level) conds.push(eq(assessmentItems.level, f.level));
  if (f.reviewQueueFor) {
    conds.push(eq(assessmentItems.status, 'draft'));
    conds.push(sql`${assessmentItems.authorId} is distinct from ${f.reviewQueueFor}`);
  }
  if (f.q) {
    const p = containsPattern(f.q);
    const byText = or(ilike(assessmentItems.stemTh, p), ilike(assessmentItems.stemEn, p), ilike(assessmentItems.unitCode, p));
    if (byText) conds.push(byText);
  }
  return conds.length ? and(...conds) : undefined;
}

/** A page of items (latest versions first by last change), with the author's name. */
export async function listItems(db: Db, f: ItemFilter, page: number, pageSize: number) {
  const author = alias(users, 'author');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ item: assessmentItems, authorName: author.displayName })
      .from(assessmentItems)
      .leftJoin(author, eq(author.id, assessmentItems.authorId))
      .where(where(f))
      .orderBy(desc(assessmentItems.updatedAt), asc(assessmentItems.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(assessmentItems).where(where(f)),
  ]);
  return { rows, total };
}

/** Items for export, with their framework's code, oldest first. */
export function exportItems(db: Db, f: ItemFilter) {
  return db
    .select({ item: assessmentItems, frameworkCode: frameworks.code })
    .from(assessmentItems)
    .innerJoin(frameworks, eq(frameworks.id, assessmentItems.frameworkId))
    .where(where(f))
    .orderBy(asc(assessmentItems.createdAt), asc(assessmentItems.itemId), asc(assessmentItems.version));
}

export async function insertFile(db: Db, row: typeof files.$inferInsert) {
  const [file] = await db.insert(files).values(row).returning({ id: files.id });
  return file;
}

export async function findFile(db: Db, id: string) {
  const [file] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return file;
}

/** Active items available per skill area and level of a framework. */
export async function activeSupply(db: Db, frameworkId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ code: assessmentItems.skillAreaCode, level: assessmentItems.level, n: sql<number>`count(*)::int` })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.frameworkId, frameworkId), eq(assessmentItems.status, 'active')))
    .groupBy(assessmentItems.skillAreaCode, assessmentItems.level);
  return new Map(rows.map((r) => [`${r.code}:${r.level}`, Number(r.n)]));
}

/** The active versions of a framework's items at the given (area, level) pairs, in a stable order. */
export function activePool(db: Db, frameworkId: string, areas: string[]) {
  return db
    .select()
    .from(assessmentItems)
    .where(
      and(
        eq(assessmentItems.frameworkId, frameworkId),
        eq(assessmentItems.status, 'active'),
        inArray(assessmentItems.skillAreaCode, areas),
      ),
    )
    .orderBy(asc(assessmentItems.skillAreaCode), asc(assessmentItems.level), asc(assessmentItems.itemId));
}

export async function frameworkByCode(db: Db, code: string) {
  const [row] = await db.select({ id: frameworks.id, code: frameworks.code }).from(frameworks).where(eq(frameworks.code, code)).limit(1);
  return row;
}
