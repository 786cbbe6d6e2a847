import type {
  CreateAgencyPlanBody,
  PhaseOption,
  PlanState,
  ReturnAgencyPlanBody,
  UpdateAgencyPlanBody,
} from '../../../../common/contracts/plans.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { formatDateTh } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { findEntriesByIds } from '../catalog/search.repository.js';
import { notifyUsers } from '../notifications/service.js';
import * as agencyRepo from '../people/agencies.repository.js';
import { agencyScopes } from '../people/policy.js';
import { getSetting } from '../settings/service.js';
import { canDecidePlan, canEditPlan, canReadPlan, canWritePlansIn } from './policy.js';
import { computeProgress } from './progress.js';
import * as repo from './repository.js';
import { nextPlanState, type PlanAction } from './state-machine.js';

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;

const ancestorIds = (path: string) => path.split('/').filter(Boolean);

/** The plan, if the caller may see it (404 otherwise, so other agencies' plans do not reveal themselves). */
export async function loadPlan(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedPlan> {
  requireActor(ctx);
  const plan = await repo.findPlan(db, id, opts);
  if (!plan || !canReadPlan(ctx.actor, plan)) throw AppError.notFound('plan');
  return plan;
}

function transition(plan: LoadedPlan, action: PlanAction): PlanState {
  const next = nextPlanState(plan.state as PlanState, action);
  if (!next)
    throw AppError.conflict('plan.illegal_transition', `a ${plan.state} plan cannot be ${action === 'edit' ? 'edited' : `${action}ed`}`);
  return next;
}

type Content = Omit<UpdateAgencyPlanBody, 'version'>;

/** Field errors of a plan's content: a known phase, planned courses from the agency's shortlist, no repeated target. */
async function checkContent(db: Db, agency: { id: string; path: string }, c: Partial<Content>, phases: PhaseOption[]) {
  const errors: FieldError[] = [];
  if (c.phase !== undefined && !phases.some((p) => p.code === c.phase)) {
    errors.push({ path: 'body.phase', message: `not a phase: ${phases.map((p) => p.code).join(', ')}`, code: 'plan.unknown_phase' });
  }
  const seen = new Set<string>();
  (c.targets ?? []).forEach((t, i) => {
    const key = `${t.targetGroupCode}:${t.skillAreaCode}:${t.metric}`;
    if (seen.has(key))
      errors.push({ path: `body.targets.${i}`, message: 'this target is already in the plan', code: 'plan.duplicate_target' });
    seen.add(key);
    if (t.metric.endsWith('_pct') && t.value > 100) {
      errors.push({ path: `body.targets.${i}.value`, message: 'a percentage is at most 100', code: 'plan.pct_over_100' });
    }
  });
  const courseIds = [...new Set(c.plannedCourseIds ?? [])];
  const onShortlist = await repo.shortlistedCourseIds(db, ancestorIds(agency.path), courseIds);
  (c.plannedCourseIds ?? []).forEach((id, i) => {
    if (!onShortlist.has(id)) {
      errors.push({ path: `body.plannedCourseIds.${i}`, message: "not on the agency's shortlist", code: 'plan.course_not_shortlisted' });
    }
  });
  if (errors.length) throw AppError.invalid(errors);
}

const contentValues = (c: Content) => ({
  phase: c.phase,
  objectives: c.objectives,
  targets: c.targets,
  budgetLines: c.budgetLines,
  activities: c.activities,
  plannedCourseIds: [...new Set(c.plannedCourseIds)],
});

const contentSummary = (c: Content) => ({
  phase: c.phase,
  objectives: c.objectives.length,
  targets: c.targets.length,
  budgetLines: c.budgetLines.length,
  budgetTotal: c.budgetLines.reduce((s, b) => s + b.amountBaht, 0),
  activities: c.activities.length,
  plannedCourses: c.plannedCourseIds.length,
});

/** Phases plans may declare (the `plans.phases` setting). */
export const listPhases = (db: Db) => getSetting(db, 'plans.phases');

/**
 * HR starts the plan of an agency in its subtree for a fiscal year (one per agency and year; 409 if it
 * exists). The plan starts as a draft. Audit-logged.
 */
export async function createAgencyPlan(ctx: Ctx, body: CreateAgencyPlanBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const agency = await agencyRepo.findAgency(tx, body.agencyId);
    if (!agency) throw AppError.invalid([{ path: 'body.agencyId', message: 'unknown agency' }]);
    authorize(ctx, canWritePlansIn, agency);
    const phases = await listPhases(tx);
    const content: Content = { ...body, phase: body.phase ?? phases[0].code };
    await checkContent(tx, agency, content, phases);
    if (await repo.findPlanByAgencyYear(tx, agency.id, body.fiscalYear)) {
      throw AppError.conflict('plan.exists', `the agency already has a plan for fiscal year ${body.fiscalYear}`);
    }
    const plan = await repo.insertPlan(tx, {
      agencyId: agency.id,
      fiscalYear: body.fiscalYear,
      ...contentValues(content),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.created',
      subjectType: 'agency_plan',
      subjectId: plan.id,
      summary: { agencyId: agency.id, fiscalYear: body.fiscalYear, ...contentSummary(content) },
    });
    return plan;
  });
}

