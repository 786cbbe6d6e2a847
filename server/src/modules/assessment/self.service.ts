import { type StatementBody, type SubmitSelfAssessmentBody, selfLevel } from '../../../../common/contracts/assessment.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import { actorHasRole, authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import * as frameworkRepo from '../framework/repository.js';
import { canEditStatements } from './policy.js';
import { loadFrameworkRefs, refIssues } from './refs.js';
import * as repo from './repository.js';
import { assessedLevels } from './service.js';

/**
 * The self-assessment: behavioural statements ("I can …") per skill area and level of the current
 * framework; the person rates each 1–4 (not yet · with help · on my own · can guide others); the level per
 * skill area is the highest level whose statements, and those of every lower level, average at least 3
 * (common/contracts/assessment.ts `selfLevel`). Every submission is kept, so levels have a history. The
 * shipped statements are SAMPLES (is_sample) written by the platform team, not official text: authors and
 * framework admins rewrite them, which clears the sample mark.
 */

async function currentFrameworkId(ctx: Ctx): Promise<string> {
  const fw = await frameworkRepo.findCurrentFramework(ctx.db);
  if (!fw) throw AppError.notFound('framework');
  return fw.id;
}

export async function getSelfAssessment(ctx: Ctx) {
  const actor = requireActor(ctx);
  const frameworkId = await currentFrameworkId(ctx);
  const [statements, mine, levels] = await Promise.all([
    repo.statementsOf(ctx.db, frameworkId, { activeOnly: !canEditStatements(actor) }),
    repo.selfAssessmentsOf(ctx.db, actor.userId, frameworkId),
    assessedLevels(ctx.db, [actor.userId]),
  ]);
  return {
    frameworkId,
    statements,
    mine,
    tested: levels.get(actor.userId)?.tested ?? {},
    canEditStatements: canEditStatements(actor),
    canRate: actorHasRole(actor, 'learner'),
  };
}

/** Rates every active statement of the current framework (400 naming the missing or unknown ones). */
export async function submitSelfAssessment(ctx: Ctx, body: SubmitSelfAssessmentBody) {
  const actor = requireActor(ctx);
  const frameworkId = await currentFrameworkId(ctx);
  return ctx.db.transaction(async (tx) => {
    const statements = await repo.statementsOf(tx, frameworkId, { activeOnly: true });
    const known = new Map(statements.map((s) => [s.id, s]));
    const ratings = new Map<string, number>();
    const errors: FieldError[] = [];
    body.ratings.forEach((r, i) => {
      if (!known.has(r.statementId))
        errors.push({
          path: `body.ratings.${i}.statementId`,
          message: 'not a statement of the current framework',
          code: 'assessment.unknown_statement',
        });
      else if (ratings.has(r.statementId))
        errors.push({ path: `body.ratings.${i}.statementId`, message: 'rated twice', code: 'assessment.statement_repeated' });
      ratings.set(r.statementId, r.rating);
    });
    const missing = statements.filter((s) => !ratings.has(s.id));
    if (missing.length)
      errors.push({ path: 'body.ratings', message: `${missing.length} statement(s) not rated`, code: 'assessment.statements_unrated' });
    if (errors.length) throw AppError.invalid(errors);

    const areas = [...new Set(statements.map((s) => s.skillAreaCode))];
    const now = new Date();
    const levels = areas.map((code) => {
      const byLevel = new Map<number, number[]>();
      for (const s of statements.filter((x) => x.skillAreaCode === code)) {
        byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), ratings.get(s.id) as number]);
      }
      return { code, level: selfLevel([...byLevel].map(([level, rs]) => ({ level, ratings: rs }))) };
    });
    const saved = await repo.insertSelfAssessment(
      tx,
      { userId: actor.userId, frameworkId, ratings: Object.fromEntries(ratings), submittedAt: now },
      levels.map((l) => ({ skillAreaCode: l.code, userId: actor.userId, level: l.level, at: now })),
    );
    await recordAudit(tx, ctx, {
      action: 'assessment.self_assessed',
      subjectType: 'self_assessment',
      subjectId: saved.id,
      summary: { levels: Object.fromEntries(levels.map((l) => [l.code, l.level])) },
    });
    return saved;
  });
}

async function checkStatement(ctx: Ctx, body: StatementBody) {
  const refs = await loadFrameworkRefs(ctx.db, body.frameworkId);
  if (!refs) throw AppError.invalid([{ path: 'body.frameworkId', message: 'unknown framework', code: 'assessment.unknown_framework' }]);
  const errors = refIssues(refs, body, 'body');
  if (errors.length) throw AppError.invalid(errors);
}

export async function createStatement(ctx: Ctx, body: StatementBody) {
  const actor = authorize(ctx, canEditStatements, undefined);
  await checkStatement(ctx, body);
  return ctx.db.transaction(async (tx) => {
    const s = await repo.insertStatement(tx, { ...body, isSample: false, updatedBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'assessment.statement_created',
      subjectType: 'self_assessment_statement',
      subjectId: s.id,
      summary: body,
    });
    return s;
  });
}

/** Rewrites a statement; a rewritten statement is the editor's own text, no longer a sample. */
export async function updateStatement(ctx: Ctx, id: string, body: StatementBody) {
  const actor = authorize(ctx, canEditStatements, undefined);
  const existing = await repo.findStatement(ctx.db, id);
  if (!existing) throw AppError.notFound('statement');
  await checkStatement(ctx, body);
  return ctx.db.transaction(async (tx) => {
    const s = await repo.updateStatement(tx, id, { ...body, isSample: false, updatedBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'assessment.statement_updated',
      subjectType: 'self_assessment_statement',
      subjectId: id,
      summary: body,
    });
    return s;
  });
}
