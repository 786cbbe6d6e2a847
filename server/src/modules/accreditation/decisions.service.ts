import type { DecisionBody, ListSubmissionsQuery, ScreenBody } from '../../../../common/contracts/accreditation-courses.js';
import { AppError } from '../../../../common/errors.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { historyOf } from '../audit/service.js';
import { getSetting } from '../settings/service.js';
import { canManageCourse, canReadHistory, isOfficer } from './courses.policy.js';
import * as repo from './courses.repository.js';
import { applyEvent, DAY_MS, loadCourse, notifyProviderAdmins, recordTransition } from './courses.service.js';
import { addYears, nextAccreditationNumber, todayInBangkok } from './numbering.js';
import type { CourseEvent } from './state-machine.js';

/** The officer's queue of submissions, earliest due first, with overdue flags; filtered in SQL. */
export async function listSubmissions(ctx: Ctx, q: ListSubmissionsQuery) {
  authorize(ctx, isOfficer, undefined);
  return repo.listSubmissions(ctx.db, {
    states: q.state ? [q.state] : repo.QUEUE_STATES,
    overdue: q.overdue,
    providerId: q.providerId,
    q: q.q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

/**
 * Screens a submission: send it to review (the review clock starts) or return it to the provider for
 * completion with reasons. Screening starts implicitly when the course is still `submitted`.
 */
export async function screenSubmission(ctx: Ctx, id: string, body: ScreenBody) {
  await ctx.db.transaction(async (tx) => {
    const { course, access } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canManageCourse, access);
    if (body.action === 'return_for_completion' && !body.reasons) {
      throw AppError.invalid([{ path: 'body.reasons', message: 'give the reasons for returning the submission' }]);
    }
    let current = course;
    if (course.state === 'submitted') {
      const screening = applyEvent(course.state, 'start_screening');
      await recordTransition(tx, ctx, course, 'start_screening', screening);
      current = { ...course, state: screening };
    }
    const to = applyEvent(current.state, body.action);
    if (body.action === 'send_to_review') {
      const reviewDays = await getSetting(tx, 'accreditation.reviewDays');
      await recordTransition(tx, ctx, current, 'send_to_review', to, { reviewDueAt: new Date(Date.now() + reviewDays * DAY_MS) });
      await notifyProviderAdmins(tx, ctx, course, {
        kind: 'course.sent_to_review',
        titleTh: `หลักสูตรผ่านการตรวจสอบเบื้องต้น: ${course.titleTh}`,
        titleEn: `Course passed screening: ${course.titleEn || course.titleTh}`,
        bodyTh: `หลักสูตร "${course.titleTh}" ผ่านการตรวจสอบเบื้องต้นและส่งให้ผู้ทรงคุณวุฒิพิจารณาแล้ว`,
        bodyEn: `"${course.titleEn || course.titleTh}" passed screening and has been sent to expert review.`,
      });
    } else {
      // A version returned at screening was never reviewed: the provider completes it rather than starting a new one.
      const version = await repo.findVersion(tx, course.id, course.currentVersion);
      await repo.updateVersion(tx, version.id, { submittedAt: null });
      await recordTransition(tx, ctx, current, 'return_for_completion', to, { screeningDueAt: null }, { reasons: body.reasons });
      await notifyProviderAdmins(tx, ctx, course, {
        kind: 'course.returned',
        titleTh: `หลักสูตรถูกส่งกลับให้แก้ไข: ${course.titleTh}`,
        titleEn: `Course returned for completion: ${course.titleEn || course.titleTh}`,
        bodyTh: `เหตุผล: ${body.reasons}`,
        bodyEn: `Reasons: ${body.reasons}`,
      });
    }
  });
}

const OUTCOME_EVENT: Record<DecisionBody['outcome'], CourseEvent> = {
  accredit: 'accredit',
  accredit_with_conditions: 'accredit_with_conditions',
  revise: 'request_revision',
  reject: 'reject',
};

const OUTCOME_LABEL: Record<DecisionBody['outcome'], [string, string]> = {
  accredit: ['ได้รับการรับรอง', 'accredited'],
  accredit_with_conditions: ['ได้รับการรับรองแบบมีเงื่อนไข', 'accredited with conditions'],
  revise: ['ขอให้ปรับปรุง', 'revision requested'],
  reject: ['ไม่ได้รับการรับรอง', 'rejected'],
};

/**
 * Decides a submission whose reviews are complete. Accrediting issues the next gap-free number of the
 * Buddhist-era year in the same transaction (a rollback returns it) and starts the validity period.
 */
export async function decideSubmission(ctx: Ctx, id: string, body: DecisionBody) {
  await ctx.db.transaction(async (tx) => {
    const { course, access, actor } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canManageCourse, access);
    if (body.outcome === 'revise' && !body.requiredChanges?.length) {
      throw AppError.invalid([{ path: 'body.requiredChanges', message: 'list the changes the provider must make' }]);
    }
    if (body.outcome === 'accredit_with_conditions' && !body.conditions) {
      throw AppError.invalid([{ path: 'body.conditions', message: 'state the conditions of accreditation' }]);
    }
    const event = OUTCOME_EVENT[body.outcome];
    const to = applyEvent(course.state, event);
    await repo.insertDecision(tx, {
      courseId: course.id,
      version: course.currentVersion,
      outcome: body.outcome,
      reasons: body.reasons,
      requiredChanges: body.requiredChanges ?? [],
      conditions: body.conditions ?? null,
      decidedBy: actor.userId,
    });
    let patch = {};
    let number: string | null = null;
    if (body.outcome === 'accredit' || body.outcome === 'accredit_with_conditions') {
      const today = todayInBangkok();
      number = await nextAccreditationNumber(tx, await getSetting(tx, 'accreditation.numberPrefix'), today);
      const years = await getSetting(tx, 'accreditation.validityYears');
      patch = {
        accreditationNumber: number,
        accreditedAt: new Date(),
        validFrom: today,
        validUntil: addYears(today, years),
        conditions: body.conditions ?? null,
      };
    }
    await recordTransition(tx, ctx, course, event, to, patch, { outcome: body.outcome, accreditationNumber: number });
    const [th, en] = OUTCOME_LABEL[body.outcome];
    await notifyProviderAdmins(tx, ctx, course, {
      kind: 'course.decided',
      titleTh: `ผลการพิจารณาหลักสูตร: ${th}`,
      titleEn: `Accreditation decision: ${en}`,
      bodyTh: `หลักสูตร "${course.titleTh}" ${th}${number ? ` เลขที่การรับรอง ${number}` : ''}`,
      bodyEn: `"${course.titleEn || course.titleTh}" was ${en}${number ? `, accreditation number ${number}` : ''}.`,
    });
  });
}

/** Renews an accreditation: valid_until moves validityYears past the later of today and the current end. */
export async function renewAccreditation(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { course, access } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canManageCourse, access);
    const to = applyEvent(course.state, 'renew');
    const today = todayInBangkok();
    const base = course.validUntil && course.validUntil > today ? course.validUntil : today;
    const validUntil = addYears(base, await getSetting(tx, 'accreditation.validityYears'));
    await recordTransition(tx, ctx, course, 'renew', to, { validUntil }, { validUntilBefore: course.validUntil, validUntil });
    await notifyProviderAdmins(tx, ctx, course, {
      kind: 'course.renewed',
      titleTh: `ต่ออายุการรับรองหลักสูตร: ${course.titleTh}`,
      titleEn: `Accreditation renewed: ${course.titleEn || course.titleTh}`,
      bodyTh: `การรับรองหลักสูตร "${course.titleTh}" มีผลถึง ${validUntil}`,
      bodyEn: `The accreditation of "${course.titleEn || course.titleTh}" is now valid until ${validUntil}.`,
    });
  });
}

