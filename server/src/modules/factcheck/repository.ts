import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ListClaimsQuery, SearchFactChecksQuery } from '../../../../common/contracts/factcheck.js';
import { type Db, queryRows, queryRowsPlanned } from '../../db/client.js';
import { LOCK_KEYS } from '../../db/locks.js';
import { claimGroups, claims, claimVerdicts, files, roleGrants, users } from '../../db/schema/index.js';
import { termHash } from '../../lib/rank-terms.js';
import { sqlIntArray } from '../../lib/text-search.js';
import type { KeyHashes } from './similarity.js';

export type GroupRow = typeof claimGroups.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;

const textArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/**
 * The group a grouping key belongs in, or null, and the tokens to lock before opening one: `claim_find_group`
 * (the look-up through word pairs and the word test, in the database; decision 016). `uncommonOnly`: through
 * the key's uncommon pairs only, the quick pass most claims need.
 */
export async function findGroupForKey(db: Db, key: string, link: string | null, uncommonOnly: boolean) {
  const [row] = await queryRows<{ groupId: string | null; lockTokens: number[] | null }>(
    db,
    sql`select found_group as "groupId", found_lock_tokens as "lockTokens"
        from claim_key_hashes(${key}) h, claim_find_group(h.tokens, h.features, ${link}, ${uncommonOnly}, '{}', '{}', true)`,
  );
  return { groupId: row.groupId, lockTokens: (row.lockTokens ?? []).map(Number) };
}

type NewClaim = Omit<typeof claims.$inferInsert, 'groupId'>;

/**
 * Puts a claim in the group of the same claim, or opens one, and counts it there, in one statement
 * (`claim_place`: look-up, grouping locks of its uncommon pairs and its link, writes; decision 016), given its key's
 * hashed features and grouping tokens (`keyHashes`). Returns the group after. Sent as a named prepared statement, so
 * that PostgreSQL does not parse and plan the call for every claim.
 */
export async function placeClaim(db: Db, c: NewClaim, hashes: KeyHashes, sampleText: string, link: string | null) {
  const linkLock = link === null ? null : termHash(`link:${link}`);
  const [row] = await queryRowsPlanned<{ group_id: string; request_count: number; status: string }>(
    db,
    sql`select placed_group as group_id, placed_count as request_count, placed_status as status from claim_place(
          ${LOCK_KEYS.claimGrouping}::int, ${linkLock}::int, ${sampleText}, ${c.trackingCode}, ${c.text}, ${c.link ?? null},
          ${c.linkKey ?? null}, ${c.textKey}, ${c.imageFileId ?? null}::uuid, ${c.platform}, ${c.provinceCode},
          ${c.submitterUserId ?? null}::uuid, ${c.contactEmail ?? null}, ${c.contactPhone ?? null}, ${c.challengeNonce ?? null},
          ${sqlIntArray(hashes.features)}, ${sqlIntArray(hashes.tokens)})`,
  );
  return row;
}

export async function insertGroup(tx: Db, row: typeof claimGroups.$inferInsert) {
  const [g] = await tx.insert(claimGroups).values(row).returning();
  return g;
}

export async function insertClaim(tx: Db, row: typeof claims.$inferInsert) {
  const [c] = await tx.insert(claims).values(row).returning();
  return c;
}

export async function insertFile(tx: Db, row: typeof files.$inferInsert) {
  const [f] = await tx.insert(files).values(row).returning({ id: files.id });
  return f;
}

export async function findFile(db: Db, id: string) {
  const [f] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return f;
}

/** Recounts a group from its claims (after a merge or a split). */
export async function recountGroup(tx: Db, groupId: string) {
  await tx.execute(sql`update claim_groups g set
      request_count = s.n, provinces = s.provinces, platforms = s.platforms, first_seen_at = s.first_at,
      last_seen_at = s.last_at, sample_text = s.sample, updated_at = now()
    from (select count(*)::int as n, array_agg(distinct province_code) as provinces, array_agg(distinct platform) as platforms,
                 min(submitted_at) as first_at, max(submitted_at) as last_at,
                 (array_agg(text order by submitted_at))[1] as sample
          from claims where group_id = ${groupId}) s
    where g.id = ${groupId}`);
}

export async function findGroup(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(claimGroups).where(eq(claimGroups.id, id)).limit(1);
  const [g] = opts.forUpdate ? await q.for('update') : await q;
  return g;
}

export async function updateGroup(tx: Db, id: string, patch: Partial<typeof claimGroups.$inferInsert>) {
  await tx
    .update(claimGroups)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(claimGroups.id, id));
}

export async function deleteGroup(tx: Db, id: string) {
  await tx.delete(claimGroups).where(eq(claimGroups.id, id));
}

/** Moves claims to another group; returns the ids moved. */
export async function moveClaims(tx: Db, fromGroupId: string, claimIds: readonly string[] | 'all', toGroupId: string) {
  const rows = await tx
    .update(claims)
    .set({ groupId: toGroupId })
    .where(and(eq(claims.groupId, fromGroupId), claimIds === 'all' ? undefined : inArray(claims.id, [...claimIds])))
    .returning({ id: claims.id });
  return rows.map((r) => r.id);
}

export async function findClaimByTrackingCode(db: Db, code: string) {
  const [row] = await db.select().from(claims).where(eq(claims.trackingCode, code)).limit(1);
  return row;
}

export async function findClaim(db: Db, id: string) {
  const [row] = await db.select().from(claims).where(eq(claims.id, id)).limit(1);
  return row;
}

