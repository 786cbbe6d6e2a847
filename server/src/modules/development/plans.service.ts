import {
  type AttestActivityBody,
  type DevelopmentActivityInput,
  type DevelopmentPlanState,
  type DraftDevelopmentPlanBody,
  EVIDENCE_MAX_BYTES,
  type UpdateDevelopmentPlanBody,
} from '../../../../common/contracts/development.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import { type Db, readTogether } from '../../db/client.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { fiscalYearRange } from '../accreditation/fiscal-year.js';
import { recordAudit } from '../audit/service.js';
import { issueCertificatesForRecords } from '../credentials/service.js';
import { notifyUsers } from '../notifications/service.js';
import { canAttestActivity, canDecideDevelopmentPlan, canReadDevelopmentPlan, canWriteOwnPlan, type PersonSubject } from './policy.js';
import { computeProfile, loadPersonFor, myPersonId, requireFramework } from './profile.service.js';
import * as repo from './repository.js';
import { type DevelopmentPlanAction, nextDevelopmentPlanState } from './state-machine.js';

/** How far ahead a run counts as "soon" when courses are suggested for a gap. */
export const SUGGESTION_WINDOW_DAYS = 120;
/** Hours proposed for coaching and on-the-job activities per hour of formal course: 70:20:10. */
const MIX_FACTOR = { coaching: 2, on_the_job: 7 } as const;

type Subject = PersonSubject & { actorPersonId: string | null };

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function transition(plan: repo.PlanRow, action: DevelopmentPlanAction): DevelopmentPlanState {
  const next = nextDevelopmentPlanState(plan.state as DevelopmentPlanState, action);
  if (!next)
    throw AppError.conflict(
      'development_plan.illegal_transition',
      `a ${plan.state} plan cannot be ${action === 'edit' ? 'edited' : `${action}d`}`,
    );
  return next;
}

/** The plan with its person, if the caller may read it (404 otherwise). */
async function loadPlan(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const actor = requireActor(ctx);
  const plan = await repo.findPlan(db, id, opts);
  if (!plan) throw AppError.notFound('development plan');
  const [person, actorPersonId] = await readTogether(db, [
    () => repo.findPerson(db, plan.personId),
    () => repo.personIdOfUser(db, actor.userId),
  ]);
  if (!person) throw AppError.notFound('development plan');
  const subject: Subject = { personId: person.id, supervisorId: person.supervisor_id, agencyPath: person.agency_path, actorPersonId };
  if (!canReadDevelopmentPlan(actor, subject)) throw AppError.notFound('development plan');
  return { plan, person, subject };
}

function must(ctx: Ctx, ok: boolean) {
  requireActor(ctx);
  if (!ok) throw AppError.forbidden();
}

/** Courses of the catalogue for each gap of the profile (accredited, at or above the needed level, a run soon). */
async function suggestionsFor(
  db: Db,
  gaps: { area: string; needed: number }[],
  targetGroup: string,
  maxLevel: number,
  frameworkId: string,
  limit: number,
) {
  const today = todayInBangkok();
  const until = addDays(today, SUGGESTION_WINDOW_DAYS);
  return Promise.all(
    gaps.map(async (g) => {
      const wanted = Array.from({ length: Math.max(1, maxLevel - g.needed + 1) }, (_, i) => g.needed + i);
      const rows = await repo.suggestCourses(db, { area: g.area, wantedLevels: wanted, targetGroup, today, until, limit, frameworkId });
      return {
        skillAreaCode: g.area,
        neededLevel: g.needed,
        courses: rows.map((r) => ({
          id: r.course_id,
          runId: r.next_run_id,
          titleTh: r.title_th,
          titleEn: r.title_en,
          providerNameTh: r.provider_name_th,
          providerNameEn: r.provider_name_en,
          hours: Number(r.hours),
          level: Math.min(
            ...r.skill_levels
              .filter((s) => s.startsWith(`${g.area}:`))
              .map((s) => Number(s.split(':')[1]))
              .filter((l) => l >= g.needed),
          ),
          nextRunOn: r.next_run_on,
        })),
      };
    }),
  );
}

