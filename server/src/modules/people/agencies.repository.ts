import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, preparedQuery, queryRows } from '../../db/client.js';
import { agencies } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyListRow = AgencyRow & { hasChildren: boolean };

/**
 * The C-collated range of tree keys in the subtree whose root has key `key` ("1a.3f." → ["1a.3f.", "1a.3f/")):
 * keys hold hex digits and dots, and "/" is the character after ".", so this is exactly the prefix.
 */
export function subtreeRange(column: SQL, key: string): SQL {
  return sql`(${column} collate "C" >= ${key} and ${column} collate "C" < ${`${key.slice(0, -1)}/`})`;
}

/** Agencies matching a name or code fragment, optionally the children of one agency or within a subtree, in tree order. */
export async function listAgencies(db: Db, f: { q?: string; parentId?: string; withinKey?: string; limit: number; offset: number }) {
  const like = f.q ? containsPattern(f.q) : null;
  const conditions = [
    like ? sql`(a.name_th ilike ${like} or a.name_en ilike ${like} or a.code ilike ${like})` : undefined,
    f.parentId === 'root' ? sql`a.parent_id is null` : f.parentId ? sql`a.parent_id = ${f.parentId}` : undefined,
    f.withinKey ? subtreeRange(sql`a.tree_key`, f.withinKey) : undefined,
  ].filter((c): c is SQL => !!c);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const [items, [{ total }]] = await Promise.all([
    queryRows<AgencyListRow>(
      db,
      sql`select a.id, a.code, a.name_th as "nameTh", a.name_en as "nameEn", a.kind, a.parent_id as "parentId", a.path,
                 a.province_code as "provinceCode", a.tree_key as "treeKey", a.created_at as "createdAt", a.updated_at as "updatedAt",
                 exists (select 1 from agencies c where c.parent_id = a.id) as "hasChildren"
          from agencies a ${where}
          order by a.tree_key collate "C", a.code
          limit ${f.limit} offset ${f.offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from agencies a ${where}`),
  ]);
  return { items, total };
}

