import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { personHistory, persons } from '../../db/schema/index.js';
import { subtreeRange } from './agencies.repository.js';

export type PersonRecord = typeof persons.$inferSelect;

/** A person as lists and pages show them: the record, the agency's names and the state of their account. */
export interface PersonListRow {
  id: string;
  citizen_id_cipher: string;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  title_en: string | null;
  first_name_en: string | null;
  last_name_en: string | null;
  email: string | null;
  position_th: string;
  position_type: string;
  position_level: string | null;
  is_it: string;
  target_group_code: string;
  target_group_source: string;
  employment_status: string;
  sort_name: string;
  supervisor_id: string | null;
  agency_id: string;
  agency_code: string;
  agency_name_th: string;
  agency_name_en: string;
  agency_path: string;
  account_status: 'none' | 'invited' | 'active' | 'disabled';
  created_at: string | Date;
  updated_at: string | Date;
}

const LIST_COLUMNS = sql`p.id, p.citizen_id_cipher, p.title_th, p.first_name_th, p.last_name_th, p.title_en, p.first_name_en,
  p.last_name_en, p.email, p.position_th, p.position_type, p.position_level, p.is_it, p.target_group_code, p.target_group_source,
  p.employment_status, p.sort_name, p.supervisor_id, p.created_at, p.updated_at,
  a.id as agency_id, a.code as agency_code, a.name_th as agency_name_th, a.name_en as agency_name_en, a.path as agency_path,
  case when u.id is null then 'none' when u.disabled_at is not null then 'disabled'
       when u.password_hash like 'scrypt$%' then 'active' else 'invited' end as account_status`;

export interface PersonFilter {
  /** Tree key of the subtree; '' for the whole country. */
  scopeKey: string;
  /** Lower-cased text matched anywhere in names and e-mail (trigram index), or a citizen-ID hash. */
  text?: { like: string } | { hash: string };
  targetGroup?: string;
  isIt?: boolean;
  status?: string;
  positionType?: string;
}

function whereOf(f: PersonFilter): SQL[] {
  const c: SQL[] = [];
  if (f.scopeKey) c.push(subtreeRange(sql`p.agency_key`, f.scopeKey));
  if (f.text && 'hash' in f.text) c.push(sql`p.citizen_id_hash = ${f.text.hash}`);
  if (f.text && 'like' in f.text) c.push(sql`p.search_text like ${f.text.like}`);
  // Group, IT flag and status are one small number in both list indexes, so they are checked there.
  if (f.targetGroup || f.isIt !== undefined || f.status) c.push(sql`p.cell = any(${`{${rollupCells(f).join(',')}}`}::smallint[])`);
  if (f.positionType) c.push(sql`p.position_type = ${f.positionType}`);
  return c;
}

const and = (c: SQL[]) => (c.length ? sql.join(c, sql` and `) : sql`true`);

/**
 * One page in name order after the cursor (keyset on the C-collated sort key and id), so page 1000 costs
 * what page 1 does. Two shapes, chosen by the caller from the roll-up (see `listPlan`):
 * - `by_name` walks the name index and keeps the rows of the subtree: cheap when the subtree holds a good share
 *   of the country (a ministry, the nation), since a page is found after a few thousand index entries;
 * - `per_agency` reads the first rows of each agency of the subtree from the scope index (already in name order
 *   within an agency) and merges them: a department's 49 agencies cost 49 short index scans, however rare the
 *   filtered rows, where the name walk would pass over the rest of the country first.
 */
export async function listPersons(
  db: Db,
  f: PersonFilter,
  page: { after?: { sortName: string; id: string }; limit: number },
  shape: 'by_name' | 'per_agency' = 'by_name',
) {
  const c = whereOf(f);
  const cursor = page.after ? sql`(p.sort_name collate "C", p.id) > (${page.after.sortName} collate "C", ${page.after.id}::uuid)` : null;
  if (shape === 'per_agency') {
    const inAgency = whereOf({ ...f, scopeKey: '' });
    if (cursor) inAgency.push(cursor);
    inAgency.push(sql`p.agency_key collate "C" = r.agency_key collate "C"`);
    return queryRows<PersonListRow>(
      db,
      sql`with page as (
            select x.id from person_rollup r
            cross join lateral (
              select p.id, p.sort_name from persons p where ${and(inAgency)}
              order by p.sort_name collate "C", p.id limit ${page.limit}
            ) x
            where ${f.scopeKey ? subtreeRange(sql`r.agency_key`, f.scopeKey) : sql`true`} and r.total > 0
            order by x.sort_name collate "C", x.id limit ${page.limit}
          )
          select ${LIST_COLUMNS}
          from page join persons p on p.id = page.id
          join agencies a on a.id = p.agency_id
          left join users u on u.person_id = p.id
          order by p.sort_name collate "C", p.id`,
    );
  }
  if (cursor) c.push(cursor);
  return queryRows<PersonListRow>(
    db,
    sql`select ${LIST_COLUMNS}
        from persons p
        join agencies a on a.id = p.agency_id
        left join users u on u.person_id = p.id
        where ${and(c)}
        order by p.sort_name collate "C", p.id
        limit ${page.limit}`,
  );
}

