import { TEACHING_METHODS } from '../../../../common/contracts/accreditation.js';
import type { CreateCohortBody, EnrollInCohortBody, RecordAttendanceBody } from '../../../../common/contracts/plans.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { checkLectureShare } from '../accreditation/checks.js';
import { recordAudit } from '../audit/service.js';
import { insertLearningRecords } from '../catalog/repository.js';
import { findEntriesByIds } from '../catalog/search.repository.js';
import { canManageCohorts } from './policy.js';
import * as repo from './repository.js';
import { loadPlan } from './service.js';

/** The lecture ≤ 60% check of a cohort's design: classroom and blended cohorts (online meetings are not classrooms). */
export const cohortDesignCheck = (c: { mode: string; hours: unknown }) =>
  [checkLectureShare(c.hours as Record<string, number>, c.mode === 'online_meeting' ? 'online' : c.mode)].filter((r) => r !== null);

const totalHours = (hours: unknown) => TEACHING_METHODS.reduce((s, m) => s + ((hours as Record<string, number>)[m] ?? 0), 0);

/** The cohort and its plan, if the caller may see the plan (404 otherwise). */
async function loadCohort(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  requireActor(ctx);
  const cohort = await repo.findCohort(db, id, opts);
  if (!cohort) throw AppError.notFound('cohort');
  const plan = await loadPlan(ctx, db, cohort.planId).catch(() => {
    throw AppError.notFound('cohort');
  });
  return { cohort, plan };
}

async function loadManagedOpenCohort(ctx: Ctx, db: Db, id: string) {
  const loaded = await loadCohort(ctx, db, id, { forUpdate: true });
  authorize(ctx, canManageCohorts, loaded.plan);
  if (loaded.cohort.state === 'completed') throw AppError.conflict('cohort.completed', 'the cohort is completed');
  return loaded;
}

function checkCohort(body: CreateCohortBody): FieldError[] {
  const errors: FieldError[] = [];
  if (body.endsOn < body.startsOn)
    errors.push({ path: 'body.endsOn', message: 'the cohort cannot end before it starts', code: 'run.ends_before_start' });
  if (body.mode !== 'online_meeting' && !body.venue)
    errors.push({ path: 'body.venue', message: 'a classroom needs its place', code: 'cohort.venue_required' });
  if (body.mode !== 'classroom' && !body.meetingUrl) {
    errors.push({ path: 'body.meetingUrl', message: 'an online meeting needs its link', code: 'cohort.meeting_url_required' });
  }
  if (totalHours(body.hours) <= 0)
    errors.push({ path: 'body.hours', message: 'total hours must be more than 0', code: 'cohort.hours_zero' });
  for (const r of cohortDesignCheck(body)) {
    errors.push({ path: `body.${r.field ?? 'hours'}`, message: r.messageEn, code: `cohort.${r.code}` });
  }
  return errors;
}

/**
 * HR adds a cohort (รุ่น) to a plan of its subtree: a catalogue course, dates, mode, place or meeting link,
 * capacity, sessions and hours by method; a classroom or blended design must keep lecture at most 60% of
 * classroom hours (the accreditation rule). Audit-logged.
 */
export async function createCohort(ctx: Ctx, planId: string, body: CreateCohortBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(ctx, tx, planId);
    authorize(ctx, canManageCohorts, plan);
    const errors = checkCohort(body);
    if ((await findEntriesByIds(tx, [body.courseId])).length === 0) {
      errors.push({ path: 'body.courseId', message: 'not a course of the catalogue', code: 'cohort.unknown_course' });
    }
    if (errors.length) throw AppError.invalid(errors);
    const cohort = await repo.insertCohort(tx, {
      planId,
      agencyId: plan.agencyId,
      courseId: body.courseId,
      title: body.title,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      mode: body.mode,
      venue: body.mode === 'online_meeting' ? null : (body.venue ?? null),
      meetingUrl: body.mode === 'classroom' ? null : (body.meetingUrl ?? null),
      capacity: body.capacity,
      sessionCount: body.sessionCount,
      attendanceThreshold: body.attendanceThreshold,
      hours: body.hours,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'cohort.created',
      subjectType: 'agency_plan',
      subjectId: planId,
      summary: { cohortId: cohort.id, courseId: body.courseId, title: body.title, startsOn: body.startsOn, mode: body.mode },
    });
    return cohort;
  });
}

/** The cohort with its course, participants in Thai name order and their attendance per session. */
export async function getCohort(ctx: Ctx, id: string) {
  const { cohort, plan } = await loadCohort(ctx, ctx.db, id);
  const [participants, attendance, [course]] = await Promise.all([
    repo.listParticipants(ctx.db, id),
    repo.listAttendance(ctx.db, id),
    findEntriesByIds(ctx.db, [cohort.courseId]),
  ]);
  return { cohort, plan, participants, attendance, course };
}
export type CohortBundle = Awaited<ReturnType<typeof getCohort>>;

/**
 * HR enrols people of the plan's agency subtree, picked by id or listed by e-mail; all or nothing (anyone
 * outside the subtree or unknown is a field error naming the entry), within capacity (409 `cohort.full`).
 * Enrolling someone again changes nothing.
 */
