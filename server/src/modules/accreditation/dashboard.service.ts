import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { fiscalYearBe } from '../../lib/thai-text.js';
import { getSetting } from '../settings/service.js';
import { canReadDashboard } from './courses.policy.js';
import type { CourseState } from './state-machine.js';

/** Start (inclusive) and end (exclusive) of a Thai fiscal year, 1 October to 1 October, midnight in Bangkok. */
export function fiscalYearRange(fyBe: number): { start: string; end: string } {
  const endCe = fyBe - 543;
  return { start: `${endCe - 1}-09-30T17:00:00Z`, end: `${endCe}-09-30T17:00:00Z` };
}

const DECISION_ACTIONS = ['course.accredit', 'course.accredit_with_conditions', 'course.request_revision', 'course.reject'];

/**
 * The officer's overview: the pipeline now, overdue work now, and for the fiscal year the accreditations
 * against the target and the median days each stage took (from the audit trail of state changes).
 */
export async function getAccreditationDashboard(ctx: Ctx, q: { fiscalYearBe?: number }) {
  authorize(ctx, canReadDashboard, undefined);
  const fy = q.fiscalYearBe ?? fiscalYearBe();
  const { start, end } = fiscalYearRange(fy);
  const db = ctx.db;
  const [pipeline, [overdue], [accredited], [medians], load, yearlyTarget, screeningDays, reviewDays] = await Promise.all([
    queryRows<{ state: CourseState; count: number }>(
      db,
      sql`select state, count(*)::int as count from courses group by state order by state`,
    ),
    queryRows<{ screening: number; reviews: number }>(
      db,
      sql`select
            (select count(*)::int from courses where state in ('submitted', 'screening') and screening_due_at < now()) as screening,
            (select count(*)::int from review_assignments a where a.state in ('pending', 'accepted') and a.due_at < now()) as reviews`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from courses where accredited_at >= ${start}::timestamptz and accredited_at < ${end}::timestamptz`,
    ),
    queryRows<{ screening: number | null; review: number | null; decision: number | null }>(
      db,
      sql`with events as (
            select subject_id, action, at,
                   lag(action) over w as prev_action, lag(at) over w as prev_at
            from audit_entries
            where subject_type = 'course'
              and action in ('course.submit', 'course.resubmit', 'course.send_to_review', 'course.reviews_complete', ${sql.join(
                DECISION_ACTIONS.map((a) => sql`${a}`),
                sql`, `,
              )})
            window w as (partition by subject_id order by seq)
          ), stages as (
            select case
                     when action = 'course.send_to_review' and prev_action in ('course.submit', 'course.resubmit') then 'screening'
                     when action = 'course.reviews_complete' and prev_action = 'course.send_to_review' then 'review'
                     when action in (${sql.join(
                       DECISION_ACTIONS.map((a) => sql`${a}`),
                       sql`, `,
                     )}) and prev_action = 'course.reviews_complete' then 'decision'
                   end as stage,
                   extract(epoch from (at - prev_at)) / 86400.0 as days
            from events
            where at >= ${start}::timestamptz and at < ${end}::timestamptz
          )
          select
            round((percentile_cont(0.5) within group (order by days) filter (where stage = 'screening'))::numeric, 1)::float8 as screening,
            round((percentile_cont(0.5) within group (order by days) filter (where stage = 'review'))::numeric, 1)::float8 as review,
            round((percentile_cont(0.5) within group (order by days) filter (where stage = 'decision'))::numeric, 1)::float8 as decision
          from stages`,
    ),
    queryRows<{ reviewerId: string; name: string; open: number; maxConcurrent: number; overdue: number }>(
      db,
      sql`select r.id as "reviewerId", u.display_name as name, r.max_concurrent as "maxConcurrent",
                 count(a.id)::int as open,
                 (count(a.id) filter (where a.due_at < now()))::int as overdue
          from reviewers r
          join users u on u.id = r.user_id
          left join review_assignments a on a.reviewer_id = r.id and a.state in ('pending', 'accepted')
          where r.status = 'approved'
          group by r.id, u.display_name, r.max_concurrent
          order by open desc, u.display_name
          limit 20`,
    ),
    getSetting(db, 'accreditation.yearlyTarget'),
    getSetting(db, 'accreditation.screeningDays'),
    getSetting(db, 'accreditation.reviewDays'),
  ]);
  return {
    fiscalYearBe: fy,
    asOf: new Date().toISOString(),
    pipeline,
    overdue,
    accreditedThisYear: accredited.n,
    yearlyTarget,
    medianDays: medians,
    reviewerLoad: load,
    serviceLevels: { screeningDays, reviewDays },
  };
}