/** The country's total per database, re-read at most once a minute: it only steers the choice of plan. */
const nationalTotals = new WeakMap<Db, { n: number; at: number }>();

async function nationalTotal(db: Db): Promise<number> {
  const cached = nationalTotals.get(db);
  if (cached && Date.now() - cached.at < 60_000) return cached.n;
  const [row] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(total), 0)::int as n from person_rollup`);
  nationalTotals.set(db, { n: row.n, at: Date.now() });
  return row.n;
}

/** What the roll-up knows of a subtree under the filters it carries: its agencies with matching people, how many match, and the country's total. */
export async function subtreeStats(
  db: Db,
  f: Omit<PersonFilter, 'text' | 'positionType'>,
): Promise<{ agencies: number; matching: number; national: number }> {
  const scope = f.scopeKey ? subtreeRange(sql`r.agency_key`, f.scopeKey) : sql`true`;
  const isFiltered = f.targetGroup !== undefined || f.isIt !== undefined || f.status !== undefined;
  const n = isFiltered
    ? sql`(select coalesce(sum(r.cells[i]), 0) from unnest(${`{${rollupCells(f).join(',')}}`}::int[]) as i)`
    : sql`r.total`;
  const [[row], national] = await Promise.all([
    queryRows<{ agencies: number; matching: number }>(
      db,
      sql`select count(*) filter (where x.n > 0)::int as agencies, coalesce(sum(x.n), 0)::int as matching
          from (select ${n} as n from person_rollup r where ${scope}) x`,
    ),
    nationalTotal(db),
  ]);
  return { ...row, national };
}

/**
 * Which shape of `listPersons` reads less: the name walk passes about limit × national / matching index entries
 * before it fills a page, the per-agency read about limit × agencies.
 */
export function listPlan(stats: { agencies: number; matching: number; national: number }): 'by_name' | 'per_agency' {
  return stats.matching > 0 && stats.agencies * stats.matching < stats.national ? 'per_agency' : 'by_name';
}

/**
 * For filters the roll-up does not carry (text, position type): the matches, gathered once up to `cap`, give both
 * the total and, when all of them were gathered, the page's ids in name order after the cursor. At the cap the
 * page must come from `listPersons` instead, since the first `cap` matches found need not be the first by name.
 */
export async function gatherMatches(
  db: Db,
  f: PersonFilter,
  page: { after?: { sortName: string; id: string }; limit: number },
  cap: number,
): Promise<{ total: number; ids: string[] }> {
  const after = page.after
    ? sql`where (m.sort_name collate "C", m.id) > (${page.after.sortName} collate "C", ${page.after.id}::uuid)`
    : sql``;
  const [row] = await queryRows<{ total: number; ids: string[] | null }>(
    db,
    sql`with m as materialized (select p.id, p.sort_name from persons p where ${and(whereOf(f))} limit ${cap})
        select (select count(*)::int from m) as total,
               (select array_agg(x.id::text order by x.sort_name collate "C", x.id) from
                 (select m.id, m.sort_name from m ${after} order by m.sort_name collate "C", m.id limit ${page.limit}) x) as ids`,
  );
  return { total: row.total, ids: row.ids ?? [] };
}

/** People by id with the columns lists show, in name order. */
export async function findPersonRows(db: Db, ids: string[]): Promise<PersonListRow[]> {
  if (ids.length === 0) return [];
  return queryRows<PersonListRow>(
    db,
    sql`select ${LIST_COLUMNS} from persons p join agencies a on a.id = p.agency_id left join users u on u.person_id = p.id
        where p.id = any(${`{${ids.join(',')}}`}::uuid[])
        order by p.sort_name collate "C", p.id`,
  );
}

/** How many match, counting at most `cap` (a text search in a large subtree must not count millions). */
export async function countPersonsCapped(db: Db, f: PersonFilter, cap: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from persons p where ${and(whereOf(f))} limit ${cap}) x`,
  );
  return row.n;
}

const GROUPS = ['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS'];
const STATUSES = ['active', 'on_leave', 'suspended', 'retired', 'left'];

/** The roll-up cells (1..60, as SQL's person_cell numbers them) a filter covers. */
export function rollupCells(f: { targetGroup?: string; isIt?: boolean; status?: string }): number[] {
  const cells: number[] = [];
  GROUPS.forEach((g, gi) => {
    if (f.targetGroup && f.targetGroup !== g) return;
    for (const it of [false, true]) {
      if (f.isIt !== undefined && f.isIt !== it) continue;
      STATUSES.forEach((st, si) => {
        if (!f.status || f.status === st) cells.push(gi * 10 + (it ? 5 : 0) + si + 1);
      });
    }
  });
  return cells;
}

