import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Client, clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries, courseShortlists, learningRecords, notifications } from '../../db/schema/index.js';
import { closePdfBrowser } from '../../lib/pdf.js';
import { fiscalYearBe, todayInBangkok } from '../../lib/thai-text.js';
import { buildCatalogCourse } from '../catalog/catalog.fixtures.js';
import { buildPerson, buildTree, linkUser, type Tree } from '../people/people.fixtures.js';

let t: TestApp;
let tree: Tree;
let hrA: Client;
let hrB: Client;
let execA: Client;
let execB: Client;
let monitor: Client;
let courseId: string;
let otherCourseId: string;
const people: { id: string; email: string | null }[] = [];
let outsider: { id: string; email: string | null };
const fy = fiscalYearBe();
const today = todayInBangkok();
const daysAgo = (n: number) => todayInBangkok(new Date(Date.now() - n * 86_400_000));
const hours = (lecture: number, workshop: number) => ({
  lecture,
  workshop,
  discussion: 0,
  role_play: 0,
  case_study: 0,
  e_learning: 0,
  on_the_job: 0,
  other: 0,
});

afterAll(() => closePdfBrowser());

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  hrA = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D1') });
  hrB = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D3') });
  execA = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('M1') });
  execB = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('D3') });
  monitor = await clientAs(t, 'central_monitor');
  courseId = await buildCatalogCourse(t.database.db, {
    titleTh: 'การวิเคราะห์ข้อมูลเพื่อการตัดสินใจ',
    titleEn: 'Data analysis for decisions',
    summaryTh: 'วิเคราะห์ข้อมูล',
    provider: 'สถาบันทดสอบแผน',
    areas: [['DU', 2]],
    groups: ['ACADEMIC'],
    hours: 12,
  });
  otherCourseId = await buildCatalogCourse(t.database.db, {
    titleTh: 'หลักสูตรที่ไม่ได้อยู่ในรายการ',
    titleEn: 'Not shortlisted',
    summaryTh: 'ทดสอบ',
    provider: 'สถาบันทดสอบแผน',
    areas: [['DL', 1]],
    groups: ['OTHERS'],
  });
  await t.database.db.insert(courseShortlists).values({ agencyId: tree.id('D1'), courseId });
  for (let i = 0; i < 3; i++) {
    const p = await buildPerson(t, tree.id('D1-A'), { targetGroupCode: 'ACADEMIC', email: `plan.person${i}@agency.go.th` });
    people.push({ id: p.id, email: p.email });
    if (i < 2) {
      const u = await buildUser(t.database, { email: `plan.person${i}@agency.go.th`, roles: ['learner'] });
      await linkUser(t, u.id, p.id);
    }
  }
  const o = await buildPerson(t, tree.id('D3'), { targetGroupCode: 'ACADEMIC', email: 'outsider@agency.go.th' });
  outsider = { id: o.id, email: o.email };
});

const planBody = () => ({
  agencyId: tree.id('D1'),
  fiscalYear: fy,
  phase: 'early',
  objectives: ['ยกระดับทักษะการใช้ข้อมูลของนักวิชาการ'],
  targets: [
    { targetGroupCode: 'ACADEMIC', skillAreaCode: 'ALL', metric: 'people_trained', value: 4 },
    { targetGroupCode: 'ACADEMIC', skillAreaCode: 'DU', metric: 'hours_per_person', value: 10 },
    { targetGroupCode: 'ACADEMIC', skillAreaCode: 'DU', metric: 'assessed_pct', value: 80 },
  ],
  budgetLines: [
    { item: 'ค่าวิทยากร', category: 'training', amountBaht: 36000 },
    { item: 'ค่าเอกสาร', category: 'materials', amountBaht: 4000.5 },
  ],
  activities: [
    { title: 'โครงการวิเคราะห์ข้อมูลภาษีจริง', type: 'on_the_job', plannedHours: 35, plannedPeople: 20 },
    { title: 'พี่เลี้ยงด้านข้อมูล', type: 'coaching', plannedHours: 10, plannedPeople: 20 },
    { title: 'อบรมหลักสูตรวิเคราะห์ข้อมูล', type: 'formal', plannedHours: 5, plannedPeople: 20 },
  ],
  plannedCourseIds: [courseId],
});

let planId: string;
let cohortId: string;

