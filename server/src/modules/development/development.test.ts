import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Client, clientAs, serviceCtx, signIn, type TestApp, testApp } from '../../../test/harness.js';
import {
  auditEntries,
  certificates,
  courseRuns,
  developmentPlans,
  learningRecords,
  type persons,
  roleGrants,
} from '../../db/schema/index.js';
import { closePdfBrowser } from '../../lib/pdf.js';
import { fiscalYearBe, todayInBangkok } from '../../lib/thai-text.js';
import { buildCatalogCourse, catalogProvider } from '../catalog/catalog.fixtures.js';
import { issueCertificatesForRecords } from '../credentials/service.js';
import { buildPerson, buildTree, linkUser, type Tree } from '../people/people.fixtures.js';
import { settleFinishedPlans } from './plans.service.js';

let t: TestApp;
let tree: Tree;
const fy = fiscalYearBe();
const inDays = (n: number) => todayInBangkok(new Date(Date.now() + n * 86_400_000));

let learner: Client;
let peer: Client & { user: { email: string } }; // another person of the same division, with a different supervisor
let supervisor: Client;
let otherSupervisor: Client;
let hrA: Client;
let hrB: Client;
let monitor: Client;
let providerA: Client;
let learnerPerson: { id: string; citizenIdClear: string };
let peerPerson: { id: string };
let duSoon: string;
let duLater: string;
let duLow: string;
let dlSoon: string;
let otherProviderCourse: string;

async function personWithAccount(agencyCode: string, roles: ('learner' | 'supervisor')[], over: Partial<typeof persons.$inferInsert> = {}) {
  const p = await buildPerson(t, tree.id(agencyCode), { targetGroupCode: 'ACADEMIC', ...over });
  const u = await buildUser(t.database, { roles, email: p.email ?? undefined });
  await linkUser(t, u.id, p.id);
  return { person: p, client: Object.assign(await signIn(t.app, u.email), { user: u }) };
}

async function addRun(courseId: string, startsOn: string) {
  await t.database.db
    .insert(courseRuns)
    .values({ courseId, label: `รุ่น ${startsOn}`, startsOn, endsOn: startsOn, mode: 'online', seats: 30 });
}

afterAll(() => closePdfBrowser());

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  const boss = await personWithAccount('D1-A', ['supervisor', 'learner'], { firstNameTh: 'หัวหน้า' });
  supervisor = boss.client;
  const me = await personWithAccount('D1-A', ['learner'], { supervisorId: boss.person.id, firstNameTh: 'สมใจ', lastNameTh: 'รักเรียน' });
  learner = me.client;
  learnerPerson = me.person;
  const otherBoss = await personWithAccount('D1-A', ['supervisor', 'learner']);
  otherSupervisor = otherBoss.client;
  const p = await personWithAccount('D1-A', ['learner'], { supervisorId: otherBoss.person.id });
  peer = p.client;
  peerPerson = p.person;
  hrA = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D1') });
  hrB = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D3') });
  monitor = await clientAs(t, 'central_monitor');

  const spec = { summaryTh: 'ทดสอบ', provider: 'สถาบันพัฒนาทักษะทดสอบ', groups: ['ACADEMIC'], hours: 12 };
  duSoon = await buildCatalogCourse(t.database.db, {
    ...spec,
    titleTh: 'การวิเคราะห์ข้อมูลสำหรับนักวิชาการ',
    titleEn: 'Data analysis',
    areas: [['DU', 2]],
  });
  duLater = await buildCatalogCourse(t.database.db, {
    ...spec,
    titleTh: 'ข้อมูลขั้นสูงรุ่นปลายปี',
    titleEn: 'Advanced data, late',
    areas: [['DU', 3]],
  });
  duLow = await buildCatalogCourse(t.database.db, { ...spec, titleTh: 'ข้อมูลเบื้องต้น', titleEn: 'Data basics', areas: [['DU', 1]] });
  dlSoon = await buildCatalogCourse(t.database.db, {
    ...spec,
    titleTh: 'การรู้ดิจิทัลในที่ทำงาน',
    titleEn: 'Digital literacy at work',
    areas: [['DL', 2]],
    hours: 6,
  });
  otherProviderCourse = await buildCatalogCourse(t.database.db, {
    ...spec,
    provider: 'สถาบันอื่น',
    titleTh: 'หลักสูตรของผู้ให้บริการอื่น',
    titleEn: 'Another provider',
    areas: [['DG', 2]],
  });
  await addRun(duSoon, inDays(14));
  await addRun(duLater, inDays(300));
  await addRun(duLow, inDays(7));
  await addRun(dlSoon, inDays(21));
  const providerId = await catalogProvider(t.database.db, 'สถาบันพัฒนาทักษะทดสอบ');
  providerA = await clientAs(t, { role: 'provider_admin', scopeId: providerId });
});

