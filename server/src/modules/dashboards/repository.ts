import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { SharedReads } from '../../lib/shared-read.js';
import { fiscalYearRange } from '../accreditation/fiscal-year.js';
import { subtreeRange } from '../people/agencies.repository.js';

/** The measures of the fact roll-ups, summed. */
export interface Facts {
  personnel: number;
  learners: number;
  completions: number;
  hours_formal: number;
  hours_on_the_job: number;
  hours_coaching: number;
  self_assessed: number;
  tested: number;
  passed: number;
  assessed: number;
  idps: number;
  idps_approved: number;
  idps_completed: number;
}
export const FACT_NAMES: (keyof Facts)[] = [
  'personnel',
  'learners',
  'completions',
  'hours_formal',
  'hours_on_the_job',
  'hours_coaching',
  'self_assessed',
  'tested',
  'passed',
  'assessed',
  'idps',
  'idps_approved',
  'idps_completed',
];
const sums = (alias: string) => sql.raw(FACT_NAMES.map((n) => `coalesce(sum(${alias}.${n}), 0)::float8 as ${n}`).join(', '));

/** A scope: the nation (null) or one agency's subtree. */
export interface ScopeRef {
  id: string;
  treeKey: string;
}

/** Where the subtree rows of a scope are: the roots for the nation, the agency itself otherwise. */
const treeRows = (alias: string, scope: ScopeRef | null): SQL =>
  scope
    ? sql`${sql.raw(alias)}.agency_id = ${scope.id}`
    : sql`${sql.raw(alias)}.agency_id in (select id from agencies where parent_id is null)`;

const groupFilter = (alias: string, group: string | null): SQL =>
  group ? sql` and ${sql.raw(alias)}.target_group_code = ${group}` : sql``;

/** Facts of the scope by target group for one fiscal year, from the subtree roll-up. */
export function scopeFactsByGroup(db: Db, scope: ScopeRef | null, fy: number, group: string | null) {
  return queryRows<Facts & { target_group_code: string }>(
    db,
    sql`select f.target_group_code, ${sums('f')} from dashboard_tree_facts f
        where ${treeRows('f', scope)} and f.fiscal_year = ${fy}${groupFilter('f', group)}
        group by f.target_group_code`,
  );
}

/** People at each level by target group and skill area, at the start and end of the year. */
export function scopeLevels(db: Db, scope: ScopeRef | null, fy: number, group: string | null) {
  return queryRows<{ target_group_code: string; skill_area_code: string; level: number; people_start: number; people_end: number }>(
    db,
    sql`select l.target_group_code, l.skill_area_code, l.level::int as level,
               sum(l.people_start)::int as people_start, sum(l.people_end)::int as people_end
        from dashboard_tree_levels l
        where ${treeRows('l', scope)} and l.fiscal_year = ${fy}${groupFilter('l', group)}
        group by 1, 2, 3`,
  );
}

export interface ChildRow extends Facts {
  id: string;
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  has_children: boolean;
  plan_state: string | null;
  meeting: number;
  assessed_required: number;
}

/**
 * The agencies directly below the scope with their subtree figures, the state of their plan for the year
 * and how many of their assessed people meet the required level (areas the matrix requires for their group).
 */
export function childRows(db: Db, scope: ScopeRef | null, fy: number, group: string | null, limit: number) {
  return queryRows<ChildRow>(
    db,
    sql`select a.id, a.code, a.name_th, a.name_en, a.kind,
               exists (select 1 from agencies c where c.parent_id = a.id) as has_children,
               (select p.state from agency_plans p where p.agency_id = a.id and p.fiscal_year = ${fy}) as plan_state,
               f.*, coalesce(m.meeting, 0)::int as meeting, coalesce(m.assessed_required, 0)::int as assessed_required
        from agencies a
        left join lateral (select ${sums('x')} from dashboard_tree_facts x
                           where x.agency_id = a.id and x.fiscal_year = ${fy}${groupFilter('x', group)}) f on true
        left join lateral (
          select sum(l.people_end) filter (where l.level >= r.level_rank) as meeting, sum(l.people_end) as assessed_required
          from dashboard_tree_levels l
          join framework_required_levels r on r.target_group_code = l.target_group_code and r.skill_area_code = l.skill_area_code
            and r.level_rank is not null and r.framework_id = (select id from frameworks where is_current limit 1)
          where l.agency_id = a.id and l.fiscal_year = ${fy}${groupFilter('l', group)}
        ) m on true
        where ${scope ? sql`a.parent_id = ${scope.id}` : sql`a.parent_id is null`}
        order by a.code
        limit ${limit}`,
  );
}

