import type { z } from 'zod';
import {
  blueprintIssues,
  type CreateAssessmentBody,
  type ListAssessmentsQuery,
  type UpdateAssessmentBody,
} from '../../../../common/contracts/assessment.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import * as itemsRepo from './items.repository.js';
import { canManageAssessments } from './policy.js';
import { loadFrameworkRefs, refIssues } from './refs.js';
import * as repo from './repository.js';

/**
 * Assessments (test blueprints). A blueprint says how many items of each skill area and level a form
 * draws, the time limit, the pass mark per level, the attempts allowed, who may take it (target groups,
 * agencies' subtrees) and when. Publishing needs enough active items in the bank for every row; once
 * anyone has started it, its content (blueprint, time, pass marks) is fixed and only the window,
 * eligibility, texts and status may change.
 */

type Body = CreateAssessmentBody;

async function checkBlueprint(db: Db, body: Body): Promise<void> {
  const errors: FieldError[] = blueprintIssues(body).map((i) => ({
    path: ['body', ...i.path].join('.'),
    message: i.message,
    code: i.code,
  }));
  const refs = await loadFrameworkRefs(db, body.frameworkId);
  if (!refs) {
    errors.push({ path: 'body.frameworkId', message: 'unknown framework', code: 'assessment.unknown_framework' });
    throw AppError.invalid(errors);
  }
  body.blueprint.forEach((r, i) => {
    errors.push(...refIssues(refs, r, `body.blueprint.${i}`));
  });
  const agencies = await repo.findAgencies(db, body.agencyIds);
  body.agencyIds.forEach((id, i) => {
    if (!agencies.some((a) => a.id === id))
      errors.push({ path: `body.agencyIds.${i}`, message: 'unknown agency', code: 'assessment.unknown_agency' });
  });
  if (body.status === 'published') {
    const supply = await itemsRepo.activeSupply(db, body.frameworkId);
    body.blueprint.forEach((r, i) => {
      const available = supply.get(`${r.skillAreaCode}:${r.level}`) ?? 0;
      if (available < r.count)
        errors.push({
          path: `body.blueprint.${i}.count`,
          message: `the bank has ${available} active items for ${r.skillAreaCode} level ${r.level}`,
          code: 'assessment.not_enough_items',
        });
    });
  }
  if (errors.length) throw AppError.invalid(errors);
}

const values = (b: Body) => ({
  frameworkId: b.frameworkId,
  titleTh: b.titleTh,
  titleEn: b.titleEn,
  descriptionTh: b.descriptionTh ?? '',
  descriptionEn: b.descriptionEn ?? '',
  status: b.status ?? 'draft',
  blueprint: b.blueprint,
  timeLimitMinutes: b.timeLimitMinutes,
  passMarks: Object.fromEntries(b.passMarks.map((p) => [String(p.level), p.percent])),
  maxAttempts: b.maxAttempts,
  targetGroupCodes: b.targetGroupCodes ?? [],
  agencyIds: [...new Set(b.agencyIds ?? [])],
  opensAt: new Date(b.opensAt),
  closesAt: new Date(b.closesAt),
});

const auditSummary = (a: repo.AssessmentRow) => ({
  status: a.status,
  questions: a.blueprint.reduce((s, r) => s + r.count, 0),
  timeLimitMinutes: a.timeLimitMinutes,
  maxAttempts: a.maxAttempts,
  opensAt: a.opensAt.toISOString(),
  closesAt: a.closesAt.toISOString(),
});

export async function createAssessment(ctx: Ctx, body: Body) {
  const actor = authorize(ctx, canManageAssessments, undefined);
  return ctx.db.transaction(async (tx) => {
    await checkBlueprint(tx, body);
    const a = await repo.insertAssessment(tx, { ...values(body), createdBy: actor.userId, updatedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'assessment.created', subjectType: 'assessment', subjectId: a.id, summary: auditSummary(a) });
    return a;
  });
}

const rowsKey = (rows: { skillAreaCode: string; level: number; count: number }[]) =>
  rows.map((r) => `${r.skillAreaCode}:${r.level}:${r.count}`).join(',');
const marksKey = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([l, p]) => `${l}:${p}`)
    .sort()
    .join(',');

/** Whether an update leaves what a form is made of and how it is graded as it was. */
const sameContent = (a: repo.AssessmentRow, v: ReturnType<typeof values>) =>
  a.frameworkId === v.frameworkId &&
  a.timeLimitMinutes === v.timeLimitMinutes &&
  rowsKey(a.blueprint) === rowsKey(v.blueprint) &&
  marksKey(a.passMarks) === marksKey(v.passMarks);

export async function updateAssessment(ctx: Ctx, id: string, body: UpdateAssessmentBody) {
  const actor = authorize(ctx, canManageAssessments, undefined);
  return ctx.db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, id, { forUpdate: true });
    if (!a) throw AppError.notFound('assessment');
    if (a.version !== body.version)
      throw AppError.conflict('assessment.version_conflict', `the assessment was changed by someone else (now version ${a.version})`);
    await checkBlueprint(tx, body);
    const v = values(body);
    const started = (await repo.attemptCounts(tx, [id])).get(id) ?? 0;
    if (started > 0 && !sameContent(a, v))
      throw AppError.conflict(
        'assessment.content_locked',
        'people have taken this assessment: its blueprint, time limit and pass marks are fixed',
      );
    const updated = await repo.updateAssessment(tx, id, { ...v, version: a.version + 1, updatedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'assessment.updated', subjectType: 'assessment', subjectId: id, summary: auditSummary(updated) });
    return updated;
  });
}

export async function getAssessment(ctx: Ctx, id: string) {
  authorize(ctx, canManageAssessments, undefined);
  const a = await repo.findAssessment(ctx.db, id);
  if (!a) throw AppError.notFound('assessment');
  const [supply, agencies, counts] = await Promise.all([
    itemsRepo.activeSupply(ctx.db, a.frameworkId),
    repo.findAgencies(ctx.db, a.agencyIds),
    repo.attemptCounts(ctx.db, [a.id]),
  ]);
  return { assessment: a, supply, agencies, attemptCount: counts.get(a.id) ?? 0 };
}

export async function listAssessments(ctx: Ctx, q: z.infer<typeof ListAssessmentsQuery>) {
  authorize(ctx, canManageAssessments, undefined);
  const { rows, total } = await repo.listAssessments(ctx.db, q, q.page, q.pageSize);
  const counts = await repo.attemptCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { rows, counts, total, page: q.page, pageSize: q.pageSize };
}
