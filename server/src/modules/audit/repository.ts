import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { LOCK_KEYS } from '../../db/locks.js';
import { auditEntries } from '../../db/schema/index.js';

export type AuditRow = typeof auditEntries.$inferSelect;
export type NewAuditRow = typeof auditEntries.$inferInsert;

/** Serialises appends across transactions and instances, so each entry links to the one before it. */
export async function lockAuditChain(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS.auditChain})`);
}

export async function findLastAuditHash(tx: Db): Promise<string | null> {
  const [row] = await tx.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
  return row?.hash ?? null;
}

export async function insertAuditEntry(tx: Db, row: NewAuditRow): Promise<AuditRow> {
  const [inserted] = await tx.insert(auditEntries).values(row).returning();
  return inserted;
}

export async function listAuditEntries(
  db: Db,
  filter: { subjectType?: string; subjectId?: string; actorId?: string; before?: number; limit: number },
): Promise<AuditRow[]> {
  const where = and(
    filter.subjectType ? eq(auditEntries.subjectType, filter.subjectType) : undefined,
    filter.subjectId ? eq(auditEntries.subjectId, filter.subjectId) : undefined,
    filter.actorId ? eq(auditEntries.actorId, filter.actorId) : undefined,
    filter.before ? lt(auditEntries.seq, filter.before) : undefined,
  );
  return db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.seq)).limit(filter.limit);
}

/** Every entry about one subject, oldest first. */
export async function listEntriesAbout(db: Db, subjectType: string, subjectId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectType, subjectType), eq(auditEntries.subjectId, subjectId)))
    .orderBy(auditEntries.seq);
}

/** Streams the chain in order, a page at a time, for verification. */
export async function* scanAuditEntries(db: Db, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditEntries).where(sql`${auditEntries.seq} > ${after}`).orderBy(auditEntries.seq).limit(pageSize);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].seq;
  }
}