/** The required level of each target group in each skill area of the current framework, with the areas and groups in order. */
export async function currentMatrix(db: Db) {
  const rows = await queryRows<{ kind: string; code: string; name_th: string; name_en: string; grp: string | null; level: number | null }>(
    db,
    sql`select 'area' as kind, s.code, s.name_th, s.name_en, null as grp, null::int as level
        from framework_skill_areas s join frameworks f on f.id = s.framework_id where f.is_current
        union all
        select 'group', g.code, g.name_th, g.name_en, null, null
        from framework_target_groups g join frameworks f on f.id = g.framework_id where f.is_current
        union all
        select 'required', r.skill_area_code, '', '', r.target_group_code, r.level_rank
        from framework_required_levels r join frameworks f on f.id = r.framework_id where f.is_current`,
  );
  const areas = rows.filter((r) => r.kind === 'area').map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en }));
  const groups = rows.filter((r) => r.kind === 'group').map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en }));
  const required = new Map(rows.filter((r) => r.kind === 'required').map((r) => [`${r.grp}:${r.code}`, r.level]));
  return { areas, groups, required: (group: string, area: string) => required.get(`${group}:${area}`) ?? null };
}

const inScope = (column: SQL, scope: ScopeRef | null): SQL => (scope ? subtreeRange(column, scope.treeKey) : sql`true`);

/** Agency plans of the year in the scope by state. */
export function plansByState(db: Db, scope: ScopeRef | null, fy: number) {
  return queryRows<{ state: string; count: number }>(
    db,
    sql`select p.state, count(*)::int as count from agency_plans p join agencies a on a.id = p.agency_id
        where p.fiscal_year = ${fy} and ${inScope(sql`a.tree_key`, scope)} group by p.state order by p.state`,
  );
}

/** The plan of the scope's own agency for the year, if any. */
export async function ownPlanId(db: Db, agencyId: string, fy: number): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from agency_plans where agency_id = ${agencyId} and fiscal_year = ${fy}`);
  return row?.id ?? null;
}

/** Cohorts the agencies of the scope started in the year: how many, completed, participants. */
export async function cohortFigures(db: Db, scope: ScopeRef | null, fy: number) {
  const { start, end } = fiscalYearRange(fy);
  const [row] = await queryRows<{ run: number; completed: number; participants: number }>(
    db,
    sql`select count(*)::int as run, count(*) filter (where c.state = 'completed')::int as completed,
               coalesce(sum((select count(*) from cohort_participants cp where cp.cohort_id = c.id)), 0)::int as participants
        from plan_cohorts c join agencies a on a.id = c.agency_id
        where c.starts_on >= (${start}::timestamptz at time zone 'Asia/Bangkok')::date
          and c.starts_on < (${end}::timestamptz at time zone 'Asia/Bangkok')::date
          and ${inScope(sql`a.tree_key`, scope)}`,
  );
  return row;
}

/** Accredited courses in the catalogue by skill area and target group. */
export function catalogueCells(db: Db) {
  return queryRows<{ skill_area_code: string; target_group_code: string; courses: number }>(
    db,
    sql`select area as skill_area_code, grp as target_group_code, count(*)::int as courses
        from catalog_entries e cross join unnest(e.skill_areas) as area cross join unnest(e.target_groups) as grp
        where e.status in ('accredited', 'accredited_with_conditions')
        group by 1, 2`,
  );
}

/** Volunteers and village coverage by province, from the volunteers' roll-up. */
export function provinceCoverage(db: Db) {
  return queryRows<{
    province_code: string;
    name_th: string;
    name_en: string;
    volunteers: number;
    villages: number;
    villages_covered: number;
  }>(
    db,
    sql`select c.code as province_code, p.name_th, p.name_en, c.volunteers, c.villages, c.villages_covered
        from coverage_rollup c join place_provinces p on p.code = c.code
        where c.level = 'province' order by c.code`,
  );
}

interface RefreshStateRow {
  refreshed_at: string | Date | null;
  current_fiscal_year: number | null;
  last_agencies: number | null;
  last_ms: number | null;
  version: string;
}

const refreshStateReads = new SharedReads<RefreshStateRow | undefined>();

/**
 * The dashboards' version with the last refresh's state, read by every dashboard request. Requests asking at
 * once share one read, never one started before they asked (`SharedRead`, decision 019). Read only: the row is
 * handed to every request that shared it.
 */
export function refreshState(db: Db): Promise<RefreshStateRow | undefined> {
  return refreshStateReads.get(db, async () => {
    // The version is there from the start; the refresh state once the first refresh has run.
    const [row] = await queryRows<RefreshStateRow>(
      db,
      sql`select s.refreshed_at, s.current_fiscal_year, s.last_agencies, s.last_ms, v.version
          from dashboard_version v left join dashboard_refresh_state s on s.id = 1 where v.id = 1`,
    );
    return row;
  });
}
