import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, providers, roleGrants, users } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export async function listUsers(db: Db, f: { q?: string; role?: string; limit: number; offset: number }) {
  const where = and(
    f.q ? sql`(${users.email} ilike ${containsPattern(f.q)} or ${users.displayName} ilike ${containsPattern(f.q)})` : undefined,
    f.role
      ? sql`exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${users.id} and ${roleGrants.role} = ${f.role})`
      : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(users.email).limit(f.limit).offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total };
}

export async function insertUser(db: Db, row: typeof users.$inferInsert) {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted;
}

export async function insertGrant(db: Db, row: typeof roleGrants.$inferInsert) {
  const [inserted] = await db.insert(roleGrants).values(row).returning();
  return inserted;
}

export async function deleteGrant(db: Db, id: string) {
  await db.delete(roleGrants).where(eq(roleGrants.id, id));
}

export async function agencyExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).limit(1);
  return !!row;
}

export async function providerExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, id)).limit(1);
  return !!row;
}
