import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { LOCK_KEYS } from '../../db/locks.js';
import { fiscalYearOf } from '../accreditation/fiscal-year.js';

/** Fiscal years the roll-ups hold: the current one and the four before it. */
export const YEARS_KEPT = 5;

export interface RefreshResult {
  /** People whose rows were recomputed. */
  people: number;
  /** Agencies whose personnel and subtree rows were recomputed. */
  agencies: number;
  ms: number;
  /** Marks still queued when the call stopped (0: the roll-ups are up to date). */
  remaining: number;
}

const ROLLUPS = [
  'dashboard_own_facts',
  'dashboard_tree_facts',
  'dashboard_own_levels',
  'dashboard_tree_levels',
  'dashboard_person_facts',
  'dashboard_person_levels',
];

/**
 * Brings the dashboard roll-ups up to date (decision 014). Takes the people and agencies the triggers queued,
 * a batch at a time, each batch in one transaction under one lock (a batch adds differences, so two must not
 * interleave): `dashboard_refresh_people` recomputes each person's rows and adds the difference to their
 * agency and the agencies above it; `dashboard_refresh_agencies` sets personnel and recomputes subtree rows
 * after moves. When the fiscal year has turned, the oldest year is dropped and everyone with a level (it
 * carries into the new year) and every agency is queued first. Safe to run again at any time; run by the
 * jobs tick.
 */
export async function refreshDashboards(
  db: Db,
  opts: { now?: Date; batch?: number; agencyBatch?: number; maxBatches?: number } = {},
): Promise<RefreshResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const current = fiscalYearOf(now.getTime());
  const first = current - YEARS_KEPT + 1;
  const batch = opts.batch ?? 2000;
  const agencyBatch = opts.agencyBatch ?? 500;
  const [state] = await queryRows<{ current_fiscal_year: number }>(
    db,
    sql`select current_fiscal_year from dashboard_refresh_state where id = 1`,
  );
  const turned = Boolean(state && state.current_fiscal_year !== current);
  if (turned) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS.dashboardRefresh})`);
      for (const table of ROLLUPS) await tx.execute(sql`delete from ${sql.identifier(table)} where fiscal_year < ${first}`);
      await tx.execute(sql`insert into dashboard_dirty_persons (person_id) select distinct person_id from dashboard_person_levels`);
      await tx.execute(sql`insert into dashboard_dirty_agencies (agency_id) select id from agencies`);
      // The year turned and is being filled in: it is not marked again next call.
      await tx.execute(sql`update dashboard_refresh_state set current_fiscal_year = ${current} where id = 1`);
    });
  }
  let people = 0;
  let agencies = 0;
  for (let i = 0; i < (opts.maxBatches ?? 40); i++) {
    const taken = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS.dashboardRefresh})`);
      const persons = await takeQueued(tx, 'dashboard_dirty_persons', 'person_id', batch);
      if (persons.length > 0) {
        await tx.execute(sql`select dashboard_refresh_people(${uuidArray(persons)}, ${first}, ${current})`);
      }
      const moved = await takeQueued(tx, 'dashboard_dirty_agencies', 'agency_id', agencyBatch);
      if (moved.length > 0) {
        await tx.execute(sql`select dashboard_refresh_agencies(${uuidArray(moved)}, ${first}, ${current})`);
      }
      return { persons: persons.length, agencies: moved.length };
    });
    if (taken.persons + taken.agencies === 0) break;
    people += taken.persons;
    agencies += taken.agencies;
  }
  // Pages kept under the version are read again (decision 014); an idle refresh keeps them.
  if (turned || people + agencies > 0) await db.execute(sql`update dashboard_version set version = version + 1 where id = 1`);
  const [{ remaining }] = await queryRows<{ remaining: number }>(
    db,
    sql`select (select count(*) from dashboard_dirty_persons) + (select count(*) from dashboard_dirty_agencies) as remaining`,
  );
  const ms = Math.round(performance.now() - started);
  if (Number(remaining) === 0) {
    // "As of" moves only when nothing is left queued: every figure is then at least this fresh.
    await db.execute(sql`insert into dashboard_refresh_state (id, refreshed_at, current_fiscal_year, last_agencies, last_ms)
                         values (1, ${now.toISOString()}, ${current}, ${agencies}, ${ms})
                         on conflict (id) do update set refreshed_at = excluded.refreshed_at, current_fiscal_year = excluded.current_fiscal_year,
                           last_agencies = excluded.last_agencies, last_ms = excluded.last_ms`);
  }
  return { people, agencies, ms, remaining: Number(remaining) };
}

/** Takes up to `limit` marks from a queue, oldest first (skipping marks another refresh holds): their distinct ids. */
function takeQueued(
  tx: Db,
  queue: 'dashboard_dirty_persons' | 'dashboard_dirty_agencies',
  column: 'person_id' | 'agency_id',
  limit: number,
) {
  const table = sql.identifier(queue);
  return queryRows<{ id: string }>(
    tx,
    sql`with d as (delete from ${table} where id in (select id from ${table} order by id limit ${limit} for update skip locked)
                   returning ${sql.identifier(column)} as id)
        select distinct id from d`,
  );
}

const uuidArray = (rows: { id: string }[]) => sql`${`{${rows.map((r) => r.id).join(',')}}`}::uuid[]`;
