import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import { buildUser, type Client, clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import {
  auditEntries,
  courses,
  courseVersions,
  frameworks,
  notifications,
  providers,
  reviewAssignments,
  reviewerAffiliations,
  reviewerConflicts,
  reviewerExpertise,
  reviewers,
  reviews,
} from '../../db/schema/index.js';

let t: TestApp;
let officer: Client;
let providerId: string;
let otherProviderId: string;
let frameworkId: string;
const MISSING = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 60 * 60 * 1000;

function content(over: Partial<CourseContent> = {}): CourseContent {
  const hours = { lecture: 6, workshop: 6, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 };
  return {
    titleTh: 'การวิเคราะห์ข้อมูลสำหรับภาครัฐ',
    titleEn: 'Data analytics for government',
    summaryTh: 'หลักสูตรทดสอบ',
    objectives: ['เข้าใจข้อมูล'],
    outcomes: [
      { textTh: 'ใช้เครื่องมือดิจิทัลได้', skillAreaCode: 'DL', levelRank: 2, unitCodes: [] },
      { textTh: 'นำข้อมูลไปใช้ตัดสินใจ', skillAreaCode: 'DT', levelRank: 3, unitCodes: [] },
    ],
    targetGroupCodes: ['EXECUTIVE'],
    hours,
    delivery: 'classroom',
    pacing: 'instructor_led',
    assessmentMethod: 'แบบทดสอบ',
    instructors: [{ name: 'ดร.วิทยากร สอนเก่ง', qualifications: 'ปริญญาเอก' }],
    feeBaht: 0,
    language: 'th',
    frameworkId,
    ...over,
  };
}

async function buildCourse(state = 'in_review', over: Partial<CourseContent> = {}, provider = providerId) {
  const c = content(over);
  const [course] = await t.database.db
    .insert(courses)
    .values({
      providerId: provider,
      state,
      currentVersion: 1,
      frameworkId,
      titleTh: c.titleTh,
      titleEn: c.titleEn,
      submittedAt: new Date(),
    })
    .returning();
  await t.database.db.insert(courseVersions).values({ courseId: course.id, version: 1, content: c, submittedAt: new Date() });
  return course.id;
}

interface ReviewerOpts {
  displayName?: string;
  status?: string;
  maxConcurrent?: number;
  expertise?: { skillAreaCode: string; levelRank: number }[];
  affiliations?: { organisationName: string; providerId?: string; startDate?: string; endDate?: string }[];
  conflictWith?: string;
}

/** An approved reviewer (by default) with the reviewer role, inserted directly. */
async function buildReviewer(o: ReviewerOpts = {}) {
  const user = await buildUser(t.database, { roles: ['reviewer'], displayName: o.displayName });
  const [r] = await t.database.db
    .insert(reviewers)
    .values({ userId: user.id, status: o.status ?? 'approved', qualifications: 'ผู้เชี่ยวชาญ', maxConcurrent: o.maxConcurrent ?? 3 })
    .returning();
  const expertise = o.expertise ?? [{ skillAreaCode: 'DL', levelRank: 3 }];
  if (expertise.length) await t.database.db.insert(reviewerExpertise).values(expertise.map((e) => ({ reviewerId: r.id, ...e })));
  for (const a of o.affiliations ?? []) await t.database.db.insert(reviewerAffiliations).values({ reviewerId: r.id, ...a });
  if (o.conflictWith) await t.database.db.insert(reviewerConflicts).values({ reviewerId: r.id, providerId: o.conflictWith, reason: 'ญาติ' });
  return { id: r.id, user, client: () => signIn(t.app, user.email) };
}

const yearsAgo = (n: number, extraDays = 0) => new Date(Date.now() - n * 365.25 * DAY - extraDays * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  officer = await clientAs(t, 'accreditation_officer');
  const [p, q] = await t.database.db
    .insert(providers)
    .values([
      { nameTh: 'สถาบันผู้ให้บริการ', nameEn: 'Provider Institute', kind: 'university', taxId: '0994000000011', status: 'verified' },
      { nameTh: 'บริษัทอื่น', nameEn: 'Other Company', kind: 'company', taxId: '0105500000018', status: 'verified' },
    ])
    .returning();
  providerId = p.id;
  otherProviderId = q.id;
  const [f] = await t.database.db.select().from(frameworks).where(eq(frameworks.isCurrent, true));
  frameworkId = f.id;
});

