import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  providers,
  reviewerAffiliations,
  reviewerConflicts,
  reviewerExpertise,
  reviewers,
  roleGrants,
  users,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type ProviderRow = typeof providers.$inferSelect;
export type ReviewerRow = typeof reviewers.$inferSelect;

// ---------------------------------------------------------------- providers

export async function listProviders(db: Db, f: { q?: string; status?: string; limit: number; offset: number }) {
  const like = f.q ? containsPattern(f.q) : null;
  const where = and(
    like ? sql`(${providers.nameTh} ilike ${like} or ${providers.nameEn} ilike ${like})` : undefined,
    f.status ? eq(providers.status, f.status) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db.select().from(providers).where(where).orderBy(providers.nameEn).limit(f.limit).offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(providers).where(where),
  ]);
  return { items, total };
}

export async function findProvider(db: Db, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id)).limit(1);
  return row;
}

export async function lockProvider(db: Db, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id)).for('update').limit(1);
  return row;
}

export async function findProviderByTaxId(db: Db, taxId: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.taxId, taxId)).limit(1);
  return row;
}

export async function insertProvider(db: Db, row: typeof providers.$inferInsert): Promise<ProviderRow> {
  const [inserted] = await db.insert(providers).values(row).returning();
  return inserted;
}

export async function updateProviderDecision(
  db: Db,
  id: string,
  set: { status: string; decidedBy: string; rejectionReason: string | null },
) {
  const [row] = await db
    .update(providers)
    .set({ ...set, decidedAt: new Date() })
    .where(eq(providers.id, id))
    .returning();
  return row;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert) {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted;
}

export async function insertGrant(db: Db, row: typeof roleGrants.$inferInsert) {
  const [inserted] = await db.insert(roleGrants).values(row).onConflictDoNothing().returning();
  return inserted;
}

// ---------------------------------------------------------------- reviewers

export async function findReviewer(db: Db, id: string) {
  const [row] = await db
    .select({ reviewer: reviewers, displayName: users.displayName, email: users.email })
    .from(reviewers)
    .innerJoin(users, eq(users.id, reviewers.userId))
    .where(eq(reviewers.id, id))
    .limit(1);
  return row;
}

export async function findReviewerByUser(db: Db, userId: string) {
  const [row] = await db
    .select({ reviewer: reviewers, displayName: users.displayName, email: users.email })
    .from(reviewers)
    .innerJoin(users, eq(users.id, reviewers.userId))
    .where(eq(reviewers.userId, userId))
    .limit(1);
  return row;
}

/** Locks the reviewer row: decisions and assignments to one reviewer serialise on it. */
export async function lockReviewer(db: Db, id: string): Promise<ReviewerRow | undefined> {
  const [row] = await db.select().from(reviewers).where(eq(reviewers.id, id)).for('update').limit(1);
  return row;
}

export async function insertReviewer(
  db: Db,
  row: typeof reviewers.$inferInsert,
  expertise: { skillAreaCode: string; levelRank: number }[],
  affiliations: Omit<typeof reviewerAffiliations.$inferInsert, 'reviewerId'>[],
): Promise<ReviewerRow> {
  const [inserted] = await db.insert(reviewers).values(row).returning();
  if (expertise.length > 0) await db.insert(reviewerExpertise).values(expertise.map((e) => ({ reviewerId: inserted.id, ...e })));
  if (affiliations.length > 0) await db.insert(reviewerAffiliations).values(affiliations.map((a) => ({ reviewerId: inserted.id, ...a })));
  return inserted;
}

export async function updateReviewerDecision(
  db: Db,
  id: string,
  set: { status: string; decidedBy: string; rejectionReason: string | null },
) {
  const [row] = await db
    .update(reviewers)
    .set({ ...set, decidedAt: new Date() })
    .where(eq(reviewers.id, id))
    .returning();
  return row;
}

export async function insertConflict(db: Db, row: typeof reviewerConflicts.$inferInsert) {
  const [inserted] = await db.insert(reviewerConflicts).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Expertise, affiliations and conflicts of several reviewers, three queries in all. */
export async function findReviewerDetails(db: Db, ids: string[]) {
  if (ids.length === 0) return { expertise: [], affiliations: [], conflicts: [] };
  const [expertise, affiliations, conflicts] = await Promise.all([
    db.select().from(reviewerExpertise).where(inArray(reviewerExpertise.reviewerId, ids)).orderBy(asc(reviewerExpertise.skillAreaCode)),
    db
      .select()
      .from(reviewerAffiliations)
      .where(inArray(reviewerAffiliations.reviewerId, ids))
      .orderBy(asc(reviewerAffiliations.startDate)),
    db.select().from(reviewerConflicts).where(inArray(reviewerConflicts.reviewerId, ids)).orderBy(asc(reviewerConflicts.declaredAt)),
  ]);
  return { expertise, affiliations, conflicts };
}

export async function listReviewers(db: Db, f: { status?: string; skillAreaCode?: string; limit: number; offset: number }) {
  const where = and(
    f.status ? eq(reviewers.status, f.status) : undefined,
    f.skillAreaCode
      ? sql`exists (select 1 from ${reviewerExpertise} where ${reviewerExpertise.reviewerId} = ${reviewers.id} and ${reviewerExpertise.skillAreaCode} = ${f.skillAreaCode})`
      : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ reviewer: reviewers, displayName: users.displayName, email: users.email })
      .from(reviewers)
      .innerJoin(users, eq(users.id, reviewers.userId))
      .where(where)
      .orderBy(asc(reviewers.createdAt), asc(reviewers.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(reviewers).where(where),
  ]);
  return { items, total };
}