export async function enrollInCohort(ctx: Ctx, id: string, body: EnrollInCohortBody) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { cohort, plan } = await loadManagedOpenCohort(ctx, tx, id);
    const key = plan.agency.treeKey;
    const inScope = await repo.personsInSubtree(tx, key, body.personIds);
    const byEmail = await repo.personsByEmailInSubtree(tx, key, body.emails);
    const errors: FieldError[] = [];
    body.personIds.forEach((p, i) => {
      if (!inScope.has(p))
        errors.push({ path: `body.personIds.${i}`, message: 'no such person in the agency', code: 'cohort.person_outside_agency' });
    });
    body.emails.forEach((e, i) => {
      if (!byEmail.has(e))
        errors.push({
          path: `body.emails.${i}`,
          message: `no one in the agency has the e-mail ${e}`,
          code: 'cohort.person_outside_agency',
        });
    });
    if (errors.length) throw AppError.invalid(errors);
    const ids = [...new Set([...body.personIds, ...byEmail.values()])];
    const already = await repo.enrolledPersonIds(tx, id, ids);
    const fresh = ids.filter((p) => !already.has(p));
    if ((await repo.countParticipants(tx, id)) + fresh.length > cohort.capacity) {
      throw AppError.conflict('cohort.full', `the cohort has ${cohort.capacity} places`);
    }
    const enrolled = await repo.insertParticipants(
      tx,
      fresh.map((personId) => ({ cohortId: id, personId, enrolledBy: actor.userId })),
    );
    await recordAudit(tx, ctx, {
      action: 'cohort.enrolled',
      subjectType: 'agency_plan',
      subjectId: plan.id,
      summary: { cohortId: id, personIds: fresh },
    });
    return { enrolled, alreadyEnrolled: ids.length - fresh.length };
  });
}

/** HR records who was present, absent or excused at one session (day) of an open cohort; a mark can be corrected. */
export async function recordAttendance(ctx: Ctx, id: string, body: RecordAttendanceBody) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { cohort, plan } = await loadManagedOpenCohort(ctx, tx, id);
    const errors: FieldError[] = [];
    if (body.session > cohort.sessionCount) {
      errors.push({ path: 'body.session', message: `the cohort has ${cohort.sessionCount} sessions`, code: 'cohort.unknown_session' });
    }
    const enrolled = await repo.enrolledPersonIds(
      tx,
      id,
      body.marks.map((m) => m.personId),
    );
    body.marks.forEach((m, i) => {
      if (!enrolled.has(m.personId))
        errors.push({ path: `body.marks.${i}.personId`, message: 'not enrolled in the cohort', code: 'cohort.not_enrolled' });
    });
    if (errors.length) throw AppError.invalid(errors);
    await repo.upsertAttendance(
      tx,
      body.marks.map((m) => ({ cohortId: id, personId: m.personId, session: body.session, status: m.status, recordedBy: actor.userId })),
    );
    await recordAudit(tx, ctx, {
      action: 'cohort.attendance',
      subjectType: 'agency_plan',
      subjectId: plan.id,
      summary: { cohortId: id, session: body.session, marks: body.marks.length },
    });
  });
}

/**
 * HR completes the cohort: a participant who attended at least the threshold share of sessions has
 * completed it, and each of them with an account gets a learning record (verb `completed`, the course,
 * the cohort's hours, vouched for by the agency) like a provider's completion. Completing again changes
 * nothing; the learning records' own unique key also refuses duplicates.
 */
export async function completeCohort(ctx: Ctx, id: string, body: { completedOn: string }) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { cohort, plan } = await loadCohort(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canManageCohorts, plan);
    const participants = await repo.listParticipants(tx, id);
    if (cohort.state === 'completed') {
      const done = participants.filter((p) => p.completed);
      return {
        completed: done.length,
        notCompleted: participants.length - done.length,
        learningRecordsCreated: 0,
        withoutAccount: done.filter((p) => !p.user_id).length,
      };
    }
    if (body.completedOn > todayInBangkok()) {
      throw AppError.invalid([
        { path: 'body.completedOn', message: 'completion cannot be in the future', code: 'run.completed_in_future' },
      ]);
    }
    if (body.completedOn < cohort.startsOn) {
      throw AppError.invalid([
        { path: 'body.completedOn', message: 'completion cannot be before the cohort starts', code: 'run.completed_before_start' },
      ]);
    }
    const present = new Map<string, number>();
    for (const a of await repo.listAttendance(tx, id)) {
      if (a.status === 'present') present.set(a.personId, (present.get(a.personId) ?? 0) + 1);
    }
    const done = participants.filter((p) => ((present.get(p.person_id) ?? 0) / cohort.sessionCount) * 100 >= cohort.attendanceThreshold);
    await repo.markCompleted(
      tx,
      id,
      done.map((p) => p.person_id),
    );
    const hours = totalHours(cohort.hours);
    const occurredAt = new Date(`${body.completedOn}T12:00:00+07:00`);
    const created = await insertLearningRecords(
      tx,
      done
        .filter((p) => p.user_id)
        .map((p) => ({
          actorUserId: p.user_id as string,
          verb: 'completed',
          objectType: 'course',
          objectId: cohort.courseId,
          result: { completion: true, hours, attendance: Math.round(((present.get(p.person_id) ?? 0) / cohort.sessionCount) * 100) },
          context: { cohortId: id, cohortTitle: cohort.title, planId: plan.id, agencyId: plan.agencyId },
          authority: `agency:${plan.agencyId}`,
          occurredAt,
          recordedBy: actor.userId,
        })),
    );
    await repo.updateCohort(tx, id, { state: 'completed', completedOn: body.completedOn, completedBy: actor.userId });
    const result = {
      completed: done.length,
      notCompleted: participants.length - done.length,
      learningRecordsCreated: created,
      withoutAccount: done.filter((p) => !p.user_id).length,
    };
    await recordAudit(tx, ctx, {
      action: 'cohort.completed',
      subjectType: 'agency_plan',
      subjectId: plan.id,
      summary: { cohortId: id, completedOn: body.completedOn, ...result },
    });
    return result;
  });
}
