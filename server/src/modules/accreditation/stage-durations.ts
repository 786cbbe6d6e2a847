import type { Db } from '../../db/client.js';
import { findStageEndsAfter, type Stage } from './dashboard.repository.js';
import { fiscalYearOf } from './fiscal-year.js';

/**
 * How long each stage took, from the audit trail, for the dashboard's medians: a roll-up kept per database
 * handle and brought up to date on every call by reading only the entries appended since the last read.
 * That is exact because the log is append-only (a trigger refuses changes) and appends are serialised by
 * the chain's lock until commit, so entries become visible in seq order: once a read has covered seq N,
 * no entry at or below N can appear later. Every instance therefore answers from the log as it is when the
 * request arrives, while the work per request is one index range read of what is new.
 */
interface Durations {
  /** Every stage-ending entry up to this seq has been taken in. */
  upTo: number;
  /** Days per fiscal year and stage, each list kept sorted. */
  byYear: Map<number, Record<Stage, number[]>>;
  reading: Promise<void> | null;
}

/** Entries taken in per round trip when catching up (the first call reads the whole history). */
const BATCH = 5_000;

const durations = new WeakMap<Db, Durations>();

async function readNew(db: Db, state: Durations) {
  for (;;) {
    const { upTo, ends } = await findStageEndsAfter(db, state.upTo, BATCH);
    if (upTo < state.upTo) {
      // The log ends before what was already read: the database was restored or replaced. Start over.
      state.upTo = 0;
      state.byYear.clear();
      continue;
    }
    const touched = new Set<number[]>();
    for (const end of ends) {
      if (!end.stage) continue;
      const year = fiscalYearOf(end.atMs);
      let stages = state.byYear.get(year);
      if (!stages) {
        stages = { screening: [], review: [], decision: [] };
        state.byYear.set(year, stages);
      }
      stages[end.stage].push(end.days);
      touched.add(stages[end.stage]);
    }
    // Sorting a sorted list with a few values appended is linear (the engine's sort finds the runs).
    for (const list of touched) list.sort((a, b) => a - b);
    state.upTo = upTo;
    if (ends.length < BATCH) return;
  }
}

/** The durations as of this call. Reads never overlap, so each merges into what the one before left. */
async function upToDate(db: Db): Promise<Durations> {
  let state = durations.get(db);
  if (!state) {
    state = { upTo: 0, byYear: new Map(), reading: null };
    durations.set(db, state);
  }
  // A read under way may have taken its snapshot before this request arrived: let it finish, then read
  // (or join a read that started after it, and so after this request arrived).
  if (state.reading) await state.reading.catch(() => {});
  const current = state;
  current.reading ??= readNew(db, current).finally(() => {
    current.reading = null;
  });
  await current.reading;
  return current;
}

/**
 * PostgreSQL's `round(percentile_cont(0.5) within group (order by v)::numeric, 1)::float8` over sorted
 * values, or null for none: the same interpolation in float8, then the float8-to-numeric conversion
 * (15 significant digits) and numeric rounding (half away from zero) done on the decimal digits.
 */
export function medianDays(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const position = 0.5 * (sorted.length - 1);
  const lo = sorted[Math.floor(position)];
  const hi = sorted[Math.ceil(position)];
  const median = lo === hi ? lo : lo + (position - Math.floor(position)) * (hi - lo);
  const digits = median.toPrecision(15);
  // Below 1e-6 (or from 1e15) the digits come in exponent form: a tiny duration rounds to 0.0, a huge one is whole.
  if (digits.includes('e')) return Math.abs(median) < 1 ? 0 : median;
  const negative = digits.startsWith('-');
  const [whole, fraction = ''] = digits.replace('-', '').split('.');
  const tenths = Number(whole) * 10 + Number(fraction[0] ?? '0') + (Number(fraction[1] ?? '0') >= 5 ? 1 : 0);
  return (negative ? -tenths : tenths) / 10;
}

/** Median days of each stage that ended in the fiscal year (Buddhist era). */
export async function stageMedians(db: Db, fiscalYear: number) {
  const { byYear } = await upToDate(db);
  const stages = byYear.get(fiscalYear);
  return {
    screening: medianDays(stages?.screening ?? []),
    review: medianDays(stages?.review ?? []),
    decision: medianDays(stages?.decision ?? []),
  };
}
