import { type SQL, sql } from 'drizzle-orm';
import { type Db, preparedQuery } from '../../db/client.js';
import type { CourseState } from './state-machine.js';

const DECISION_ACTIONS = ['course.accredit', 'course.accredit_with_conditions', 'course.request_revision', 'course.reject'];
/** The events that start or end a stage; a stage ends with send_to_review, reviews_complete or a decision. */
const STAGE_ACTIONS = ['course.submit', 'course.resubmit', 'course.send_to_review', 'course.reviews_complete', ...DECISION_ACTIONS];
const STAGE_ENDS = ['course.send_to_review', 'course.reviews_complete', ...DECISION_ACTIONS];
const list = (values: string[]): SQL => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Courses in each state, from the per-state roll-up the courses trigger keeps (states left empty keep a 0 row). */
const pipeline = sql`(select coalesce(json_agg(json_build_object('state', s.state, 'count', s.n) order by s.state), '[]'::json)
                      from course_state_counts s where s.n > 0)`;

// queue_due_at is the screening due date while a course waits for screening, so the (state, queue_due_at)
// index answers this from the index alone.
const overdueScreening = sql`(select count(*)::int from courses c
                              where c.state in ('submitted', 'screening') and c.queue_due_at < now())`;

const overdueReviews = sql`(select count(*)::int from review_assignments a
                            where a.state in ('pending', 'accepted') and a.due_at < now())`;

const accredited = sql`(select count(*)::int from courses c
                        where c.accredited_at >= ${sql.placeholder('start')}::timestamptz and c.accredited_at < ${sql.placeholder('end')}::timestamptz)`;

/**
 * The 20 approved reviewers with the most open assignments (counted from the open-assignment index alone),
 * then the overdue ones of just those 20.
 */
const reviewerLoad = sql`(
  select coalesce(json_agg(json_build_object(
           'reviewerId', t.id, 'name', t.name, 'maxConcurrent', t.max_concurrent, 'open', t.open,
           'overdue', (select count(*)::int from review_assignments a
                       where a.reviewer_id = t.id and a.state in ('pending', 'accepted') and a.due_at < now()))
         order by t.open desc, t.name, t.id), '[]'::json)
  from (
    select r.id, u.display_name as name, r.max_concurrent, coalesce(o.n, 0)::int as open
    from reviewers r
    join users u on u.id = r.user_id
    left join (select reviewer_id, count(*) as n from review_assignments where state in ('pending', 'accepted') group by reviewer_id) o
      on o.reviewer_id = r.id
    where r.status = 'approved'
    order by open desc, u.display_name, r.id
    limit 20
  ) t)`;

export interface DashboardFigures {
  pipeline: { state: CourseState; count: number }[];
  overdueScreening: number;
  overdueReviews: number;
  accredited: number;
  reviewerLoad: { reviewerId: string; name: string; open: number; maxConcurrent: number; overdue: number }[];
}

/** The dashboard's figures but the stage medians, in one prepared statement: one round trip, planned once per connection. */
const figures = preparedQuery((db) =>
  db
    .select({
      pipeline: sql<DashboardFigures['pipeline'] | string>`${pipeline}`,
      overdueScreening: sql<number>`${overdueScreening}`,
      overdueReviews: sql<number>`${overdueReviews}`,
      accredited: sql<number>`${accredited}`,
      reviewerLoad: sql<DashboardFigures['reviewerLoad'] | string>`${reviewerLoad}`,
    })
    .from(sql`(values (1)) as one(x)`)
    .prepare('accreditation_dashboard'),
);

/** The figures for the fiscal year [start, end). */
export async function findDashboardFigures(db: Db, range: { start: string; end: string }): Promise<DashboardFigures> {
  const [row] = await figures(db).execute(range);
  // Drivers differ on whether json comes back parsed; normalise here so callers always get objects.
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    ...row,
    pipeline: parse(row.pipeline),
    reviewerLoad: parse(row.reviewerLoad),
  };
}

export type Stage = 'screening' | 'review' | 'decision';
export interface StageEnd {
  /** When the stage ended, in epoch milliseconds. */
  atMs: number;
  /** Null when the previous stage event does not start this stage (e.g. a review reopened). */
  stage: Stage | null;
  days: number;
}

/**
 * Stage-ending events appended after `afterSeq`, each with the days since the course's previous stage
 * event, in log order: at most `limit`, and `upTo`, the last seq this read covers (the newest entry of the
 * log when fewer than `limit` came back, so entries of other kinds are never scanned twice).
 */
const stageEnds = preparedQuery((db) =>
  db
    .select({
      upTo: sql<string | number>`m.up_to`,
      seq: sql<string | number | null>`s.seq`,
      atMs: sql<number | null>`s.at_ms`,
      stage: sql<Stage | null>`s.stage`,
      days: sql<number | null>`s.days`,
    })
    .from(
      sql`(select coalesce(max(seq), 0) as up_to from audit_entries) m
          left join lateral (
            select e.seq, (extract(epoch from e.at) * 1000)::float8 as at_ms,
                   case
                     when e.action = 'course.send_to_review' and p.action in ('course.submit', 'course.resubmit') then 'screening'
                     when e.action = 'course.reviews_complete' and p.action = 'course.send_to_review' then 'review'
                     when e.action in (${list(DECISION_ACTIONS)}) and p.action = 'course.reviews_complete' then 'decision'
                   end as stage,
                   (extract(epoch from (e.at - p.at)) / 86400.0)::float8 as days
            from audit_entries e
            cross join lateral (
              select q.action, q.at from audit_entries q
              where q.subject_type = 'course' and q.subject_id = e.subject_id and q.seq < e.seq and q.action in (${list(STAGE_ACTIONS)})
              order by q.seq desc
              limit 1
            ) p
            where e.seq > ${sql.placeholder('after')} and e.seq <= m.up_to
              and e.subject_type = 'course' and e.action in (${list(STAGE_ENDS)})
            order by e.seq
            limit ${sql.placeholder('limit')}
          ) s on true`,
    )
    .prepare('accreditation_stage_ends'),
);

export async function findStageEndsAfter(db: Db, afterSeq: number, limit: number): Promise<{ upTo: number; ends: StageEnd[] }> {
  const rows = await stageEnds(db).execute({ after: afterSeq, limit });
  const found = rows.filter((r) => r.seq !== null);
  // bigserial comes back as a string from pg; the log stays far below 2^53 entries.
  const upTo = found.length === limit ? Number(found[found.length - 1].seq) : Number(rows[0].upTo);
  return { upTo, ends: found.map((r) => ({ atMs: Number(r.atMs), stage: r.stage, days: Number(r.days) })) };
}