describe('skill profile', () => {
  it('shows the learner the required levels of their target group, with every gap when nothing is known yet', async () => {
    const res = await learner.request({ url: '/api/me/skill-profile' });
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile.person).toMatchObject({ id: learnerPerson.id, targetGroupCode: 'ACADEMIC' });
    const du = profile.rows.find((r: { skillAreaCode: string }) => r.skillAreaCode === 'DU');
    expect(du).toMatchObject({ requiredLevel: 2, currentLevel: null, gap: 2, tested: null, evidence: null });
    const ds = profile.rows.find((r: { skillAreaCode: string }) => r.skillAreaCode === 'DS');
    expect(ds).toMatchObject({ requiredLevel: null, gap: null });
    expect(profile.summary.withGap).toBe(profile.summary.required);
    expect(profile.abilities.draftPlan).toBe(true);
  });

  it('lets the person, their supervisor, HR of the subtree and central monitors read it, and nobody else', async () => {
    const url = `/api/people/${learnerPerson.id}/skill-profile`;
    for (const c of [learner, supervisor, hrA, monitor]) expect((await c.request({ url })).statusCode).toBe(200);
    for (const c of [peer, otherSupervisor, hrB]) expect((await c.request({ url })).statusCode).toBe(404);
    // A supervisor reads only their own reports: not a peer of the learner.
    expect((await supervisor.request({ url: `/api/people/${peerPerson.id}/skill-profile` })).statusCode).toBe(404);
    expect((await otherSupervisor.request({ url: `/api/people/${peerPerson.id}/skill-profile` })).statusCode).toBe(200);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });

  it('counts a completed accredited course as evidence of its skill area at its level', async () => {
    await t.database.db.insert(learningRecords).values({
      actorUserId: learner.userId,
      verb: 'completed',
      objectType: 'course',
      objectId: dlSoon,
      result: { completion: true },
      authority: 'agency:test',
      occurredAt: new Date(),
    });
    const profile = (await learner.request({ url: '/api/me/skill-profile' })).json();
    const dl = profile.rows.find((r: { skillAreaCode: string }) => r.skillAreaCode === 'DL');
    expect(dl).toMatchObject({ requiredLevel: 2, currentLevel: 2, currentSource: 'evidence', gap: 0 });
    expect(dl.evidence.items[0]).toMatchObject({ kind: 'course', id: dlSoon, level: 2 });
    expect(
      profile.history.some((h: { skillAreaCode: string; source: string }) => h.skillAreaCode === 'DL' && h.source === 'evidence'),
    ).toBe(true);
  });
});

let planId: string;
let plan: {
  version: number;
  activities: {
    id: string;
    type: string;
    skillAreaCode: string;
    courseId?: string;
    course: { id: string } | null;
    title: string;
    targetLevel: number;
    plannedHours: number;
  }[];
};

