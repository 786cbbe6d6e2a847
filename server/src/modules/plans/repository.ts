import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { agencyPlanEvents, agencyPlans, cohortAttendance, cohortParticipants, planCohorts, users } from '../../db/schema/index.js';
import { subtreeRange } from '../people/agencies.repository.js';

export type PlanRow = typeof agencyPlans.$inferSelect;
export type CohortRow = typeof planCohorts.$inferSelect;

const AGENCY_COLUMNS = sql.raw(`a.code as agency_code, a.name_th as agency_name_th, a.name_en as agency_name_en,
  a.path as agency_path, a.tree_key as agency_key`);

export interface PlanAgency {
  agency_code: string;
  agency_name_th: string;
  agency_name_en: string;
  agency_path: string;
  agency_key: string;
}

export async function insertPlan(db: Db, row: typeof agencyPlans.$inferInsert): Promise<PlanRow> {
  const [plan] = await db.insert(agencyPlans).values(row).returning();
  return plan;
}

export async function findPlanByAgencyYear(db: Db, agencyId: string, fiscalYear: number): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyPlans)
    .where(and(eq(agencyPlans.agencyId, agencyId), eq(agencyPlans.fiscalYear, fiscalYear)));
  return row;
}

/** The plan with its agency's names, path and tree key (locked for update when asked). */
export async function findPlan(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(agencyPlans).where(eq(agencyPlans.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) return undefined;
  const [agency] = await queryRows<PlanAgency>(db, sql`select ${AGENCY_COLUMNS} from agencies a where a.id = ${row.agencyId}`);
  return {
    ...row,
    agency: {
      id: row.agencyId,
      code: agency.agency_code,
      nameTh: agency.agency_name_th,
      nameEn: agency.agency_name_en,
      path: agency.agency_path,
      treeKey: agency.agency_key,
    },
  };
}

/** Replaces the content if the version is still `version`; undefined when someone else saved first. */
export async function updatePlanContent(db: Db, id: string, version: number, fields: Partial<typeof agencyPlans.$inferInsert>) {
  const [row] = await db
    .update(agencyPlans)
    .set({ ...fields, version: sql`${agencyPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agencyPlans.id, id), eq(agencyPlans.version, version)))
    .returning();
  return row;
}

export async function updatePlanState(db: Db, id: string, fields: Partial<typeof agencyPlans.$inferInsert>): Promise<PlanRow> {
  const [row] = await db
    .update(agencyPlans)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(agencyPlans.id, id))
    .returning();
  return row;
}

export async function insertPlanEvent(db: Db, row: typeof agencyPlanEvents.$inferInsert): Promise<void> {
  await db.insert(agencyPlanEvents).values(row);
}

export async function listPlanEvents(db: Db, planId: string) {
  return db
    .select({ action: agencyPlanEvents.action, comment: agencyPlanEvents.comment, at: agencyPlanEvents.at, actorName: users.displayName })
    .from(agencyPlanEvents)
    .leftJoin(users, eq(users.id, agencyPlanEvents.actorId))
    .where(eq(agencyPlanEvents.planId, planId))
    .orderBy(asc(agencyPlanEvents.at));
}

/** Who sees which plans: subtrees (by tree key) where the actor is HR or executive, and approved plans nationally. */
export interface PlanVisibility {
  subtreeKeys: string[];
  approvedNationally: boolean;
}

export interface PlanListRow extends PlanAgency {
  id: string;
  agency_id: string;
  fiscal_year: number;
  state: string;
  phase: string;
  target_count: number;
  budget_total: number;
  cohort_count: number;
  updated_at: string;
}

/** Plans the actor may see, newest year first then agency code; scoped in the query. */
export async function listPlans(db: Db, v: PlanVisibility, f: { agencyKey?: string; fiscalYear?: number; state?: string }) {
  const scopes: SQL[] = v.subtreeKeys.map((k) => subtreeRange(sql`a.tree_key`, k));
  if (v.approvedNationally) scopes.push(sql`p.state = 'approved'`);
  if (scopes.length === 0) return [];
  const conditions: SQL[] = [sql`(${sql.join(scopes, sql` or `)})`];
  if (f.agencyKey) conditions.push(subtreeRange(sql`a.tree_key`, f.agencyKey));
  if (f.fiscalYear) conditions.push(sql`p.fiscal_year = ${f.fiscalYear}`);
  if (f.state) conditions.push(sql`p.state = ${f.state}`);
  return queryRows<PlanListRow>(
    db,
    sql`select p.id, p.agency_id, p.fiscal_year::int as fiscal_year, p.state, p.phase, p.updated_at,
          jsonb_array_length(p.targets)::int as target_count,
          coalesce((select sum((b->>'amountBaht')::numeric) from jsonb_array_elements(p.budget_lines) b), 0)::float8 as budget_total,
          (select count(*)::int from plan_cohorts c where c.plan_id = p.id) as cohort_count,
          ${AGENCY_COLUMNS}
        from agency_plans p join agencies a on a.id = p.agency_id
        where ${sql.join(conditions, sql` and `)}
        order by p.fiscal_year desc, a.code
        limit 500`,
  );
}

/** Courses of these ids on the shortlist of one of these agencies (the plan's agency and its ancestors). */
export async function shortlistedCourseIds(db: Db, agencyIds: string[], courseIds: string[]): Promise<Set<string>> {
  if (courseIds.length === 0 || agencyIds.length === 0) return new Set();
  const rows = await queryRows<{ course_id: string }>(
    db,
    sql`select distinct course_id from course_shortlists
        where agency_id = any(${`{${agencyIds.join(',')}}`}::uuid[]) and course_id = any(${`{${courseIds.join(',')}}`}::uuid[])`,
  );
  return new Set(rows.map((r) => r.course_id));
}

// ---------------------------------------------------------------- progress

export interface TargetStats {
  target_group_code: string;
  skill_area_code: string;
  people: number;
  hours: number;
}

/**
 * Completed learning of active personnel in the subtree within the fiscal year, per (target group, skill
 * area) pair asked for (`ALL`: any area): how many people completed something, and their hours (the
 * record's own hours when it carries them, such as cohort completions, else the course's).
 */
export async function learningStats(
  db: Db,
  scope: { agencyKey: string; from: string; to: string },
  pairs: { group: string; area: string }[],
): Promise<TargetStats[]> {
  if (pairs.length === 0) return [];
  const groups = `{${pairs.map((p) => p.group).join(',')}}`;
  const areas = `{${pairs.map((p) => p.area).join(',')}}`;
  return queryRows<TargetStats>(
    db,
    sql`select t.g as target_group_code, t.a as skill_area_code, x.people, x.hours
        from unnest(${groups}::text[], ${areas}::text[]) as t(g, a)
        cross join lateral (
          select count(distinct p.id)::int as people,
                 coalesce(sum(coalesce((lr.result->>'hours')::numeric, e.hours, 0)), 0)::float8 as hours
          from learning_records lr
          join users u on u.id = lr.actor_user_id
          join persons p on p.id = u.person_id
          left join catalog_entries e on e.course_id = lr.object_id
          where lr.verb = 'completed' and lr.object_type = 'course'
            and lr.occurred_at >= ${scope.from}::timestamptz and lr.occurred_at < ${scope.to}::timestamptz
            and ${subtreeRange(sql`p.agency_key`, scope.agencyKey)}
            and p.target_group_code = t.g and p.employment_status = 'active'
            and (t.a = 'ALL' or t.a = any(e.skill_areas))
        ) x`,
  );
}

// ---------------------------------------------------------------- cohorts

export async function insertCohort(db: Db, row: typeof planCohorts.$inferInsert): Promise<CohortRow> {
  const [cohort] = await db.insert(planCohorts).values(row).returning();
  return cohort;
}

export async function findCohort(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CohortRow | undefined> {
  const q = db.select().from(planCohorts).where(eq(planCohorts.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export interface CohortSummaryRow {
  id: string;
  title: string;
  course_id: string;
  course_title_th: string;
  course_title_en: string;
  starts_on: string;
  ends_on: string;
  mode: string;
  capacity: number;
  state: string;
  enrolled: number;
  completed: number;
}

export async function listCohortsOfPlan(db: Db, planId: string) {
  return queryRows<CohortSummaryRow>(
    db,
    sql`select c.id, c.title, c.course_id, co.title_th as course_title_th, co.title_en as course_title_en,
          c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.mode, c.capacity, c.state,
          (select count(*)::int from cohort_participants cp where cp.cohort_id = c.id) as enrolled,
          (select count(*)::int from cohort_participants cp where cp.cohort_id = c.id and cp.completed) as completed
        from plan_cohorts c join courses co on co.id = c.course_id
        where c.plan_id = ${planId}
        order by c.starts_on, c.created_at`,
  );
}

export interface ParticipantRow {
  person_id: string;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string | null;
  last_name_en: string | null;
  email: string | null;
  target_group_code: string;
  completed: boolean;
  user_id: string | null;
  sort_name: string;
}

/** Participants in Thai name order, with their account if they have one. */
export async function listParticipants(db: Db, cohortId: string) {
  return queryRows<ParticipantRow>(
    db,
    sql`select p.id as person_id, p.title_th, p.first_name_th, p.last_name_th, p.first_name_en, p.last_name_en, p.email,
          p.target_group_code, cp.completed, u.id as user_id, p.sort_name
        from cohort_participants cp join persons p on p.id = cp.person_id
        left join users u on u.person_id = p.id
        where cp.cohort_id = ${cohortId}
        order by p.sort_name collate "C", p.id`,
  );
}

export async function listAttendance(db: Db, cohortId: string) {
  return db
    .select({ personId: cohortAttendance.personId, session: cohortAttendance.session, status: cohortAttendance.status })
    .from(cohortAttendance)
    .where(eq(cohortAttendance.cohortId, cohortId));
}

export async function countParticipants(db: Db, cohortId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cohort_participants where cohort_id = ${cohortId}`);
  return row.n;
}

/** Which of these people (by id) are in the subtree. */
export async function personsInSubtree(db: Db, agencyKey: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id from persons p where p.id = any(${`{${ids.join(',')}}`}::uuid[]) and ${subtreeRange(sql`p.agency_key`, agencyKey)}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** People of the subtree found by e-mail (lower-cased), as a map from e-mail to person id. */
export async function personsByEmailInSubtree(db: Db, agencyKey: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await queryRows<{ id: string; email: string }>(
    db,
    sql`select p.id, lower(p.email) as email from persons p
        where lower(p.email) = any(${`{${emails.map((e) => `"${e.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])
          and ${subtreeRange(sql`p.agency_key`, agencyKey)}`,
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function insertParticipants(db: Db, rows: (typeof cohortParticipants.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(cohortParticipants).values(rows).onConflictDoNothing().returning({ id: cohortParticipants.personId });
  return inserted.length;
}

export async function enrolledPersonIds(db: Db, cohortId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: cohortParticipants.personId })
    .from(cohortParticipants)
    .where(and(eq(cohortParticipants.cohortId, cohortId), inArray(cohortParticipants.personId, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function upsertAttendance(db: Db, rows: (typeof cohortAttendance.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(cohortAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [cohortAttendance.cohortId, cohortAttendance.personId, cohortAttendance.session],
      set: { status: sql`excluded.status`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`now()` },
    });
}

export async function markCompleted(db: Db, cohortId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .update(cohortParticipants)
    .set({ completed: true })
    .where(and(eq(cohortParticipants.cohortId, cohortId), inArray(cohortParticipants.personId, personIds)));
}

export async function updateCohort(db: Db, id: string, fields: Partial<typeof planCohorts.$inferInsert>): Promise<void> {
  await db.update(planCohorts).set(fields).where(eq(planCohorts.id, id));
}

/** Users holding one of these roles in one of these agencies (the agency and its ancestors). */
export async function usersWithAgencyRole(db: Db, role: string, agencyIds: string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct g.user_id from role_grants g join users u on u.id = g.user_id
        where g.role = ${role} and g.scope_type = 'agency' and g.scope_id = any(${`{${agencyIds.join(',')}}`}::text[])
          and u.disabled_at is null`,
  );
  return rows.map((r) => r.user_id);
}

/** Names of the current framework's skill areas and target groups, for reports. */
export async function currentFrameworkNames(db: Db) {
  const rows = await queryRows<{ kind: string; code: string; name_th: string; name_en: string }>(
    db,
    sql`select 'area' as kind, s.code, s.name_th, s.name_en from framework_skill_areas s join frameworks f on f.id = s.framework_id where f.is_current
        union all
        select 'group' as kind, g.code, g.name_th, g.name_en from framework_target_groups g join frameworks f on f.id = g.framework_id where f.is_current`,
  );
  const pick = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.code, { th: r.name_th, en: r.name_en }]));
  return { areas: pick('area'), groups: pick('group') };
}