/**
 * The person drafts their plan for a fiscal year from the gaps of their profile: for each skill area below
 * the required level, the best accredited catalogue course that teaches it at that level or above and starts
 * within 120 days (10), a coaching activity (20) and an on-the-job assignment (70), with hours in 70:20:10
 * proportion. One plan per person and year (409 `development_plan.exists`). Audit-logged.
 */
export async function draftDevelopmentPlan(ctx: Ctx, body: DraftDevelopmentPlanBody) {
  const actor = requireActor(ctx);
  const personId = await myPersonId(ctx);
  const { person, subject } = await loadPersonFor(ctx, personId);
  must(ctx, canWriteOwnPlan(actor, subject));
  if (!person.user_id) throw AppError.notFound('person');
  const fw = await requireFramework(ctx.db);
  const profile = await computeProfile(ctx.db, person);
  const gaps = profile.rows.filter((r) => (r.gap ?? 0) > 0 && r.requiredLevel !== null);
  const suggestions = await suggestionsFor(
    ctx.db,
    gaps.map((g) => ({ area: g.skillAreaCode, needed: g.requiredLevel as number })),
    person.target_group_code,
    profile.framework.maxLevel,
    fw.framework.id,
    body.coursesPerGap,
  );
  const { end } = fiscalYearRange(body.fiscalYear);
  const dueOn = addDays(end.slice(0, 10), -1);
  const activities: Omit<Parameters<typeof repo.insertActivities>[1][number], 'planId' | 'position'>[] = [];
  for (const g of gaps) {
    const s = suggestions.find((x) => x.skillAreaCode === g.skillAreaCode);
    const course = s?.courses[0];
    const level = g.requiredLevel as number;
    const courseHours = course?.hours ?? 6;
    if (course) {
      activities.push({
        type: 'formal',
        title: course.titleTh,
        skillAreaCode: g.skillAreaCode,
        targetLevel: level,
        courseId: course.id,
        runId: course.runId,
        plannedHours: courseHours,
        dueOn: course.nextRunOn,
      });
    }
    activities.push({
      type: 'coaching',
      title: `รับการโค้ชด้าน${g.nameTh}จากผู้บังคับบัญชาหรือพี่เลี้ยง`,
      description: `พบพี่เลี้ยงเป็นระยะเพื่อทบทวนการนำ${g.nameTh}ไปใช้ในงาน จนถึงระดับ ${level}`,
      skillAreaCode: g.skillAreaCode,
      targetLevel: level,
      plannedHours: courseHours * MIX_FACTOR.coaching,
      dueOn,
    });
    activities.push({
      type: 'on_the_job',
      title: `มอบหมายงานจริงที่ใช้${g.nameTh}`,
      description: `รับผิดชอบงานของหน่วยงานที่ต้องใช้${g.nameTh}ระดับ ${level} และสรุปผลให้ผู้บังคับบัญชา`,
      skillAreaCode: g.skillAreaCode,
      targetLevel: level,
      plannedHours: courseHours * MIX_FACTOR.on_the_job,
      dueOn,
    });
  }
  return ctx.db.transaction(async (tx) => {
    if (await repo.findPlanOfPerson(tx, person.id, body.fiscalYear)) {
      throw AppError.conflict('development_plan.exists', `you already have a plan for fiscal year ${body.fiscalYear}`);
    }
    const plan = await repo.insertPlan(tx, {
      personId: person.id,
      userId: person.user_id as string,
      fiscalYear: body.fiscalYear,
      frameworkId: fw.framework.id,
      targetGroupCode: person.target_group_code,
    });
    await repo.insertActivities(
      tx,
      activities.map((a, i) => ({ ...a, planId: plan.id, position: i + 1 })),
    );
    await recordAudit(tx, ctx, {
      action: 'development_plan.drafted',
      subjectType: 'development_plan',
      subjectId: plan.id,
      summary: {
        personId: person.id,
        fiscalYear: body.fiscalYear,
        gaps: gaps.map((g) => `${g.skillAreaCode}:${g.currentLevel ?? 0}->${g.requiredLevel}`),
        activities: activities.length,
        courses: activities.filter((a) => a.type === 'formal').map((a) => a.courseId),
      },
    });
    return plan;
  });
}

