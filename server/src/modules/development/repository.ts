import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows, readTogether } from '../../db/client.js';

/** Array parameters (drizzle would spread a JS array into a list): uuid[] and text[] literals. */
const uuidArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::uuid[]`;
const sqlTextArray = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

import {
  developmentActivities,
  developmentEvidenceFiles,
  developmentPlanEvents,
  developmentPlans,
  learningRecords,
  users,
} from '../../db/schema/index.js';
import { subtreeRange } from '../people/agencies.repository.js';

export type PlanRow = typeof developmentPlans.$inferSelect;
export type ActivityRow = typeof developmentActivities.$inferSelect;

// ---------------------------------------------------------------- people and the framework

export interface PersonRow {
  id: string;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  title_en: string | null;
  first_name_en: string | null;
  last_name_en: string | null;
  target_group_code: string;
  supervisor_id: string | null;
  agency_id: string;
  agency_path: string;
  agency_name_th: string;
  agency_name_en: string;
  user_id: string | null;
}

const PERSON_COLUMNS = sql.raw(`p.id, p.title_th, p.first_name_th, p.last_name_th, p.title_en, p.first_name_en, p.last_name_en,
  p.target_group_code, p.supervisor_id, p.agency_id, a.path as agency_path, a.name_th as agency_name_th, a.name_en as agency_name_en,
  u.id as user_id`);

export async function findPerson(db: Db, personId: string): Promise<PersonRow | undefined> {
  const [row] = await queryRows<PersonRow>(
    db,
    sql`select ${PERSON_COLUMNS} from persons p join agencies a on a.id = p.agency_id left join users u on u.person_id = p.id
        where p.id = ${personId}`,
  );
  return row;
}

/** The person a user account is linked to. */
export async function personIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  return row?.personId ?? null;
}

export async function directReports(db: Db, supervisorPersonId: string): Promise<PersonRow[]> {
  return queryRows<PersonRow>(
    db,
    sql`select ${PERSON_COLUMNS} from persons p join agencies a on a.id = p.agency_id left join users u on u.person_id = p.id
        where p.supervisor_id = ${supervisorPersonId} and p.employment_status = 'active' order by p.sort_name collate "C"`,
  );
}

export interface FrameworkBundle {
  framework: { id: string; code: string; title_th: string; title_en: string };
  areas: { code: string; kind: string; name_th: string; name_en: string }[];
  levels: { rank: number; name_th: string; name_en: string }[];
  groups: { code: string; name_th: string; name_en: string }[];
  required: { target_group_code: string; skill_area_code: string; level_rank: number | null; is_sample: boolean }[];
}

/** The current framework version with its areas, levels, target groups and required-level matrix. */
export async function currentFramework(db: Db): Promise<FrameworkBundle | undefined> {
  const [framework] = await queryRows<FrameworkBundle['framework']>(
    db,
    sql`select id, code, title_th, title_en from frameworks where is_current order by published_at desc nulls last limit 1`,
  );
  if (!framework) return undefined;
  const [areas, levels, groups, required] = await readTogether(db, [
    () =>
      queryRows<FrameworkBundle['areas'][number]>(
        db,
        sql`select code, kind, name_th, name_en from framework_skill_areas where framework_id = ${framework.id} order by sort_order, code`,
      ),
    () =>
      queryRows<FrameworkBundle['levels'][number]>(
        db,
        sql`select rank, name_th, name_en from framework_levels where framework_id = ${framework.id} order by rank`,
      ),
    () =>
      queryRows<FrameworkBundle['groups'][number]>(
        db,
        sql`select code, name_th, name_en from framework_target_groups where framework_id = ${framework.id} order by sort_order, code`,
      ),
    () =>
      queryRows<FrameworkBundle['required'][number]>(
        db,
        sql`select target_group_code, skill_area_code, level_rank, is_sample from framework_required_levels where framework_id = ${framework.id}`,
      ),
  ]);
  return { framework, areas, levels, groups, required };
}

// ---------------------------------------------------------------- evidence

export interface CourseEvidenceRow {
  record_id: string;
  user_id: string;
  course_id: string;
  title_th: string;
  title_en: string;
  skill_levels: string[];
  occurred_at: string | Date;
}

/** Completed catalogue courses of these users under the framework (their `AREA:LEVEL` pairs are the evidence). */
export async function courseEvidence(db: Db, userIds: string[], frameworkId: string): Promise<CourseEvidenceRow[]> {
  if (userIds.length === 0) return [];
  return queryRows<CourseEvidenceRow>(
    db,
    sql`select lr.id as record_id, lr.actor_user_id as user_id, lr.object_id as course_id, ce.title_th, ce.title_en, ce.skill_levels, lr.occurred_at
        from learning_records lr join catalog_entries ce on ce.course_id = lr.object_id
        where lr.actor_user_id = any(${uuidArray(userIds)}) and lr.verb = 'completed' and lr.object_type = 'course'
          and (ce.framework_id is null or ce.framework_id = ${frameworkId})
        order by lr.occurred_at`,
  );
}

export interface ActivityEvidenceRow {
  id: string;
  user_id: string;
  title: string;
  skill_area_code: string;
  target_level: number;
  attested_at: string | Date;
}

/** Attested coaching and on-the-job activities of these users' plans under the framework. */
export async function activityEvidence(db: Db, userIds: string[], frameworkId: string): Promise<ActivityEvidenceRow[]> {
  if (userIds.length === 0) return [];
  return queryRows<ActivityEvidenceRow>(
    db,
    sql`select da.id, dp.user_id, da.title, da.skill_area_code, da.target_level::int as target_level, da.attested_at
        from development_activities da join development_plans dp on dp.id = da.plan_id
        where dp.user_id = any(${uuidArray(userIds)}) and dp.framework_id = ${frameworkId} and da.attested_at is not null
        order by da.attested_at`,
  );
}

export interface HeatPersonRow {
  id: string;
  target_group_code: string;
  user_id: string | null;
}

/** Active personnel of a subtree with their accounts (for the gap heat map). */
export async function activePeopleInSubtree(db: Db, treeKey: string): Promise<HeatPersonRow[]> {
  return queryRows<HeatPersonRow>(
    db,
    sql`select p.id, p.target_group_code, u.id as user_id
        from persons p left join users u on u.person_id = p.id
        where ${subtreeRange(sql`p.agency_key`, treeKey)} and p.employment_status = 'active'`,
  );
}

// ---------------------------------------------------------------- catalogue suggestions

export interface SuggestedCourseRow {
  course_id: string;
  title_th: string;
  title_en: string;
  provider_name_th: string;
  provider_name_en: string;
  hours: number;
  skill_levels: string[];
  next_run_on: string | null;
  next_run_id: string | null;
}

/**
 * Accredited, currently valid catalogue courses that teach the area at one of `wantedLevels` and have a run
 * starting between today and `until` (not cancelled); courses meant for the person's target group first,
 * then the soonest run, then the best rated.
 */
export async function suggestCourses(
  db: Db,
  f: { area: string; wantedLevels: number[]; targetGroup: string; today: string; until: string; limit: number; frameworkId: string },
): Promise<SuggestedCourseRow[]> {
  const wanted = f.wantedLevels.map((l) => `${f.area}:${l}`);
  return queryRows<SuggestedCourseRow>(
    db,
    sql`select ce.course_id, ce.title_th, ce.title_en, ce.provider_name_th, ce.provider_name_en, ce.hours::float8 as hours, ce.skill_levels,
          r.starts_on::text as next_run_on, r.id as next_run_id
        from catalog_entries ce
        join lateral (select id, starts_on from course_runs r where r.course_id = ce.course_id and not r.is_cancelled
                      and r.starts_on >= ${f.today}::date and r.starts_on <= ${f.until}::date order by r.starts_on limit 1) r on true
        where ce.status in ('accredited', 'accredited_with_conditions') and (ce.valid_until is null or ce.valid_until >= ${f.today}::date)
          and ce.skill_levels && ${sqlTextArray(wanted)}
        order by (${f.targetGroup} = any(ce.target_groups)) desc, r.starts_on, ce.rating_avg desc nulls last, ce.title_th
        limit ${f.limit}`,
  );
}

export interface CatalogCourseRow {
  course_id: string;
  status: string;
  title_th: string;
  title_en: string;
  provider_name_th: string;
  provider_name_en: string;
  hours: number;
  skill_levels: string[];
  next_run_on: string | null;
}

export async function catalogCourses(db: Db, ids: string[]): Promise<Map<string, CatalogCourseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<CatalogCourseRow>(
    db,
    sql`select course_id, status, title_th, title_en, provider_name_th, provider_name_en, hours::float8 as hours, skill_levels, next_run_on::text
        from catalog_entries where course_id = any(${uuidArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.course_id, r]));
}

