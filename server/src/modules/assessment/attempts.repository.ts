import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import {
  assessmentAnswers,
  assessmentAttemptQuestions,
  assessmentAttempts,
  assessmentItems,
  assessmentSkillResults,
  assessments,
} from '../../db/schema/index.js';

export type AttemptRow = typeof assessmentAttempts.$inferSelect;

export async function insertAttempt(db: Db, row: typeof assessmentAttempts.$inferInsert): Promise<AttemptRow> {
  const [a] = await db.insert(assessmentAttempts).values(row).returning();
  return a;
}

export async function insertQuestions(db: Db, rows: (typeof assessmentAttemptQuestions.$inferInsert)[]) {
  if (rows.length) await db.insert(assessmentAttemptQuestions).values(rows);
}

export async function findAttempt(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<AttemptRow | undefined> {
  const q = db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** A user's attempts at some assessments, newest first. */
export function attemptsOf(db: Db, userId: string, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([] as AttemptRow[]);
  return db
    .select()
    .from(assessmentAttempts)
    .where(and(eq(assessmentAttempts.userId, userId), inArray(assessmentAttempts.assessmentId, assessmentIds)))
    .orderBy(desc(assessmentAttempts.attemptNo));
}

/** The attempt's questions with the item content they were given (key included: callers strip it). */
export function questionsWithItems(db: Db, attemptId: string) {
  return db
    .select({
      position: assessmentAttemptQuestions.position,
      optionIds: assessmentAttemptQuestions.optionIds,
      item: assessmentItems,
    })
    .from(assessmentAttemptQuestions)
    .innerJoin(assessmentItems, eq(assessmentItems.id, assessmentAttemptQuestions.itemVersionId))
    .where(eq(assessmentAttemptQuestions.attemptId, attemptId))
    .orderBy(asc(assessmentAttemptQuestions.position));
}

export function answersOf(db: Db, attemptId: string) {
  return db.select().from(assessmentAnswers).where(eq(assessmentAnswers.attemptId, attemptId)).orderBy(asc(assessmentAnswers.position));
}

export async function findQuestion(db: Db, attemptId: string, position: number) {
  const [row] = await db
    .select({ itemVersionId: assessmentAttemptQuestions.itemVersionId })
    .from(assessmentAttemptQuestions)
    .where(and(eq(assessmentAttemptQuestions.attemptId, attemptId), eq(assessmentAttemptQuestions.position, position)))
    .limit(1);
  return row;
}

/**
 * Saves one answer in one statement: the upsert happens only if the attempt is the caller's, in progress,
 * before its deadline, the question exists and the response fits it (options of the question; one option
 * for single-answer kinds; every option for ordering). No row back means one of those failed. The attempt row
 * is share-locked, so a save racing a submission waits for the grading and then finds the attempt submitted.
 */
export async function upsertAnswer(
  db: Db,
  a: { attemptId: string; userId: string; position: number; response: string[]; now: Date },
): Promise<{ saved_at: Date | string; revision: number } | undefined> {
  const resp = JSON.stringify(a.response);
  const [row] = await queryRows<{ saved_at: Date | string; revision: number }>(
    db,
    sql`insert into assessment_answers as ans (attempt_id, position, response, saved_at)
        select q.attempt_id, q.position, ${resp}::jsonb, ${a.now}
        from assessment_attempts t
        join assessment_attempt_questions q on q.attempt_id = t.id and q.position = ${a.position}
        where t.id = ${a.attemptId} and t.user_id = ${a.userId} and t.status = 'in_progress' and t.deadline_at > ${a.now}
          and q.option_ids @> ${resp}::jsonb
          and (q.kind not in ('single', 'true_false', 'scenario') or jsonb_array_length(${resp}::jsonb) <= 1)
          and (q.kind <> 'ordering' or jsonb_array_length(${resp}::jsonb) in (0, jsonb_array_length(q.option_ids)))
        for share of t
        on conflict (attempt_id, position) do update
          set response = excluded.response, saved_at = excluded.saved_at, revision = ans.revision + 1
        returning saved_at, revision`,
  );
  return row;
}

export async function setAnswerScores(db: Db, attemptId: string, scores: { position: number; score: number }[]) {
  if (scores.length === 0) return;
  const values = sql.join(
    scores.map((s) => sql`(${s.position}::int, ${s.score}::numeric)`),
    sql`, `,
  );
  await db.execute(sql`update assessment_answers a set score = v.score
    from (values ${values}) as v(position, score)
    where a.attempt_id = ${attemptId} and a.position = v.position`);
}

export async function markSubmitted(db: Db, id: string, values: Partial<typeof assessmentAttempts.$inferInsert>) {
  const [row] = await db
    .update(assessmentAttempts)
    .set({ ...values, status: 'submitted' })
    .where(and(eq(assessmentAttempts.id, id), eq(assessmentAttempts.status, 'in_progress')))
    .returning();
  return row;
}

export async function insertSkillResults(db: Db, rows: (typeof assessmentSkillResults.$inferInsert)[]) {
  if (rows.length) await db.insert(assessmentSkillResults).values(rows);
}

/** In-progress attempts whose deadline has passed (oldest first), for the time-out job. */
export function overdueAttempts(db: Db, now: Date, limit: number) {
  return db
    .select({ id: assessmentAttempts.id })
    .from(assessmentAttempts)
    .where(and(eq(assessmentAttempts.status, 'in_progress'), lte(assessmentAttempts.deadlineAt, now)))
    .orderBy(asc(assessmentAttempts.deadlineAt))
    .limit(limit);
}

export async function findAssessmentOf(db: Db, attempt: { assessmentId: string }) {
  const [a] = await db.select().from(assessments).where(eq(assessments.id, attempt.assessmentId)).limit(1);
  return a;
}
