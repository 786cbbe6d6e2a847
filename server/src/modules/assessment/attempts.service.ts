import { randomInt } from 'node:crypto';
import type { AttemptResultView, BlueprintRow, SkillAreaResult } from '../../../../common/contracts/assessment.js';
import { levelReached } from '../../../../common/contracts/assessment.js';
import { AppError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { insertLearningRecords } from '../catalog/repository.js';
import * as repo from './attempts.repository.js';
import { assembleForm, isCorrect, isoDuration } from './form.js';
import * as itemsRepo from './items.repository.js';
import { ownsAttempt } from './policy.js';
import * as blueprints from './repository.js';

/**
 * Taking a test. The server's clock is the only clock: `deadline_at` is fixed at start (start + time
 * limit); an answer saved at or after it is refused (409 `attempt.deadline_passed`), and the attempt is
 * graded from what was saved by whichever comes first: the candidate's submit, the candidate's next
 * request (lazy), or the periodic job (jobs.ts). A submission at or after the deadline counts as made at
 * the deadline.
 */

export type StoredResults = Pick<AttemptResultView, 'skillAreas' | 'questions'>;

/** Whether a person (target group, agency path) may take the assessment; empty lists mean everyone. */
export function isEligible(a: blueprints.AssessmentRow, p: blueprints.CandidateProfile): boolean {
  if (a.targetGroupCodes.length > 0 && !(p.target_group_code && a.targetGroupCodes.includes(p.target_group_code))) return false;
  if (a.agencyIds.length > 0 && !(p.agency_path && a.agencyIds.some((id) => p.agency_path?.includes(`/${id}/`)))) return false;
  return true;
}

export const isOpen = (a: blueprints.AssessmentRow, now: Date) => a.status === 'published' && a.opensAt <= now && now < a.closesAt;

const questionCount = (blueprint: BlueprintRow[]) => blueprint.reduce((s, r) => s + r.count, 0);

/**
 * Grades an in-progress attempt from its saved answers (once: a submitted attempt is returned as it is).
 * Writes the scores, the level reached per skill area, ONE learning record (xAPI-shaped: passed when any
 * skill area reached a level, failed otherwise) and an audit entry, all in the caller's transaction.
 */
export async function gradeAttempt(tx: Db, ctx: Pick<Ctx, 'actor' | 'requestId'>, attemptId: string, now: Date): Promise<repo.AttemptRow> {
  const attempt = await repo.findAttempt(tx, attemptId, { forUpdate: true });
  if (!attempt) throw AppError.notFound('attempt');
  if (attempt.status !== 'in_progress') return attempt;
  const assessment = await repo.findAssessmentOf(tx, attempt);
  const questions = await repo.questionsWithItems(tx, attemptId);
  const answers = await repo.answersOf(tx, attemptId);
  const byPosition = new Map(answers.map((a) => [a.position, a]));
  const timedOut = now >= attempt.deadlineAt;
  const submittedAt = timedOut ? attempt.deadlineAt : now;

  const scored = questions.map((q) => {
    const answer = byPosition.get(q.position);
    const correct = isCorrect(q.item.kind, q.item.key, answer?.response);
    return { position: q.position, skillAreaCode: q.item.skillAreaCode, level: q.item.level, answered: !!answer?.response.length, correct };
  });
  await repo.setAnswerScores(
    tx,
    attemptId,
    scored.filter((s) => byPosition.has(s.position)).map((s) => ({ position: s.position, score: s.correct ? 1 : 0 })),
  );

  const passMarks = assessment.passMarks;
  const areas = [...new Set(assessment.blueprint.map((r) => r.skillAreaCode))];
  const skillAreas: SkillAreaResult[] = areas.map((code) => {
    const levels = [...new Set(assessment.blueprint.filter((r) => r.skillAreaCode === code).map((r) => r.level))].sort((a, b) => a - b);
    const rows = levels.map((level) => {
      const qs = scored.filter((s) => s.skillAreaCode === code && s.level === level);
      const correct = qs.filter((s) => s.correct).length;
      const percent = qs.length ? Math.round((correct / qs.length) * 1000) / 10 : 0;
      const passMark = passMarks[String(level)] ?? 100;
      return { level, correct, total: qs.length, percent, passMark, met: qs.length > 0 && percent >= passMark };
    });
    return { skillAreaCode: code, levelReached: levelReached(rows), levels: rows };
  });
  const raw = scored.filter((s) => s.correct).length;
  const max = scored.length;
  const passed = skillAreas.some((a) => a.levelReached > 0);
  const results: StoredResults = { skillAreas, questions: scored };

  const updated = await repo.markSubmitted(tx, attemptId, {
    submittedAt,
    submittedBy: timedOut ? 'timeout' : 'learner',
    scoreRaw: raw,
    scoreMax: max,
    passed,
    results,
  });
  await repo.insertSkillResults(
    tx,
    skillAreas.map((a) => ({
      attemptId,
      skillAreaCode: a.skillAreaCode,
      userId: attempt.userId,
      frameworkId: assessment.frameworkId,
      level: a.levelReached,
      at: submittedAt,
    })),
  );
  await insertLearningRecords(tx, [
    {
      actorUserId: attempt.userId,
      verb: passed ? 'passed' : 'failed',
      objectType: 'assessment_attempt',
      objectId: attemptId,
      result: {
        score: { scaled: max ? Math.round((raw / max) * 10000) / 10000 : 0, raw, max },
        success: passed,
        completion: true,
        duration: isoDuration(submittedAt.getTime() - attempt.startedAt.getTime()),
        extensions: { skillLevels: Object.fromEntries(skillAreas.map((a) => [a.skillAreaCode, a.levelReached])) },
      },
      context: { assessmentId: assessment.id, frameworkVersionId: assessment.frameworkId },
      authority: 'thaksa:assessment',
      occurredAt: submittedAt,
      recordedBy: ctx.actor?.userId ?? null,
    },
  ]);
  await recordAudit(tx, ctx, {
    action: 'assessment.attempt_submitted',
    subjectType: 'assessment_attempt',
    subjectId: attemptId,
    summary: {
      assessmentId: assessment.id,
      userId: attempt.userId,
      by: timedOut ? 'timeout' : 'learner',
      raw,
      max,
      passed,
      levels: Object.fromEntries(skillAreas.map((a) => [a.skillAreaCode, a.levelReached])),
    },
  });
  return updated;
}

/** The caller's own attempt, or 404 (another person's attempt does not reveal itself). */
async function loadOwnAttempt(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const actor = requireActor(ctx);
  const attempt = await repo.findAttempt(db, id, opts);
  if (!attempt || !ownsAttempt(actor, attempt)) throw AppError.notFound('attempt');
  return attempt;
}

/** Grades the attempt if its time is up (the lazy half of automatic submission). */
async function settleIfOverdue(ctx: Ctx, attempt: repo.AttemptRow, now = new Date()): Promise<repo.AttemptRow> {
  if (attempt.status !== 'in_progress' || now < attempt.deadlineAt) return attempt;
  return ctx.db.transaction((tx) => gradeAttempt(tx, ctx, attempt.id, now));
}

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};

