import { createHash } from 'node:crypto';
import type { CheckResult, CourseDraft } from '../../../../common/contracts/accreditation.js';
import type { CreateCourseBody, UpdateCourseBody } from '../../../../common/contracts/accreditation-courses.js';
import { AppError, type FieldError } from '../../../../common/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/service.js';
import { syncCatalogEntry } from '../catalog/service.js';
import { getFramework } from '../framework/service.js';
import { type Message, notifyUsers } from '../notifications/service.js';
import { getSetting } from '../settings/service.js';
import { checkCourse, hasBlockingErrors } from './checks.js';
import { adminProviderIds, type CourseAccess, canEditCourse, canSee, isOfficer, isProviderAdminOf } from './courses.policy.js';
import * as repo from './courses.repository.js';
import { officerIds, providerAdminIds } from './recipients.js';
import { type CourseEvent, type CourseState, transition } from './state-machine.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
const EDITABLE: readonly string[] = ['draft', 'revision_requested'];

/** Loads a course the actor may see (404 otherwise) and how the actor relates to it. */
export async function loadCourse(ctx: Ctx, db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const actor = requireActor(ctx);
  const course = await repo.findCourse(db, id, opts);
  if (!course) throw AppError.notFound('course');
  const access: CourseAccess = {
    isOfficer: isOfficer(actor),
    isProvider: isProviderAdminOf(actor, course.providerId),
    isReviewer: actor.grants.some((g) => g.role === 'reviewer') && (await repo.isReviewerOfCourse(db, actor.userId, course.id)),
  };
  if (!canSee(access)) throw AppError.notFound('course');
  return { course, access, actor };
}

/** The state after `event`, or 409 with the state machine's reason. */
export function applyEvent(from: string, event: CourseEvent): CourseState {
  const r = transition(from as CourseState, event);
  if (!r.ok) throw AppError.conflict('conflict', r.reason);
  return r.to;
}

/** Writes a state change with the audit entry that records it, and brings the course's catalogue entry in step. */
export async function recordTransition(
  tx: Db,
  ctx: Ctx,
  course: repo.CourseRow,
  event: CourseEvent,
  to: CourseState,
  patch: Parameters<typeof repo.updateCourse>[2] = {},
  summary: Record<string, unknown> = {},
) {
  await repo.updateCourse(tx, course.id, { ...patch, state: to, stateChangedAt: new Date() });
  // The public catalogue changes in the same transaction: a decision is visible there the moment it commits.
  await syncCatalogEntry(tx, course.id);
  await recordAudit(tx, ctx, {
    action: `course.${event}`,
    subjectType: 'course',
    subjectId: course.id,
    summary: { from: course.state, to, version: course.currentVersion, ...summary },
  });
}

const courseLink = (id: string) => `/accreditation/courses/${id}`;

export async function notifyProviderAdmins(tx: Db, ctx: Ctx, course: repo.CourseRow, m: Omit<Message, 'link'>) {
  await notifyUsers(tx, ctx.config, await providerAdminIds(tx, course.providerId), { ...m, link: courseLink(course.id) });
}

export async function notifyOfficers(tx: Db, ctx: Ctx, course: repo.CourseRow, m: Omit<Message, 'link'>) {
  await notifyUsers(tx, ctx.config, await officerIds(tx), { ...m, link: courseLink(course.id) });
}

/** Runs the automatic checks against the published framework the content names and the provider's other titles. */
async function runChecks(ctx: Ctx, db: Db, course: { id: string; providerId: string }, content: CourseDraft, hasSyllabus: boolean) {
  let framework = null;
  if (content.frameworkId) {
    framework = await getFramework({ ...ctx, db, actor: null }, content.frameworkId).catch((e) => {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    });
  }
  const similarTitles = content.titleTh ? await repo.findSimilarTitles(db, course.providerId, course.id, content.titleTh) : [];
  const checks = checkCourse({
    content,
    hasSyllabus,
    similarTitles,
    framework: framework && {
      skillAreaCodes: framework.areas.map((a) => a.code),
      levelRanks: framework.levels.map((l) => l.rank),
      unitCodes: framework.units.map((u) => u.code),
      targetGroupCodes: framework.groups.map((g) => g.code),
    },
  });
  return { checks, frameworkId: framework?.framework.id ?? null };
}

/**
 * The version a provider may change now: the current one while it is unsubmitted, otherwise (a revision
 * was requested of a submitted version) a new version n+1 copying its content and syllabus.
 */