/**
 * HR replaces the content of a draft or returned plan. The body names the version it was edited from; if
 * another editor saved in between, nothing is written and the answer is 409 `plan.version_conflict`.
 */
export async function updateAgencyPlan(ctx: Ctx, id: string, body: UpdateAgencyPlanBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canEditPlan, plan);
    transition(plan, 'edit');
    if (plan.version !== body.version) {
      throw AppError.conflict('plan.version_conflict', `the plan was changed by someone else (now version ${plan.version})`);
    }
    const { version: _v, ...content } = body;
    await checkContent(tx, plan.agency, content, await listPhases(tx));
    const updated = await repo.updatePlanContent(tx, id, body.version, { ...contentValues(content), updatedBy: actor.userId });
    if (!updated) throw AppError.conflict('plan.version_conflict', 'the plan was changed by someone else');
    await recordAudit(tx, ctx, {
      action: 'plan.updated',
      subjectType: 'agency_plan',
      subjectId: id,
      summary: { fromVersion: plan.version, toVersion: updated.version, ...contentSummary(content) },
    });
    return updated;
  });
}

const planLink = (id: string) => `/plans/${id}`;

/** HR submits a draft or returned plan for approval (it needs objectives and targets); the executives are told. */
export async function submitAgencyPlan(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canEditPlan, plan);
    const state = transition(plan, 'submit');
    const errors: FieldError[] = [];
    if ((plan.objectives as string[]).length === 0)
      errors.push({ path: 'objectives', message: 'state at least one objective', code: 'plan.objectives_required' });
    if ((plan.targets as unknown[]).length === 0)
      errors.push({ path: 'targets', message: 'set at least one target', code: 'plan.targets_required' });
    if (errors.length) throw AppError.invalid(errors, 'the plan is not complete');
    const updated = await repo.updatePlanState(tx, id, { state, submittedAt: new Date(), submittedBy: actor.userId });
    await repo.insertPlanEvent(tx, { planId: id, action: 'submit', actorId: actor.userId });
    await recordAudit(tx, ctx, { action: 'plan.submitted', subjectType: 'agency_plan', subjectId: id, summary: { version: plan.version } });
    const executives = await repo.usersWithAgencyRole(tx, 'agency_executive', ancestorIds(plan.agency.path));
    const year = plan.fiscalYear;
    await notifyUsers(tx, ctx.config, executives, {
      kind: 'plan.submitted',
      titleTh: `แผนพัฒนาบุคลากรปีงบประมาณ ${year} รอการอนุมัติ`,
      titleEn: `Development plan for fiscal year ${year - 543} awaits approval`,
      bodyTh: `${plan.agency.nameTh} ส่งแผนพัฒนาทักษะดิจิทัลประจำปีงบประมาณ ${year} เมื่อ ${formatDateTh(new Date())} กรุณาพิจารณาอนุมัติหรือส่งกลับพร้อมความเห็น`,
      bodyEn: `${plan.agency.nameEn} submitted its digital-skills development plan for fiscal year ${year - 543}. Please approve it or return it with comments.`,
      link: planLink(id),
    });
    return updated;
  });
}

