import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { type Database, queryRows } from '../../db/client.js';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year.js';
import { medianDays, stageMedians } from './stage-durations.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

const DAY = 24 * 60 * 60 * 1000;

/** The medians as the dashboard computed them before the roll-up, straight from the whole log: the oracle. */
async function mediansInSql(fy: number) {
  const { start, end } = fiscalYearRange(fy);
  const [row] = await queryRows<{ screening: number | null; review: number | null; decision: number | null }>(
    database.db,
    sql`with events as (
          select subject_id, action, at, lag(action) over w as prev_action, lag(at) over w as prev_at
          from audit_entries
          where subject_type = 'course'
            and action in ('course.submit', 'course.resubmit', 'course.send_to_review', 'course.reviews_complete',
                           'course.accredit', 'course.accredit_with_conditions', 'course.request_revision', 'course.reject')
          window w as (partition by subject_id order by seq)
        ), stages as (
          select case
                   when action = 'course.send_to_review' and prev_action in ('course.submit', 'course.resubmit') then 'screening'
                   when action = 'course.reviews_complete' and prev_action = 'course.send_to_review' then 'review'
                   when action in ('course.accredit', 'course.accredit_with_conditions', 'course.request_revision', 'course.reject')
                        and prev_action = 'course.reviews_complete' then 'decision'
                 end as stage,
                 extract(epoch from (at - prev_at)) / 86400.0 as days
          from events where at >= ${start}::timestamptz and at < ${end}::timestamptz
        )
        select
          round((percentile_cont(0.5) within group (order by days) filter (where stage = 'screening'))::numeric, 1)::float8 as screening,
          round((percentile_cont(0.5) within group (order by days) filter (where stage = 'review'))::numeric, 1)::float8 as review,
          round((percentile_cont(0.5) within group (order by days) filter (where stage = 'decision'))::numeric, 1)::float8 as decision
        from stages`,
  );
  return row;
}

/** Appends a course's events (no hash chain: nothing here verifies it), `[action, at]` in order. */
async function appendEvents(courseId: string, events: [string, Date][]) {
  for (const [action, at] of events) {
    await database.db.execute(sql`
      insert into audit_entries (at, actor_label, action, subject_type, subject_id, summary, prev_hash, hash)
      values (${at.toISOString()}::timestamptz, 'test', ${action}, 'course', ${courseId}, '{}'::jsonb, 'test', 'test')`);
  }
}

/** A course through screening, review and a decision, with stage lengths in (fractional) days. */
function lifecycle(submittedAt: Date, screening: number, review: number, decision: number): [string, Date][] {
  const t = (days: number) => new Date(submittedAt.getTime() + days * DAY);
  return [
    ['course.submit', t(0)],
    ['course.send_to_review', t(screening)],
    ['assignment.created', t(screening)],
    ['course.reviews_complete', t(screening + review)],
    ['course.accredit', t(screening + review + decision)],
  ];
}

describe('medianDays', () => {
  it('equals PostgreSQL’s rounded percentile_cont for any values', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 200; i++) {
      const n = 1 + Math.floor(random() * 6);
      // Values near .x5 boundaries, whole seconds over days, and tiny ones.
      const values = Array.from({ length: n }, () =>
        i % 3 === 0 ? Math.round(random() * 400) / 100 + 0.05 : i % 3 === 1 ? Math.round(random() * 40 * 86400) / 86400 : random() / 1e7,
      ).sort((a, b) => a - b);
      const [{ m }] = await queryRows<{ m: number }>(
        database.db,
        sql`select round((percentile_cont(0.5) within group (order by v))::numeric, 1)::float8 as m
            from unnest(${`{${values.join(',')}}`}::float8[]) v`,
      );
      expect(medianDays(values), JSON.stringify(values)).toBe(Number(m));
    }
    expect(medianDays([])).toBeNull();
  });
});

describe('fiscalYearOf', () => {
  it('agrees with fiscalYearRange at the boundaries', () => {
    const { start, end } = fiscalYearRange(2570);
    expect(fiscalYearOf(Date.parse(start))).toBe(2570);
    expect(fiscalYearOf(Date.parse(start) - 1)).toBe(2569);
    expect(fiscalYearOf(Date.parse(end) - 1)).toBe(2570);
    expect(fiscalYearOf(Date.parse(end))).toBe(2571);
    expect(fiscalYearOf(Date.parse('2027-01-15T00:00:00Z'))).toBe(2570);
  });
});

describe('stageMedians', () => {
  it('matches the whole-log computation, and takes in what is appended later', async () => {
    const fy = 2570;
    const { start } = fiscalYearRange(fy);
    const inYear = (days: number) => new Date(Date.parse(start) + days * DAY);
    const expectSame = async () => {
      for (const year of [fy - 1, fy, fy + 1]) expect(await stageMedians(database.db, year)).toEqual(await mediansInSql(year));
    };

    await expectSame(); // nothing yet: nulls
    await appendEvents(randomUUID(), lifecycle(inYear(10), 2.5, 7.25, 1));
    await appendEvents(randomUUID(), lifecycle(inYear(20), 4, 9, 3.35));
    // Screening ends before the year starts; review and decision inside it.
    await appendEvents(randomUUID(), lifecycle(inYear(-1), 0.5, 3, 2));
    await expectSame();

    // A revision round: the resubmission starts screening again; a reopened review is not a stage of its own.
    const revised = randomUUID();
    await appendEvents(revised, [
      ...lifecycle(inYear(30), 1, 2, 1).slice(0, 4),
      ['course.request_revision', inYear(35)],
      ['course.resubmit', inYear(40)],
      ['course.send_to_review', inYear(41.5)],
      ['course.send_to_review', inYear(42)],
    ]);
    await expectSame();
    expect((await stageMedians(database.db, fy)).screening).not.toBeNull();
  });
});