async function editableVersion(ctx: Ctx, tx: Db, course: repo.CourseRow) {
  if (!EDITABLE.includes(course.state)) throw AppError.conflict('conflict', `a course that is ${course.state} cannot be changed`);
  const current = await repo.findVersion(tx, course.id, course.currentVersion);
  if (!current.submittedAt) return { version: current, isNew: false };
  const next = await repo.insertVersion(tx, {
    courseId: course.id,
    version: current.version + 1,
    content: current.content,
    syllabusFileId: current.syllabusFileId,
    checks: current.checks,
  });
  await repo.updateCourse(tx, course.id, { currentVersion: next.version });
  await recordAudit(tx, ctx, {
    action: 'course.version_created',
    subjectType: 'course',
    subjectId: course.id,
    summary: { version: next.version, basedOn: current.version },
  });
  return { version: next, isNew: true };
}

/** Starts a draft course (version 1) for a provider the caller administers, with its checks stored. */
export async function createCourse(ctx: Ctx, body: CreateCourseBody): Promise<string> {
  const actor = authorize(ctx, isProviderAdminOf, body.providerId);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.findProvider(tx, body.providerId))) throw AppError.notFound('provider');
    const c = body.content;
    const course = await repo.insertCourse(tx, {
      providerId: body.providerId,
      titleTh: c.titleTh ?? '',
      titleEn: c.titleEn ?? '',
      createdBy: actor.userId,
    });
    const { checks, frameworkId } = await runChecks(ctx, tx, course, c, false);
    await repo.updateCourse(tx, course.id, { frameworkId });
    await repo.insertVersion(tx, { courseId: course.id, version: 1, content: c, checks });
    await recordAudit(tx, ctx, {
      action: 'course.created',
      subjectType: 'course',
      subjectId: course.id,
      summary: { providerId: body.providerId, titleTh: c.titleTh ?? '' },
    });
    return course.id;
  });
}

/** Replaces the content of a draft, or of the revision being prepared (creating version n+1 first); checks re-run. */
export async function updateCourse(ctx: Ctx, id: string, body: UpdateCourseBody) {
  await ctx.db.transaction(async (tx) => {
    const { course, access } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canEditCourse, access);
    if (body.responses && course.state !== 'revision_requested') {
      throw AppError.invalid([{ path: 'body.responses', message: 'responses answer a requested revision' }]);
    }
    const { version, isNew } = await editableVersion(ctx, tx, course);
    const { checks, frameworkId } = await runChecks(ctx, tx, course, body.content, !!version.syllabusFileId);
    await repo.updateVersion(tx, version.id, { content: body.content, checks, ...(body.responses ? { responses: body.responses } : {}) });
    await repo.updateCourse(tx, course.id, { titleTh: body.content.titleTh ?? '', titleEn: body.content.titleEn ?? '', frameworkId });
    await recordAudit(tx, ctx, {
      action: 'course.updated',
      subjectType: 'course',
      subjectId: course.id,
      summary: { version: version.version, isNewVersion: isNew },
    });
  });
}

const MAX_SYLLABUS_BYTES = 10 * 1024 * 1024;

/** Stores a PDF syllabus (checked by its magic bytes, at most 10 MB) and links it to the version being edited. */
export async function uploadSyllabus(ctx: Ctx, id: string, body: unknown, filename: string) {
  if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'send the syllabus as application/pdf');
  if (body.length > MAX_SYLLABUS_BYTES) throw new AppError('payload_too_large', 'the syllabus may be at most 10 MB');
  if (body.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('unsupported_media_type', 'the file is not a PDF');
  await ctx.db.transaction(async (tx) => {
    const { course, access, actor } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canEditCourse, access);
    const { version } = await editableVersion(ctx, tx, course);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const file = await repo.insertFile(tx, {
      ownerUserId: actor.userId,
      kind: 'syllabus',
      filename,
      mimeType: 'application/pdf',
      sizeBytes: body.length,
      sha256,
      content: body,
    });
    const { checks } = await runChecks(ctx, tx, course, version.content as CourseDraft, true);
    await repo.updateVersion(tx, version.id, { syllabusFileId: file.id, checks });
    await recordAudit(tx, ctx, {
      action: 'course.syllabus_uploaded',
      subjectType: 'course',
      subjectId: course.id,
      summary: { version: version.version, fileId: file.id, sizeBytes: body.length, sha256 },
    });
  });
}

/** The syllabus PDF of the current version, for the provider, officers and the course's reviewers. */
export async function getSyllabus(ctx: Ctx, id: string) {
  const { course } = await loadCourse(ctx, ctx.db, id);
  const version = await repo.findVersion(ctx.db, course.id, course.currentVersion);
  const file = version.syllabusFileId ? await repo.findFile(ctx.db, version.syllabusFileId) : undefined;
  if (!file) throw AppError.notFound('syllabus');
  return file;
}

function missingResponses(requiredChanges: { text: string }[], responses: Record<string, string> | null): CheckResult[] {
  return requiredChanges.flatMap((_, i) =>
    responses?.[String(i)]
      ? []
      : [
          {
            code: 'response_missing',
            severity: 'error' as const,
            field: `responses.${i}`,
            messageTh: `ต้องตอบข้อแก้ไขที่ ${i + 1}`,
            messageEn: `Answer required change ${i + 1}.`,
          },
        ],
  );
}