describe('suggestReviewers', () => {
  it('401 anonymous, 403 non-officer, 404 unknown course', async () => {
    const courseId = await buildCourse();
    const url = `/api/courses/${courseId}/reviewer-suggestions`;
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: `/api/courses/${MISSING}/reviewer-suggestions` })).statusCode).toBe(404);
  });

  it('excludes conflicts of interest with reasons and ranks the rest by expertise, then load', async () => {
    const courseId = await buildCourse();
    const declared = await buildReviewer({ displayName: 'Declared', conflictWith: providerId });
    const current = await buildReviewer({
      displayName: 'Current',
      affiliations: [{ organisationName: 'x', providerId, startDate: '2019-01-01' }],
    });
    const recent = await buildReviewer({
      displayName: 'Recent',
      affiliations: [{ organisationName: 'x', providerId, endDate: yearsAgo(2) }],
    });
    const longAgo = await buildReviewer({
      displayName: 'Long ago',
      affiliations: [{ organisationName: 'x', providerId, endDate: yearsAgo(3, 30) }],
    });
    const instructor = await buildReviewer({ displayName: 'วิทยากร  สอนเก่ง' });
    const full = await buildReviewer({ displayName: 'Full', maxConcurrent: 1 });
    const otherCourse = await buildCourse('in_review', {}, otherProviderId);
    await t.database.db
      .insert(reviewAssignments)
      .values({ courseId: otherCourse, version: 1, reviewerId: full.id, dueAt: new Date(Date.now() + DAY) });
    const otherConflict = await buildReviewer({
      displayName: 'Other conflict',
      conflictWith: otherProviderId,
      expertise: [
        { skillAreaCode: 'DT', levelRank: 3 },
        { skillAreaCode: 'DL', levelRank: 3 },
      ],
    });
    const below = await buildReviewer({ displayName: 'Below', expertise: [{ skillAreaCode: 'DL', levelRank: 1 }] });
    const pending = await buildReviewer({ displayName: 'Pending', status: 'pending' });

    const res = await officer.request({ method: 'GET', url: `/api/courses/${courseId}/reviewer-suggestions` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      suggested: { reviewerId: string; score: number; reasons: { code: string }[] }[];
      excluded: { reviewerId: string; reasons: { code: string; textTh: string }[] }[];
    };
    const reasonOf = (id: string) => body.excluded.find((e) => e.reviewerId === id)?.reasons.map((r) => r.code);
    expect(reasonOf(declared.id)).toEqual(['declared_conflict']);
    expect(reasonOf(current.id)).toEqual(['current_affiliation']);
    expect(reasonOf(recent.id)).toEqual(['recent_affiliation']);
    expect(reasonOf(instructor.id)).toEqual(['instructor']);
    expect(reasonOf(full.id)).toEqual(['at_capacity']);
    const ids = body.suggested.map((s) => s.reviewerId);
    expect(ids).not.toContain(pending.id);
    expect(body.excluded.map((e) => e.reviewerId)).not.toContain(pending.id);
    expect(ids[0]).toBe(otherConflict.id);
    expect(ids).toContain(longAgo.id);
    expect(ids.indexOf(longAgo.id)).toBeLessThan(ids.indexOf(below.id));
    expect(body.suggested[0].score).toBe(4);
  });

  it('does not count an assignment whose review is in (state submitted) towards the load', async () => {
    const courseId = await buildCourse();
    const r = await buildReviewer({ maxConcurrent: 1 });
    const done = await buildCourse('in_review', {}, otherProviderId);
    const [a] = await t.database.db
      .insert(reviewAssignments)
      .values({ courseId: done, version: 1, reviewerId: r.id, state: 'accepted', dueAt: new Date(Date.now() + DAY) })
      .returning();
    const url = `/api/courses/${courseId}/reviewer-suggestions`;
    const before = (await officer.request({ method: 'GET', url })).json();
    expect(before.excluded.find((e: { reviewerId: string }) => e.reviewerId === r.id)?.reasons[0].code).toBe('at_capacity');
    await t.database.db.insert(reviews).values({
      assignmentId: a.id,
      rubricId: MISSING,
      scores: {},
      weightedScore: '80.00',
      recommendation: 'accredit',
      commentsToProvider: 'ดี',
    });
    // submitReview marks the assignment submitted in the same transaction as the review.
    await t.database.db.update(reviewAssignments).set({ state: 'submitted' }).where(eq(reviewAssignments.id, a.id));
    const after = (await officer.request({ method: 'GET', url })).json();
    expect(after.suggested.find((s: { reviewerId: string }) => s.reviewerId === r.id)).toMatchObject({ load: 0 });
  });

  it('honours the conflictYears setting', async () => {
    const courseId = await buildCourse();
    const r = await buildReviewer({ affiliations: [{ organisationName: 'x', providerId, endDate: yearsAgo(2) }] });
    await t.database.db.execute(
      sql`insert into settings (key, value) values ('accreditation.conflictYears', '1'::jsonb) on conflict (key) do update set value = excluded.value`,
    );
    try {
      const body = (await officer.request({ method: 'GET', url: `/api/courses/${courseId}/reviewer-suggestions` })).json();
      expect(body.suggested.map((s: { reviewerId: string }) => s.reviewerId)).toContain(r.id);
    } finally {
      await t.database.db.execute(sql`delete from settings where key = 'accreditation.conflictYears'`);
    }
  });
});