/** Field errors of edited activities: a known skill area and level, a catalogue course for formal ones, its run. */
async function checkActivities(db: Db, activities: DevelopmentActivityInput[], existingIds: Set<string>) {
  const fw = await requireFramework(db);
  const areas = new Set(fw.areas.map((a) => a.code));
  const maxLevel = Math.max(1, ...fw.levels.map((l) => l.rank));
  const courseIds = activities.flatMap((a) => (a.courseId ? [a.courseId] : []));
  const runIds = activities.flatMap((a) => (a.runId ? [a.runId] : []));
  const [courses, runs] = await Promise.all([repo.catalogCourses(db, courseIds), repo.runsOfCourses(db, runIds)]);
  const errors: FieldError[] = [];
  activities.forEach((a, i) => {
    const at = (f: string) => `body.activities.${i}.${f}`;
    if (a.id && !existingIds.has(a.id))
      errors.push({ path: at('id'), message: 'not an activity of this plan', code: 'development.unknown_activity' });
    if (!areas.has(a.skillAreaCode))
      errors.push({ path: at('skillAreaCode'), message: 'not a skill area of the framework', code: 'development.unknown_area' });
    if (a.targetLevel > maxLevel)
      errors.push({ path: at('targetLevel'), message: `the highest level is ${maxLevel}`, code: 'development.level_too_high' });
    if (a.type === 'formal') {
      const c = a.courseId ? courses.get(a.courseId) : undefined;
      if (!a.courseId)
        errors.push({ path: at('courseId'), message: 'choose a course from the catalogue', code: 'development.course_required' });
      else if (!c || !['accredited', 'accredited_with_conditions'].includes(c.status))
        errors.push({ path: at('courseId'), message: 'not an accredited course of the catalogue', code: 'development.unknown_course' });
      if (a.runId && runs.get(a.runId) !== a.courseId)
        errors.push({ path: at('runId'), message: 'not a run of this course', code: 'development.unknown_run' });
    } else if (a.courseId) {
      errors.push({ path: at('courseId'), message: 'only a formal activity has a course', code: 'development.course_not_formal' });
    }
  });
  if (errors.length) throw AppError.invalid(errors);
}

/**
 * The person replaces the activities (and goal) of their draft or returned plan; activities named by id are
 * kept (and changed), the rest are new, missing ones are removed. Send the version you edited (409
 * `development_plan.version_conflict` if the plan changed since).
 */
export async function updateDevelopmentPlan(ctx: Ctx, id: string, body: UpdateDevelopmentPlanBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(ctx, tx, id, { forUpdate: true });
    must(ctx, canWriteOwnPlan(actor, subject));
    transition(plan, 'edit');
    if (plan.version !== body.version) {
      throw AppError.conflict('development_plan.version_conflict', `the plan was changed elsewhere (now version ${plan.version})`);
    }
    const existing = await repo.listActivities(tx, id);
    const existingIds = new Set(existing.map((a) => a.id));
    await checkActivities(tx, body.activities, existingIds);
    const kept = new Set(body.activities.flatMap((a) => (a.id ? [a.id] : [])));
    await repo.deleteActivities(
      tx,
      existing.filter((a) => !kept.has(a.id)).map((a) => a.id),
    );
    const values = (a: DevelopmentActivityInput, position: number) => ({
      position,
      type: a.type,
      title: a.title,
      description: a.description ?? null,
      skillAreaCode: a.skillAreaCode,
      targetLevel: a.targetLevel,
      courseId: a.type === 'formal' ? (a.courseId ?? null) : null,
      runId: a.type === 'formal' ? (a.runId ?? null) : null,
      plannedHours: a.plannedHours,
      dueOn: a.dueOn ?? null,
      coach: a.coach ?? null,
    });
    const fresh: Parameters<typeof repo.insertActivities>[1] = [];
    for (const [i, a] of body.activities.entries()) {
      if (a.id) await repo.updateActivity(tx, a.id, values(a, i + 1));
      else fresh.push({ planId: id, ...values(a, i + 1) });
    }
    await repo.insertActivities(tx, fresh);
    const updated = await repo.updatePlan(tx, id, { goal: body.goal ?? null, version: plan.version + 1 });
    await recordAudit(tx, ctx, {
      action: 'development_plan.updated',
      subjectType: 'development_plan',
      subjectId: id,
      summary: {
        fromVersion: plan.version,
        toVersion: updated.version,
        activities: body.activities.length,
        added: fresh.length,
        removed: existing.length - kept.size,
      },
    });
    return updated;
  });
}

