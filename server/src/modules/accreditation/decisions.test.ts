import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { accreditationCounters, auditEntries, courses, notifications } from '../../db/schema/index.js';
import { buildCourseInReview, buildProvider, buildReviewer, buildSubmittedCourse, reviewBody } from './courses.fixtures.js';
import { addYears, buddhistYear, nextAccreditationNumber, todayInBangkok } from './numbering.js';

let t: TestApp;
let p: { provider: { id: string }; admin: Client };
let other: { provider: { id: string }; admin: Client };
let officer: Client;
beforeAll(async () => {
  t = await testApp();
  p = await buildProvider(t, { nameTh: 'สถาบันพัฒนาข้าราชการ' });
  other = await buildProvider(t);
  officer = await clientAs(t, 'accreditation_officer');
});

const post = (c: Client, url: string, payload?: object) => c.request({ method: 'POST', url, payload });
const yearBe = buddhistYear(todayInBangkok());
const auditActions = async (id: string) =>
  (
    await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectType, 'course'), eq(auditEntries.subjectId, id)))
      .orderBy(auditEntries.seq)
  ).map((e) => e.action);

/** A course whose two reviews are in: decision_pending. */
async function decisionPending() {
  const round = await buildCourseInReview(t, p.admin, p.provider.id, officer);
  await post(round.r1, `/api/assignments/${round.a1}/review`, reviewBody(4));
  await post(round.r2, `/api/assignments/${round.a2}/review`, reviewBody(5));
  return round;
}

describe('listSubmissions', () => {
  it('is for officers, sorted by due date with overdue flags, filterable', async () => {
    const first = await buildSubmittedCourse(t, p.admin, p.provider.id, { titleTh: 'คิวหนึ่ง การจัดการข้อมูล' });
    const second = await buildSubmittedCourse(t, other.admin, other.provider.id, { titleTh: 'คิวสอง ปัญญาประดิษฐ์' });
    await t.database.db
      .update(courses)
      .set({ screeningDueAt: new Date(Date.now() - 86_400_000) })
      .where(eq(courses.id, second));
    expect((await t.app.inject({ method: 'GET', url: '/api/submissions' })).statusCode).toBe(401);
    expect((await p.admin.request({ method: 'GET', url: '/api/submissions' })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: '/api/submissions?state=nope' })).statusCode).toBe(400);
    const all = (await officer.request({ method: 'GET', url: '/api/submissions' })).json();
    expect(all.items.map((i: { id: string }) => i.id).slice(0, 2)).toEqual([second, first]);
    expect(all.items[0].isOverdue).toBe(true);
    const overdue = (await officer.request({ method: 'GET', url: '/api/submissions?overdue=true' })).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([second]);
    const byProvider = (await officer.request({ method: 'GET', url: `/api/submissions?providerId=${p.provider.id}` })).json();
    expect(byProvider.items.map((i: { id: string }) => i.id)).toEqual([first]);
    const byTitle = (await officer.request({ method: 'GET', url: `/api/submissions?q=${encodeURIComponent('ปัญญาประดิษฐ์')}` })).json();
    expect(byTitle.total).toBe(1);
    expect((await officer.request({ method: 'GET', url: '/api/submissions?state=draft' })).json().total).toBe(0);
  });
});

describe('screenSubmission', () => {
  it('401/403/404/400/409, returns for completion with reasons and sends to review', async () => {
    const id = await buildSubmittedCourse(t, p.admin, p.provider.id, { titleTh: 'ตรวจเบื้องต้น' });
    const url = `/api/courses/${id}/screening`;
    expect((await t.app.inject({ method: 'POST', url, payload: { action: 'send_to_review' } })).statusCode).toBe(401);
    expect((await post(p.admin, url, { action: 'send_to_review' })).statusCode).toBe(403);
    expect(
      (await post(officer, '/api/courses/00000000-0000-4000-8000-000000000000/screening', { action: 'send_to_review' })).statusCode,
    ).toBe(404);
    expect((await post(officer, url, { action: 'return_for_completion' })).statusCode).toBe(400);
    expect((await post(officer, url, { action: 'approve' })).statusCode).toBe(400);
    const returned = await post(officer, url, { action: 'return_for_completion', reasons: 'เอกสารไม่ครบ' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().state).toBe('draft');
    expect((await post(officer, url, { action: 'send_to_review' })).statusCode).toBe(409);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, p.admin.userId));
    expect(notes.some((n) => n.kind === 'course.returned' && n.bodyTh.includes('เอกสารไม่ครบ'))).toBe(true);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['course.start_screening', 'course.return_for_completion']));

    expect((await post(p.admin, `/api/courses/${id}/submission`)).statusCode).toBe(200);
    const sent = (await post(officer, url, { action: 'send_to_review' })).json();
    expect(sent.state).toBe('in_review');
    expect(new Date(sent.reviewDueAt).getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
  });
});