describe('assignReviewer', () => {
  it('401, 403, 400, 404, and 409 when the course is not in review', async () => {
    const courseId = await buildCourse();
    const r = await buildReviewer();
    const url = `/api/courses/${courseId}/assignments`;
    expect((await t.app.inject({ method: 'POST', url, payload: { reviewerId: r.id } })).statusCode).toBe(401);
    const reviewer = await r.client();
    expect((await reviewer.request({ method: 'POST', url, payload: { reviewerId: r.id } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url, payload: { reviewerId: 'x' } })).statusCode).toBe(400);
    expect((await officer.request({ method: 'POST', url, payload: { reviewerId: MISSING } })).statusCode).toBe(400);
    expect(
      (await officer.request({ method: 'POST', url: `/api/courses/${MISSING}/assignments`, payload: { reviewerId: r.id } })).statusCode,
    ).toBe(404);
    const screening = await buildCourse('screening');
    const res = await officer.request({ method: 'POST', url: `/api/courses/${screening}/assignments`, payload: { reviewerId: r.id } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
    expect(res.json().detail).toMatch(/screening/);
  });

  it('assigns with a due date from reviewDays, notifies the reviewer, audit-logs; a second time is 409', async () => {
    const courseId = await buildCourse();
    const r = await buildReviewer();
    const url = `/api/courses/${courseId}/assignments`;
    const res = await officer.request({ method: 'POST', url, payload: { reviewerId: r.id } });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ courseId, version: 1, reviewerId: r.id, state: 'pending', isOverdue: false });
    const days = (new Date(a.dueAt).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(20.9);
    expect(days).toBeLessThan(21.1);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, r.user.id), eq(notifications.kind, 'assignment.created')));
    expect(told).toHaveLength(1);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectId, courseId), eq(auditEntries.action, 'assignment.created')));
    expect(audit).toHaveLength(1);
    const again = await officer.request({ method: 'POST', url, payload: { reviewerId: r.id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('already_assigned');
  });

  it('refuses an excluded reviewer with the reason, and a reviewer who is not approved', async () => {
    const courseId = await buildCourse();
    const conflicted = await buildReviewer({ conflictWith: providerId });
    const res = await officer.request({
      method: 'POST',
      url: `/api/courses/${courseId}/assignments`,
      payload: { reviewerId: conflicted.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ path: 'body.reviewerId', code: 'declared_conflict' });
    expect(res.json().detail).toMatch(/conflict of interest/);
    const pending = await buildReviewer({ status: 'pending' });
    expect(
      (await officer.request({ method: 'POST', url: `/api/courses/${courseId}/assignments`, payload: { reviewerId: pending.id } }))
        .statusCode,
    ).toBe(409);
  });
});

async function assigned(opts: ReviewerOpts = {}) {
  const courseId = await buildCourse();
  const r = await buildReviewer(opts);
  const res = await officer.request({ method: 'POST', url: `/api/courses/${courseId}/assignments`, payload: { reviewerId: r.id } });
  expect(res.statusCode, res.body).toBe(201);
  return { courseId, reviewer: r, assignmentId: res.json().id as string };
}