const planLink = (id: string) => `/development/plans/${id}`;

async function supervisorUserIds(db: Db, supervisorPersonId: string | null): Promise<string[]> {
  if (!supervisorPersonId) return [];
  const sup = await repo.findPerson(db, supervisorPersonId);
  return sup?.user_id ? [sup.user_id] : [];
}

/** The person submits their draft or returned plan (it needs at least one activity); the supervisor is told. */
export async function submitDevelopmentPlan(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { plan, person, subject } = await loadPlan(ctx, tx, id, { forUpdate: true });
    must(ctx, canWriteOwnPlan(actor, subject));
    const state = transition(plan, 'submit');
    const activities = await repo.listActivities(tx, id);
    if (activities.length === 0) {
      throw AppError.invalid(
        [{ path: 'activities', message: 'add at least one activity', code: 'development.activities_required' }],
        'the plan is empty',
      );
    }
    if (!person.supervisor_id) {
      throw AppError.invalid(
        [{ path: 'supervisor', message: 'your record names no supervisor; ask HR to set one', code: 'development.no_supervisor' }],
        'no supervisor to approve the plan',
      );
    }
    const updated = await repo.updatePlan(tx, id, { state, submittedAt: new Date() });
    await repo.insertEvent(tx, { planId: id, action: 'submit', actorId: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'development_plan.submitted',
      subjectType: 'development_plan',
      subjectId: id,
      summary: { version: plan.version },
    });
    const year = plan.fiscalYear;
    const name = `${person.title_th}${person.first_name_th} ${person.last_name_th}`;
    await notifyUsers(tx, ctx.config, await supervisorUserIds(tx, person.supervisor_id), {
      kind: 'development_plan.submitted',
      titleTh: `แผนพัฒนารายบุคคลของ ${name} รอการอนุมัติ`,
      titleEn: `${person.first_name_en ?? name}'s development plan awaits your approval`,
      bodyTh: `${name} ส่งแผนพัฒนารายบุคคลประจำปีงบประมาณ ${year} กรุณาพิจารณาอนุมัติหรือส่งกลับพร้อมความเห็น`,
      bodyEn: `${person.first_name_en ?? name} submitted an individual development plan for fiscal year ${year - 543}. Please approve it or return it with comments.`,
      link: planLink(id),
    });
    return updated;
  });
}

async function decide(ctx: Ctx, id: string, action: 'approve' | 'return', comment: string | undefined) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(ctx, tx, id, { forUpdate: true });
    must(ctx, canDecideDevelopmentPlan(actor, subject));
    const state = transition(plan, action);
    const updated = await repo.updatePlan(tx, id, { state, decidedAt: new Date(), decidedBy: actor.userId });
    await repo.insertEvent(tx, { planId: id, action, comment: comment ?? null, actorId: actor.userId });
    await recordAudit(tx, ctx, {
      action: action === 'approve' ? 'development_plan.approved' : 'development_plan.returned',
      subjectType: 'development_plan',
      subjectId: id,
      summary: { version: plan.version, comment: comment ?? null },
    });
    const approved = action === 'approve';
    const year = plan.fiscalYear;
    await notifyUsers(tx, ctx.config, [plan.userId], {
      kind: approved ? 'development_plan.approved' : 'development_plan.returned',
      titleTh: approved ? `แผนพัฒนารายบุคคลปีงบประมาณ ${year} ได้รับอนุมัติ` : `แผนพัฒนารายบุคคลปีงบประมาณ ${year} ถูกส่งกลับให้แก้ไข`,
      titleEn: approved
        ? `Your development plan for FY ${year - 543} is approved`
        : `Your development plan for FY ${year - 543} was returned`,
      bodyTh: `${actor.displayName} ${approved ? 'อนุมัติแผนแล้ว' : 'ส่งแผนกลับให้แก้ไข'}${comment ? `\nความเห็น: ${comment}` : ''}`,
      bodyEn: `${actor.displayName} ${approved ? 'approved the plan' : 'returned the plan for changes'}.${comment ? `\nComments: ${comment}` : ''}`,
      link: '/me/development-plan',
    });
    return updated;
  });
}