export async function runsOfCourses(db: Db, runIds: string[]): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; course_id: string }>(
    db,
    sql`select id, course_id from course_runs where id = any(${uuidArray(runIds)})`,
  );
  return new Map(rows.map((r) => [r.id, r.course_id]));
}

// ---------------------------------------------------------------- plans

export async function findPlan(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PlanRow | undefined> {
  const q = db.select().from(developmentPlans).where(eq(developmentPlans.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPlanOfPerson(db: Db, personId: string, fiscalYear: number): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(developmentPlans)
    .where(and(eq(developmentPlans.personId, personId), eq(developmentPlans.fiscalYear, fiscalYear)));
  return row;
}

export async function insertPlan(db: Db, row: typeof developmentPlans.$inferInsert): Promise<PlanRow> {
  const [plan] = await db.insert(developmentPlans).values(row).returning();
  return plan;
}

export async function updatePlan(db: Db, id: string, fields: Partial<typeof developmentPlans.$inferInsert>): Promise<PlanRow> {
  const [row] = await db
    .update(developmentPlans)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(developmentPlans.id, id))
    .returning();
  return row;
}

export async function listActivities(db: Db, planId: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(developmentActivities)
    .where(eq(developmentActivities.planId, planId))
    .orderBy(asc(developmentActivities.position));
}

export async function findActivity(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActivityRow | undefined> {
  const q = db.select().from(developmentActivities).where(eq(developmentActivities.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertActivities(db: Db, rows: (typeof developmentActivities.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(developmentActivities).values(rows);
}

export async function updateActivity(db: Db, id: string, fields: Partial<typeof developmentActivities.$inferInsert>): Promise<void> {
  await db.update(developmentActivities).set(fields).where(eq(developmentActivities.id, id));
}

export async function deleteActivities(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(developmentActivities).where(inArray(developmentActivities.id, ids));
}

export async function insertEvent(db: Db, row: typeof developmentPlanEvents.$inferInsert): Promise<void> {
  await db.insert(developmentPlanEvents).values(row);
}

export async function listEvents(db: Db, planId: string) {
  return db
    .select({
      action: developmentPlanEvents.action,
      comment: developmentPlanEvents.comment,
      at: developmentPlanEvents.at,
      actorName: users.displayName,
    })
    .from(developmentPlanEvents)
    .leftJoin(users, eq(users.id, developmentPlanEvents.actorId))
    .where(eq(developmentPlanEvents.planId, planId))
    .orderBy(asc(developmentPlanEvents.at));
}

export async function insertEvidenceFile(db: Db, row: typeof developmentEvidenceFiles.$inferInsert) {
  const [file] = await db.insert(developmentEvidenceFiles).values(row).returning({ id: developmentEvidenceFiles.id });
  return file;
}

export async function evidenceFilesOf(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      id: developmentEvidenceFiles.id,
      activityId: developmentEvidenceFiles.activityId,
      fileName: developmentEvidenceFiles.fileName,
      contentType: developmentEvidenceFiles.contentType,
      byteSize: developmentEvidenceFiles.byteSize,
    })
    .from(developmentEvidenceFiles)
    .where(inArray(developmentEvidenceFiles.activityId, activityIds));
}

export async function findEvidenceFile(db: Db, id: string) {
  const [row] = await db.select().from(developmentEvidenceFiles).where(eq(developmentEvidenceFiles.id, id));
  return row;
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The earliest completion of each course by the user since `since` (a formal activity is done by it). */
export async function courseCompletions(db: Db, userId: string, courseIds: string[], since: string): Promise<Map<string, Date>> {
  if (courseIds.length === 0) return new Map();
  const rows = await queryRows<{ object_id: string; at: string | Date }>(
    db,
    sql`select object_id, min(occurred_at) as at from learning_records
        where actor_user_id = ${userId} and verb = 'completed' and object_type = 'course' and object_id = any(${uuidArray(courseIds)})
          and occurred_at >= ${since}::timestamptz
        group by object_id`,
  );
  return new Map(rows.map((r) => [r.object_id, new Date(r.at)]));
}

/** Approved plans of these users (the ones a new completion may finish). */
export async function approvedPlanIdsOf(db: Db, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: developmentPlans.id })
    .from(developmentPlans)
    .where(and(inArray(developmentPlans.userId, userIds), eq(developmentPlans.state, 'approved')));
  return rows.map((r) => r.id);
}

export interface QueuePlanRow {
  id: string;
  fiscal_year: number;
  state: string;
  submitted_at: string | Date | null;
  activities: number;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string | null;
  last_name_en: string | null;
}

/** Plans of a supervisor's direct reports waiting for a decision. */
export async function plansAwaitingDecision(db: Db, supervisorPersonId: string): Promise<QueuePlanRow[]> {
  return queryRows<QueuePlanRow>(
    db,
    sql`select dp.id, dp.fiscal_year::int as fiscal_year, dp.state, dp.submitted_at,
          (select count(*)::int from development_activities da where da.plan_id = dp.id) as activities,
          p.title_th, p.first_name_th, p.last_name_th, p.first_name_en, p.last_name_en
        from development_plans dp join persons p on p.id = dp.person_id
        where p.supervisor_id = ${supervisorPersonId} and dp.state = 'submitted'
        order by dp.submitted_at`,
  );
}

export interface QueueActivityRow {
  id: string;
  plan_id: string;
  type: string;
  title: string;
  skill_area_code: string;
  target_level: number;
  planned_hours: number;
  due_on: string | null;
  title_th: string;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string | null;
  last_name_en: string | null;
}

/** Coaching and on-the-job activities of direct reports' approved plans that wait for the supervisor's attestation. */
export async function activitiesAwaitingAttestation(db: Db, supervisorPersonId: string): Promise<QueueActivityRow[]> {
  return queryRows<QueueActivityRow>(
    db,
    sql`select da.id, da.plan_id, da.type, da.title, da.skill_area_code, da.target_level::int as target_level,
          da.planned_hours::float8 as planned_hours, da.due_on::text as due_on,
          p.title_th, p.first_name_th, p.last_name_th, p.first_name_en, p.last_name_en
        from development_activities da join development_plans dp on dp.id = da.plan_id join persons p on p.id = dp.person_id
        where p.supervisor_id = ${supervisorPersonId} and dp.state = 'approved' and da.type <> 'formal' and da.attested_at is null
        order by da.due_on nulls last, p.sort_name collate "C", da.position`,
  );
}

// ---------------------------------------------------------------- learning records

export const insertLearningRecord = async (db: Db, row: typeof learningRecords.$inferInsert) => {
  const [r] = await db.insert(learningRecords).values(row).onConflictDoNothing().returning({ id: learningRecords.id });
  return r?.id ?? null;
};

export async function findLearningRecordId(db: Db, userId: string, verb: string, objectType: string, objectId: string) {
  const [r] = await db
    .select({ id: learningRecords.id })
    .from(learningRecords)
    .where(
      and(
        eq(learningRecords.actorUserId, userId),
        eq(learningRecords.verb, verb),
        eq(learningRecords.objectType, objectType),
        eq(learningRecords.objectId, objectId),
      ),
    )
    .limit(1);
  return r?.id ?? null;
}

export interface RecordListRow {
  id: string;
  verb: string;
  object_type: string;
  object_id: string;
  result: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  authority: string;
  occurred_at: string | Date;
  title_th: string | null;
  title_en: string | null;
  authority_name_th: string | null;
  authority_name_en: string | null;
  certificate_number: string | null;
}

/** One learner's records, newest first, with what each is about, who vouches for it and its certificate. */
export async function listRecords(
  db: Db,
  userId: string,
  f: { verb?: string; objectType?: string; limit: number; offset: number },
): Promise<{ rows: RecordListRow[]; total: number }> {
  const where = sql`lr.actor_user_id = ${userId} ${f.verb ? sql`and lr.verb = ${f.verb}` : sql``} ${
    f.objectType ? sql`and lr.object_type = ${f.objectType}` : sql``
  }`;
  const [rows, [count]] = await Promise.all([
    queryRows<RecordListRow>(
      db,
      sql`select lr.id, lr.verb, lr.object_type, lr.object_id, lr.result, lr.context, lr.authority, lr.occurred_at,
            coalesce(ce.title_th, co.title_th, asmt.title_th, da.title,
              case when lr.object_type = 'development_plan' then 'แผนพัฒนารายบุคคล ปีงบประมาณ พ.ศ. ' || dp.fiscal_year end) as title_th,
            coalesce(ce.title_en, co.title_en, asmt.title_en, da.title,
              case when lr.object_type = 'development_plan' then 'Individual development plan, FY ' || (dp.fiscal_year - 543) end) as title_en,
            coalesce(pr.name_th, ag.name_th, au.display_name) as authority_name_th,
            coalesce(pr.name_en, ag.name_en, au.display_name) as authority_name_en,
            c.number as certificate_number
          from learning_records lr
          left join catalog_entries ce on lr.object_type = 'course' and ce.course_id = lr.object_id
          left join courses co on lr.object_type = 'course' and ce.course_id is null and co.id = lr.object_id
          left join assessments asmt on lr.object_type = 'assessment_attempt' and asmt.id::text = lr.context->>'assessmentId'
          left join development_activities da on lr.object_type = 'development_activity' and da.id = lr.object_id
          left join development_plans dp on lr.object_type = 'development_plan' and dp.id = lr.object_id
          left join providers pr on lr.authority like 'provider:%' and pr.id::text = substr(lr.authority, 10)
          left join agencies ag on lr.authority like 'agency:%' and ag.id::text = substr(lr.authority, 8)
          left join users au on lr.authority like 'supervisor:%' and au.id::text = substr(lr.authority, 12)
          left join certificates c on c.learning_record_id = lr.id
          where ${where}
          order by lr.occurred_at desc, lr.id
          limit ${f.limit} offset ${f.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from learning_records lr where ${where}`),
  ]);
  return { rows, total: count.n };
}

// ---------------------------------------------------------------- provider completions (set-based)

export interface ResolvedLearner {
  key: string;
  user_id: string | null;
  person_id: string | null;
}

/**
 * Resolves the batch's learners in one query: citizen-ID hashes through personnel records to their accounts,
 * e-mails to accounts. `key` is `h:<hash>` or `e:<lower-case e-mail>`.
 */
export async function resolveLearners(db: Db, hashes: string[], emails: string[]): Promise<Map<string, ResolvedLearner>> {
  if (hashes.length === 0 && emails.length === 0) return new Map();
  const rows = await queryRows<ResolvedLearner>(
    db,
    sql`select 'h:' || p.citizen_id_hash as key, u.id as user_id, p.id as person_id
          from persons p left join users u on u.person_id = p.id where p.citizen_id_hash = any(${sqlTextArray(hashes)})
        union all
        select 'e:' || lower(u.email), u.id, u.person_id from users u
          where lower(u.email) = any(${sqlTextArray(emails)}) and u.disabled_at is null`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

export interface ResolvedCourse {
  id: string;
  provider_id: string;
  accreditation_number: string | null;
  state: string;
}

/** Resolves the batch's courses by id or accreditation number in one query. */
export async function resolveCourses(db: Db, ids: string[], numbers: string[]): Promise<ResolvedCourse[]> {
  if (ids.length === 0 && numbers.length === 0) return [];
  return queryRows<ResolvedCourse>(
    db,
    sql`select id, provider_id, accreditation_number, state from courses
        where id = any(${uuidArray(ids)}) or accreditation_number = any(${sqlTextArray(numbers)})`,
  );
}

export interface CompletionRow {
  user_id: string;
  course_id: string;
  run_id: string | null;
  occurred_at: string;
  result: Record<string, unknown>;
  context: Record<string, unknown>;
  authority: string;
}

/**
 * One multi-row insert of the batch's statements (a JSON array unpacked by the database); duplicates of
 * earlier statements — or within the batch — are skipped by the statement key. Returns the new records.
 */
export async function insertCompletions(db: Db, rows: CompletionRow[], recordedBy: string): Promise<{ id: string; user_id: string }[]> {
  if (rows.length === 0) return [];
  return queryRows<{ id: string; user_id: string }>(
    db,
    sql`insert into learning_records (actor_user_id, verb, object_type, object_id, run_id, result, context, authority, occurred_at, recorded_by)
        select r.user_id, 'completed', 'course', r.course_id, r.run_id, r.result, r.context, r.authority, r.occurred_at, ${recordedBy}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(user_id uuid, course_id uuid, run_id uuid, occurred_at timestamptz, result jsonb, context jsonb, authority text)
        on conflict do nothing
        returning id, actor_user_id as user_id`,
  );
}

/** Approved plans whose activities are all done (courses completed since the fiscal year began, the rest attested). */
export async function finishedApprovedPlanIds(db: Db, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select dp.id from development_plans dp
        where dp.state = 'approved'
          and exists (select 1 from development_activities da where da.plan_id = dp.id)
          and not exists (select 1 from development_activities da where da.plan_id = dp.id and da.type <> 'formal' and da.attested_at is null)
          and not exists (
            select 1 from development_activities da where da.plan_id = dp.id and da.type = 'formal' and not exists (
              select 1 from learning_records lr
              where lr.actor_user_id = dp.user_id and lr.verb = 'completed' and lr.object_type = 'course' and lr.object_id = da.course_id
                and lr.occurred_at >= make_timestamptz(dp.fiscal_year - 544, 10, 1, 0, 0, 0, 'Asia/Bangkok')))
        order by dp.decided_at
        limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