export async function listGroupClaims(db: Db, groupId: string) {
  return db.select().from(claims).where(eq(claims.groupId, groupId)).orderBy(asc(claims.submittedAt), asc(claims.id)).limit(500);
}

export async function listVerdicts(db: Db, groupId: string) {
  return db
    .select({ v: claimVerdicts, publishedByName: users.displayName })
    .from(claimVerdicts)
    .leftJoin(users, eq(users.id, claimVerdicts.publishedBy))
    .where(eq(claimVerdicts.groupId, groupId))
    .orderBy(asc(claimVerdicts.version));
}

export async function insertVerdict(tx: Db, row: typeof claimVerdicts.$inferInsert) {
  await tx.insert(claimVerdicts).values(row);
}

export async function userNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Everyone who asked about a group and how to reach them. */
export async function submittersOf(tx: Db, groupId: string, onlyClaimIds?: readonly string[]) {
  return tx
    .select({ userId: claims.submitterUserId, email: claims.contactEmail, phone: claims.contactPhone, trackingCode: claims.trackingCode })
    .from(claims)
    .where(and(eq(claims.groupId, groupId), onlyClaimIds ? inArray(claims.id, [...onlyClaimIds]) : undefined));
}

export async function listFactCheckers(db: Db) {
  return db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(roleGrants.role, 'fact_checker'), sql`${users.disabledAt} is null`))
    .orderBy(users.displayName)
    .limit(500);
}

export async function isFactCheckerUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'fact_checker'), sql`${users.disabledAt} is null`))
    .limit(1);
  return !!row;
}

/** The queue: groups filtered and paged, the most asked-about (or the most recent) first. */
export async function listGroups(db: Db, q: ListClaimsQuery, me: string) {
  const conds: SQL[] = [];
  if (q.status?.length) conds.push(sql`${claimGroups.status} = any(${textArray(q.status)})`);
  if (q.platform?.length) conds.push(sql`${claimGroups.platforms} && ${textArray(q.platform)}`);
  if (q.province?.length) conds.push(sql`${claimGroups.provinces} && ${textArray(q.province)}`);
  if (q.assignedToMe === 'true') conds.push(eq(claimGroups.assigneeId, me));
  const where = conds.length ? and(...conds) : undefined;
  const order =
    q.sort === 'recent'
      ? [desc(claimGroups.lastSeenAt), desc(claimGroups.id)]
      : [desc(claimGroups.requestCount), desc(claimGroups.lastSeenAt), desc(claimGroups.id)];
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(claimGroups)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(claimGroups).where(where),
  ]);
  return { items, total };
}

/** How a search selects published checks. */
export type CheckMatch = { kind: 'fulltext'; tokens: string[] } | { kind: 'similar'; q: string } | { kind: 'none' };

/** Published checks matching the words and filters, one page and the total (one statement). */
export async function searchChecks(db: Db, f: SearchFactChecksQuery, m: CheckMatch) {
  const conds: SQL[] = [sql`g.status = 'published'`];
  if (m.kind === 'fulltext') conds.push(sql`g.search_vector @@ catalog_query(${textArray(m.tokens)})`);
  if (m.kind === 'similar') conds.push(sql`${m.q} <% g.search_text`);
  if (f.verdict?.length) conds.push(sql`g.verdict = any(${textArray(f.verdict)})`);
  if (f.province?.length) conds.push(sql`g.provinces && ${textArray(f.province)}`);
  if (f.platform?.length) conds.push(sql`g.platforms && ${textArray(f.platform)}`);
  const near = f.nearProvince ? sql`${f.nearProvince} = any(g.provinces)` : sql`false`;
  const rank =
    m.kind === 'fulltext'
      ? sql`ts_rank(g.search_vector, catalog_query(${textArray(m.tokens)}))`
      : m.kind === 'similar'
        ? sql`word_similarity(${m.q}, g.search_text)`
        : sql`0::real`;
  return queryRows<{
    id: string;
    claim_reviewed: string;
    verdict: string;
    explanation_th: string;
    published_at: string;
    request_count: number;
    provinces: string[];
    platforms: string[];
    is_near: boolean;
    total: number;
  }>(
    db,
    sql`select g.id, g.claim_reviewed, g.verdict, g.explanation_th, g.published_at::text as published_at, g.request_count,
          g.provinces, g.platforms, ${near} as is_near, count(*) over ()::int as total
        from claim_groups g where ${sql.join(conds, sql` and `)}
        order by ${m.kind === 'none' ? sql`is_near desc, g.published_at desc` : sql`${rank} desc, is_near desc, g.published_at desc`}, g.id
        limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
}

export async function applyWordSimilarityThreshold(tx: Db, threshold: number) {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
}

/** The links where a group's claims appeared (normalised), first seen first. */
export async function groupAppearances(db: Db, groupId: string) {
  const rows = await queryRows<{ link_key: string }>(
    db,
    sql`select link_key from claims where group_id = ${groupId} and link_key is not null
        group by link_key order by min(submitted_at) limit 20`,
  );
  return rows.map((r) => r.link_key);
}

/** The province a volunteer last asked about, the best guess of where they are until the registry says so. */
export async function lastClaimProvinceOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ p: claims.provinceCode })
    .from(claims)
    .where(eq(claims.submitterUserId, userId))
    .orderBy(desc(claims.submittedAt))
    .limit(1);
  return row?.p ?? null;
}
