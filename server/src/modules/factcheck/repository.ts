import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ListClaimsQuery, SearchFactChecksQuery } from '../../../../common/contracts/factcheck.js';
import { type Db, preparedQuery, queryRows } from '../../db/client.js';
import { LOCK_KEYS } from '../../db/locks.js';
import { claimGroups, claims, claimVerdicts, files, roleGrants, users } from '../../db/schema/index.js';
import { termHash } from '../../lib/rank-terms.js';

export type GroupRow = typeof claimGroups.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;

const textArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** How many of each token's most recently created groups the look-up reads; fewer groups make a pair uncommon. */
const NEWEST_PER_TOKEN = 20;

/**
 * Groups that may say the same as a key, best first: the group of the first claim with the same link, then
 * up to ten groups sharing grouping tokens with the key (`claim_grouping_tokens`: its word pairs), read from
 * each token's `NEWEST_PER_TOKEN` most recently created groups — bounded however common a token is — and
 * ranked by the tokens they share: an uncommon one (fewer groups than `NEWEST_PER_TOKEN` have it) weighs one
 * over the number of groups having it, a common one next to nothing (a recent group sharing many common
 * phrases must not push out an older one sharing the claim's specifics), then by how recently they were
 * created (decision 016). With `uncommonOnly`, the tokens known to be common (`claim_common_tokens`) are not
 * read at all: most claims find their group by their uncommon tokens, and a long claim has dozens of common
 * ones. Also the key's uncommon tokens, or all its tokens when none is: what `lockGrouping` locks. A named
 * prepared statement: it is planned once per connection.
 */
const groupingCandidates = preparedQuery((db) =>
  db
    .select({
      groupId: sql<string | null>`c.group_id`,
      textKey: sql<string | null>`c.text_key`,
      viaLink: sql<boolean>`c.via_link`,
      lockTokens: sql<number[] | null>`c.lock_tokens`,
    })
    .from(
      sql`(
        with keyed as (
          select unnest(claim_grouping_tokens(${sql.placeholder('key')}::text)) as token
        ), hits as (
          select q.token, h.group_id, h.seq, coalesce(h.readers, 0) as readers
          from keyed q
          left join lateral (
            select p.group_id, p.seq, count(*) over () as readers from (
              select group_id, seq from claim_group_tokens where token = q.token order by seq desc nulls last limit ${sql.raw(String(NEWEST_PER_TOKEN))}
            ) p
          ) h on true
          where not (${sql.placeholder('uncommonOnly')}::boolean and exists (select 1 from claim_common_tokens c where c.token = q.token))
        ), best as (
          select group_id, sum(case when readers < ${sql.raw(String(NEWEST_PER_TOKEN))} then 1.0 / readers else 0.001 end) as score, max(seq) as newest
          from hits where group_id is not null group by group_id
          order by score desc, newest desc limit 10
        ), tokens as (
          select (select array_agg(distinct token) filter (where readers < ${sql.raw(String(NEWEST_PER_TOKEN))}) from hits) as uncommon,
                 (select array_agg(token) from keyed) as every
        )
        (select null::uuid as group_id, null::text as text_key, false as via_link, -1::bigint as rank,
                coalesce(uncommon, every, '{}') as lock_tokens from tokens)
        union all
        (select group_id, text_key, true, 0, null from claims where link_key = ${sql.placeholder('link')}::text order by submitted_at limit 1)
        union all
        (select g.id, g.text_key, false, row_number() over (order by best.score desc, best.newest desc), null
          from best join claim_groups g on g.id = best.group_id)
      ) as c`,
    )
    .orderBy(sql`c.rank`)
    .prepare('factcheck_grouping_candidates'),
);

export async function findGroupingCandidates(db: Db, key: string, link: string | null, uncommonOnly = false) {
  const [tokens, ...candidates] = await groupingCandidates(db).execute({ key, link, uncommonOnly });
  return {
    candidates: candidates as { groupId: string; textKey: string; viaLink: boolean }[],
    lockTokens: (tokens.lockTokens ?? []).map(Number),
  };
}

/**
 * Serialises the opening of groups among claims that could be the same: one transaction lock per token given
 * (the key's uncommon word pairs, see `findGroupingCandidates`) and one for the normalised link, under the
 * grouping class id, taken in ascending order so none can deadlock. Near-identical claims share their uncommon
 * pairs and wait for each other; claims that only share common phrases do not (decision 016).
 */
export async function lockGrouping(tx: Db, tokens: readonly number[], link: string | null) {
  const all = [...new Set([...tokens, ...(link === null ? [] : [termHash(`link:${link}`)])])].sort((a, b) => a - b);
  if (all.length === 0) return;
  // One round trip: the locks are taken row by row in the sorted order of the subquery.
  await tx.execute(
    sql`select count(pg_advisory_xact_lock(${LOCK_KEYS.claimGrouping}::int, t)) from (select unnest(${`{${all.join(',')}}`}::int[]) as t order by 1) s`,
  );
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

const claimColumns = sql.raw(`group_id, tracking_code, text, link, link_key, text_key, image_file_id, platform, province_code,
  submitter_user_id, contact_email, contact_phone, challenge_nonce`);

type NewClaim = Omit<typeof claims.$inferInsert, 'groupId'>;

/** The values of a new claim after its group id, in the order of `claimColumns`. */
const claimValues = (c: NewClaim) =>
  sql`${c.trackingCode}, ${c.text}, ${c.link ?? null}, ${c.linkKey ?? null}, ${c.textKey}, ${c.imageFileId ?? null}, ${c.platform},
      ${c.provinceCode}, ${c.submitterUserId ?? null}, ${c.contactEmail ?? null}, ${c.contactPhone ?? null}, ${c.challengeNonce ?? null}`;

/** A new claim in a group, counted there (where and when it was seen), in one statement. Returns the group after. */
export async function addClaim(db: Db, groupId: string, c: NewClaim) {
  const [row] = await queryRows<{ group_id: string; request_count: number; status: string }>(
    db,
    sql`with c as (insert into claims (${claimColumns}) values (${groupId}, ${claimValues(c)}) returning group_id, platform, province_code)
        update claim_groups g set request_count = g.request_count + 1,
          provinces = case when c.province_code = any(g.provinces) then g.provinces else array_append(g.provinces, c.province_code) end,
          platforms = case when c.platform = any(g.platforms) then g.platforms else array_append(g.platforms, c.platform) end,
          last_seen_at = now(), updated_at = now()
        from c where g.id = c.group_id
        returning g.id as group_id, g.request_count, g.status`,
  );
  return row;
}

/** A new group for a claim and the claim in it, counted, in one statement (its tokens come from a trigger). */
export async function openGroup(db: Db, c: NewClaim, sampleText: string) {
  const [row] = await queryRows<{ group_id: string; request_count: number; status: string }>(
    db,
    sql`with g as (
          insert into claim_groups (sample_text, text_key, request_count, provinces, platforms)
          values (${sampleText}, ${c.textKey}, 1, array[${c.provinceCode}::text], array[${c.platform}::text])
          returning id, request_count, status
        ), c as (insert into claims (${claimColumns}) select g.id, ${claimValues(c)} from g)
        select id as group_id, request_count, status from g`,
  );
  return row;
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
