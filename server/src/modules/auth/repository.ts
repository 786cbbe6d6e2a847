import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Role, ScopeType } from '../../../../common/permissions.js';
import { type Db, preparedQuery, queryRows } from '../../db/client.js';
import { apiTokens, invitations, roleGrants, sessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function recordLoginFailure(db: Db, userId: string, maxFailures: number, lockMinutes: number) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

export async function resetLoginFailures(db: Db, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function updateLocale(db: Db, userId: string, locale: 'th' | 'en') {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessions(db: Db, userId: string, keepId: string | undefined) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keepId ? sql`${sessions.id} <> ${keepId}` : undefined));
}

/** A role grant with a readable label for its agency or provider scope. */
export interface GrantRow {
  id: string;
  userId: string;
  role: string;
  scopeType: string;
  scopeId: string;
  agencyName: string | null;
  providerName: string | null;
}

// The scope id is text (it also holds province codes); CASE casts it only for the matching scope type, so
// the join can use the agency and provider primary keys.
const AGENCY_OF_GRANT = sql`a.id = (case when g.scope_type = 'agency' then g.scope_id::uuid end)`;
const PROVIDER_OF_GRANT = sql`p.id = (case when g.scope_type = 'provider' then g.scope_id::uuid end)`;

/** What a signed-in request needs of its user: who they are and the language they read. */
export type SessionUser = Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>;

/**
 * A live session with its user and the user's grants (one query), or nothing if expired, unknown or disabled.
 * Every signed-in request reads it, so it selects only the columns a request uses: never the password hash.
 */
const liveSession = preparedQuery((db) =>
  db
    .select({
      session: { id: sessions.id, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt },
      user: { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale },
      grants: sql<GrantRow[]>`(
        select coalesce(json_agg(json_build_object(
          'id', g.id, 'userId', g.user_id, 'role', g.role, 'scopeType', g.scope_type, 'scopeId', g.scope_id,
          'agencyName', a.name_th, 'providerName', p.name_th) order by g.role), '[]'::json)
        from role_grants g
        left join agencies a on ${AGENCY_OF_GRANT}
        left join providers p on ${PROVIDER_OF_GRANT}
        where g.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)))
    .limit(1)
    .prepare('find_live_session'),
);

export async function findLiveSession(db: Db, id: string) {
  const [row] = await liveSession(db).execute({ id });
  return row;
}

/** A usable API token with its user and the one grant it carries. */
export async function findLiveToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users, grant: roleGrants })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(roleGrants, eq(roleGrants.id, apiTokens.roleGrantId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        isNull(users.disabledAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  return row;
}

/** Marks use at most once a minute, so reads by machine clients do not each cost a write. */
export async function touchToken(db: Db, id: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), sql`${apiTokens.lastUsedAt} < now() - interval '1 minute'`)));
}

/** Grants of one or more users with a readable label for agency and provider scopes. */
export async function findGrantsWithLabels(db: Db, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return queryRows<GrantRow>(
    db,
    sql`select g.id, g.user_id as "userId", g.role, g.scope_type as "scopeType", g.scope_id as "scopeId",
               a.name_th as "agencyName", p.name_th as "providerName"
        from role_grants g
        left join agencies a on ${AGENCY_OF_GRANT}
        left join providers p on ${PROVIDER_OF_GRANT}
        where g.user_id in (${sql.join(
          userIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})
        order by g.role`,
  );
}

export async function findGrant(db: Db, userId: string, role: Role, scopeType: ScopeType, scopeId: string) {
  const [row] = await db
    .select()
    .from(roleGrants)
    .where(
      and(eq(roleGrants.userId, userId), eq(roleGrants.role, role), eq(roleGrants.scopeType, scopeType), eq(roleGrants.scopeId, scopeId)),
    )
    .limit(1);
  return row;
}

export async function findGrantById(db: Db, id: string) {
  const [row] = await db.select().from(roleGrants).where(eq(roleGrants.id, id)).limit(1);
  return row;
}

export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert) {
  const [inserted] = await db.insert(apiTokens).values(row).returning();
  return inserted;
}

export async function findApiToken(db: Db, id: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row;
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .select({ token: apiTokens, role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
    .from(apiTokens)
    .innerJoin(roleGrants, eq(roleGrants.id, apiTokens.roleGrantId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(sql`${apiTokens.createdAt} desc`);
}

export async function revokeApiToken(db: Db, id: string) {
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

export interface NewInvitation {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdBy: string | null;
}

/** Invitations in bulk: one statement, the rows travelling as one JSON parameter. */
export async function insertInvitations(db: Db, rows: NewInvitation[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`insert into invitations (id, user_id, token_hash, expires_at, created_by)
        select time_ordered_uuid(), user_id, token_hash, expires_at, created_by
        from json_to_recordset(${JSON.stringify(
          rows.map((r) => ({ user_id: r.userId, token_hash: r.tokenHash, expires_at: r.expiresAt.toISOString(), created_by: r.createdBy })),
        )}::json) as x(user_id uuid, token_hash text, expires_at timestamptz, created_by uuid)`,
  );
}

/** An invitation by the hash of its token, with the account it is for. */
export async function findInvitation(db: Db, tokenHash: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: invitations }) : await q;
  return row;
}

/** Ends every open invitation of a user (one was accepted, or a new one replaces them). */
export async function closeOpenInvitations(db: Db, userId: string, how: 'accepted' | 'replaced') {
  await db
    .update(invitations)
    .set(how === 'accepted' ? { acceptedAt: sql`now()` } : { expiresAt: sql`least(${invitations.expiresAt}, now())` })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
}
