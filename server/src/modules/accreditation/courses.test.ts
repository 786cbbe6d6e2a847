import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, courseVersions, notifications } from '../../db/schema/index.js';
import {
  assign,
  buildProvider,
  buildReviewer,
  buildSubmittedCourse,
  currentFrameworkId,
  PDF,
  uploadPdf,
  validContent,
} from './courses.fixtures.js';

let t: TestApp;
let fw: string;
let a: { provider: { id: string }; admin: Client };
let b: { provider: { id: string }; admin: Client };
let officer: Client;
beforeAll(async () => {
  t = await testApp();
  fw = await currentFrameworkId(t);
  a = await buildProvider(t);
  b = await buildProvider(t);
  officer = await clientAs(t, 'accreditation_officer');
});

const create = (c: Client, providerId: string, content: object) =>
  c.request({ method: 'POST', url: '/api/courses', payload: { providerId, content } });
const auditOf = (id: string) =>
  t.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectType, 'course'), eq(auditEntries.subjectId, id)))
    .orderBy(auditEntries.seq);

describe('createCourse', () => {
  it('401 signed out, 403 for another role or provider, 400 invalid, 201 with checks stored', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/courses', payload: { providerId: a.provider.id, content: {} } })).statusCode,
    ).toBe(401);
    expect((await create(officer, a.provider.id, {})).statusCode).toBe(403);
    expect((await create(b.admin, a.provider.id, {})).statusCode).toBe(403);
    expect((await create(a.admin, a.provider.id, { feeBaht: -1 })).statusCode).toBe(400);
    expect((await create(a.admin, a.provider.id, { unknown: 1 })).statusCode).toBe(400);
    const res = await create(a.admin, a.provider.id, { titleTh: 'หลักสูตรร่าง' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ state: 'draft', version: 1, titleTh: 'หลักสูตรร่าง', hasSyllabus: false });
    expect(c.checks.some((x: { code: string; field: string }) => x.code === 'required' && x.field === 'titleEn')).toBe(true);
    // Required fields are missing, so the checks block submission and the ability says so.
    expect(c.abilities).toMatchObject({ edit: true, submit: false, screen: false, decide: false });
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['course.created']);
  });
});