describe('decideSubmission and numbering', () => {
  let firstId: string;
  it('validates the body (400), refuses the wrong state (409) and non-officers (403)', async () => {
    const id = await buildSubmittedCourse(t, p.admin, p.provider.id, { titleTh: 'ยังไม่พร้อมตัดสิน' });
    expect((await post(officer, `/api/courses/${id}/decision`, { outcome: 'accredit', reasons: 'ดี' })).statusCode).toBe(409);
    const { id: ready } = await decisionPending();
    firstId = ready;
    const url = `/api/courses/${ready}/decision`;
    expect((await post(p.admin, url, { outcome: 'accredit', reasons: 'ดี' })).statusCode).toBe(403);
    expect((await post(officer, url, { outcome: 'revise', reasons: 'แก้' })).statusCode).toBe(400);
    expect((await post(officer, url, { outcome: 'accredit_with_conditions', reasons: 'ดี' })).statusCode).toBe(400);
    expect((await post(officer, url, { outcome: 'great', reasons: 'ดี' })).statusCode).toBe(400);
    expect((await post(officer, url, { outcome: 'accredit' })).statusCode).toBe(400);
  });

  it('issues gap-free sequential numbers; a rolled-back decision does not consume one', async () => {
    const res = await post(officer, `/api/courses/${firstId}/decision`, { outcome: 'accredit', reasons: 'ผ่านเกณฑ์' });
    expect(res.statusCode).toBe(200);
    const c1 = res.json();
    const today = todayInBangkok();
    expect(c1).toMatchObject({
      state: 'accredited',
      accreditationNumber: `สดช.-${yearBe}-0001`,
      validFrom: today,
      validUntil: addYears(today, 2),
    });
    expect((await post(officer, `/api/courses/${firstId}/decision`, { outcome: 'accredit', reasons: 'ซ้ำ' })).statusCode).toBe(409);

    await expect(
      t.database.db.transaction(async (tx) => {
        expect(await nextAccreditationNumber(tx, 'สดช.')).toBe(`สดช.-${yearBe}-0002`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    const { id: second } = await decisionPending();
    const c2 = (
      await post(officer, `/api/courses/${second}/decision`, {
        outcome: 'accredit_with_conditions',
        reasons: 'ผ่าน',
        conditions: 'ปรับเอกสารภายใน 30 วัน',
      })
    ).json();
    expect(c2).toMatchObject({
      state: 'accredited_with_conditions',
      accreditationNumber: `สดช.-${yearBe}-0002`,
      conditions: 'ปรับเอกสารภายใน 30 วัน',
    });
    const [counter] = await t.database.db.select().from(accreditationCounters).where(eq(accreditationCounters.yearBe, yearBe));
    expect(counter.lastNumber).toBe(2);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, p.admin.userId));
    expect(notes.some((n) => n.kind === 'course.decided' && n.bodyTh.includes(`สดช.-${yearBe}-0001`))).toBe(true);
    expect(await auditActions(firstId)).toEqual([
      'course.created',
      'course.syllabus_uploaded',
      'course.submit',
      'course.start_screening',
      'course.send_to_review',
      'course.review_submitted',
      'course.review_submitted',
      'course.reviews_complete',
      'course.accredit',
    ]);
  });

  it('rejects without a number', async () => {
    const { id } = await decisionPending();
    const c = (await post(officer, `/api/courses/${id}/decision`, { outcome: 'reject', reasons: 'ไม่ผ่านเกณฑ์' })).json();
    expect(c).toMatchObject({ state: 'rejected', accreditationNumber: null });
    expect(c.decisions).toEqual([expect.objectContaining({ outcome: 'reject', reasons: 'ไม่ผ่านเกณฑ์' })]);
  });

  it('verifyAccreditation is public; unknown numbers are 404', async () => {
    const number = `สดช.-${yearBe}-0001`;
    const res = await t.app.inject({ method: 'GET', url: `/api/accreditations/${encodeURIComponent(number)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ number, providerName: 'สถาบันพัฒนาข้าราชการ', state: 'accredited', isValid: true });
    expect(Object.keys(res.json()).sort()).toEqual([
      'courseTitleEn',
      'courseTitleTh',
      'isValid',
      'number',
      'providerName',
      'state',
      'validFrom',
      'validUntil',
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/accreditations/${encodeURIComponent(`สดช.-${yearBe}-9999`)}` })).statusCode,
    ).toBe(404);
  });

  it('suspends, reinstates, renews and revokes with reasons (400 without), 409 from the wrong state', async () => {
    const base = `/api/courses/${firstId}`;
    expect((await post(officer, `${base}/reinstatement`, { reason: 'x' })).statusCode).toBe(409);
    expect((await post(officer, `${base}/suspension`, {})).statusCode).toBe(400);
    expect((await post(p.admin, `${base}/suspension`, { reason: 'x' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `${base}/suspension`, payload: { reason: 'x' } })).statusCode).toBe(401);
    const suspended = (await post(officer, `${base}/suspension`, { reason: 'มีข้อร้องเรียน' })).json();
    expect(suspended.state).toBe('suspended');
    const number = suspended.accreditationNumber;
    expect((await t.app.inject({ method: 'GET', url: `/api/accreditations/${encodeURIComponent(number)}` })).json().isValid).toBe(false);
    expect((await post(officer, `${base}/renewal`)).statusCode).toBe(409);
    expect((await post(officer, `${base}/reinstatement`, { reason: 'ตรวจสอบแล้ว' })).json().state).toBe('accredited');

    const before = (await officer.request({ method: 'GET', url: base })).json().validUntil;
    const renewed = await post(officer, `${base}/renewal`);
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).toMatchObject({ state: 'accredited', validUntil: addYears(before, 2) });

    const revoked = (await post(officer, `${base}/revocation`, { reason: 'ผิดเงื่อนไข' })).json();
    expect(revoked.state).toBe('revoked');
    expect((await post(officer, `${base}/renewal`)).statusCode).toBe(409);
    expect(await auditActions(firstId)).toEqual(
      expect.arrayContaining(['course.suspend', 'course.reinstate', 'course.renew', 'course.revoke']),
    );
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, p.admin.userId));
    expect(notes.filter((n) => ['course.suspend', 'course.reinstate', 'course.renewed', 'course.revoke'].includes(n.kind))).toHaveLength(4);
  });

  it('renews an expired accreditation from today', async () => {
    const { id } = await decisionPending();
    await post(officer, `/api/courses/${id}/decision`, { outcome: 'accredit', reasons: 'ผ่าน' });
    await t.database.db.update(courses).set({ state: 'expired', validUntil: '2020-01-01' }).where(eq(courses.id, id));
    const renewed = (await post(officer, `/api/courses/${id}/renewal`)).json();
    expect(renewed).toMatchObject({ state: 'accredited', validUntil: addYears(todayInBangkok(), 2) });
  });
});

describe('getSubmissionHistory', () => {
  it('is for the provider and officers in order; reviewers 403, other providers 404', async () => {
    const round = await buildCourseInReview(t, p.admin, p.provider.id, officer);
    const url = `/api/courses/${round.id}/history`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await other.admin.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await round.r1.request({ method: 'GET', url })).statusCode).toBe(403);
    const reviewerOnly = await buildReviewer(t);
    expect((await reviewerOnly.request({ method: 'GET', url })).statusCode).toBe(403);
    const items = (await p.admin.request({ method: 'GET', url })).json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'course.created',
      'course.syllabus_uploaded',
      'course.submit',
      'course.start_screening',
      'course.send_to_review',
    ]);
    expect(items[2].summary).toEqual({ from: 'draft', to: 'submitted', version: 1 });
  });
});