describe('respondToAssignment', () => {
  it('401, 403 for an officer, 404 for another reviewer, 400 declining without reason', async () => {
    const { assignmentId } = await assigned();
    const url = `/api/assignments/${assignmentId}/response`;
    expect((await t.app.inject({ method: 'POST', url, payload: { accept: true } })).statusCode).toBe(401);
    expect((await officer.request({ method: 'POST', url, payload: { accept: true } })).statusCode).toBe(403);
    const stranger = await (await buildReviewer()).client();
    expect((await stranger.request({ method: 'POST', url, payload: { accept: true } })).statusCode).toBe(404);
    expect(
      (await stranger.request({ method: 'POST', url: `/api/assignments/${MISSING}/response`, payload: { accept: true } })).statusCode,
    ).toBe(404);
  });

  it('the assigned reviewer accepts once; answering again is 409', async () => {
    const { assignmentId, reviewer } = await assigned();
    const me = await reviewer.client();
    const url = `/api/assignments/${assignmentId}/response`;
    expect((await me.request({ method: 'POST', url, payload: { accept: false } })).statusCode).toBe(400);
    const res = await me.request({ method: 'POST', url, payload: { accept: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('accepted');
    expect((await me.request({ method: 'POST', url, payload: { accept: false, reason: 'busy' } })).statusCode).toBe(409);
  });

  it('refuses to accept once the course has left review (409), but still lets the reviewer decline', async () => {
    const { assignmentId, reviewer, courseId } = await assigned();
    await t.database.db.update(courses).set({ state: 'decision_pending' }).where(eq(courses.id, courseId));
    const me = await reviewer.client();
    const url = `/api/assignments/${assignmentId}/response`;
    expect((await me.request({ method: 'POST', url, payload: { accept: true } })).statusCode).toBe(409);
    expect((await me.request({ method: 'POST', url, payload: { accept: false, reason: 'ไม่ว่าง' } })).json().state).toBe('declined');
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officer.userId), eq(notifications.kind, 'assignment.accepted')));
    expect(told.length).toBeGreaterThanOrEqual(1);
  });
});

describe('replaceAssignment', () => {
  it('401, 403, 404, and 409 for an open assignment that is not overdue', async () => {
    const { assignmentId, reviewer } = await assigned();
    const other = await buildReviewer();
    const url = `/api/assignments/${assignmentId}/replacement`;
    expect((await t.app.inject({ method: 'POST', url, payload: { reviewerId: other.id } })).statusCode).toBe(401);
    expect((await (await reviewer.client()).request({ method: 'POST', url, payload: { reviewerId: other.id } })).statusCode).toBe(403);
    expect(
      (await officer.request({ method: 'POST', url: `/api/assignments/${MISSING}/replacement`, payload: { reviewerId: other.id } }))
        .statusCode,
    ).toBe(404);
    expect((await officer.request({ method: 'POST', url, payload: { reviewerId: other.id } })).statusCode).toBe(409);
  });

  it('replaces a declined assignment: the old one becomes replaced and the new reviewer is told', async () => {
    const { assignmentId, reviewer, courseId } = await assigned();
    await (await reviewer.client()).request({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/response`,
      payload: { accept: false, reason: 'ติดภารกิจ' },
    });
    const next = await buildReviewer();
    const url = `/api/assignments/${assignmentId}/replacement`;
    const sameAgain = await officer.request({ method: 'POST', url, payload: { reviewerId: reviewer.id } });
    expect(sameAgain.statusCode).toBe(409);
    const res = await officer.request({ method: 'POST', url, payload: { reviewerId: next.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().replaced).toMatchObject({ id: assignmentId, state: 'replaced', declineReason: 'ติดภารกิจ' });
    expect(res.json().assignment).toMatchObject({ courseId, reviewerId: next.id, state: 'pending' });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, next.user.id), eq(notifications.kind, 'assignment.created')));
    expect(told).toHaveLength(1);
    expect((await officer.request({ method: 'POST', url, payload: { reviewerId: next.id } })).statusCode).toBe(409);
  });

  it('replaces an overdue assignment and tells the old reviewer', async () => {
    const { assignmentId, reviewer } = await assigned();
    await t.database.db
      .update(reviewAssignments)
      .set({ dueAt: new Date(Date.now() - DAY) })
      .where(eq(reviewAssignments.id, assignmentId));
    const next = await buildReviewer();
    const res = await officer.request({
      method: 'POST',
      url: `/api/assignments/${assignmentId}/replacement`,
      payload: { reviewerId: next.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reviewer.user.id), eq(notifications.kind, 'assignment.replaced')));
    expect(told).toHaveLength(1);
  });
});

describe('listMyAssignments', () => {
  it("shows the reviewer's inbox with the course and provider; 403 without the role, 401 anonymous", async () => {
    const { assignmentId, reviewer } = await assigned();
    const me = await reviewer.client();
    const res = await me.request({ method: 'GET', url: '/api/reviewers/me/assignments' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: assignmentId,
        courseTitleEn: 'Data analytics for government',
        providerNameEn: 'Provider Institute',
        abilities: { canRespond: true },
      }),
    ]);
    expect((await (await clientAs(t, 'learner')).request({ method: 'GET', url: '/api/reviewers/me/assignments' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/reviewers/me/assignments' })).statusCode).toBe(401);
  });
});