/**
 * Submits (or resubmits after a revision) a course of a verified provider. The checks run again against
 * the published framework; any blocking error refuses the submission with every error in `errors`.
 * Officers are notified and the screening clock starts.
 */
export async function submitCourse(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const { course, access } = await loadCourse(ctx, tx, id, { forUpdate: true });
    authorize(ctx, canEditCourse, access);
    const event: CourseEvent = course.state === 'revision_requested' ? 'resubmit' : 'submit';
    const to = applyEvent(course.state, event);
    if (course.providerStatus !== 'verified') throw AppError.conflict('conflict', 'the provider is not verified yet');
    const version = await repo.findVersion(tx, course.id, course.currentVersion);
    if (version.submittedAt)
      throw AppError.conflict('conflict', 'this version was already submitted; edit the course to prepare the revision');
    const { checks } = await runChecks(ctx, tx, course, version.content as CourseDraft, !!version.syllabusFileId);
    if (event === 'resubmit') {
      const last = (await repo.listDecisions(tx, course.id)).at(-1);
      checks.push(
        ...missingResponses((last?.requiredChanges as { text: string }[]) ?? [], version.responses as Record<string, string> | null),
      );
    }
    if (hasBlockingErrors(checks)) {
      const errors: FieldError[] = checks
        .filter((c) => c.severity === 'error')
        .map((c) => ({
          path: c.field ? (c.field.startsWith('responses') ? `body.${c.field}` : `content.${c.field}`) : 'content',
          message: c.messageEn,
          code: c.code,
        }));
      throw new AppError('conflict', 'the course does not pass the automatic checks', { status: 409, errors });
    }
    const now = new Date();
    const screeningDays = await getSetting(tx, 'accreditation.screeningDays');
    await repo.updateVersion(tx, version.id, { checks, submittedAt: now });
    await recordTransition(tx, ctx, course, event, to, {
      submittedAt: now,
      screeningDueAt: new Date(now.getTime() + screeningDays * DAY_MS),
      reviewDueAt: null,
    });
    await notifyOfficers(tx, ctx, course, {
      kind: 'course.submitted',
      titleTh: `มีหลักสูตรยื่นขอรับรอง: ${course.titleTh}`,
      titleEn: `Course submitted for accreditation: ${course.titleEn || course.titleTh}`,
      bodyTh: `${course.providerName} ยื่นหลักสูตร "${course.titleTh}" (ฉบับที่ ${version.version}) กรุณาตรวจสอบภายใน ${screeningDays} วัน`,
      bodyEn: `${course.providerName} submitted "${course.titleEn || course.titleTh}" (version ${version.version}). Screen it within ${screeningDays} days.`,
    });
  });
}

/** Courses of the caller's providers (officers: every provider), newest first; scoped in the query. */
export async function listCourses(ctx: Ctx, q: { state?: string; providerId?: string; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  let providerIds: string[] | null = isOfficer(actor) ? null : adminProviderIds(actor);
  if (q.providerId) providerIds = providerIds === null || providerIds.includes(q.providerId) ? [q.providerId] : [];
  if (providerIds?.length === 0) return { items: [], total: 0 };
  return repo.listCourses(ctx.db, { providerIds, state: q.state, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/**
 * One course as the caller may see it: the current version with its checks, the diff against the
 * previous submitted version, decisions and service levels. A provider sees reviews only as anonymous
 * comments to the provider, and only for rounds that have been decided.
 */
export async function getCourse(ctx: Ctx, id: string) {
  const { course, access } = await loadCourse(ctx, ctx.db, id);
  const [version, previous, decisions] = await Promise.all([
    repo.findVersion(ctx.db, course.id, course.currentVersion),
    repo.findPreviousSubmittedVersion(ctx.db, course.id, course.currentVersion),
    repo.listDecisions(ctx.db, course.id),
  ]);
  const reviewComments: { label: string; version: number; commentsToProvider: string }[] = [];
  if (access.isProvider && !access.isOfficer) {
    for (const v of [...new Set(decisions.map((d) => d.version))]) {
      const rows = await repo.listRoundReviews(ctx.db, course.id, v);
      reviewComments.push(
        ...rows.map((r, i) => ({ label: reviewerLabel(i), version: v, commentsToProvider: r.review.commentsToProvider })),
      );
    }
  }
  return { course, access, version, previous: previous ?? null, decisions, reviewComments };
}

/** "Reviewer A", "Reviewer B", … by the order reviews came in. */
export const reviewerLabel = (i: number) => `Reviewer ${String.fromCharCode(65 + (i % 26))}`;