describe('agency plans: writing and approval', () => {
  it('lets HR start a plan for an agency of its subtree, with the 70:20:10 mix computed and an audit entry', async () => {
    const res = await hrA.request({ method: 'POST', url: '/api/plans', payload: planBody() });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({ state: 'draft', version: 1, fiscalYear: fy, budgetTotal: 40000.5 });
    expect(plan.mix).toEqual({ on_the_job: 70, coaching: 20, formal: 10 });
    expect(plan.plannedCourses.map((c: { id: string }) => c.id)).toEqual([courseId]);
    expect(plan.abilities).toMatchObject({ edit: true, submit: true, approve: false, manageCohorts: true });
    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectId, planId), eq(auditEntries.action, 'plan.created')));
    expect(audit).toBeDefined();
  });

  it('refuses a second plan for the same agency and year, courses off the shortlist, unknown phases', async () => {
    expect((await hrA.request({ method: 'POST', url: '/api/plans', payload: planBody() })).json().code).toBe('plan.exists');
    const bad = await hrA.request({
      method: 'POST',
      url: '/api/plans',
      payload: { ...planBody(), agencyId: tree.id('D1-B'), phase: 'nope', plannedCourseIds: [otherCourseId] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.phase', 'body.plannedCourseIds.0']);
  });

  it('keeps two editors from overwriting each other (version)', async () => {
    const { version: _v, agencyId: _a, fiscalYear: _f, ...content } = { version: 0, ...planBody() };
    const first = await hrA.request({
      method: 'PUT',
      url: `/api/plans/${planId}`,
      payload: { ...content, version: 1, objectives: ['แก้ไขครั้งที่หนึ่ง'] },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await hrA.request({
      method: 'PUT',
      url: `/api/plans/${planId}`,
      payload: { ...content, version: 1, objectives: ['แก้ไขซ้อน'] },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('plan.version_conflict');
    const now = (await hrA.request({ method: 'GET', url: `/api/plans/${planId}` })).json();
    expect(now.objectives).toEqual(['แก้ไขครั้งที่หนึ่ง']);
  });

  it('submits to the executives, who return it with comments; HR edits and submits again; approval is final', async () => {
    const submitted = await hrA.request({ method: 'POST', url: `/api/plans/${planId}/submission` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('submitted');
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, execA.userId));
    expect(told.map((n) => n.kind)).toContain('plan.submitted');
    expect(told.some((n) => n.userId === execB.userId)).toBe(false);

    // Frozen while submitted; HR cannot decide; the other agency's executive cannot see it.
    const frozen = await hrA.request({
      method: 'PUT',
      url: `/api/plans/${planId}`,
      payload: { ...planBody(), agencyId: undefined, fiscalYear: undefined, version: 2 },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('plan.illegal_transition');
    expect((await hrA.request({ method: 'POST', url: `/api/plans/${planId}/approval`, payload: {} })).statusCode).toBe(403);
    expect((await execB.request({ method: 'POST', url: `/api/plans/${planId}/approval`, payload: {} })).statusCode).toBe(404);

    const returned = await execA.request({
      method: 'POST',
      url: `/api/plans/${planId}/return`,
      payload: { comment: 'เพิ่มเป้าหมายกลุ่มบริการ' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().state).toBe('returned');
    expect(returned.json().events.at(-1)).toMatchObject({ action: 'return', comment: 'เพิ่มเป้าหมายกลุ่มบริการ' });
    const hrTold = await t.database.db.select().from(notifications).where(eq(notifications.userId, hrA.userId));
    expect(hrTold.map((n) => n.kind)).toContain('plan.returned');

    const { agencyId: _a, fiscalYear: _f, ...content } = planBody();
    const edited = await hrA.request({ method: 'PUT', url: `/api/plans/${planId}`, payload: { ...content, version: 2 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await hrA.request({ method: 'POST', url: `/api/plans/${planId}/submission` })).json().state).toBe('submitted');
    const approved = await execA.request({ method: 'POST', url: `/api/plans/${planId}/approval`, payload: { comment: 'อนุมัติ' } });
    expect(approved.json()).toMatchObject({ state: 'approved', abilities: { edit: false, submit: false, approve: false } });
    const again = await execA.request({ method: 'POST', url: `/api/plans/${planId}/return`, payload: { comment: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('plan.illegal_transition');
    const actions = (await t.database.db.select().from(auditEntries).where(eq(auditEntries.subjectId, planId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.created', 'plan.updated', 'plan.submitted', 'plan.returned', 'plan.approved']));
  });

  it('shows approved plans to central monitors nationally, and drafts to nobody outside the subtree', async () => {
    const list = (await monitor.request({ method: 'GET', url: '/api/plans' })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(planId);
    const draftB = await hrB.request({ method: 'POST', url: '/api/plans', payload: { agencyId: tree.id('D3'), fiscalYear: fy } });
    expect(draftB.statusCode, draftB.body).toBe(201);
    expect((await monitor.request({ method: 'GET', url: `/api/plans/${draftB.json().id}` })).statusCode).toBe(404);
    expect((await monitor.request({ method: 'GET', url: `/api/plans/${planId}` })).statusCode).toBe(200);
  });
});

describe('scoping: HR of agency A and agency B', () => {
  it('never lists, reads or writes the other agency’s plans or cohorts', async () => {
    const listB = (await hrB.request({ method: 'GET', url: '/api/plans' })).json();
    expect(listB.items.map((p: { agency: { code: string } }) => p.agency.code)).toEqual(['D3']);
    const listA = (await hrA.request({ method: 'GET', url: '/api/plans' })).json();
    expect(listA.items.map((p: { agency: { code: string } }) => p.agency.code)).toEqual(['D1']);
    expect((await hrB.request({ method: 'GET', url: `/api/plans/${planId}` })).statusCode).toBe(404);
    expect((await hrB.request({ method: 'GET', url: `/api/plans/${planId}/report.xlsx` })).statusCode).toBe(404);
    expect(
      (
        await hrB.request({
          method: 'PUT',
          url: `/api/plans/${planId}`,
          payload: { ...planBody(), agencyId: undefined, fiscalYear: undefined, version: 1 },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await hrB.request({ method: 'POST', url: '/api/plans', payload: { agencyId: tree.id('D1'), fiscalYear: fy + 1 } })).statusCode,
    ).toBe(403);
    const cohortB = await hrB.request({
      method: 'POST',
      url: `/api/plans/${planId}/cohorts`,
      payload: {
        courseId,
        title: 'x',
        startsOn: today,
        endsOn: today,
        mode: 'online_meeting',
        meetingUrl: 'https://meet.example/x',
        capacity: 5,
        sessionCount: 1,
        hours: hours(1, 1),
      },
    });
    expect(cohortB.statusCode).toBe(404);
  });
});

describe('cohorts: design, enrolment, attendance, completion', () => {
  const cohortBody = (lecture: number, workshop: number) => ({
    courseId,
    title: 'รุ่นที่ 1',
    startsOn: daysAgo(3),
    endsOn: daysAgo(2),
    mode: 'classroom',
    venue: 'ห้องประชุม 1 อาคารกรม',
    capacity: 3,
    sessionCount: 2,
    attendanceThreshold: 80,
    hours: hours(lecture, workshop),
  });

  it('refuses a classroom design with lecture above 60% and accepts one at 60%', async () => {
    const over = await hrA.request({ method: 'POST', url: `/api/plans/${planId}/cohorts`, payload: cohortBody(8, 2) });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([expect.objectContaining({ path: 'body.hours.lecture', code: 'cohort.lecture_over_60' })]);
    const online = await hrA.request({
      method: 'POST',
      url: `/api/plans/${planId}/cohorts`,
      payload: {
        ...cohortBody(10, 0),
        mode: 'online_meeting',
        venue: undefined,
        meetingUrl: 'https://meet.example/abc',
        title: 'รุ่นออนไลน์',
      },
    });
    expect(online.statusCode, online.body).toBe(201);
    expect(online.json().designCheck).toEqual([]);
    const ok = await hrA.request({ method: 'POST', url: `/api/plans/${planId}/cohorts`, payload: cohortBody(6, 4) });
    expect(ok.statusCode, ok.body).toBe(201);
    cohortId = ok.json().id;
    expect(ok.json()).toMatchObject({ state: 'open', sessionCount: 2, participants: [], abilities: { manage: true } });
  });

  it('enrols only people of the agency subtree, all or nothing, within capacity', async () => {
    const outside = await hrA.request({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/enrolments`,
      payload: { personIds: [people[0].id, outsider.id] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'body.personIds.1', code: 'cohort.person_outside_agency' });
    const byEmail = await hrA.request({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/enrolments`,
      payload: { emails: ['outsider@agency.go.th'] },
    });
    expect(byEmail.statusCode).toBe(400);
    const ok = await hrA.request({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/enrolments`,
      payload: { personIds: [people[0].id], emails: people.slice(1).map((p) => String(p.email).toUpperCase()) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ enrolled: 3, alreadyEnrolled: 0 });
    const extra = await buildPerson(t, tree.id('D1'), { targetGroupCode: 'ACADEMIC' });
    const full = await hrA.request({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/enrolments`,
      payload: { personIds: [extra.id, people[0].id] },
    });
    expect(full.json().code).toBe('cohort.full');
    expect((await hrB.request({ method: 'GET', url: `/api/cohorts/${cohortId}` })).statusCode).toBe(404);
    expect(
      (await hrB.request({ method: 'POST', url: `/api/cohorts/${cohortId}/enrolments`, payload: { personIds: [outsider.id] } })).statusCode,
    ).toBe(404);
  });

  it('records attendance per session and completes the cohort into learning records, once', async () => {
    const mark = (session: number, statuses: string[]) =>
      hrA.request({
        method: 'PUT',
        url: `/api/cohorts/${cohortId}/attendance`,
        payload: { session, marks: people.map((p, i) => ({ personId: p.id, status: statuses[i] })) },
      });
    expect((await mark(1, ['present', 'present', 'present'])).statusCode).toBe(200);
    expect((await mark(2, ['absent', 'present', 'excused'])).statusCode).toBe(200);
    // A correction of session 2 for the first person.
    expect((await mark(2, ['present', 'present', 'excused'])).statusCode).toBe(200);
    expect((await mark(3, ['present', 'present', 'present'])).statusCode).toBe(400);
    const sheet = (await hrA.request({ method: 'GET', url: `/api/cohorts/${cohortId}` })).json();
    expect(sheet.participants.map((p: { present: number }) => p.present).sort()).toEqual([1, 2, 2]);

    const done = await hrA.request({ method: 'POST', url: `/api/cohorts/${cohortId}/completion`, payload: { completedOn: today } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ completed: 2, notCompleted: 1, learningRecordsCreated: 2, withoutAccount: 0 });
    const records = await t.database.db.select().from(learningRecords).where(eq(learningRecords.objectId, courseId));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ verb: 'completed', objectType: 'course', authority: `agency:${tree.id('D1')}`, runId: null });
    expect(records[0].result).toMatchObject({ completion: true, hours: 10 });

    const again = await hrA.request({ method: 'POST', url: `/api/cohorts/${cohortId}/completion`, payload: { completedOn: today } });
    expect(again.json()).toEqual({ completed: 2, notCompleted: 1, learningRecordsCreated: 0, withoutAccount: 0 });
    expect(await t.database.db.select().from(learningRecords).where(eq(learningRecords.objectId, courseId))).toHaveLength(2);
    expect((await mark(1, ['absent', 'absent', 'absent'])).json().code).toBe('cohort.completed');
  });

  it('computes progress from the records, and says when a metric is not measured yet', async () => {
    const plan = (await execA.request({ method: 'GET', url: `/api/plans/${planId}` })).json();
    const [trained, perPerson, assessed] = plan.targets;
    // Three active academics in D1's subtree at first, then one more enrolled above (four); two completed.
    expect(trained.progress).toEqual({ status: 'measured', actual: 2, population: 4, achievedPct: 50 });
    expect(perPerson.progress).toEqual({ status: 'measured', actual: 5, population: 4, achievedPct: 50 });
    expect(assessed.progress).toEqual({ status: 'not_measured', actual: null, population: null, achievedPct: null });
    expect(plan.cohorts.find((c: { id: string }) => c.id === cohortId)).toMatchObject({ enrolled: 3, completed: 2, state: 'completed' });
  });
});

describe('the plan report', () => {
  const dir = join('.test-results', 'documents');

  it('prints a Thai PDF with Buddhist-era dates and renders it to an image', async () => {
    const res = await execA.request({ method: 'GET', url: `/api/plans/${planId}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'agency-plan.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of [
      `แผนพัฒนาทักษะดิจิทัลของบุคลากร ประจำปีงบประมาณ ${fy}`,
      'กรมหนึ่ง',
      'ค่าวิทยากร',
      '40,000.50',
      'ยังไม่มีข้อมูลการวัด',
      'รุ่นที่ 1',
      'อนุมัติแล้ว',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(`${Number(today.slice(0, 4)) + 543}`);
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/Sarabun/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'agency-plan')]);
    expect(statSync(join(dir, 'agency-plan.png')).size).toBeGreaterThan(20_000);
  }, 60_000);

  it('writes a workbook with targets, budget, activities and cohorts that reads back', async () => {
    const res = await hrA.request({ method: 'GET', url: `/api/plans/${planId}/report.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['targets', 'budget', 'activities', 'cohorts']);
    const targets = wb.getWorksheet('targets');
    expect(targets?.getRow(2).values).toEqual(expect.arrayContaining(['ACADEMIC', 'ALL', 'people_trained', 4, 4, 'measured', 2, 50]));
    expect(targets?.getRow(4).getCell(8).value).toBe('not_measured');
    const budget = wb.getWorksheet('budget');
    expect(budget?.getRow(4).getCell(3).value).toBe(40000.5);
    expect(wb.getWorksheet('cohorts')?.rowCount).toBe(3);
    expect(readFileSync(join(dir, 'agency-plan.pdf')).length).toBeGreaterThan(10_000);
  });
});

describe('route access', () => {
  it('answers 401 without a session and 403 for roles outside plans', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(401);
    const learner = await signIn(t.app, 'plan.person0@agency.go.th');
    expect((await learner.request({ method: 'GET', url: '/api/plans' })).statusCode).toBe(403);
    expect((await learner.request({ method: 'GET', url: `/api/cohorts/${cohortId}` })).statusCode).toBe(403);
  });
});