async function decide(ctx: Ctx, id: string, action: 'approve' | 'return', comment: string | undefined) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canDecidePlan, plan);
    const state = transition(plan, action);
    const updated = await repo.updatePlanState(tx, id, { state, decidedAt: new Date(), decidedBy: actor.userId });
    await repo.insertPlanEvent(tx, { planId: id, action, comment: comment ?? null, actorId: actor.userId });
    await recordAudit(tx, ctx, {
      action: action === 'approve' ? 'plan.approved' : 'plan.returned',
      subjectType: 'agency_plan',
      subjectId: id,
      summary: { version: plan.version, comment: comment ?? null },
    });
    const hr = await repo.usersWithAgencyRole(tx, 'agency_admin', ancestorIds(plan.agency.path));
    const year = plan.fiscalYear;
    const approved = action === 'approve';
    await notifyUsers(tx, ctx.config, [...hr, ...(plan.submittedBy ? [plan.submittedBy] : [])], {
      kind: approved ? 'plan.approved' : 'plan.returned',
      titleTh: approved ? `แผนพัฒนาบุคลากรปีงบประมาณ ${year} ได้รับอนุมัติ` : `แผนพัฒนาบุคลากรปีงบประมาณ ${year} ถูกส่งกลับให้แก้ไข`,
      titleEn: approved
        ? `Development plan for fiscal year ${year - 543} approved`
        : `Development plan for fiscal year ${year - 543} returned`,
      bodyTh: `${plan.agency.nameTh}: ${actor.displayName} ${approved ? 'อนุมัติแผนแล้ว' : 'ส่งแผนกลับให้แก้ไข'}${comment ? `\nความเห็น: ${comment}` : ''}`,
      bodyEn: `${plan.agency.nameEn}: ${actor.displayName} ${approved ? 'approved the plan' : 'returned the plan for changes'}.${comment ? `\nComments: ${comment}` : ''}`,
      link: planLink(id),
    });
    return updated;
  });
}

/** An executive of the agency (or an ancestor) approves a submitted plan; HR is told. Approved plans are final. */
export const approveAgencyPlan = (ctx: Ctx, id: string, body: { comment?: string }) => decide(ctx, id, 'approve', body.comment);

/** An executive returns a submitted plan to HR with comments; HR edits it and submits again. */
export const returnAgencyPlan = (ctx: Ctx, id: string, body: ReturnAgencyPlanBody) => decide(ctx, id, 'return', body.comment);

/** Everything the plan page and the report show: content, progress computed from records, courses, cohorts, history. */
export async function getAgencyPlan(ctx: Ctx, id: string) {
  const plan = await loadPlan(ctx, ctx.db, id);
  const [progress, courses, cohorts, events, phases] = await Promise.all([
    computeProgress(ctx.db, plan),
    findEntriesByIds(ctx.db, plan.plannedCourseIds),
    repo.listCohortsOfPlan(ctx.db, id),
    repo.listPlanEvents(ctx.db, id),
    listPhases(ctx.db),
  ]);
  return { plan, progress, courses, cohorts, events, phases };
}
export type PlanBundle = Awaited<ReturnType<typeof getAgencyPlan>>;

/** Plans the caller may see: HR and executives their subtrees' plans, central monitors approved plans nationally. */
export async function listAgencyPlans(ctx: Ctx, q: { agencyId?: string; fiscalYear?: number; state?: string }) {
  const actor = requireActor(ctx);
  const scopeIds = agencyScopes(actor, 'agency_admin', 'agency_executive');
  const hrIds = agencyScopes(actor, 'agency_admin');
  const scopeAgencies = await agencyRepo.findAgenciesByIds(ctx.db, [...new Set(scopeIds)]);
  let agencyKey: string | undefined;
  if (q.agencyId) {
    const agency = await agencyRepo.findAgency(ctx.db, q.agencyId);
    if (!agency) return { rows: [], canCreateFor: [], phases: await listPhases(ctx.db) };
    agencyKey = agency.treeKey;
  }
  const rows = await repo.listPlans(
    ctx.db,
    { subtreeKeys: scopeAgencies.map((a) => a.treeKey), approvedNationally: actor.grants.some((g) => g.role === 'central_monitor') },
    { agencyKey, fiscalYear: q.fiscalYear, state: q.state },
  );
  return { rows, canCreateFor: scopeAgencies.filter((a) => hrIds.includes(a.id)), phases: await listPhases(ctx.db) };
}