const STATUS_EVENTS = {
  suspend: ['ระงับการรับรองหลักสูตร', 'Accreditation suspended'],
  reinstate: ['คืนสถานะการรับรองหลักสูตร', 'Accreditation reinstated'],
  revoke: ['เพิกถอนการรับรองหลักสูตร', 'Accreditation revoked'],
} as const;

/** Suspends, reinstates or revokes an accreditation, with the officer's reason (audited, provider notified). */
export async function changeAccreditationStatus(ctx: Ctx, id: string, event: keyof typeof STATUS_EVENTS, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const { course, access } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canManageCourse, access);
    const to = applyEvent(course.state, event);
    await recordTransition(tx, ctx, course, event, to, {}, { reason });
    const [th, en] = STATUS_EVENTS[event];
    await notifyProviderAdmins(tx, ctx, course, {
      kind: `course.${event}`,
      titleTh: `${th}: ${course.titleTh}`,
      titleEn: `${en}: ${course.titleEn || course.titleTh}`,
      bodyTh: `เหตุผล: ${reason}`,
      bodyEn: `Reason: ${reason}`,
    });
  });
}

/** Public check of an accreditation number: is the course accredited today? Unknown numbers are 404. */
export async function verifyAccreditation(ctx: Ctx, number: string) {
  const course = await repo.findCourseByNumber(ctx.db, number);
  if (!course?.accreditationNumber) throw AppError.notFound('accreditation');
  const today = todayInBangkok();
  const isValid =
    (course.state === 'accredited' || course.state === 'accredited_with_conditions') &&
    !!course.validFrom &&
    !!course.validUntil &&
    course.validFrom <= today &&
    today <= course.validUntil;
  return { course, isValid };
}

/** Keys of an audit summary a provider may read; the rest (who reviewed, confidential notes) stays with officers. */
const PROVIDER_SUMMARY_KEYS = [
  'from',
  'to',
  'version',
  'basedOn',
  'isNewVersion',
  'outcome',
  'accreditationNumber',
  'reasons',
  'reason',
  'validUntil',
];

/** The course's audit trail in order; providers get it without who acted (reviewers stay anonymous) and without internal details. */
export async function getSubmissionHistory(ctx: Ctx, id: string) {
  const { course, access } = await loadCourse(ctx, ctx.db, id);
  authorize(ctx, canReadHistory, access);
  const rows = await historyOf(ctx.db, 'course', course.id);
  return rows.map((r) => {
    const summary = r.summary as Record<string, unknown>;
    if (access.isOfficer) return { at: r.at.toISOString(), action: r.action, actorLabel: r.actorLabel, summary };
    const visible = Object.fromEntries(Object.entries(summary).filter(([k]) => PROVIDER_SUMMARY_KEYS.includes(k)));
    return { at: r.at.toISOString(), action: r.action, actorLabel: null, summary: visible };
  });
}
