import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import {
  agencies,
  assessmentAttempts,
  assessments,
  selfAssessmentLevels,
  selfAssessmentStatements,
  selfAssessments,
} from '../../db/schema/index.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type StatementRow = typeof selfAssessmentStatements.$inferSelect;

// ---------------------------------------------------------------- blueprints

export async function insertAssessment(db: Db, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  const [a] = await db.insert(assessments).values(row).returning();
  return a;
}

export async function findAssessment(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<AssessmentRow | undefined> {
  const q = db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateAssessment(db: Db, id: string, values: Partial<typeof assessments.$inferInsert>): Promise<AssessmentRow> {
  const [row] = await db
    .update(assessments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(assessments.id, id))
    .returning();
  return row;
}

export async function listAssessments(db: Db, f: { status?: string }, page: number, pageSize: number) {
  const cond: SQL | undefined = f.status ? eq(assessments.status, f.status) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(cond)
      .orderBy(desc(assessments.updatedAt), asc(assessments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(assessments).where(cond),
  ]);
  return { rows, total };
}

export async function attemptCounts(db: Db, assessmentIds: string[]): Promise<Map<string, number>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: assessmentAttempts.assessmentId, n: sql<number>`count(*)::int` })
    .from(assessmentAttempts)
    .where(inArray(assessmentAttempts.assessmentId, assessmentIds))
    .groupBy(assessmentAttempts.assessmentId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export function findAgencies(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: agencies.id, nameTh: agencies.nameTh, nameEn: agencies.nameEn, path: agencies.path })
    .from(agencies)
    .where(inArray(agencies.id, ids));
}

/** Published assessments whose window has not closed, newest first (eligibility is checked per person). */
export function publishedAssessments(db: Db, now: Date) {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.status, 'published'), sql`${assessments.closesAt} > ${now}`))
    .orderBy(asc(assessments.closesAt));
}

export interface CandidateProfile {
  person_id: string | null;
  target_group_code: string | null;
  agency_path: string | null;
}

/** The person behind an account (target group and agency path), for eligibility. */
export async function candidateProfile(db: Db, userId: string): Promise<CandidateProfile> {
  const [row] = await queryRows<CandidateProfile>(
    db,
    sql`select p.id as person_id, p.target_group_code, a.path as agency_path
        from users u left join persons p on p.id = u.person_id left join agencies a on a.id = p.agency_id
        where u.id = ${userId}`,
  );
  return row ?? { person_id: null, target_group_code: null, agency_path: null };
}

// ---------------------------------------------------------------- self-assessment

export function statementsOf(db: Db, frameworkId: string, opts: { activeOnly: boolean }) {
  const cond = opts.activeOnly
    ? and(eq(selfAssessmentStatements.frameworkId, frameworkId), eq(selfAssessmentStatements.isActive, true))
    : eq(selfAssessmentStatements.frameworkId, frameworkId);
  return db
    .select()
    .from(selfAssessmentStatements)
    .where(cond)
    .orderBy(
      asc(selfAssessmentStatements.skillAreaCode),
      asc(selfAssessmentStatements.level),
      asc(selfAssessmentStatements.sortOrder),
      asc(selfAssessmentStatements.id),
    );
}

export async function findStatement(db: Db, id: string): Promise<StatementRow | undefined> {
  const [row] = await db.select().from(selfAssessmentStatements).where(eq(selfAssessmentStatements.id, id)).limit(1);
  return row;
}

export async function insertStatement(db: Db, row: typeof selfAssessmentStatements.$inferInsert): Promise<StatementRow> {
  const [s] = await db.insert(selfAssessmentStatements).values(row).returning();
  return s;
}

export async function updateStatement(db: Db, id: string, values: Partial<typeof selfAssessmentStatements.$inferInsert>) {
  const [s] = await db
    .update(selfAssessmentStatements)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(selfAssessmentStatements.id, id))
    .returning();
  return s;
}

export async function insertSelfAssessment(
  db: Db,
  row: typeof selfAssessments.$inferInsert,
  levels: Omit<typeof selfAssessmentLevels.$inferInsert, 'selfAssessmentId'>[],
) {
  const [s] = await db.insert(selfAssessments).values(row).returning();
  if (levels.length) await db.insert(selfAssessmentLevels).values(levels.map((l) => ({ ...l, selfAssessmentId: s.id })));
  return s;
}

/** A user's self-assessments of a framework with their levels, newest first. */
export async function selfAssessmentsOf(db: Db, userId: string, frameworkId: string, limit = 20) {
  const rows = await db
    .select()
    .from(selfAssessments)
    .where(and(eq(selfAssessments.userId, userId), eq(selfAssessments.frameworkId, frameworkId)))
    .orderBy(desc(selfAssessments.submittedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const levels = await db
    .select()
    .from(selfAssessmentLevels)
    .where(
      inArray(
        selfAssessmentLevels.selfAssessmentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    levels: Object.fromEntries(levels.filter((l) => l.selfAssessmentId === r.id).map((l) => [l.skillAreaCode, l.level])),
  }));
}

/** Copies the behavioural statements of one framework version into another (a new draft starts with its base's). */
export async function copyStatements(db: Db, fromFrameworkId: string, toFrameworkId: string): Promise<void> {
  await db.execute(
    sql`insert into self_assessment_statements (framework_id, skill_area_code, level, text_th, text_en, sort_order, is_sample, is_active, updated_by)
        select ${toFrameworkId}::uuid, skill_area_code, level, text_th, text_en, sort_order, is_sample, is_active, updated_by
        from self_assessment_statements where framework_id = ${fromFrameworkId}::uuid`,
  );
}
