import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, queryRowsPlanned } from '../../db/client.js';
import { personHistory, persons } from '../../db/schema/index.js';
import { SharedReads } from '../../lib/shared-read.js';
import { subtreeRange } from './agencies.repository.js';

export type PersonRecord = typeof persons.$inferSelect;

/** A person as lists and pages show them: the record, the agency's names and the state of their account. */
export interface PersonListRow {
  id: string;
  citizen_id_cipher: string;
  /** Null for rows written before the column existed: masked by decrypting. */
  citizen_id_masked: string | null;
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

const LIST_COLUMNS = sql`p.id, p.citizen_id_cipher, p.citizen_id_masked, p.title_th, p.first_name_th, p.last_name_th, p.title_en, p.first_name_en,
  p.last_name_en, p.email, p.position_th, p.position_type, p.position_level, p.is_it, p.target_group_code, p.target_group_source,
  p.employment_status, p.sort_name, p.supervisor_id, p.created_at, p.updated_at,
  a.id as agency_id, a.code as agency_code, a.name_th as agency_name_th, a.name_en as agency_name_en, a.path as agency_path,
  case when u.id is null then 'none' when u.disabled_at is not null then 'disabled'
       when u.password_hash like 'scrypt$%' then 'active' else 'invited' end as account_status`;

/** A person as a list shows them: fewer columns than a person's page, since a list answers many rows per request. */
export type PersonSummaryRow = Pick<
  PersonListRow,
  | 'id'
  | 'citizen_id_cipher'
  | 'citizen_id_masked'
  | 'title_th'
  | 'first_name_th'
  | 'last_name_th'
  | 'first_name_en'
  | 'last_name_en'
  | 'email'
  | 'position_th'
  | 'position_type'
  | 'position_level'
  | 'is_it'
  | 'target_group_code'
  | 'target_group_source'
  | 'employment_status'
  | 'sort_name'
  | 'agency_id'
  | 'agency_code'
  | 'agency_name_th'
  | 'agency_name_en'
  | 'account_status'
>;

const SUMMARY_COLUMNS = sql`p.id, p.citizen_id_cipher, p.citizen_id_masked, p.title_th, p.first_name_th, p.last_name_th, p.first_name_en,
  p.last_name_en, p.email, p.position_th, p.position_type, p.position_level, p.is_it, p.target_group_code, p.target_group_source,
  p.employment_status, p.sort_name, a.id as agency_id, a.code as agency_code, a.name_th as agency_name_th, a.name_en as agency_name_en,
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

/** The filters the roll-up carries: a subtree, and target group, IT flag and status (its cells). */
export type RollupFilter = Omit<PersonFilter, 'text' | 'positionType'>;

const isCellFiltered = (f: RollupFilter) => f.targetGroup !== undefined || f.isIt !== undefined || f.status !== undefined;

function whereOf(f: PersonFilter): SQL[] {
  const c: SQL[] = [];
  if (f.scopeKey) c.push(subtreeRange(sql`p.agency_key`, f.scopeKey));
  if (f.text && 'hash' in f.text) c.push(sql`p.citizen_id_hash = ${f.text.hash}`);
  if (f.text && 'like' in f.text) c.push(sql`p.search_text like ${f.text.like}`);
  // Group, IT flag and status are one small number in both list indexes, so they are checked there.
  if (isCellFiltered(f)) c.push(sql`p.cell = any(${`{${rollupCells(f).join(',')}}`}::smallint[])`);
  if (f.positionType) c.push(sql`p.position_type = ${f.positionType}`);
  return c;
}

const and = (c: SQL[]) => (c.length ? sql.join(c, sql` and `) : sql`true`);

type Page = { after?: { sortName: string; id: string }; limit: number };

const afterCursor = (page: Page) =>
  page.after ? sql`(p.sort_name collate "C", p.id) > (${page.after.sortName} collate "C", ${page.after.id}::uuid)` : null;

export type ListShape = 'by_name' | 'per_agency' | 'per_agency_cell' | 'per_cell';

/**
 * How a page is found (ids and sort keys in name order after the cursor); every shape finds the same rows:
 * - `by_name` walks the name index and keeps the rows of the subtree and filter: cheap when they are a good
 *   share of the country (a ministry, the nation), since a page is found after a few thousand index entries;
 * - `per_agency` reads the first rows of each agency of the subtree that has matching people (from the
 *   roll-up) from the scope index, already in name order within an agency, and merges them: a department's 49
 *   agencies cost 49 short index scans, where the name walk would pass over the rest of the country first;
 * - `per_agency_cell` does the same per agency and roll-up cell of the filter (target group × IT × status) that
 *   has people, from the scope-and-cell index: only matching people are read, however few of an agency match;
 * - `per_cell` reads the first rows of each cell of the filter from the cell index, in name order, keeping the
 *   subtree's: a rare group across a large subtree (executives of the whole country).
 */
function pageIds(f: PersonFilter, page: Page, shape: ListShape): SQL {
  const cursor = afterCursor(page);
  const merged = (streams: SQL, conditions: SQL[]) => {
    if (cursor) conditions.push(cursor);
    return sql`select x.id, x.sort_name from ${streams}
      cross join lateral (
        select p.id, p.sort_name from persons p where ${and(conditions)}
        order by p.sort_name collate "C", p.id limit ${page.limit}
      ) x
      order by x.sort_name collate "C", x.id limit ${page.limit}`;
  };
  const scope = f.scopeKey ? subtreeRange(sql`r.agency_key`, f.scopeKey) : sql`true`;
  const sameAgency = sql`p.agency_key collate "C" = k.agency_key collate "C"`;
  const notCells = { ...f, targetGroup: undefined, isIt: undefined, status: undefined };
  const cells = sql`unnest(${`{${rollupCells(f).join(',')}}`}::smallint[]) as c(cell)`;
  switch (shape) {
    case 'per_agency':
      return merged(sql`(${rollupRows(f)}) k`, [...whereOf({ ...f, scopeKey: '' }), sameAgency]);
    case 'per_agency_cell':
      return merged(sql`(select r.agency_key, c.cell from person_rollup r cross join ${cells} where ${scope} and r.cells[c.cell] > 0) k`, [
        ...whereOf({ ...notCells, scopeKey: '' }),
        sameAgency,
        sql`p.cell = k.cell`,
      ]);
    case 'per_cell':
      return merged(cells, [...whereOf(notCells), sql`p.cell = c.cell`]);
    default: {
      const c = whereOf(f);
      if (cursor) c.push(cursor);
      return sql`select p.id, p.sort_name from persons p where ${and(c)} order by p.sort_name collate "C", p.id limit ${page.limit}`;
    }
  }
}

/** The subtree's roll-up rows: each agency's key, its people (`t`) and how many of them match (`n`). */
function rollupRows(f: RollupFilter, withEmpty = false): SQL {
  const scope = f.scopeKey ? subtreeRange(sql`r.agency_key`, f.scopeKey) : sql`true`;
  // The filter's cells summed as one expression (the cell numbers are ours, 1..60), cheaper than unnesting per row.
  const n = isCellFiltered(f)
    ? sql.raw(
        rollupCells(f)
          .map((i) => `r.cells[${i}]`)
          .join(' + '),
      )
    : sql`r.total`;
  return sql`select r.agency_key, r.total as t, ${n} as n from person_rollup r where ${scope}${withEmpty ? sql`` : sql` and ${n} > 0`}`;
}

/** Page rows (by id, from a `page` CTE of ids) with the columns a list shows, in name order. */
const withSummaries = (page: SQL) => sql`select ${SUMMARY_COLUMNS}
  from (${page}) page join persons p on p.id = page.id
  join agencies a on a.id = p.agency_id
  left join users u on u.person_id = p.id
  order by p.sort_name collate "C", p.id`;

const listVersionReads = new SharedReads<number>();

/**
 * The version of a subtree's lists (decision 017): the sum of its agencies' list changes, which grows with every
 * change to what its lists show. Read before the page it guards, so a page kept under it is never older than it.
 * Requests asking for the same subtree at once share one read, never one started before they asked (`SharedRead`,
 * decision 019): the nation's sums every agency's row.
 */
export function listVersion(db: Db, scopeKey: string): Promise<number> {
  const read = async () => {
    const scope = scopeKey ? subtreeRange(sql`r.agency_key`, scopeKey) : sql`true`;
    const [row] = await queryRowsPlanned<{ v: number }>(
      db,
      sql`select coalesce(sum(r.list_changes), 0)::float8 as v from person_rollup r where ${scope}`,
    );
    return row.v;
  };
  return listVersionReads.get(db, read, scopeKey);
}

/** One page in name order after the cursor (keyset on the C-collated sort key and id), so page 1000 costs what page 1 does. */
export async function listPersons(db: Db, f: PersonFilter, page: Page, shape: ListShape = 'by_name') {
  return queryRowsPlanned<PersonSummaryRow>(db, withSummaries(pageIds(f, page, shape)));
}

/**
 * The country's people per roll-up cell (index 0 is cell 1), per database: they only steer the choice of plan,
 * never a total anyone sees, so they are re-read in the background once they are a minute old.
 */
const nationalCells = new WeakMap<Db, { cells?: number[]; at: number; reading?: Promise<number[]> }>();

function readNationalCounts(db: Db): Promise<number[]> {
  const entry = nationalCells.get(db) ?? { at: 0 };
  const reading = queryRows<{ i: number; n: number }>(
    db,
    sql`select u.i::int as i, sum(u.n)::float8 as n from person_rollup r cross join unnest(r.cells) with ordinality as u(n, i) group by u.i`,
  )
    .then((rows) => {
      const cells = Array.from({ length: 60 }, () => 0);
      for (const r of rows) cells[r.i - 1] = Number(r.n);
      Object.assign(entry, { cells, at: Date.now() });
      return cells;
    })
    .finally(() => {
      entry.reading = undefined;
    });
  entry.reading = reading;
  nationalCells.set(db, entry);
  return reading;
}

async function nationalCounts(db: Db): Promise<number[]> {
  const entry = nationalCells.get(db);
  if (!entry?.cells) return entry?.reading ?? readNationalCounts(db);
  if (Date.now() - entry.at > 60_000 && !entry.reading) readNationalCounts(db).catch(() => {});
  return entry.cells;
}

/**
 * What reading a page costs each way, in index entries read in order, a descent counting as `DESCENT` of them;
 * from the subtree's roll-up rows (`t` people in an agency, `n` of them matching) and the country's figures:
 * - the name walk passes about limit × national / matching entries before it fills a page;
 * - per agency, a descent and the walk to the limit (limit × t / n entries) or the whole agency;
 * - per agency and cell, a descent for each cell with people (at most min(cells, n)) and up to the limit;
 * - per cell, a descent each and, in each, the walk to the limit past the rest of the country's people in it.
 */
const DESCENT = 20;

/**
 * A page of a list the roll-up can count (a subtree, narrowed by target group, IT flag or status) in one
 * statement: the subtree's roll-up rows give the exact total and the cost of each way of reading the page
 * (see `pageIds`), and only the cheapest runs (the others sit behind one-time filters that are false).
 */
export async function listRollupPage(
  db: Db,
  f: RollupFilter,
  page: Page,
  /** Tests read every shape through this statement too; the service lets the costs decide. */
  forced?: ListShape,
): Promise<{ total: number; rows: PersonSummaryRow[] }> {
  const counts = await nationalCounts(db);
  const cells = rollupCells(f);
  const k = cells.length;
  const national = counts.reduce((s, n) => s + n, 0);
  const nationalMatching = cells.reduce((s, i) => s + counts[i - 1], 0);
  const limit = page.limit;
  const filtered = isCellFiltered(f);
  // The whole country is never cheaper to read agency by agency: its sums are all the statement needs from the roll-up.
  const perAgency = f.scopeKey ? sql`sum(${DESCENT} + least(t, ${limit}::float8 * t / n)) filter (where n > 0)` : sql`null::float8`;
  const perAgencyCell =
    f.scopeKey && filtered ? sql`sum(least(${k}, n) * ${DESCENT} + least(n, ${limit})) filter (where n > 0)` : sql`null::float8`;
  // Only the ways that can win are written out (each is planned on every call): per agency needs a subtree, per
  // cell a filter.
  const possible = (['per_agency', 'per_agency_cell', 'per_cell', 'by_name'] as const).filter(
    (shape) =>
      shape === forced ||
      shape === 'by_name' ||
      (shape === 'per_agency' && f.scopeKey) ||
      (shape === 'per_agency_cell' && f.scopeKey && filtered) ||
      (shape === 'per_cell' && filtered),
  );
  const gate = (shape: ListShape) => sql`select * from (${pageIds(f, page, shape)}) x where (select shape from plan) = ${shape}`;
  const rows = await queryRowsPlanned<PersonSummaryRow & { total: number }>(
    db,
    sql`with st as materialized (
          select coalesce(sum(n), 0)::int as matching, ${perAgency} as per_agency, ${perAgencyCell} as per_agency_cell
          from (${rollupRows(f, true)}) r),
        plan as materialized (
          select case when matching = 0 then 'none'
                      when ${forced ?? null}::text is not null then ${forced ?? null}::text
                      when per_agency_cell <= least(per_agency, by_name, per_cell) then 'per_agency_cell'
                      when per_agency <= least(by_name, per_cell) then 'per_agency'
                      when per_cell < by_name then 'per_cell'
                      else 'by_name' end as shape
          from (select matching, per_agency, per_agency_cell,
                       ${limit}::float8 * greatest(${national}::float8, matching) / nullif(matching, 0) as by_name,
                       case when ${filtered} then ${k * DESCENT}::float8
                            + least(${nationalMatching}::float8, ${k * limit}::float8 * ${nationalMatching} / nullif(matching, 0))
                       end as per_cell
                from st) e),
        page as (${sql.join(possible.map(gate), sql` union all `)})
        select st.matching as total, s.* from st left join (${withSummaries(sql`select id from page`)}) s on true`,
  );
  const total = rows[0]?.total ?? 0;
  return { total, rows: rows[0]?.id ? rows.map(({ total: _, ...r }) => r as PersonSummaryRow) : [] };
}

/**
 * For filters the roll-up does not carry (text, position type): the matches, gathered once up to `cap`, give both
 * the total and, when all of them were gathered, the page in name order after the cursor, in one statement. At the
 * cap `rows` is null and the page must come from `listPersons`, since the first `cap` matches found need not be the
 * first by name.
 */
export async function listGatheredPage(
  db: Db,
  f: PersonFilter,
  page: Page,
  cap: number,
): Promise<{ total: number; rows: PersonSummaryRow[] | null }> {
  const after = page.after
    ? sql`where (m.sort_name collate "C", m.id) > (${page.after.sortName} collate "C", ${page.after.id}::uuid)`
    : sql``;
  const rows = await queryRowsPlanned<PersonSummaryRow & { total: number }>(
    db,
    sql`with m as materialized (select p.id, p.sort_name from persons p where ${and(whereOf(f))} limit ${cap}),
        st as materialized (select count(*)::int as total from m)
        select st.total, s.* from st left join (${withSummaries(
          sql`select m.id from m ${after} order by m.sort_name collate "C", m.id limit ${page.limit}`,
        )}) s on st.total < ${cap}`,
  );
  const total = rows[0]?.total ?? 0;
  if (total >= cap) return { total, rows: null };
  return { total, rows: rows[0]?.id ? rows.map(({ total: _, ...r }) => r as PersonSummaryRow) : [] };
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