/**
 * Starts an attempt: the assessment must be published and open, the person eligible, no attempt of theirs
 * in progress (409 `attempt.in_progress`; the unique partial index settles races) and attempts left
 * (409 `attempt.limit_reached`). The form is drawn from a random seed kept with the attempt.
 */
export async function startAttempt(ctx: Ctx, assessmentId: string): Promise<repo.AttemptRow> {
  const actor = requireActor(ctx);
  const now = new Date();
  const a = await blueprints.findAssessment(ctx.db, assessmentId);
  if (!a || a.status === 'draft') throw AppError.notFound('assessment');
  if (!isEligible(a, await blueprints.candidateProfile(ctx.db, actor.userId)))
    throw new AppError('assessment.not_eligible', 'this assessment is for other target groups or agencies');
  if (!isOpen(a, now)) throw AppError.conflict('assessment.not_open', 'the assessment is not open now');
  const previous = await repo.attemptsOf(ctx.db, actor.userId, [a.id]);
  for (const p of previous) await settleIfOverdue(ctx, p, now);
  try {
    return await ctx.db.transaction(async (tx) => {
      const mine = await repo.attemptsOf(tx, actor.userId, [a.id]);
      if (mine.some((m) => m.status === 'in_progress'))
        throw AppError.conflict('attempt.in_progress', 'you already have an attempt in progress: resume it');
      if (mine.length >= a.maxAttempts)
        throw AppError.conflict('attempt.limit_reached', `this assessment allows ${a.maxAttempts} attempt(s)`);
      const seed = randomInt(1, 2 ** 31 - 1);
      const pool = await itemsRepo.activePool(tx, a.frameworkId, [...new Set(a.blueprint.map((r) => r.skillAreaCode))]);
      const form = assembleForm(a.blueprint, pool, seed);
      if (!form) throw AppError.conflict('assessment.not_enough_items', 'the item bank cannot fill this assessment now');
      const attempt = await repo.insertAttempt(tx, {
        assessmentId: a.id,
        userId: actor.userId,
        attemptNo: (mine[0]?.attemptNo ?? 0) + 1,
        status: 'in_progress',
        seed,
        questionCount: form.length,
        startedAt: now,
        deadlineAt: new Date(now.getTime() + a.timeLimitMinutes * 60_000),
      });
      await repo.insertQuestions(
        tx,
        form.map((q) => ({
          attemptId: attempt.id,
          position: q.position,
          itemVersionId: q.itemVersionId,
          kind: q.kind,
          optionIds: q.optionIds,
        })),
      );
      await recordAudit(tx, ctx, {
        action: 'assessment.attempt_started',
        subjectType: 'assessment_attempt',
        subjectId: attempt.id,
        summary: { assessmentId: a.id, attemptNo: attempt.attemptNo, questions: form.length, deadlineAt: attempt.deadlineAt.toISOString() },
      });
      return attempt;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw AppError.conflict('attempt.in_progress', 'you already have an attempt in progress: resume it');
    throw e;
  }
}

/** The attempt as its candidate sees it (graded first if its time is up). Keys never leave here. */
export async function getAttempt(ctx: Ctx, id: string) {
  const attempt = await settleIfOverdue(ctx, await loadOwnAttempt(ctx, ctx.db, id));
  const [assessment, questions, answers] = await Promise.all([
    repo.findAssessmentOf(ctx.db, attempt),
    repo.questionsWithItems(ctx.db, id),
    repo.answersOf(ctx.db, id),
  ]);
  return { attempt, assessment, questions, answers, now: new Date() };
}

/**
 * Saves the answer to one question (replacing any earlier one). The happy path is one statement; when it
 * writes nothing, the reason is looked up: not the caller's (404), already submitted (409
 * `attempt.submitted`), past the deadline (409 `attempt.deadline_passed`, and the attempt is graded), no such
 * question (404), or a response that does not fit the question (400 naming `body.response`).
 */
export async function saveAnswer(ctx: Ctx, id: string, position: number, response: string[]) {
  const actor = requireActor(ctx);
  const now = new Date();
  const saved = await repo.upsertAnswer(ctx.db, { attemptId: id, userId: actor.userId, position, response, now });
  if (saved) return { position, savedAt: new Date(saved.saved_at), revision: Number(saved.revision) };
  const attempt = await loadOwnAttempt(ctx, ctx.db, id);
  if (attempt.status !== 'in_progress') throw AppError.conflict('attempt.submitted', 'this attempt has been submitted');
  if (now >= attempt.deadlineAt) {
    await settleIfOverdue(ctx, attempt, now);
    throw AppError.conflict(
      'attempt.deadline_passed',
      'time is up: answers after the deadline are not saved; your saved answers were graded',
    );
  }
  if (!(await repo.findQuestion(ctx.db, id, position))) throw AppError.notFound('question');
  throw AppError.invalid([{ path: 'body.response', message: 'this answer does not fit the question', code: 'assessment.answer_invalid' }]);
}

/** The candidate submits; at or after the deadline this grades what was saved, as made at the deadline. */
export async function submitAttempt(ctx: Ctx, id: string) {
  await loadOwnAttempt(ctx, ctx.db, id);
  return ctx.db.transaction(async (tx) => {
    const attempt = await loadOwnAttempt(ctx, tx, id, { forUpdate: true });
    if (attempt.status !== 'in_progress') throw AppError.conflict('attempt.submitted', 'this attempt has already been submitted');
    return gradeAttempt(tx, ctx, id, new Date());
  });
}

/** The result of a submitted attempt (409 `attempt.not_submitted` before). */
export async function getAttemptResult(ctx: Ctx, id: string) {
  const attempt = await settleIfOverdue(ctx, await loadOwnAttempt(ctx, ctx.db, id));
  if (attempt.status !== 'submitted') throw AppError.conflict('attempt.not_submitted', 'the attempt has not been submitted yet');
  const assessment = await repo.findAssessmentOf(ctx.db, attempt);
  const used = (await repo.attemptsOf(ctx.db, attempt.userId, [assessment.id])).length;
  return { attempt, assessment, attemptsLeft: Math.max(0, assessment.maxAttempts - used) };
}

/** The image of a question of the caller's attempt. */
export async function getQuestionImage(ctx: Ctx, id: string, position: number) {
  await loadOwnAttempt(ctx, ctx.db, id);
  const q = await repo.findQuestion(ctx.db, id, position);
  if (!q) throw AppError.notFound('question');
  const item = await itemsRepo.findItem(ctx.db, q.itemVersionId);
  if (!item?.imageFileId) throw AppError.notFound('image');
  const file = await itemsRepo.findFile(ctx.db, item.imageFileId);
  if (!file) throw AppError.notFound('image');
  return file;
}

/** Published, not yet closed assessments the caller is eligible for, with their attempts. */
export async function listMyAssessments(ctx: Ctx) {
  const actor = requireActor(ctx);
  const now = new Date();
  const [published, profile] = await Promise.all([
    blueprints.publishedAssessments(ctx.db, now),
    blueprints.candidateProfile(ctx.db, actor.userId),
  ]);
  const eligible = published.filter((a) => isEligible(a, profile));
  let attempts = await repo.attemptsOf(
    ctx.db,
    actor.userId,
    eligible.map((a) => a.id),
  );
  if (attempts.some((t) => t.status === 'in_progress' && t.deadlineAt <= now)) {
    for (const t of attempts) await settleIfOverdue(ctx, t, now);
    attempts = await repo.attemptsOf(
      ctx.db,
      actor.userId,
      eligible.map((a) => a.id),
    );
  }
  return eligible.map((a) => {
    const mine = attempts.filter((t) => t.assessmentId === a.id);
    const active = mine.find((t) => t.status === 'in_progress') ?? null;
    const last = mine.find((t) => t.status === 'submitted') ?? null;
    return {
      assessment: a,
      questionCount: questionCount(a.blueprint),
      isOpen: isOpen(a, now),
      attemptsUsed: mine.length,
      active,
      last,
      canStart: isOpen(a, now) && !active && mine.length < a.maxAttempts,
    };
  });
}

/** The time-out job: grades up to `limit` attempts whose deadline has passed; returns how many. */
export async function submitOverdueAttempts(db: Db, now = new Date(), limit = 200): Promise<number> {
  const overdue = await repo.overdueAttempts(db, now, limit);
  const ctx = { actor: null, requestId: 'job:assessment-timeouts' };
  for (const { id } of overdue) await db.transaction((tx) => gradeAttempt(tx, ctx, id, now));
  return overdue.length;
}
