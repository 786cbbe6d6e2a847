import type { CourseRunBody, UpdateCourseRunBody } from '../../../../common/contracts/catalog.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import { findProvince } from '../../../../common/provinces.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { todayInBangkok } from '../../lib/thai-text.js';
import { recordAudit } from '../audit/service.js';
import { canManageRuns } from './policy.js';
import * as repo from './repository.js';
import { syncCatalogEntry } from './service.js';

/** Loads the course for run management: 404 if it does not exist, 403 unless the caller administers its accredited course. */
async function loadManagedCourse(ctx: Ctx, db: Db, courseId: string) {
  const actor = requireActor(ctx);
  const course = await repo.findCourseState(db, courseId, { forUpdate: true });
  if (!course) throw AppError.notFound('course');
  authorize(ctx, canManageRuns, course);
  return { course, actor };
}

/** Field errors of a run's dates and place, each naming its field. */
function checkRun(body: CourseRunBody): FieldError[] {
  const errors: FieldError[] = [];
  if (body.endsOn < body.startsOn)
    errors.push({ path: 'body.endsOn', message: 'the run cannot end before it starts', code: 'run.ends_before_start' });
  if (body.registrationDeadline && body.registrationDeadline > body.startsOn) {
    errors.push({
      path: 'body.registrationDeadline',
      message: 'registration must close by the first day',
      code: 'run.deadline_after_start',
    });
  }
  if (body.mode === 'onsite' && !body.provinceCode) {
    errors.push({ path: 'body.provinceCode', message: 'an on-site run needs its province', code: 'run.province_required' });
  }
  if (body.provinceCode && !findProvince(body.provinceCode)) {
    errors.push({ path: 'body.provinceCode', message: 'not a province code', code: 'run.unknown_province' });
  }
  return errors;
}

function runValues(body: CourseRunBody) {
  return {
    label: body.label,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    registrationDeadline: body.registrationDeadline ?? null,
    mode: body.mode,
    provinceCode: body.mode === 'onsite' ? (body.provinceCode ?? null) : null,
    venue: body.venue ?? null,
    seats: body.seats,
  };
}

/** Schedules a run (รุ่น) of the provider's accredited course; it shows on the course page and in search at once. */
export async function createCourseRun(ctx: Ctx, courseId: string, body: CourseRunBody) {
  return ctx.db.transaction(async (tx) => {
    const { actor } = await loadManagedCourse(ctx, tx, courseId);
    const errors = checkRun(body);
    if (body.startsOn < todayInBangkok())
      errors.push({ path: 'body.startsOn', message: 'a new run cannot start in the past', code: 'run.in_past' });
    if (errors.length) throw AppError.invalid(errors);
    const run = await repo.insertRun(tx, { courseId, ...runValues(body), createdBy: actor.userId });
    await syncCatalogEntry(tx, courseId);
    await recordAudit(tx, ctx, {
      action: 'course_run.create',
      subjectType: 'course',
      subjectId: courseId,
      summary: { runId: run.id, ...runValues(body) },
    });
    return run;
  });
}

/** Changes or cancels a run of the provider's course. */
export async function updateCourseRun(ctx: Ctx, courseId: string, runId: string, body: UpdateCourseRunBody) {
  return ctx.db.transaction(async (tx) => {
    await loadManagedCourse(ctx, tx, courseId);
    const before = await repo.findRun(tx, runId);
    if (!before || before.courseId !== courseId) throw AppError.notFound('run');
    const errors = checkRun(body);
    if (errors.length) throw AppError.invalid(errors);
    const run = await repo.updateRun(tx, runId, { ...runValues(body), isCancelled: body.isCancelled });
    await syncCatalogEntry(tx, courseId);
    await recordAudit(tx, ctx, {
      action: body.isCancelled && !before.isCancelled ? 'course_run.cancel' : 'course_run.update',
      subjectType: 'course',
      subjectId: courseId,
      summary: { runId, before: runValues(before as CourseRunBody), after: runValues(body), isCancelled: body.isCancelled },
    });
    return run;
  });
}

/** Every run of the provider's course, newest first, with completions recorded per run. */
export async function listCourseRuns(ctx: Ctx, courseId: string) {
  const { course } = await loadManagedCourse(ctx, ctx.db, courseId);
  return repo.listRuns(ctx.db, course.id, { all: true, today: todayInBangkok() });
}

/**
 * Records that these learners completed a run, as learning records vouched for by the provider; all or
 * nothing (an unknown e-mail is a field error naming it). Recording the same completion again changes nothing.
 */
export async function recordCompletions(ctx: Ctx, courseId: string, runId: string, body: { emails: string[]; completedOn: string }) {
  return ctx.db.transaction(async (tx) => {
    const { course, actor } = await loadManagedCourse(ctx, tx, courseId);
    const run = await repo.findRun(tx, runId);
    if (!run || run.courseId !== courseId) throw AppError.notFound('run');
    if (body.completedOn > todayInBangkok()) {
      throw AppError.invalid([
        { path: 'body.completedOn', message: 'completion cannot be in the future', code: 'run.completed_in_future' },
      ]);
    }
    if (body.completedOn < run.startsOn) {
      throw AppError.invalid([
        { path: 'body.completedOn', message: 'completion cannot be before the run starts', code: 'run.completed_before_start' },
      ]);
    }
    const emails = [...new Set(body.emails.map((e) => e.toLowerCase()))];
    const found = new Map((await repo.findUsersByEmail(tx, emails)).map((u) => [u.email.toLowerCase(), u.id]));
    const unknown = body.emails.map((e, i) => ({ e, i })).filter(({ e }) => !found.has(e.toLowerCase()));
    if (unknown.length) {
      throw AppError.invalid(
        unknown.map(({ e, i }) => ({
          path: `body.emails.${i}`,
          message: `no account with the e-mail ${e}`,
          code: 'completion.unknown_learner',
        })),
      );
    }
    const occurredAt = new Date(`${body.completedOn}T12:00:00+07:00`);
    const recorded = await repo.insertLearningRecords(
      tx,
      emails.map((e) => ({
        actorUserId: found.get(e) as string,
        verb: 'completed',
        objectType: 'course',
        objectId: course.id,
        runId,
        result: { completion: true },
        context: { runLabel: run.label, providerId: course.providerId },
        authority: `provider:${course.providerId}`,
        occurredAt,
        recordedBy: actor.userId,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'course_run.completions',
      subjectType: 'course',
      subjectId: courseId,
      summary: { runId, recorded, total: emails.length },
    });
    return { recorded, alreadyRecorded: emails.length - recorded };
  });
}
