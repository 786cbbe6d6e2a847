import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type AgencyRow = typeof agencies.$inferSelect;

/** Agencies matching a name or code fragment, optionally the children of one agency, in tree order. */
export async function listAgencies(db: Db, f: { q?: string; parentId?: string; limit: number; offset: number }) {
  const like = f.q ? containsPattern(f.q) : null;
  const where = and(
    like ? sql`(${agencies.nameTh} ilike ${like} or ${agencies.nameEn} ilike ${like} or ${agencies.code} ilike ${like})` : undefined,
    f.parentId ? eq(agencies.parentId, f.parentId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select().from(agencies).where(where).orderBy(agencies.path, agencies.code).limit(f.limit).offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(agencies).where(where),
  ]);
  return { items, total };
}