/** The person's supervisor approves a submitted plan; the person is told. */
export const approveDevelopmentPlan = (ctx: Ctx, id: string, body: { comment?: string }) => decide(ctx, id, 'approve', body.comment);
/** The supervisor returns a submitted plan with comments; the person edits and submits again. */
export const returnDevelopmentPlan = (ctx: Ctx, id: string, body: { comment: string }) => decide(ctx, id, 'return', body.comment);

const FILE_SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** The evidence file of an attestation, decoded and checked: its bytes must be what its type says, at most 2 MB. */
export function checkEvidenceFile(file: NonNullable<AttestActivityBody['file']>): Buffer {
  const data = Buffer.from(file.base64, 'base64');
  if (data.length === 0) throw AppError.invalid([{ path: 'body.file', message: 'the file is empty', code: 'development.file_empty' }]);
  if (data.length > EVIDENCE_MAX_BYTES) {
    throw AppError.invalid([{ path: 'body.file', message: 'the file is larger than 2 MB', code: 'development.file_too_large' }]);
  }
  if (!FILE_SIGNATURES[file.contentType]?.(data)) {
    throw AppError.invalid([{ path: 'body.file', message: `the file is not a ${file.contentType} file`, code: 'development.file_type' }]);
  }
  return data;
}

/**
 * The person's supervisor attests that a coaching or on-the-job activity of an approved plan was done, with
 * a note or a file (PDF, PNG or JPEG, at most 2 MB). Nobody else attests. The attestation is also a learning
 * record (vouched for by the supervisor); the activity then counts as evidence of its skill area and level,
 * and the plan completes when it was the last activity.
 */
export async function attestActivity(ctx: Ctx, activityId: string, body: AttestActivityBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const activity = await repo.findActivity(tx, activityId, { forUpdate: true });
    if (!activity) throw AppError.notFound('activity');
    const { plan, subject } = await loadPlan(ctx, tx, activity.planId).catch(() => {
      throw AppError.notFound('activity');
    });
    must(ctx, canAttestActivity(actor, subject));
    if (activity.type === 'formal') {
      throw AppError.conflict('development_activity.not_attestable', 'a course completes from its learning record, not by attestation');
    }
    if (plan.state !== 'approved')
      throw AppError.conflict('development_activity.not_attestable', 'only activities of an approved plan are attested');
    if (activity.attestedAt) throw AppError.conflict('development_activity.not_attestable', 'the activity is already attested');
    const data = body.file ? checkEvidenceFile(body.file) : null;
    const now = new Date();
    const recordId = await repo.insertLearningRecord(tx, {
      actorUserId: plan.userId,
      verb: 'completed',
      objectType: 'development_activity',
      objectId: activity.id,
      result: { completion: true, extensions: { skillLevels: { [activity.skillAreaCode]: activity.targetLevel } } },
      context: { planId: plan.id, activityType: activity.type, fiscalYear: plan.fiscalYear, note: body.note ?? null },
      authority: `supervisor:${actor.userId}`,
      occurredAt: now,
      recordedBy: actor.userId,
    });
    await repo.updateActivity(tx, activity.id, {
      attestedAt: now,
      attestedBy: actor.userId,
      attestationNote: body.note ?? null,
      learningRecordId: recordId,
    });
    let fileId: string | null = null;
    if (body.file && data) {
      fileId = (
        await repo.insertEvidenceFile(tx, {
          activityId: activity.id,
          fileName: body.file.name,
          contentType: body.file.contentType,
          byteSize: data.length,
          data,
          uploadedBy: actor.userId,
        })
      ).id;
    }
    await recordAudit(tx, ctx, {
      action: 'development_activity.attested',
      subjectType: 'development_plan',
      subjectId: plan.id,
      summary: { activityId: activity.id, type: activity.type, note: body.note ?? null, fileId, bytes: data?.length ?? 0 },
    });
    await settlePlans(tx, ctx, [plan.id]);
    return plan.id;
  });
}

