import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { fiscalYearOf } from '../accreditation/fiscal-year.js';

/** Fiscal years the roll-ups hold: the current one and the four before it. */
export const YEARS_KEPT = 5;

export interface RefreshResult {
  agencies: number;
  ms: number;
  /** Agencies still marked when the tick stopped (0: the roll-ups are up to date). */
  remaining: number;
}

/**
 * Brings the dashboard roll-ups up to date (decision 014): takes agencies marked by the triggers, a batch at
 * a time (`FOR UPDATE SKIP LOCKED`, so two callers never take the same ones), and recomputes them and their
 * ancestors with `dashboard_refresh`. When the fiscal year has turned, every agency is marked first. Safe
 * to run again at any time; run by the jobs tick.
 */
export async function refreshDashboards(db: Db, opts: { now?: Date; batch?: number; maxBatches?: number } = {}): Promise<RefreshResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const current = fiscalYearOf(now.getTime());
  const batch = opts.batch ?? 500;
  const [state] = await queryRows<{ current_fiscal_year: number }>(
    db,
    sql`select current_fiscal_year from dashboard_refresh_state where id = 1`,
  );
  if (state && state.current_fiscal_year !== current) {
    await db.execute(sql`insert into dashboard_dirty (agency_id) select id from agencies on conflict do nothing`);
  }
  let agencies = 0;
  for (let i = 0; i < (opts.maxBatches ?? 40); i++) {
    const taken = await queryRows<{ agency_id: string }>(
      db,
      sql`delete from dashboard_dirty where agency_id in (
            select agency_id from dashboard_dirty order by agency_id limit ${batch} for update skip locked)
          returning agency_id`,
    );
    if (taken.length === 0) break;
    const ids = `{${taken.map((r) => r.agency_id).join(',')}}`;
    await db.execute(sql`select dashboard_refresh(${ids}::uuid[], ${current - YEARS_KEPT + 1}, ${current})`);
    agencies += taken.length;
  }
  const [{ remaining }] = await queryRows<{ remaining: number }>(db, sql`select count(*)::int as remaining from dashboard_dirty`);
  const ms = Math.round(performance.now() - started);
  if (remaining === 0) {
    // "As of" moves only when nothing is left marked: every figure is then at least this fresh.
    await db.execute(sql`insert into dashboard_refresh_state (id, refreshed_at, current_fiscal_year, last_agencies, last_ms)
                         values (1, ${now.toISOString()}, ${current}, ${agencies}, ${ms})
                         on conflict (id) do update set refreshed_at = excluded.refreshed_at, current_fiscal_year = excluded.current_fiscal_year,
                           last_agencies = excluded.last_agencies, last_ms = excluded.last_ms`);
  } else {
    // The year turned and is being filled in: it is not marked again next tick.
    await db.execute(sql`update dashboard_refresh_state set current_fiscal_year = ${current} where id = 1`);
  }
  return { agencies, ms, remaining };
}
