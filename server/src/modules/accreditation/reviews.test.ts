import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, notifications, reviewAssignments, reviews, rubrics } from '../../db/schema/index.js';
import { assign, buildCourseInReview, buildProvider, buildReviewer, reviewBody } from './courses.fixtures.js';
import { DEFAULT_CRITERIA, weightedScore } from './rubric.js';

let t: TestApp;
let p: { provider: { id: string }; admin: Client };
let officer: Client;
beforeAll(async () => {
  t = await testApp();
  p = await buildProvider(t);
  officer = await clientAs(t, 'accreditation_officer');
});

const review = (c: Client, assignmentId: string, body: object = reviewBody()) =>
  c.request({ method: 'POST', url: `/api/assignments/${assignmentId}/review`, payload: body });
const reviewsOf = (c: Client, id: string) => c.request({ method: 'GET', url: `/api/courses/${id}/reviews` });

describe('rubric', () => {
  it('seeds the default criteria once (weights sum to 100) for officers and reviewers; others are refused', async () => {
    expect(DEFAULT_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect((await t.app.inject({ method: 'GET', url: '/api/rubrics/active' })).statusCode).toBe(401);
    expect((await p.admin.request({ method: 'GET', url: '/api/rubrics/active' })).statusCode).toBe(403);
    const reviewer = await buildReviewer(t);
    const [r1, r2] = await Promise.all([
      officer.request({ method: 'GET', url: '/api/rubrics/active' }),
      reviewer.request({ method: 'GET', url: '/api/rubrics/active' }),
    ]);
    expect(r1.statusCode).toBe(200);
    expect(r1.json().id).toBe(r2.json().id);
    expect(r1.json().criteria.map((c: { code: string }) => c.code)).toContain('methods');
    expect(await t.database.db.select().from(rubrics)).toHaveLength(1);
  });

  it('updateRubric validates weights (400), is for officers only (403), and keeps the old rubric inactive', async () => {
    const criteria = DEFAULT_CRITERIA.map((c) => ({ ...c }));
    const reviewer = await buildReviewer(t);
    expect((await reviewer.request({ method: 'PUT', url: '/api/rubrics/active', payload: { criteria } })).statusCode).toBe(403);
    criteria[0].weight += 1;
    const bad = await officer.request({ method: 'PUT', url: '/api/rubrics/active', payload: { criteria } });
    expect(bad.statusCode).toBe(400);
    criteria[1].weight -= 1;
    const before = (await officer.request({ method: 'GET', url: '/api/rubrics/active' })).json();
    const ok = await officer.request({ method: 'PUT', url: '/api/rubrics/active', payload: { criteria } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().id).not.toBe(before.id);
    expect(ok.json().round).toBe(before.round + 1);
    const all = await t.database.db.select().from(rubrics);
    expect(all.filter((r) => r.isActive).map((r) => r.id)).toEqual([ok.json().id]);
  });

  it('weights scores on 0..100', () => {
    const all = (s: number) => DEFAULT_CRITERIA.map((c) => ({ criterionCode: c.code, score: s, comment: '' }));
    expect(weightedScore(DEFAULT_CRITERIA, all(1))).toBe(0);
    expect(weightedScore(DEFAULT_CRITERIA, all(5))).toBe(100);
    expect(weightedScore(DEFAULT_CRITERIA, all(3))).toBe(50);
  });
});

describe('submitReview and blind review', () => {
  let id: string;
  let r1: Awaited<ReturnType<typeof buildReviewer>>;
  let r2: Awaited<ReturnType<typeof buildReviewer>>;
  let a1: string;
  let a2: string;
  beforeAll(async () => {
    ({ id, r1, r2, a1, a2 } = await buildCourseInReview(t, p.admin, p.provider.id, officer));
  });

  it('401, 403 for non-reviewers, 404 for another reviewer, 400 for incomplete scores, 409 when not accepted', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/assignments/${a1}/review`, payload: reviewBody() })).statusCode).toBe(401);
    expect((await review(p.admin, a1)).statusCode).toBe(403);
    expect((await review(r2, a1)).statusCode).toBe(404);
    expect((await review(r1, a1, { ...reviewBody(), scores: reviewBody().scores.slice(1) })).statusCode).toBe(400);
    expect((await review(r1, a1, { ...reviewBody(), scores: [...reviewBody().scores, reviewBody().scores[0]] })).statusCode).toBe(400);
    expect((await review(r1, a1, { ...reviewBody(), recommendation: 'maybe' })).statusCode).toBe(400);
    const r3 = await buildReviewer(t);
    const pending = await assign(t, id, r3.reviewerId, { state: 'pending' });
    expect((await review(r3, pending)).statusCode).toBe(409);
    await t.database.db.update(reviewAssignments).set({ state: 'declined' }).where(eq(reviewAssignments.id, pending));
  });

  it('a reviewer sees no other review before submitting their own; a provider never reads reviews', async () => {
    expect((await review(r2, a2, reviewBody(5, { recommendation: 'accredit', confidentialComments: 'ลับเฉพาะ R2' }))).statusCode).toBe(201);
    const early = await reviewsOf(r1, id);
    expect(early.statusCode).toBe(200);
    expect(early.json().items).toEqual([]);
    expect((await reviewsOf(p.admin, id)).statusCode).toBe(403);
    const stranger = await buildReviewer(t);
    expect((await reviewsOf(stranger, id)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/courses/${id}/reviews` })).statusCode).toBe(401);
  });

  it('stores the weighted score, refuses a second review (409), then shows the others anonymised and completes the round', async () => {
    const res = await review(r1, a1, reviewBody(2, { recommendation: 'reject' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().weightedScore).toBe(25);
    expect((await review(r1, a1)).statusCode).toBe(409);
    const [stored] = await t.database.db.select().from(reviews).where(eq(reviews.assignmentId, a1));
    expect(Number(stored.weightedScore)).toBe(25);
    const [done] = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, a1));
    expect(done.state).toBe('submitted');

    const seen = (await reviewsOf(r1, id)).json();
    expect(seen.items).toHaveLength(2);
    const other = seen.items.find((i: { isMine: boolean }) => !i.isMine);
    expect(other).toMatchObject({ label: 'Reviewer A', reviewerName: null, assignmentId: null, confidentialComments: null });
    expect(JSON.stringify(seen)).not.toContain(r2.userId);

    const all = (await reviewsOf(officer, id)).json();
    expect(all.items.map((i: { reviewerName: string }) => i.reviewerName).every(Boolean)).toBe(true);
    expect(all.items.some((i: { confidentialComments: string }) => i.confidentialComments === 'ลับเฉพาะ R2')).toBe(true);
    expect(all.spread).toBe(75);
    expect(all.isDisagreement).toBe(true);

    const course = (await officer.request({ method: 'GET', url: `/api/courses/${id}` })).json();
    expect(course.state).toBe('decision_pending');
    expect(course.abilities.decide).toBe(true);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, officer.userId));
    expect(notes.some((n) => n.kind === 'course.reviews_complete')).toBe(true);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectType, 'course'), eq(auditEntries.subjectId, id)));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['course.review_submitted', 'course.reviews_complete']));
  });

  it('the provider sees reviews only as anonymous comments after the decision, never identities or confidential notes', async () => {
    const before = (await p.admin.request({ method: 'GET', url: `/api/courses/${id}` })).json();
    expect(before.reviewComments).toEqual([]);
    await officer.request({
      method: 'POST',
      url: `/api/courses/${id}/decision`,
      payload: { outcome: 'revise', reasons: 'ปรับปรุง', requiredChanges: [{ text: 'เพิ่มกรณีศึกษา' }] },
    });
    const view = await p.admin.request({ method: 'GET', url: `/api/courses/${id}` });
    const body = view.body;
    expect(view.json().reviewComments).toEqual([
      { label: 'Reviewer A', version: 1, commentsToProvider: 'ควรเพิ่มกรณีศึกษา' },
      { label: 'Reviewer B', version: 1, commentsToProvider: 'ควรเพิ่มกรณีศึกษา' },
    ]);
    const history = await p.admin.request({ method: 'GET', url: `/api/courses/${id}/history` });
    expect(history.statusCode).toBe(200);
    for (const text of [body, history.body]) {
      for (const secret of [r1.userId, r2.userId, r1.reviewerId, r2.reviewerId, a1, a2, 'ลับเฉพาะ R2', 'ความเห็นลับ'])
        expect(text).not.toContain(secret);
    }
    expect(history.json().items.every((e: { actorLabel: string | null }) => e.actorLabel === null)).toBe(true);
    const officerHistory = (await officer.request({ method: 'GET', url: `/api/courses/${id}/history` })).json();
    expect(officerHistory.items.some((e: { summary: { assignmentId?: string } }) => e.summary.assignmentId === a1)).toBe(true);
  });
});