/** An evidence file, for whoever may read the plan. */
export async function getEvidenceFile(ctx: Ctx, fileId: string) {
  const file = await repo.findEvidenceFile(ctx.db, fileId);
  if (!file) throw AppError.notFound('file');
  const activity = await repo.findActivity(ctx.db, file.activityId);
  if (!activity) throw AppError.notFound('file');
  await loadPlan(ctx, ctx.db, activity.planId).catch(() => {
    throw AppError.notFound('file');
  });
  return file;
}

/** Whether each activity is done, and when: courses by a completion since the fiscal year began, the rest by attestation. */
async function activityStates(db: Db, plan: repo.PlanRow, activities: repo.ActivityRow[]) {
  const since = fiscalYearRange(plan.fiscalYear).start;
  const completions = await repo.courseCompletions(
    db,
    plan.userId,
    activities.flatMap((a) => (a.type === 'formal' && a.courseId ? [a.courseId] : [])),
    since,
  );
  return new Map(
    activities.map((a) => {
      const at = a.type === 'formal' ? (a.courseId ? (completions.get(a.courseId) ?? null) : null) : a.attestedAt;
      return [a.id, at ? new Date(at) : null] as const;
    }),
  );
}

/**
 * Completes approved plans whose every activity is done: the plan becomes completed, the person gets a
 * learning record (verb `completed`, object `development_plan`) and the certificate it earns. Idempotent;
 * called after attestations, after provider completions and when a plan is read (cohort completions of the
 * plans module do not call it).
 */
export async function settlePlans(tx: Db, ctx: Ctx, planIds: string[]): Promise<number> {
  let completed = 0;
  for (const id of planIds) {
    const plan = await repo.findPlan(tx, id, { forUpdate: true });
    if (plan?.state !== 'approved') continue;
    const activities = await repo.listActivities(tx, id);
    if (activities.length === 0) continue;
    const states = await activityStates(tx, plan, activities);
    const times = [...states.values()];
    if (times.some((t) => t === null)) continue;
    const last = new Date(Math.max(...times.map((t) => (t as Date).getTime())));
    await repo.updatePlan(tx, id, { state: transition(plan, 'complete'), completedAt: last });
    await repo.insertEvent(tx, { planId: id, action: 'complete', actorId: null });
    const supervisorName = plan.decidedBy ? ((await repo.userNames(tx, [plan.decidedBy])).get(plan.decidedBy) ?? null) : null;
    const recordId =
      (await repo.insertLearningRecord(tx, {
        actorUserId: plan.userId,
        verb: 'completed',
        objectType: 'development_plan',
        objectId: id,
        result: { completion: true, extensions: { activities: activities.length } },
        context: { fiscalYear: plan.fiscalYear, activities: activities.length, supervisorName },
        authority: plan.decidedBy ? `supervisor:${plan.decidedBy}` : 'platform',
        occurredAt: last,
        recordedBy: ctx.actor?.userId ?? null,
      })) ?? (await repo.findLearningRecordId(tx, plan.userId, 'completed', 'development_plan', id));
    if (recordId) await issueCertificatesForRecords(tx, [recordId]);
    await recordAudit(tx, ctx, {
      action: 'development_plan.completed',
      subjectType: 'development_plan',
      subjectId: id,
      summary: { activities: activities.length, learningRecordId: recordId },
    });
    await notifyUsers(tx, ctx.config, [plan.userId], {
      kind: 'development_plan.completed',
      titleTh: `แผนพัฒนารายบุคคลปีงบประมาณ ${plan.fiscalYear} สำเร็จครบทุกกิจกรรม`,
      titleEn: `Your development plan for FY ${plan.fiscalYear - 543} is complete`,
      bodyTh: 'ยินดีด้วย คุณดำเนินกิจกรรมครบตามแผนแล้ว และได้รับประกาศนียบัตร ดาวน์โหลดได้ที่หน้าประกาศนียบัตรของฉัน',
      bodyEn: 'Congratulations: every activity of your plan is done and a certificate was issued. Download it from My certificates.',
      link: '/me/certificates',
    });
    completed++;
  }
  return completed;
}

