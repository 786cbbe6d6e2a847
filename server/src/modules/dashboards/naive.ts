import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { fiscalYearRange } from '../accreditation/fiscal-year.js';
import { subtreeRange } from '../people/agencies.repository.js';

export interface NaiveFigures {
  personnel: number;
  learners: number;
  completions: number;
  hours: number;
  self_assessed: number;
  tested: number;
  passed: number;
  idps: number;
}

/**
 * The headline figures of a scope counted straight from the base tables with GROUP BY: what the roll-ups
 * save. Used by the tests (the roll-ups must agree with it) and by the benchmark (as the baseline).
 */
export async function naiveFigures(db: Db, scopeKey: string | null, fy: number, group: string | null): Promise<NaiveFigures> {
  const { start, end } = fiscalYearRange(fy);
  const scope = scopeKey ? subtreeRange(sql`p.agency_key`, scopeKey) : sql`true`;
  const tg = group ? sql` and p.target_group_code = ${group}` : sql``;
  const [row] = await queryRows<NaiveFigures>(
    db,
    sql`with ppl as (select p.id, u.id as user_id, p.employment_status from persons p left join users u on u.person_id = p.id
                     where ${scope}${tg}),
             lr as (select r.*, ppl.id as person_id from ppl join learning_records r on r.actor_user_id = ppl.user_id
                    where r.occurred_at >= ${start}::timestamptz and r.occurred_at < ${end}::timestamptz)
        select (select count(*) from ppl where employment_status = 'active')::int as personnel,
               (select count(distinct person_id) from lr where verb = 'completed')::int as learners,
               (select count(*) from lr where verb = 'completed' and object_type = 'course')::int as completions,
               (select coalesce(sum(case when jsonb_typeof(lr.result->'hours') = 'number' then (lr.result->>'hours')::numeric
                                         else coalesce(e.hours, 0) end), 0)
                from lr left join catalog_entries e on lr.object_type = 'course' and e.course_id = lr.object_id
                where lr.verb = 'completed')::float8 as hours,
               (select count(distinct ppl.id) from ppl join self_assessments s on s.user_id = ppl.user_id
                where s.submitted_at >= ${start}::timestamptz and s.submitted_at < ${end}::timestamptz)::int as self_assessed,
               (select count(distinct person_id) from lr where object_type = 'assessment_attempt' and verb in ('passed', 'failed'))::int as tested,
               (select count(distinct person_id) from lr where object_type = 'assessment_attempt' and verb = 'passed')::int as passed,
               (select count(*) from ppl join development_plans d on d.person_id = ppl.id where d.fiscal_year = ${fy})::int as idps`,
  );
  return row;
}