describe('visibility', () => {
  it('provider A cannot see, change or list provider B course (404 / not listed); officers see all', async () => {
    const mine = (await create(b.admin, b.provider.id, validContent(fw))).json();
    expect((await a.admin.request({ method: 'GET', url: `/api/courses/${mine.id}` })).statusCode).toBe(404);
    expect((await a.admin.request({ method: 'PUT', url: `/api/courses/${mine.id}`, payload: { content: {} } })).statusCode).toBe(404);
    expect((await a.admin.request({ method: 'GET', url: `/api/courses/${mine.id}/syllabus` })).statusCode).toBe(404);
    const listA = (await a.admin.request({ method: 'GET', url: '/api/courses' })).json();
    expect(listA.items.every((c: { providerId: string }) => c.providerId === a.provider.id)).toBe(true);
    expect((await a.admin.request({ method: 'GET', url: `/api/courses?providerId=${b.provider.id}` })).json().total).toBe(0);
    const listB = (await b.admin.request({ method: 'GET', url: '/api/courses' })).json();
    expect(listB.items.map((c: { id: string }) => c.id)).toContain(mine.id);
    expect((await officer.request({ method: 'GET', url: `/api/courses/${mine.id}` })).statusCode).toBe(200);
    expect((await officer.request({ method: 'GET', url: '/api/courses' })).json().total).toBeGreaterThanOrEqual(2);
    const stranger = await clientAs(t, 'learner');
    expect((await stranger.request({ method: 'GET', url: `/api/courses/${mine.id}` })).statusCode).toBe(403);
    const otherReviewer = await buildReviewer(t);
    expect((await otherReviewer.request({ method: 'GET', url: `/api/courses/${mine.id}` })).statusCode).toBe(404);
    expect((await a.admin.request({ method: 'GET', url: '/api/courses/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await a.admin.request({ method: 'GET', url: '/api/courses/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('updateCourse and uploadSyllabus', () => {
  it('edits a draft, re-runs checks, stores a PDF and serves it to the provider, officer and assigned reviewer', async () => {
    const id = (await create(a.admin, a.provider.id, { titleTh: 'ร่าง' })).json().id;
    expect((await b.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: {} } })).statusCode).toBe(404);
    expect((await officer.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: {} } })).statusCode).toBe(403);
    expect((await a.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: { hours: 'many' } } })).statusCode).toBe(
      400,
    );
    expect(
      (await a.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: validContent(fw), responses: { 0: 'x' } } }))
        .statusCode,
    ).toBe(400);
    const updated = await a.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: validContent(fw) } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().checks.map((c: { code: string }) => c.code)).toEqual(['syllabus_missing']);

    expect((await uploadPdf(a.admin, id, Buffer.from('not a pdf at all'))).statusCode).toBe(415);
    const wrongType = await a.admin.request({
      method: 'PUT',
      url: `/api/courses/${id}/syllabus`,
      headers: { 'content-type': 'image/png' },
      payload: PDF,
    });
    expect(wrongType.statusCode).toBe(415);
    const json = await a.admin.request({ method: 'PUT', url: `/api/courses/${id}/syllabus`, payload: { pdf: 'x' } });
    expect(json.statusCode).toBe(415);
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    expect((await uploadPdf(a.admin, id, huge)).statusCode).toBe(413);
    expect((await uploadPdf(b.admin, id)).statusCode).toBe(404);
    expect((await a.admin.request({ method: 'GET', url: `/api/courses/${id}/syllabus` })).statusCode).toBe(404);
    const up = await uploadPdf(a.admin, id);
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ hasSyllabus: true, checks: [] });

    const pdf = await a.admin.request({ method: 'GET', url: `/api/courses/${id}/syllabus` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    expect((await officer.request({ method: 'GET', url: `/api/courses/${id}/syllabus` })).statusCode).toBe(200);
    const reviewer = await buildReviewer(t);
    expect((await reviewer.request({ method: 'GET', url: `/api/courses/${id}/syllabus` })).statusCode).toBe(404);
    await assign(t, id, reviewer.reviewerId);
    expect((await reviewer.request({ method: 'GET', url: `/api/courses/${id}/syllabus` })).statusCode).toBe(200);
    expect((await reviewer.request({ method: 'GET', url: `/api/courses/${id}` })).json().abilities.edit).toBe(false);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['course.created', 'course.updated', 'course.syllabus_uploaded']);
  });
});