/** Everything the plan page shows: activities with their state and evidence, the 70:20:10 mix, progress, history. */
export async function getDevelopmentPlan(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  let loaded = await loadPlan(ctx, ctx.db, id);
  if (loaded.plan.state === 'approved') {
    const done = await ctx.db.transaction((tx) => settlePlans(tx, ctx, [id]));
    if (done) loaded = await loadPlan(ctx, ctx.db, id);
  }
  const { plan, person, subject } = loaded;
  const activities = await repo.listActivities(ctx.db, id);
  const [states, courses, events, files, names, fw] = await Promise.all([
    activityStates(ctx.db, plan, activities),
    repo.catalogCourses(
      ctx.db,
      activities.flatMap((a) => (a.courseId ? [a.courseId] : [])),
    ),
    repo.listEvents(ctx.db, id),
    repo.evidenceFilesOf(
      ctx.db,
      activities.map((a) => a.id),
    ),
    repo.userNames(
      ctx.db,
      activities.flatMap((a) => (a.attestedBy ? [a.attestedBy] : [])),
    ),
    requireFramework(ctx.db),
  ]);
  // Suggestions for the areas the plan works on, so the person can choose another course.
  const areas = [...new Map(activities.map((a) => [a.skillAreaCode, a.targetLevel])).entries()];
  const canEdit = canWriteOwnPlan(actor, subject) && !!nextDevelopmentPlanState(plan.state as DevelopmentPlanState, 'edit');
  const suggestions = canEdit
    ? await suggestionsFor(
        ctx.db,
        areas.map(([area, needed]) => ({ area, needed })),
        person.target_group_code,
        Math.max(1, ...fw.levels.map((l) => l.rank)),
        plan.frameworkId,
        5,
      )
    : [];
  return { plan, person, subject, activities, states, courses, events, files, names, suggestions };
}
export type DevelopmentPlanBundle = Awaited<ReturnType<typeof getDevelopmentPlan>>;

/** The signed-in person's plan for a fiscal year (null when they have not drafted one). */
export async function getMyDevelopmentPlan(ctx: Ctx, fiscalYear: number) {
  const personId = await myPersonId(ctx);
  const plan = await repo.findPlanOfPerson(ctx.db, personId, fiscalYear);
  return plan ? getDevelopmentPlan(ctx, plan.id) : null;
}

/** The supervisor's queue: direct reports' plans to decide and activities to attest, and the reports themselves. */
export async function getSupervisorQueue(ctx: Ctx) {
  const personId = await myPersonId(ctx);
  const [plans, activities, reports] = await Promise.all([
    repo.plansAwaitingDecision(ctx.db, personId),
    repo.activitiesAwaitingAttestation(ctx.db, personId),
    repo.directReports(ctx.db, personId),
  ]);
  return { plans, activities, reports };
}

/**
 * The periodic job's part: approved plans whose every activity is done but that nobody has read since (a
 * cohort completion of the plans module finished their last course) are completed, with their learning
 * record and certificate. At most `limit` plans per tick; idempotent.
 */
export async function settleFinishedPlans(tx: Db, config: Ctx['config'], log: Ctx['log'], limit = 200): Promise<number> {
  const ids = await repo.finishedApprovedPlanIds(tx, limit);
  if (ids.length === 0) return 0;
  return settlePlans(tx, { actor: null, db: tx, config, requestId: 'jobs', log }, ids);
}
