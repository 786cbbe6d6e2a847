import type { RubricCriterion, SubmitReviewBody } from '../../../../common/contracts/accreditation-courses.js';
import { AppError } from '../../../../common/errors.js';
import { actorHasRole, authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './courses.repository.js';
import { buddhistYear, todayInBangkok } from './numbering.js';

/** The criteria used until an officer sets others; weights sum to 100. */
export const DEFAULT_CRITERIA: RubricCriterion[] = [
  {
    code: 'relevance',
    labelTh: 'ความสอดคล้องกับกรอบสมรรถนะและกลุ่มเป้าหมาย',
    labelEn: 'Relevance to the framework and target groups',
    weight: 20,
  },
  { code: 'outcomes', labelTh: 'ความชัดเจนของผลลัพธ์การเรียนรู้', labelEn: 'Clarity of learning outcomes', weight: 15 },
  { code: 'content', labelTh: 'คุณภาพและความทันสมัยของเนื้อหา', labelEn: 'Content quality and currency', weight: 15 },
  {
    code: 'methods',
    labelTh: 'วิธีการสอน (รวมเกณฑ์บรรยายไม่เกิน 60% ปฏิบัติไม่น้อยกว่า 40%)',
    labelEn: 'Teaching methods, including the 60/40 rule',
    weight: 15,
  },
  { code: 'assessment', labelTh: 'การวัดและประเมินผลการเรียนรู้', labelEn: 'Assessment of learning', weight: 15 },
  { code: 'instructors', labelTh: 'คุณสมบัติของวิทยากร', labelEn: 'Instructor qualifications', weight: 10 },
  { code: 'materials', labelTh: 'สื่อและทรัพยากรการเรียนรู้', labelEn: 'Materials and resources', weight: 10 },
];

const canReadRubric = (a: Parameters<typeof actorHasRole>[0]) => actorHasRole(a, 'accreditation_officer', 'reviewer');
const canEditRubric = (a: Parameters<typeof actorHasRole>[0]) => actorHasRole(a, 'accreditation_officer');

/** The active rubric; the default one is created (once, under a lock) when none is active yet. */
export async function loadActiveRubric(ctx: Ctx) {
  const found = await repo.findActiveRubric(ctx.db);
  if (found) return found;
  return ctx.db.transaction(async (tx) => {
    await repo.lockRubrics(tx);
    return (
      (await repo.findActiveRubric(tx)) ??
      (await repo.insertRubric(tx, {
        yearBe: buddhistYear(todayInBangkok()),
        round: 1,
        criteria: DEFAULT_CRITERIA,
        isActive: true,
        createdBy: null,
      }))
    );
  });
}

/** The rubric reviewers score against now (officers and reviewers). */
export async function getActiveRubric(ctx: Ctx) {
  authorize(ctx, canReadRubric, undefined);
  return loadActiveRubric(ctx);
}

/**
 * Replaces the active rubric with new criteria (officers): a new row becomes active and the previous one
 * inactive; reviews already submitted keep pointing at the rubric they were scored against.
 */
export async function updateRubric(ctx: Ctx, criteria: RubricCriterion[]) {
  const actor = authorize(ctx, canEditRubric, undefined);
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total !== 100) throw AppError.invalid([{ path: 'body.criteria', message: `weights must sum to 100 (they sum to ${total})` }]);
  const codes = criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) throw AppError.invalid([{ path: 'body.criteria', message: 'criterion codes must be unique' }]);
  await loadActiveRubric(ctx);
  return ctx.db.transaction(async (tx) => {
    await repo.lockRubrics(tx);
    const yearBe = buddhistYear(todayInBangkok());
    const round = (await repo.maxRubricRound(tx, yearBe)) + 1;
    await repo.deactivateRubrics(tx);
    const created = await repo.insertRubric(tx, { yearBe, round, criteria, isActive: true, createdBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'rubric.updated',
      subjectType: 'rubric',
      subjectId: created.id,
      summary: { yearBe, round, criteria },
    });
    return created;
  });
}

/**
 * Checks that every criterion is scored exactly once and returns the weighted score on 0..100:
 * a score of 1 counts as 0% of the criterion's weight and 5 as 100%.
 */
export function weightedScore(criteria: readonly RubricCriterion[], scores: SubmitReviewBody['scores']): number {
  const known = new Set(criteria.map((c) => c.code));
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    if (!known.has(s.criterionCode))
      throw AppError.invalid([{ path: `body.scores.${i}.criterionCode`, message: 'not a criterion of the active rubric' }]);
    if (seen.has(s.criterionCode)) throw AppError.invalid([{ path: `body.scores.${i}.criterionCode`, message: 'scored twice' }]);
    seen.add(s.criterionCode);
  }
  const missing = criteria.filter((c) => !seen.has(c.code)).map((c) => c.code);
  if (missing.length) throw AppError.invalid([{ path: 'body.scores', message: `criteria not scored: ${missing.join(', ')}` }]);
  const byCode = new Map(scores.map((s) => [s.criterionCode, s.score]));
  const total = criteria.reduce((sum, c) => sum + (c.weight * ((byCode.get(c.code) ?? 1) - 1)) / 4, 0);
  return Math.round(total * 100) / 100;
}