describe('submitCourse', () => {
  it('refuses blocking errors with 409 and each error in errors[], including the 60/40 rule', async () => {
    const heavyLecture = validContent(fw, {
      titleTh: 'บรรยายล้วน',
      hours: { lecture: 10, workshop: 2, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 },
    });
    const id = (await create(a.admin, a.provider.id, heavyLecture)).json().id;
    await uploadPdf(a.admin, id);
    const res = await a.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'content.hours.lecture', code: 'lecture_over_60' })]);
    expect((await a.admin.request({ method: 'GET', url: `/api/courses/${id}` })).json().state).toBe('draft');

    const incomplete = (await create(a.admin, a.provider.id, { titleTh: 'ไม่ครบ' })).json().id;
    const bad = (await a.admin.request({ method: 'POST', url: `/api/courses/${incomplete}/submission` })).json();
    expect(bad.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['required', 'syllabus_missing']));
  });

  it('refuses an unverified provider (409), other callers (401/403/404), then submits and notifies officers', async () => {
    const pending = await buildProvider(t, { status: 'pending' });
    const pid = (await create(pending.admin, pending.provider.id, validContent(fw))).json().id;
    await uploadPdf(pending.admin, pid);
    expect((await pending.admin.request({ method: 'POST', url: `/api/courses/${pid}/submission` })).statusCode).toBe(409);

    const id = (await create(a.admin, a.provider.id, validContent(fw, { titleTh: 'หลักสูตรความปลอดภัยไซเบอร์สำหรับผู้บริหาร' }))).json().id;
    await uploadPdf(a.admin, id);
    expect((await t.app.inject({ method: 'POST', url: `/api/courses/${id}/submission` })).statusCode).toBe(401);
    expect((await officer.request({ method: 'POST', url: `/api/courses/${id}/submission` })).statusCode).toBe(403);
    expect((await b.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` })).statusCode).toBe(404);
    const res = await a.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.state).toBe('submitted');
    expect(new Date(c.screeningDueAt).getTime() - new Date(c.submittedAt).getTime()).toBe(7 * 86_400_000);
    expect(c.isOverdue).toBe(false);
    expect(c.abilities).toMatchObject({ edit: false, submit: false });
    expect((await a.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` })).statusCode).toBe(409);
    expect((await a.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content: {} } })).statusCode).toBe(409);
    const [v1] = await t.database.db.select().from(courseVersions).where(eq(courseVersions.courseId, id));
    expect(v1.submittedAt).not.toBeNull();
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, officer.userId));
    expect(notes.some((n) => n.kind === 'course.submitted' && n.link?.includes(id))).toBe(true);
    const audit = await auditOf(id);
    expect(audit.at(-1)).toMatchObject({ action: 'course.submit', summary: { from: 'draft', to: 'submitted', version: 1 } });
  });

  it('warns about a similar title of the same provider', async () => {
    const id = (await create(a.admin, a.provider.id, validContent(fw, { titleTh: 'หลักสูตรความปลอดภัยไซเบอร์สำหรับผู้บริหารระดับสูง' }))).json().id;
    const c = (await a.admin.request({ method: 'GET', url: `/api/courses/${id}` })).json();
    expect(c.checks.some((x: { code: string; severity: string }) => x.code === 'possible_duplicate' && x.severity === 'warning')).toBe(
      true,
    );
  });
});

describe('revision', () => {
  it('a revision edits version 2, getCourse diffs it against version 1, and resubmission needs the responses', async () => {
    const id = await buildSubmittedCourse(t, a.admin, a.provider.id, { titleTh: 'หลักสูตรเพื่อการแก้ไข' });
    await officer.request({ method: 'POST', url: `/api/courses/${id}/screening`, payload: { action: 'send_to_review' } });
    const { courses } = await import('../../db/schema/index.js');
    await t.database.db.update(courses).set({ state: 'decision_pending' }).where(eq(courses.id, id));
    const decided = await officer.request({
      method: 'POST',
      url: `/api/courses/${id}/decision`,
      payload: { outcome: 'revise', reasons: 'ต้องปรับปรุง', requiredChanges: [{ text: 'เพิ่มชั่วโมงปฏิบัติ' }] },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().state).toBe('revision_requested');

    const content = validContent(fw, {
      titleTh: 'หลักสูตรเพื่อการแก้ไข',
      hours: { lecture: 4, workshop: 8, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 },
    });
    const edited = await a.admin.request({ method: 'PUT', url: `/api/courses/${id}`, payload: { content } });
    expect(edited.statusCode).toBe(200);
    const v2 = edited.json();
    expect(v2.version).toBe(2);
    expect(v2.hasSyllabus).toBe(true);
    expect(v2.diffAgainstVersion).toBe(1);
    expect(v2.diff).toEqual([
      { path: 'hours.lecture', before: 6, after: 4 },
      { path: 'hours.workshop', before: 6, after: 8 },
    ]);
    const missing = await a.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'body.responses.0', code: 'response_missing' })]);
    const answered = await a.admin.request({
      method: 'PUT',
      url: `/api/courses/${id}`,
      payload: { content, responses: { 0: 'เพิ่มชั่วโมงปฏิบัติการแล้ว' } },
    });
    expect(answered.json()).toMatchObject({ version: 2, responses: { 0: 'เพิ่มชั่วโมงปฏิบัติการแล้ว' } });
    const resubmitted = await a.admin.request({ method: 'POST', url: `/api/courses/${id}/submission` });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json()).toMatchObject({ state: 'submitted', version: 2, diffAgainstVersion: 1 });
    const versions = await t.database.db.select().from(courseVersions).where(eq(courseVersions.courseId, id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const actions = (await auditOf(id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['course.request_revision', 'course.version_created', 'course.resubmit']));
  });
});
