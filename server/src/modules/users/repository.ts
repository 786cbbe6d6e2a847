import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
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

/** Accounts created in one call from which the planner is told the size of `users` again. */
const BULK_ACCOUNTS = 1000;

/**
 * Accounts for people, set-based (json_to_recordset): links an unlinked account that has the person's
 * e-mail, creates one without a password otherwise (skipping e-mails another account holds), and grants
 * every linked account the learner role. Returns the accounts created.
 */
export async function ensurePersonAccounts(
  db: Db,
  people: readonly { personId: string; email: string; displayName: string }[],
  noPasswordHash: string,
) {
  if (people.length === 0) return [];
  const input = sql`json_to_recordset(${JSON.stringify(
    people.map((p) => ({ person_id: p.personId, email: p.email.toLowerCase(), display_name: p.displayName })),
  )}::json) as x(person_id uuid, email text, display_name text)`;
  await db.execute(
    sql`update users u set person_id = x.person_id from ${input}
        where lower(u.email) = x.email and u.person_id is null
          and not exists (select 1 from users o where o.person_id = x.person_id)`,
  );
  const created = await queryRows<{ id: string; email: string; display_name: string; locale: string }>(
    db,
    sql`insert into users (id, email, display_name, password_hash, person_id)
        select time_ordered_uuid(), x.email, x.display_name, ${noPasswordHash}, x.person_id from ${input}
        where not exists (select 1 from users o where o.person_id = x.person_id)
        on conflict do nothing
        returning id, email, display_name, locale`,
  );
  // Thousands of accounts at once (a personnel import): a foreign-key check plans its look-up once per
  // connection and keeps the plan, and one planned while `users` was a page or two scans the table for every
  // new role grant and invitation (minutes for 10,000). Analysing here, inside the transaction, replans them.
  // Once the statistics count at least this many accounts, the plans are right and later batches skip it.
  if (created.length >= BULK_ACCOUNTS) {
    const [stats] = await queryRows<{ n: number }>(db, sql`select reltuples::float8 as n from pg_class where oid = 'users'::regclass`);
    if ((stats?.n ?? 0) < created.length) await db.execute(sql`analyze users`);
  }
  await db.execute(
    sql`insert into role_grants (id, user_id, role, scope_type, scope_id)
        select time_ordered_uuid(), u.id, 'learner', 'self', '' from ${input} join users u on u.person_id = x.person_id
        on conflict do nothing`,
  );
  return created;
}