/** The exact total from the roll-up, for filters it carries (subtree, target group, IT, status): a sum over agencies. */
export async function countPersonsFromRollup(db: Db, f: Omit<PersonFilter, 'text' | 'positionType'>): Promise<number> {
  const scope = f.scopeKey ? subtreeRange(sql`r.agency_key`, f.scopeKey) : sql`true`;
  const isFiltered = f.targetGroup !== undefined || f.isIt !== undefined || f.status !== undefined;
  const [row] = await queryRows<{ n: number }>(
    db,
    isFiltered
      ? sql`select coalesce(sum(r.cells[i]), 0)::int as n from person_rollup r
            cross join unnest(${`{${rollupCells(f).join(',')}}`}::int[]) as i where ${scope}`
      : sql`select coalesce(sum(r.total), 0)::int as n from person_rollup r where ${scope}`,
  );
  return row.n;
}

/** One person with agency names and account state; the agency path decides who may see them. */
export async function findPersonRow(db: Db, id: string): Promise<PersonListRow | undefined> {
  const [row] = await queryRows<PersonListRow>(
    db,
    sql`select ${LIST_COLUMNS} from persons p join agencies a on a.id = p.agency_id left join users u on u.person_id = p.id
        where p.id = ${id}`,
  );
  return row;
}

export async function findPersonForUpdate(db: Db, id: string): Promise<PersonRecord | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id)).for('update').limit(1);
  return row;
}

export async function findPerson(db: Db, id: string): Promise<PersonRecord | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row;
}

export async function findPersonByHash(db: Db, hash: string): Promise<PersonRecord | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.citizenIdHash, hash)).limit(1);
  return row;
}

/** The person linked to a user account, if any. */
export async function findPersonIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await queryRows<{ person_id: string | null }>(db, sql`select person_id from users where id = ${userId}`);
  return row?.person_id ?? null;
}

export async function updatePerson(db: Db, id: string, fields: Partial<typeof persons.$inferInsert>): Promise<void> {
  await db
    .update(persons)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(persons.id, id));
}

export async function insertHistory(db: Db, rows: (typeof personHistory.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(personHistory).values(rows);
}

/** A person's history, oldest first, with who made each change and the names of agencies in transfers. */
export async function listHistory(db: Db, personId: string) {
  return queryRows<{
    id: string;
    kind: string;
    from_value: string | null;
    to_value: string;
    reason: string | null;
    source: string;
    actor_id: string | null;
    actor_name: string | null;
    at: string | Date;
    from_label: string | null;
    to_label: string | null;
  }>(
    db,
    sql`select h.id, h.kind, h.from_value, h.to_value, h.reason, h.source, h.actor_id, u.display_name as actor_name, h.at,
               case when h.kind = 'transfer' then fa.name_th end as from_label,
               case when h.kind = 'transfer' then ta.name_th end as to_label
        from person_history h
        left join users u on u.id = h.actor_id
        left join agencies fa on h.kind = 'transfer' and fa.id = (case when h.kind = 'transfer' then h.from_value::uuid end)
        left join agencies ta on h.kind = 'transfer' and ta.id = (case when h.kind = 'transfer' then h.to_value::uuid end)
        where h.person_id = ${personId}
        order by h.at, h.id`,
  );
}

/** Name and position of a person (supervisor links). */
export async function findPersonRef(db: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    title_th: string;
    first_name_th: string;
    last_name_th: string;
    position_th: string;
    citizen_id_cipher: string;
  }>(db, sql`select id, title_th, first_name_th, last_name_th, position_th, citizen_id_cipher from persons where id = ${id}`);
  return row;
}

/** Rows for an export, in name order after the cursor, with the supervisor's citizen-ID ciphertext. */
export async function listPersonsForExport(db: Db, f: PersonFilter, page: { after?: { sortName: string; id: string }; limit: number }) {
  const c = whereOf(f);
  if (page.after) c.push(sql`(p.sort_name collate "C", p.id) > (${page.after.sortName} collate "C", ${page.after.id}::uuid)`);
  return queryRows<PersonListRow & { supervisor_cipher: string | null }>(
    db,
    sql`select ${LIST_COLUMNS}, s.citizen_id_cipher as supervisor_cipher
        from persons p
        join agencies a on a.id = p.agency_id
        left join users u on u.person_id = p.id
        left join persons s on s.id = p.supervisor_id
        where ${and(c)}
        order by p.sort_name collate "C", p.id
        limit ${page.limit}`,
  );
}

/** The account linked to a person, if any (a shared read of the accounts table). */
export async function findAccountOfPerson(db: Db, personId: string) {
  const [row] = await queryRows<{ id: string; email: string; display_name: string; locale: string; password_hash: string }>(
    db,
    sql`select id, email, display_name, locale, password_hash from users where person_id = ${personId}`,
  );
  return row;
}