describe('individual development plan', () => {
  it('drafts a plan from the gaps with accredited courses that have runs soon (10), coaching (20) and on-the-job work (70)', async () => {
    const res = await learner.request({ method: 'POST', url: '/api/development-plans', payload: { fiscalYear: fy } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    planId = body.id;
    plan = body;
    expect(body.state).toBe('draft');
    const du = body.activities.filter((a: { skillAreaCode: string }) => a.skillAreaCode === 'DU');
    expect(du.map((a: { type: string }) => a.type).sort()).toEqual(['coaching', 'formal', 'on_the_job']);
    // The DU course at level 2 with a run in two weeks; not the level-1 course, not the one starting in 300 days.
    expect(du.find((a: { type: string }) => a.type === 'formal').course.id).toBe(duSoon);
    const courseIds = body.activities.flatMap((a: { course: { id: string } | null }) => (a.course ? [a.course.id] : []));
    expect(courseIds).not.toContain(duLater);
    expect(courseIds).not.toContain(duLow);
    // DL is met by evidence, so it is not planned.
    expect(body.activities.some((a: { skillAreaCode: string }) => a.skillAreaCode === 'DL')).toBe(false);
    expect(body.mix.target).toEqual({ on_the_job: 70, coaching: 20, formal: 10 });
    expect(body.mix.planned.on_the_job).toBeGreaterThan(body.mix.planned.coaching);
    expect(body.progress).toMatchObject({ done: 0 });
    expect(body.abilities).toMatchObject({ edit: true, submit: true, approve: false });
    const suggestion = body.suggestions.find((s: { skillAreaCode: string }) => s.skillAreaCode === 'DU');
    expect(suggestion.courses.map((c: { id: string }) => c.id)).toEqual([duSoon]);
    expect((await learner.request({ method: 'POST', url: '/api/development-plans', payload: { fiscalYear: fy } })).json().code).toBe(
      'development_plan.exists',
    );
  });

  const asInput = (a: (typeof plan.activities)[number]) => ({
    id: a.id,
    type: a.type,
    title: a.title,
    skillAreaCode: a.skillAreaCode,
    targetLevel: a.targetLevel,
    plannedHours: a.plannedHours,
    ...(a.course ? { courseId: a.course.id } : {}),
  });

  it('lets the learner edit the activities, naming the field of a wrong course, and refuses a stale version', async () => {
    const keep = plan.activities.filter((a) => a.skillAreaCode === 'DU').map(asInput);
    const bad = await learner.request({
      method: 'PUT',
      url: `/api/development-plans/${planId}`,
      payload: {
        version: plan.version,
        activities: [...keep, { type: 'formal', title: 'x', skillAreaCode: 'DU', targetLevel: 2, plannedHours: 3 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: `body.activities.${keep.length}.courseId`, code: 'development.course_required' });
    const ok = await learner.request({
      method: 'PUT',
      url: `/api/development-plans/${planId}`,
      payload: {
        version: plan.version,
        goal: 'ใช้ข้อมูลประกอบการเสนอนโยบาย',
        activities: [
          ...keep,
          { type: 'on_the_job', title: 'จัดทำรายงานข้อมูลประจำไตรมาส', skillAreaCode: 'DU', targetLevel: 2, plannedHours: 40 },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    plan = ok.json();
    expect(plan.activities).toHaveLength(4);
    expect(plan.version).toBe(2);
    const stale = await learner.request({
      method: 'PUT',
      url: `/api/development-plans/${planId}`,
      payload: { version: 1, activities: keep },
    });
    expect(stale.json().code).toBe('development_plan.version_conflict');
    // Nobody else edits it.
    expect(
      (await supervisor.request({ method: 'PUT', url: `/api/development-plans/${planId}`, payload: { version: 2, activities: keep } }))
        .statusCode,
    ).toBe(403);
  });

  it('goes to the supervisor, who returns it with a comment; the learner submits again and it is approved', async () => {
    const submitted = await learner.request({ method: 'POST', url: `/api/development-plans/${planId}/submission` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('submitted');
    const queue = (await supervisor.request({ url: '/api/supervisor/queue' })).json();
    expect(queue.plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await otherSupervisor.request({ url: '/api/supervisor/queue' })).json().plans).toEqual([]);
    // Only the learner's supervisor decides.
    expect(
      (await otherSupervisor.request({ method: 'POST', url: `/api/development-plans/${planId}/approval`, payload: {} })).statusCode,
    ).toBe(404);
    expect((await hrA.request({ method: 'POST', url: `/api/development-plans/${planId}/approval`, payload: {} })).statusCode).toBe(403);
    expect(
      (await learner.request({ method: 'PUT', url: `/api/development-plans/${planId}`, payload: { version: 2, activities: [] } })).json()
        .code,
    ).toBe('development_plan.illegal_transition');
    const returned = await supervisor.request({
      method: 'POST',
      url: `/api/development-plans/${planId}/return`,
      payload: { comment: 'เพิ่มกำหนดส่งงาน' },
    });
    expect(returned.json().state).toBe('returned');
    expect(returned.json().events.at(-1)).toMatchObject({ action: 'return', comment: 'เพิ่มกำหนดส่งงาน' });
    expect((await learner.request({ method: 'POST', url: `/api/development-plans/${planId}/submission` })).json().state).toBe('submitted');
    const approved = await supervisor.request({
      method: 'POST',
      url: `/api/development-plans/${planId}/approval`,
      payload: { comment: 'ดีมาก' },
    });
    expect(approved.json().state).toBe('approved');
    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectId, planId), eq(auditEntries.action, 'development_plan.approved')));
    expect(audit).toBeDefined();
  });

  it('lets only the supervisor attest coaching and on-the-job activities, with a note or a checked file', async () => {
    const ojt = plan.activities.find((a) => a.type === 'on_the_job') as { id: string };
    const formal = plan.activities.find((a) => a.type === 'formal') as { id: string };
    const url = (id: string) => `/api/development-activities/${id}/attestation`;
    expect((await learner.request({ method: 'POST', url: url(ojt.id), payload: { note: 'ทำเสร็จแล้ว' } })).statusCode).toBe(403);
    expect((await otherSupervisor.request({ method: 'POST', url: url(ojt.id), payload: { note: 'ทำเสร็จแล้ว' } })).statusCode).toBe(404);
    expect((await supervisor.request({ method: 'POST', url: url(ojt.id), payload: {} })).statusCode).toBe(400);
    const fake = await supervisor.request({
      method: 'POST',
      url: url(ojt.id),
      payload: { file: { name: 'x.pdf', contentType: 'application/pdf', base64: Buffer.from('not a pdf').toString('base64') } },
    });
    expect(fake.json().errors[0]).toMatchObject({ path: 'body.file', code: 'development.file_type' });
    expect((await supervisor.request({ method: 'POST', url: url(formal.id), payload: { note: 'ผ่าน' } })).json().code).toBe(
      'development_activity.not_attestable',
    );
    const res = await supervisor.request({
      method: 'POST',
      url: url(ojt.id),
      payload: {
        note: 'นำเสนอรายงานข้อมูลต่อที่ประชุมผู้บริหาร',
        file: { name: 'report.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.4 test').toString('base64') },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().activities.find((x: { id: string }) => x.id === ojt.id);
    expect(a).toMatchObject({ state: 'completed', evidence: { kind: 'attestation', note: 'นำเสนอรายงานข้อมูลต่อที่ประชุมผู้บริหาร' } });
    const file = await learner.request({ url: `/api/development-evidence/${a.evidence.file.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await peer.request({ url: `/api/development-evidence/${a.evidence.file.id}` })).statusCode).toBe(404);
    expect((await supervisor.request({ method: 'POST', url: url(ojt.id), payload: { note: 'ซ้ำ' } })).json().code).toBe(
      'development_activity.not_attestable',
    );
    // The attested level is evidence on the profile.
    const du = (await learner.request({ url: '/api/me/skill-profile' }))
      .json()
      .rows.find((r: { skillAreaCode: string }) => r.skillAreaCode === 'DU');
    expect(du).toMatchObject({ currentLevel: 2, gap: 0, currentSource: 'evidence' });
    expect(res.json().mix.actual.on_the_job).toBe(100);
  });
});

let tokenA: string;
describe('learning records from providers', () => {
  beforeAll(async () => {
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.userId, providerA.userId));
    const res = await providerA.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'LMS', roleGrantId: grant.id } });
    expect(res.statusCode, res.body).toBe(201);
    tokenA = res.json().token;
  });
  const report = (completions: unknown[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/learning-records/completions',
      headers: { authorization: `Bearer ${tokenA}` },
      payload: { completions },
    });

  it("stores a provider's completions by API token, refuses other providers' courses and unknown people item by item, and ignores repeats", async () => {
    const batch = [
      { citizenId: learnerPerson.citizenIdClear, courseId: duSoon, completedAt: todayInBangkok(), score: 88 },
      { email: peer.user.email, courseId: duSoon, completedAt: todayInBangkok() },
      { email: peer.user.email, courseId: duSoon, completedAt: todayInBangkok() },
      { email: 'nobody@nowhere.go.th', courseId: duSoon, completedAt: todayInBangkok() },
      { email: peer.user.email, courseId: otherProviderCourse, completedAt: todayInBangkok() },
      { email: peer.user.email, courseId: duSoon, completedAt: inDays(30) },
      { courseId: duSoon, completedAt: todayInBangkok() },
    ];
    const first = await report(batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json(), first.body).toMatchObject({ received: 7, recorded: 2, duplicates: 1, rejected: 4, certificatesIssued: 2 });
    const codes = first.json().errors.map((e: { index: number; code: string }) => `${e.index}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '3:completion.unknown_learner',
        '4:completion.not_your_course',
        '5:completion.in_future',
        '6:completion.invalid',
      ]),
    );
    const again = await report(batch.slice(0, 3));
    expect(again.json()).toMatchObject({ recorded: 0, duplicates: 3, certificatesIssued: 0 });
    const [rec] = await t.database.db
      .select()
      .from(learningRecords)
      .where(and(eq(learningRecords.actorUserId, learner.userId), eq(learningRecords.objectId, duSoon)));
    expect(rec).toMatchObject({ verb: 'completed', objectType: 'course', authority: expect.stringMatching(/^provider:/) });
    expect(rec.result).toMatchObject({ score: { raw: 88, scaled: 0.88 } });
    // Another provider's admin, or a learner, cannot report at all.
    expect(
      (await learner.request({ method: 'POST', url: '/api/learning-records/completions', payload: { completions: [{}] } })).statusCode,
    ).toBe(403);
  });

  it('takes the same report as a CSV and names each bad row by its line', async () => {
    const csv = [
      'citizenId,email,courseId,accreditationNumber,runId,completedAt,score',
      `,${peer.user.email},${duLow},,,${todayInBangkok()},70`,
      `,${peer.user.email},${duLow},,,not-a-date,`,
    ].join('\n');
    const res = await providerA.request({
      method: 'POST',
      url: '/api/learning-records/completions/file',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, recorded: 1, rejected: 1 });
    expect(res.json().errors[0]).toMatchObject({ row: 3, field: 'completedAt' });
  });

  it('completes the plan when its last activity is done, with a learning record and a certificate', async () => {
    // The course completion above finished the formal DU activity; attest what is left.
    let view = (await learner.request({ url: `/api/development-plans/${planId}` })).json();
    expect(view.activities.find((a: { type: string }) => a.type === 'formal').state).toBe('completed');
    for (const a of view.activities.filter((x: { state: string }) => x.state !== 'completed')) {
      const r = await supervisor.request({
        method: 'POST',
        url: `/api/development-activities/${a.id}/attestation`,
        payload: { note: 'เรียบร้อย' },
      });
      expect(r.statusCode, r.body).toBe(200);
      view = r.json();
    }
    expect(view.state).toBe('completed');
    expect(view.progress).toMatchObject({ done: 4, total: 4, pct: 100 });
    const records = (await learner.request({ url: '/api/me/learning-records?objectType=development_plan' })).json();
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({
      verb: 'completed',
      objectId: planId,
      certificateNumber: expect.stringMatching(/^THK-\d{4}-\d{6}$/),
    });
  });

  it("lists the learner's records newest first, paged, and downloads them", async () => {
    const page1 = (await learner.request({ url: '/api/me/learning-records?pageSize=2' })).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(5);
    const csv = await learner.request({ url: '/api/me/learning-records.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(page1.total + 1);
    expect(csv.body).toContain('การวิเคราะห์ข้อมูลสำหรับนักวิชาการ');
  });
});

describe('certificates', () => {
  it('numbers certificates THK-<fiscal year>-<sequence> without gaps, one per record, whoever issues them', async () => {
    const all = await t.database.db.select().from(certificates);
    const seqs = all.map((c) => c.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const c of all) expect(c.number).toBe(`THK-${fy}-${String(c.seq).padStart(6, '0')}`);
    // Issuing again for the same records changes nothing; concurrent issuers never share or skip a number.
    const ids = all.map((c) => c.learningRecordId);
    expect(await t.database.db.transaction((tx) => issueCertificatesForRecords(tx, ids))).toBe(0);
    const extra = await t.database.db
      .insert(learningRecords)
      .values(
        [duLow, duLater, dlSoon].map((objectId) => ({
          actorUserId: supervisor.userId,
          verb: 'completed',
          objectType: 'course',
          objectId,
          authority: 'agency:test',
          occurredAt: new Date(),
        })),
      )
      .returning({ id: learningRecords.id });
    const counts = await Promise.all(extra.map((r) => t.database.db.transaction((tx) => issueCertificatesForRecords(tx, [r.id]))));
    expect(counts).toEqual([1, 1, 1]);
    const after = (await t.database.db.select().from(certificates)).map((c) => c.seq).sort((a, b) => a - b);
    expect(after).toEqual(Array.from({ length: seqs.length + 3 }, (_, i) => i + 1));
  });

  it('lists my certificates, issues those that records from elsewhere earned, and hides them from others', async () => {
    const mine = (await learner.request({ url: '/api/me/certificates' })).json();
    // The DL course (recorded directly in the table), the DU course reported by the provider, the plan.
    expect(mine.items.map((c: { kind: string }) => c.kind).sort()).toEqual(['course', 'course', 'development_plan']);
    const cert = mine.items.find((c: { kind: string; titleTh: string }) => c.titleTh === 'การวิเคราะห์ข้อมูลสำหรับนักวิชาการ');
    expect(cert).toMatchObject({ holderNameTh: 'นางสาวสมใจ รักเรียน', issuerTh: 'สถาบันพัฒนาทักษะทดสอบ' });
    expect((await hrA.request({ url: `/api/certificates/${cert.id}` })).statusCode).toBe(200);
    expect((await hrB.request({ url: `/api/certificates/${cert.id}` })).statusCode).toBe(404);
    expect((await peer.request({ url: `/api/certificates/${cert.id}` })).statusCode).toBe(404);
  });

  it('prints the certificate as a Thai PDF with its number, and the public page verifies it with the name masked', async () => {
    const mine = (await learner.request({ url: '/api/me/certificates' })).json();
    const cert = mine.items.find((c: { kind: string }) => c.kind === 'development_plan');
    const pdf = await learner.request({ url: `/api/certificates/${cert.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = '/tmp/thaksa-development-test';
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/certificate.pdf`, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', `${dir}/certificate.pdf`, '-']).toString();
    expect(text).toContain(cert.number);
    expect(text).toContain('ประกาศนียบัตร');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', `${dir}/certificate.pdf`, `${dir}/certificate`]);

    const v = await t.app.inject({ url: `/api/certificate-verifications/${cert.number}` });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ number: cert.number, kind: 'development_plan', isValid: true, holderName: 'นางสาวสมใจ ร.' });
    expect(JSON.stringify(v.json())).not.toContain('รักเรียน');
    expect((await t.app.inject({ url: '/api/certificate-verifications/THK-2500-000001' })).statusCode).toBe(404);

    const admin = await clientAs(t, 'system_admin');
    expect(
      (await admin.request({ method: 'POST', url: `/api/certificates/${cert.id}/revocation`, payload: { reason: 'ออกผิดคน' } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: `/api/certificate-verifications/${cert.number}` })).json()).toMatchObject({
      isValid: false,
      revokedReason: 'ออกผิดคน',
    });
  });
});

describe('gap heat map', () => {
  it('shows HR the share below the required level per target group and skill area in its subtree, small groups suppressed', async () => {
    for (let i = 0; i < 3; i++) await buildPerson(t, tree.id('D1-B'), { targetGroupCode: 'ACADEMIC' });
    const res = await hrA.request({ url: `/api/skill-gaps?agencyId=${tree.id('D1')}` });
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    const cell = (g: string, a: string) =>
      map.cells.find((c: { targetGroupCode: string; skillAreaCode: string }) => c.targetGroupCode === g && c.skillAreaCode === a);
    // 4 people with accounts + 3 without = 7 academics; the learner (attested, course), the peer and the supervisor (courses) meet DU.
    expect(cell('ACADEMIC', 'DU')).toMatchObject({ people: 7, below: 4, suppressed: false, requiredLevel: 2 });
    expect(cell('ACADEMIC', 'DS')).toMatchObject({ requiredLevel: null, below: null });
    expect(cell('EXECUTIVE', 'DL')).toMatchObject({ suppressed: true, below: null, belowPct: null });
    expect(
      (await hrA.request({ url: `/api/skill-gaps?agencyId=${tree.id('D1-A')}` }))
        .json()
        .cells.find(
          (c: { targetGroupCode: string; skillAreaCode: string }) => c.targetGroupCode === 'ACADEMIC' && c.skillAreaCode === 'DU',
        ),
    ).toMatchObject({ suppressed: true, below: null });
    expect((await hrB.request({ url: `/api/skill-gaps?agencyId=${tree.id('D1')}` })).statusCode).toBe(403);
    expect((await learner.request({ url: `/api/skill-gaps?agencyId=${tree.id('D1')}` })).statusCode).toBe(403);
    expect((await monitor.request({ url: `/api/skill-gaps?agencyId=${tree.id('D1')}` })).statusCode).toBe(200);
  });
});

describe('service context', () => {
  it('refuses an anonymous caller', async () => {
    const { getMySkillProfile } = await import('./profile.service.js');
    await expect(getMySkillProfile(serviceCtx(t.database, null))).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('plans finished by records written elsewhere', () => {
  it('completes an approved plan whose last course a cohort completed, on the next tick of the jobs', async () => {
    const drafted = (await peer.request({ method: 'POST', url: '/api/development-plans', payload: { fiscalYear: fy } })).json();
    const only = [{ type: 'formal', title: 'การรู้ดิจิทัลในที่ทำงาน', skillAreaCode: 'DL', targetLevel: 2, courseId: dlSoon, plannedHours: 6 }];
    expect(
      (
        await peer.request({
          method: 'PUT',
          url: `/api/development-plans/${drafted.id}`,
          payload: { version: drafted.version, activities: only },
        })
      ).statusCode,
    ).toBe(200);
    expect((await peer.request({ method: 'POST', url: `/api/development-plans/${drafted.id}/submission` })).statusCode).toBe(200);
    expect(
      (await otherSupervisor.request({ method: 'POST', url: `/api/development-plans/${drafted.id}/approval`, payload: {} })).json().state,
    ).toBe('approved');
    const settle = () => t.database.db.transaction((tx) => settleFinishedPlans(tx, t.config, serviceCtx(t.database, null).log));
    expect(await settle()).toBe(0);
    // A cohort of the plans module writes the completion; nobody reads the plan afterwards.
    await t.database.db.insert(learningRecords).values({
      actorUserId: peer.userId,
      verb: 'completed',
      objectType: 'course',
      objectId: dlSoon,
      result: { completion: true },
      authority: `agency:${tree.id('D1')}`,
      occurredAt: new Date(),
    });
    expect(await settle()).toBe(1);
    expect(await settle()).toBe(0);
    const [row] = await t.database.db.select().from(developmentPlans).where(eq(developmentPlans.id, drafted.id));
    expect(row.state).toBe('completed');
    const [rec] = await t.database.db
      .select()
      .from(learningRecords)
      .where(and(eq(learningRecords.objectId, drafted.id), eq(learningRecords.objectType, 'development_plan')));
    const [cert] = await t.database.db.select().from(certificates).where(eq(certificates.learningRecordId, rec.id));
    expect(cert.kind).toBe('development_plan');
  });
});

describe('certificates for assessments', () => {
  it('certifies a passed attempt with the levels reached, and nothing for a failed one', async () => {
    const [passed, failed] = await t.database.db
      .insert(learningRecords)
      .values(
        (['passed', 'failed'] as const).map((verb) => ({
          actorUserId: supervisor.userId,
          verb,
          objectType: 'assessment_attempt',
          objectId: crypto.randomUUID(),
          result: { success: verb === 'passed', extensions: { skillLevels: { DL: 2, CS: 0 } } },
          context: { assessmentId: crypto.randomUUID() },
          authority: 'platform',
          occurredAt: new Date(),
        })),
      )
      .returning({ id: learningRecords.id });
    expect(await t.database.db.transaction((tx) => issueCertificatesForRecords(tx, [passed.id, failed.id]))).toBe(1);
    const [cert] = await t.database.db.select().from(certificates).where(eq(certificates.learningRecordId, passed.id));
    expect(cert).toMatchObject({
      kind: 'assessment',
      titleTh: 'การทดสอบทักษะดิจิทัล',
      detailTh: 'ระดับที่ผ่าน: DL ระดับ 2',
      detailEn: 'Levels reached: DL level 2',
    });
  });
});