export async function findAgency(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<AgencyRow | undefined> {
  const q = db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** An agency by id as a named prepared statement: every personnel list looks its agency up first. */
const agencyById = preparedQuery((db) =>
  db
    .select()
    .from(agencies)
    .where(eq(agencies.id, sql.placeholder('id')))
    .limit(1)
    .prepare('find_agency_by_id'),
);

/** `findAgency` for reads outside a transaction (the prepared statement belongs to the pool's handle). */
export async function findAgencyToRead(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await agencyById(db).execute({ id });
  return row;
}

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(sql`lower(${agencies.code}) = lower(${code})`).limit(1);
  return row;
}

/** Agencies by id, in the order asked (missing ones left out). */
export async function findAgenciesByIds(db: Db, ids: string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<AgencyRow>(
    db,
    sql`select id, code, name_th as "nameTh", name_en as "nameEn", kind, parent_id as "parentId", path, province_code as "provinceCode",
               tree_key as "treeKey", created_at as "createdAt", updated_at as "updatedAt"
        from agencies where id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AgencyRow => !!r);
}

/** Agencies by code (case-insensitive), keyed by the code as asked. */
export async function findAgenciesByCodes(db: Db, codes: string[]): Promise<Map<string, AgencyRow>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<AgencyRow & { asked: string }>(
    db,
    sql`select c.asked, a.id, a.code, a.name_th as "nameTh", a.name_en as "nameEn", a.kind, a.parent_id as "parentId", a.path,
               a.province_code as "provinceCode", a.tree_key as "treeKey"
        from json_array_elements_text(${JSON.stringify(codes)}::json) as c(asked)
        join agencies a on lower(a.code) = lower(c.asked)`,
  );
  return new Map(rows.map((r) => [r.asked, r]));
}

export async function countChildren(db: Db, id: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from agencies where parent_id = ${id}`);
  return row.n;
}

/** Personnel in a subtree, from the roll-up (a sum over the subtree's agencies, not a count of people). */
export async function subtreeHeadcount(db: Db, treeKey: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(r.total), 0)::int as n from person_rollup r where ${subtreeRange(sql`r.agency_key`, treeKey)}`,
  );
  return row.n;
}

export async function insertAgency(db: Db, row: typeof agencies.$inferInsert): Promise<AgencyRow> {
  const [inserted] = await db.insert(agencies).values(row).returning();
  return inserted;
}

export async function updateAgency(db: Db, id: string, fields: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow> {
  const [updated] = await db
    .update(agencies)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(agencies.id, id))
    .returning();
  return updated;
}

/**
 * Re-roots a subtree: the agency's parent, then every path and tree key in the subtree and every
 * person's copy of the key, each one set-based statement.
 */
export async function moveSubtree(
  db: Db,
  m: { id: string; parentId: string | null; oldPath: string; newPath: string; oldKey: string; newKey: string },
) {
  // The lists of every subtree the agency leaves must see a new version although their sums lose its rows: its
  // changes and one more go into the old parent's row (decision 017).
  await db.execute(
    sql`insert into person_rollup as r (agency_id, agency_key, total, cells, list_changes)
        select p.id, p.tree_key, 0, array_fill(0, array[60]),
               1 + (select coalesce(sum(x.list_changes), 0) from person_rollup x where ${subtreeRange(sql`x.agency_key`, m.oldKey)})
        from agencies c join agencies p on p.id = c.parent_id where c.id = ${m.id}
        on conflict (agency_id) do update set list_changes = r.list_changes + excluded.list_changes`,
  );
  await db.update(agencies).set({ parentId: m.parentId, updatedAt: sql`now()` }).where(eq(agencies.id, m.id));
  await db.execute(
    sql`update agencies set path = ${m.newPath} || substr(path, ${m.oldPath.length + 1}), tree_key = ${m.newKey} || substr(tree_key, ${m.oldKey.length + 1})
        where ${subtreeRange(sql`tree_key`, m.oldKey)}`,
  );
  await db.execute(
    sql`update person_rollup set agency_key = ${m.newKey} || substr(agency_key, ${m.oldKey.length + 1})
        where ${subtreeRange(sql`agency_key`, m.oldKey)}`,
  );
  const moved = await queryRows<{ n: number }>(
    db,
    sql`with u as (update persons set agency_key = ${m.newKey} || substr(agency_key, ${m.oldKey.length + 1})
                   where ${subtreeRange(sql`agency_key`, m.oldKey)} returning 1)
        select count(*)::int as n from u`,
  );
  return { people: moved[0].n };
}

/** Inserts or updates agencies by code (the agency import), parents before children; returns how many were new. */
export async function upsertAgenciesByCode(
  db: Db,
  rows: {
    id: string;
    code: string;
    nameTh: string;
    nameEn: string;
    kind: string;
    parentId: string | null;
    path: string;
    provinceCode: string | null;
  }[],
): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const result = await queryRows<{ inserted: boolean }>(
    db,
    sql`insert into agencies (id, code, name_th, name_en, kind, parent_id, path, province_code)
        select id, code, name_th, name_en, kind, parent_id, path, province_code
        from json_to_recordset(${JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            code: r.code,
            name_th: r.nameTh,
            name_en: r.nameEn,
            kind: r.kind,
            parent_id: r.parentId,
            path: r.path,
            province_code: r.provinceCode,
          })),
        )}::json)
          as x(id uuid, code text, name_th text, name_en text, kind text, parent_id uuid, path text, province_code text)
        on conflict (code) do update set name_th = excluded.name_th, name_en = excluded.name_en, kind = excluded.kind,
          province_code = excluded.province_code, updated_at = now()
        returning (xmax = 0) as inserted`,
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

/** Refreshes the planner's statistics of personnel (after keys of a subtree change): the columns lists are planned by. */
export async function analyzePersons(db: Db): Promise<void> {
  await db.execute(sql`analyze persons (agency_key, cell)`);
}
