import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Client, clientAs, dbErrorOf, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import { assessmentAnswers, assessmentAttempts, auditEntries, frameworks, learningRecords } from '../../db/schema/index.js';
import { seedSampleStatements } from '../../db/seed/assessment-statements.js';
import { buildPerson, buildTree, linkUser, type Tree } from '../people/people.fixtures.js';
import { submitOverdueAttempts } from './attempts.service.js';
import { assessedLevels } from './service.js';

let t: TestApp;
let tree: Tree;
let author1: Client;
let author2: Client;
let learner: Client;
let other: Client;
let frameworkId: string;

/** A learner who is personnel of an agency, with a target group. */
async function learnerIn(agencyCode: string, targetGroupCode = 'ACADEMIC') {
  const p = await buildPerson(t, tree.id(agencyCode), { targetGroupCode });
  const u = await buildUser(t.database, { roles: ['learner'] });
  await linkUser(t, u.id, p.id);
  return Object.assign(await signIn(t.app, u.email), { user: u });
}

const item = (over: Record<string, unknown> = {}) => ({
  kind: 'single',
  frameworkId,
  skillAreaCode: 'DL',
  level: 1,
  difficulty: 2,
  stemTh: 'ข้อใดเป็นโปรแกรมตารางคำนวณ',
  stemEn: 'Which is a spreadsheet program?',
  options: [
    { id: 'a', textTh: 'Excel', textEn: 'Excel' },
    { id: 'b', textTh: 'Word', textEn: 'Word' },
    { id: 'c', textTh: 'Paint', textEn: 'Paint' },
  ],
  key: ['a'],
  ...over,
});

async function create(c: Client, body: Record<string, unknown>) {
  const res = await c.request({ method: 'POST', url: '/api/assessment/items', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Writes an item as author1 and has author2 approve it; returns the active version. */
async function activeItem(over: Record<string, unknown> = {}) {
  const draft = await create(author1, item(over));
  const res = await author2.request({ method: 'POST', url: `/api/assessment/items/${draft.id}/review`, payload: { decision: 'approve' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

const blueprint = (over: Record<string, unknown> = {}) => ({
  frameworkId,
  titleTh: 'แบบทดสอบทักษะดิจิทัล',
  titleEn: 'Digital skills test',
  status: 'published',
  blueprint: [
    { skillAreaCode: 'DL', level: 1, count: 2 },
    { skillAreaCode: 'DL', level: 2, count: 1 },
    { skillAreaCode: 'CS', level: 1, count: 1 },
  ],
  timeLimitMinutes: 20,
  passMarks: [
    { level: 1, percent: 50 },
    { level: 2, percent: 100 },
  ],
  maxAttempts: 2,
  opensAt: hourAgo(),
  closesAt: inDays(30),
  ...over,
});

async function createAssessment(over: Record<string, unknown> = {}) {
  const res = await author1.request({ method: 'POST', url: '/api/assessments', payload: blueprint(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Property names that would give answers away; none may appear in the taking flow's responses. */
const FORBIDDEN = ['key', 'isKey', 'correct', 'score', 'explanationTh', 'explanationEn', 'passed', 'results', 'seed'];
function expectNoKeys(body: unknown, where: string) {
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        expect(FORBIDDEN, `${where}: ${path}.${k} must not be sent before submission`).not.toContain(k);
        walk(x, `${path}.${k}`);
      }
  };
  walk(body, '');
}

let pool: Record<string, { id: string; key: string[]; kind: string }[]>;

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  const [fw] = await t.database.db.select().from(frameworks).where(eq(frameworks.isCurrent, true));
  frameworkId = fw.id;
  await seedSampleStatements(t.database.db);
  author1 = await clientAs(t, 'assessment_author');
  author2 = await clientAs(t, 'assessment_author');
  learner = await learnerIn('D1-A');
  other = await learnerIn('D1-A');
  // The bank: DL level 1 ×3 (single, multiple, true/false), DL level 2 ×2 (ordering, scenario), CS level 1 ×1.
  pool = { DL1: [], DL2: [], CS1: [] };
  for (const over of [
    {},
    {
      kind: 'multiple',
      stemTh: 'ข้อใดเป็นเว็บเบราว์เซอร์',
      options: [
        { id: 'a', textTh: 'Chrome' },
        { id: 'b', textTh: 'Firefox' },
        { id: 'c', textTh: 'Excel' },
      ],
      key: ['a', 'b'],
    },
    {
      kind: 'true_false',
      stemTh: 'อีเมลเป็นการสื่อสารแบบดิจิทัล',
      options: [
        { id: 't', textTh: 'ถูก' },
        { id: 'f', textTh: 'ผิด' },
      ],
      key: ['t'],
    },
  ]) {
    const v = await activeItem(over);
    pool.DL1.push({ id: v.id, key: v.key, kind: v.kind });
  }
  for (const over of [
    {
      kind: 'ordering',
      level: 2,
      stemTh: 'เรียงขั้นตอนการส่งอีเมล',
      options: [
        { id: 'a', textTh: 'เขียน' },
        { id: 'b', textTh: 'ตรวจ' },
        { id: 'c', textTh: 'ส่ง' },
      ],
      key: ['a', 'b', 'c'],
    },
    { kind: 'scenario', level: 2, caseTh: 'มีไฟล์รายชื่อ 500 คน ต้องเลือกเฉพาะจังหวัดเชียงใหม่', stemTh: 'ควรทำอย่างไร' },
  ]) {
    const v = await activeItem(over);
    pool.DL2.push({ id: v.id, key: v.key, kind: v.kind });
  }
  const cs = await activeItem({ skillAreaCode: 'CS', stemTh: 'รหัสผ่านใดปลอดภัยที่สุด' });
  pool.CS1.push({ id: cs.id, key: cs.key, kind: cs.kind });
});

describe('item bank', () => {
  it('lets only assessment authors in (401 without a session, 403 for a learner)', async () => {
    expect((await t.app.inject({ url: '/api/assessment/items' })).statusCode).toBe(401);
    expect((await learner.request({ url: '/api/assessment/items' })).statusCode).toBe(403);
    const res = await learner.request({ method: 'POST', url: '/api/assessment/items', payload: item() });
    expect(res.statusCode).toBe(403);
  });

  it('names each field that breaks the item rules', async () => {
    const res = await author1.request({
      method: 'POST',
      url: '/api/assessment/items',
      payload: item({ key: ['a', 'z'], skillAreaCode: 'NOPE', level: 7, kind: 'single' }),
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'body.key.1 assessment.item_key_unknown',
        'body.key assessment.item_key_one',
        'body.skillAreaCode assessment.unknown_skill_area',
        'body.level assessment.unknown_level',
      ]),
    );
    const scenario = await author1.request({ method: 'POST', url: '/api/assessment/items', payload: item({ kind: 'scenario' }) });
    expect(scenario.json().errors).toEqual([expect.objectContaining({ path: 'body.caseTh', code: 'assessment.item_case_required' })]);
    const ordering = await author1.request({
      method: 'POST',
      url: '/api/assessment/items',
      payload: item({ kind: 'ordering', key: ['a', 'b'] }),
    });
    expect(ordering.json().errors).toEqual([expect.objectContaining({ path: 'body.key', code: 'assessment.item_order_all' })]);
  });

  it('needs a second author: the author cannot review their own draft; another author approves it', async () => {
    const draft = await create(author1, item({ stemTh: 'ข้อสอบรอทบทวน' }));
    expect(draft).toMatchObject({ status: 'draft', version: 1, abilities: { edit: true, review: false } });
    const own = await author1.request({
      method: 'POST',
      url: `/api/assessment/items/${draft.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('assessment.self_review');

    const queue = (await author2.request({ url: '/api/assessment/items?reviewQueue=true&pageSize=100' })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(draft.id);
    const ownQueue = (await author1.request({ url: '/api/assessment/items?reviewQueue=true&pageSize=100' })).json();
    expect(ownQueue.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);

    const noComment = await author2.request({
      method: 'POST',
      url: `/api/assessment/items/${draft.id}/review`,
      payload: { decision: 'return' },
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await author2.request({
      method: 'POST',
      url: `/api/assessment/items/${draft.id}/review`,
      payload: { decision: 'return', comment: 'ตัวเลือก ข กำกวม' },
    });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: 'ตัวเลือก ข กำกวม' });
    const approved = await author2.request({
      method: 'POST',
      url: `/api/assessment/items/${draft.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(approved.json()).toMatchObject({ status: 'active', reviewer: { id: author2.userId } });
    const again = await author2.request({
      method: 'POST',
      url: `/api/assessment/items/${draft.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('assessment.item_not_draft');
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.subjectId, draft.id));
    expect(audit.map((a) => a.action)).toEqual(['assessment.item_created', 'assessment.item_returned', 'assessment.item_approved']);
  });

  it('versions an active item on edit: the active version keeps serving until the new one is approved', async () => {
    const v1 = await activeItem({ stemTh: 'ข้อสอบมีหลายรุ่น' });
    const edit = { ...item({ stemTh: 'ข้อสอบมีหลายรุ่น (แก้ไข)' }), version: 1 };
    const res = await author1.request({ method: 'PUT', url: `/api/assessment/items/${v1.id}`, payload: edit });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json();
    expect(v2).toMatchObject({ itemId: v1.itemId, version: 2, status: 'draft', stemTh: 'ข้อสอบมีหลายรุ่น (แก้ไข)' });
    expect(v2.id).not.toBe(v1.id);
    expect((await author1.request({ url: `/api/assessment/items/${v1.id}` })).json().status).toBe('active');

    const second = await author1.request({ method: 'PUT', url: `/api/assessment/items/${v1.id}`, payload: edit });
    expect(second.json().code).toBe('assessment.item_draft_exists');
    const stale = await author1.request({ method: 'PUT', url: `/api/assessment/items/${v2.id}`, payload: edit });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('assessment.item_version_conflict');

    await author2.request({ method: 'POST', url: `/api/assessment/items/${v2.id}/review`, payload: { decision: 'approve' } });
    const after = (await author1.request({ url: `/api/assessment/items/${v2.id}` })).json();
    expect(after.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual([
      '2:active',
      '1:superseded',
    ]);
    const retired = await author1.request({ method: 'POST', url: `/api/assessment/items/${v2.id}/retirement` });
    expect(retired.json().status).toBe('retired');
    const retiredAgain = await author1.request({ method: 'POST', url: `/api/assessment/items/${v2.id}/retirement` });
    expect(retiredAgain.statusCode).toBe(409);
  });

  it('filters and pages the bank', async () => {
    const page1 = (await author1.request({ url: '/api/assessment/items?skillAreaCode=DL&level=2&status=active&pageSize=1' })).json();
    expect(page1.total).toBe(2);
    expect(page1.items).toHaveLength(1);
    const page2 = (await author1.request({ url: '/api/assessment/items?skillAreaCode=DL&level=2&status=active&pageSize=1&page=2' })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const byText = (await author1.request({ url: `/api/assessment/items?q=${encodeURIComponent('เว็บเบราว์เซอร์')}` })).json();
    expect(byText.items.map((i: { kind: string }) => i.kind)).toEqual(['multiple']);
    expect((await author1.request({ url: '/api/assessment/items?kind=banana' })).statusCode).toBe(400);
  });

  it('checks the type and size of an image and serves it to authors', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const notPng = await author1.request({
      method: 'POST',
      url: '/api/assessment/items',
      payload: item({ image: { dataBase64: Buffer.from('GIF89a....').toString('base64'), contentType: 'image/png' } }),
    });
    expect(notPng.statusCode).toBe(415);
    const big = Buffer.concat([png, Buffer.alloc(600 * 1024)]);
    const tooBig = await author1.request({
      method: 'POST',
      url: '/api/assessment/items',
      payload: item({ image: { dataBase64: big.toString('base64'), contentType: 'image/png' } }),
    });
    expect([400, 413]).toContain(tooBig.statusCode);
    const ok = await create(author1, item({ image: { dataBase64: png.toString('base64'), contentType: 'image/png', filename: 'x.png' } }));
    expect(ok.imageUrl).toBe(`/api/assessment/items/${ok.id}/image`);
    const img = await author2.request({ url: ok.imageUrl });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
    expect((await learner.request({ url: ok.imageUrl })).statusCode).toBe(403);
  });

  it('exports the bank as CSV and JSON and imports them back as drafts, or nothing when a row is wrong', async () => {
    const csv = await author1.request({ url: '/api/assessment/items/export?format=csv&status=active&skillAreaCode=DL' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['item_id', 'version', 'status', 'framework_code', 'kind']);
    const activeDl = (await author1.request({ url: '/api/assessment/items?status=active&skillAreaCode=DL' })).json().total;
    expect(activeDl).toBeGreaterThanOrEqual(5);
    expect(lines).toHaveLength(activeDl + 1);
    const before = (await author1.request({ url: '/api/assessment/items?status=draft&pageSize=100' })).json().total;
    const imported = await author1.request({
      method: 'POST',
      url: '/api/assessment/items/import',
      payload: { format: 'csv', content: csv.body },
    });
    expect(imported.json()).toEqual({ imported: activeDl, errors: [] });
    const after = (await author1.request({ url: '/api/assessment/items?status=draft&pageSize=100' })).json().total;
    expect(after - before).toBe(activeDl);

    const json = (await author1.request({ url: '/api/assessment/items/export?format=json&status=active&skillAreaCode=CS' })).json();
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ kind: 'single', skillAreaCode: 'CS', key: ['a'] });
    const broken = [json[0], { ...json[0], key: ['q'] }, { ...json[0], skillAreaCode: 'XX' }];
    const refused = (
      await author1.request({
        method: 'POST',
        url: '/api/assessment/items/import',
        payload: { format: 'json', content: JSON.stringify(broken) },
      })
    ).json();
    expect(refused.imported).toBe(0);
    expect(refused.errors.map((e: { row: number; path: string }) => `${e.row} ${e.path}`)).toEqual(['2 key.0', '3 skillAreaCode']);
    const notJson = await author1.request({
      method: 'POST',
      url: '/api/assessment/items/import',
      payload: { format: 'json', content: '{' },
    });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('blueprints', () => {
  it('refuses to publish what the bank cannot fill, naming the row', async () => {
    const res = await author1.request({
      method: 'POST',
      url: '/api/assessments',
      payload: blueprint({ blueprint: [{ skillAreaCode: 'DG', level: 3, count: 5 }], passMarks: [{ level: 3, percent: 60 }] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.blueprint.0.count', code: 'assessment.not_enough_items' })]);
    const noMark = await author1.request({
      method: 'POST',
      url: '/api/assessments',
      payload: blueprint({ passMarks: [{ level: 1, percent: 50 }] }),
    });
    expect(noMark.json().errors).toEqual([
      expect.objectContaining({ path: 'body.passMarks', code: 'assessment.blueprint_pass_mark_missing' }),
    ]);
    const window = await author1.request({
      method: 'POST',
      url: '/api/assessments',
      payload: blueprint({ closesAt: hourAgo(), opensAt: inDays(1) }),
    });
    expect(window.json().errors).toEqual([expect.objectContaining({ path: 'body.closesAt' })]);
    const draft = await createAssessment({
      status: 'draft',
      blueprint: [{ skillAreaCode: 'DG', level: 3, count: 5 }],
      passMarks: [{ level: 3, percent: 60 }],
    });
    expect(draft.blueprint).toEqual([{ skillAreaCode: 'DG', level: 3, count: 5, available: 0 }]);
    expect((await learner.request({ url: '/api/assessments' })).statusCode).toBe(403);
  });

  it('fixes the content once someone has started, and refuses a stale version', async () => {
    const a = await createAssessment();
    const start = await other.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` });
    expect(start.statusCode, start.body).toBe(201);
    const body = { ...blueprint({ timeLimitMinutes: 5 }), version: 1 };
    const locked = await author1.request({ method: 'PUT', url: `/api/assessments/${a.id}`, payload: body });
    expect(locked.json().code).toBe('assessment.content_locked');
    const longer = await author1.request({
      method: 'PUT',
      url: `/api/assessments/${a.id}`,
      payload: { ...blueprint({ closesAt: inDays(60) }), version: 1 },
    });
    expect(longer.statusCode, longer.body).toBe(200);
    expect(longer.json()).toMatchObject({ version: 2, attemptCount: 1, abilities: { editContent: false } });
    const stale = await author1.request({ method: 'PUT', url: `/api/assessments/${a.id}`, payload: { ...blueprint(), version: 1 } });
    expect(stale.json().code).toBe('assessment.version_conflict');
  });
});

describe('taking a test', () => {
  let assessmentId: string;
  let attempt: {
    id: string;
    deadlineAt: string;
    questions: { position: number; kind: string; options: { id: string }[]; skillAreaCode: string }[];
  };
  const responses: unknown[] = [];

  beforeAll(async () => {
    assessmentId = (await createAssessment()).id;
  });

  it('keeps others out: eligibility, open window, scoping of attempts', async () => {
    const forExecutives = await createAssessment({ targetGroupCodes: ['EXECUTIVE'] });
    const refused = await learner.request({ method: 'POST', url: `/api/assessments/${forExecutives.id}/attempts` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('assessment.not_eligible');
    const elsewhere = await createAssessment({ agencyIds: [tree.id('D3')] });
    expect((await learner.request({ method: 'POST', url: `/api/assessments/${elsewhere.id}/attempts` })).statusCode).toBe(403);
    const inSubtree = await createAssessment({ agencyIds: [tree.id('M1')], status: 'draft' });
    expect((await learner.request({ method: 'POST', url: `/api/assessments/${inSubtree.id}/attempts` })).statusCode).toBe(404);
    const later = await createAssessment({ opensAt: inDays(2), closesAt: inDays(3) });
    const notOpen = await learner.request({ method: 'POST', url: `/api/assessments/${later.id}/attempts` });
    expect(notOpen.json().code).toBe('assessment.not_open');
    const mine = (await learner.request({ url: '/api/me/assessments' })).json().items;
    const ids = mine.map((m: { id: string }) => m.id);
    expect(ids).toContain(assessmentId);
    expect(ids).toContain(later.id);
    expect(ids).not.toContain(forExecutives.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(mine.find((m: { id: string }) => m.id === later.id)).toMatchObject({ isOpen: false, canStart: false });
    expect((await author1.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` })).statusCode).toBe(403);
  });

  it('draws a form that follows the blueprint and never sends a key before submission', async () => {
    const list = await learner.request({ url: '/api/me/assessments' });
    responses.push(list.json());
    const res = await learner.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` });
    expect(res.statusCode, res.body).toBe(201);
    attempt = res.json();
    responses.push(attempt);
    expect(attempt.questions.map((q) => q.position)).toEqual([1, 2, 3, 4]);
    const byArea = attempt.questions.map((q) => q.skillAreaCode).sort();
    expect(byArea).toEqual(['CS', 'DL', 'DL', 'DL']);
    const deadline = Date.parse(attempt.deadlineAt) - Date.parse((attempt as unknown as { startedAt: string }).startedAt);
    expect(deadline).toBe(20 * 60_000);
    const stored = await t.database.db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, attempt.id));
    expect(stored[0].seed).toBeGreaterThan(0);

    for (const q of attempt.questions) {
      const response = q.kind === 'ordering' ? q.options.map((o) => o.id) : [q.options[0].id];
      const saved = await learner.request({
        method: 'PUT',
        url: `/api/attempts/${attempt.id}/answers/${q.position}`,
        payload: { response },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      responses.push(saved.json());
    }
    const resumed = await learner.request({ url: `/api/attempts/${attempt.id}` });
    responses.push(resumed.json());
    responses.push((await learner.request({ url: '/api/me/assessments' })).json());
    const early = await learner.request({ url: `/api/attempts/${attempt.id}/result` });
    expect(early.json().code).toBe('attempt.not_submitted');
    responses.push(early.json());
    for (const [i, r] of responses.entries()) expectNoKeys(r, `response ${i}`);
    expect(resumed.json().questions.every((q: { response: string[] | null }) => q.response !== null)).toBe(true);
  });

  it('saves answers idempotently per question and refuses answers that do not fit', async () => {
    const q =
      attempt.questions.find((x) => x.kind === 'single' || x.kind === 'scenario' || x.kind === 'true_false') ?? attempt.questions[0];
    const url = `/api/attempts/${attempt.id}/answers/${q.position}`;
    const first = (await learner.request({ method: 'PUT', url, payload: { response: [q.options[1].id] } })).json();
    const second = (await learner.request({ method: 'PUT', url, payload: { response: [q.options[1].id] } })).json();
    expect(second.revision).toBe(first.revision + 1);
    const rows = await t.database.db
      .select()
      .from(assessmentAnswers)
      .where(and(eq(assessmentAnswers.attemptId, attempt.id), eq(assessmentAnswers.position, q.position)));
    expect(rows).toHaveLength(1);
    expect(rows[0].response).toEqual([q.options[1].id]);

    const unknown = await learner.request({ method: 'PUT', url, payload: { response: ['zz'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.response', code: 'assessment.answer_invalid' });
    const two = await learner.request({ method: 'PUT', url, payload: { response: [q.options[0].id, q.options[1].id] } });
    expect(two.statusCode).toBe(400);
    const repeated = await learner.request({ method: 'PUT', url, payload: { response: ['a', 'a'] } });
    expect(repeated.statusCode).toBe(400);
    expect(
      (await learner.request({ method: 'PUT', url: `/api/attempts/${attempt.id}/answers/99`, payload: { response: [] } })).statusCode,
    ).toBe(404);
    // Someone else's attempt does not reveal itself.
    expect((await other.request({ method: 'PUT', url, payload: { response: [q.options[0].id] } })).statusCode).toBe(404);
    expect((await other.request({ url: `/api/attempts/${attempt.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url, payload: { response: [] } })).statusCode).toBe(401);
  });

  it('allows one attempt in progress per person, also when two starts race and in the database itself', async () => {
    const again = await learner.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('attempt.in_progress');
    const racer = await learnerIn('D1-B');
    const both = await Promise.all([1, 2].map(() => racer.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [row] = await t.database.db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, attempt.id));
    const message = await dbErrorOf(t.database.db.insert(assessmentAttempts).values({ ...row, id: undefined, attemptNo: 9 }));
    expect(message).toContain('assessment_attempts_one_active_key');
  });

  it('grades per skill area on submit, writes one exact learning record, and counts attempts', async () => {
    // Answer every level-1 question right and every level-2 question wrong, reading the keys from the bank.
    const form = await queryRows<{ position: number; key: string[]; kind: string; level: number; option_ids: string[] }>(
      t.database.db,
      sql`select q.position, i.key, i.kind, i.level, q.option_ids from assessment_attempt_questions q
          join assessment_items i on i.id = q.item_version_id where q.attempt_id = ${attempt.id} order by q.position`,
    );
    for (const f of form) {
      const wrong = f.kind === 'ordering' ? [...f.key].reverse() : [f.option_ids.find((o) => !f.key.includes(o)) as string];
      const response = f.level === 2 ? wrong : f.key;
      const saved = await learner.request({
        method: 'PUT',
        url: `/api/attempts/${attempt.id}/answers/${f.position}`,
        payload: { response },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const res = await learner.request({ method: 'POST', url: `/api/attempts/${attempt.id}/submission` });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ submittedBy: 'learner', passed: true, score: { raw: 3, max: 4, scaled: 0.75 }, attemptsLeft: 1 });
    const dl = result.skillAreas.find((a: { skillAreaCode: string }) => a.skillAreaCode === 'DL');
    // DL level 1: 2/2 (pass 50%) → reached; level 2: ordering wrong, 0/1 (pass 100%) → stays at 1.
    expect(dl).toEqual({
      skillAreaCode: 'DL',
      levelReached: 1,
      levels: [
        { level: 1, correct: 2, total: 2, percent: 100, passMark: 50, met: true },
        { level: 2, correct: 0, total: 1, percent: 0, passMark: 100, met: false },
      ],
    });
    expect(result.skillAreas.find((a: { skillAreaCode: string }) => a.skillAreaCode === 'CS').levelReached).toBe(1);

    const records = await t.database.db.select().from(learningRecords).where(eq(learningRecords.objectId, attempt.id));
    expect(records).toHaveLength(1);
    const rec = records[0];
    expect(rec).toMatchObject({
      actorUserId: learner.userId,
      verb: 'passed',
      objectType: 'assessment_attempt',
      authority: 'thaksa:assessment',
    });
    expect(rec.result).toEqual({
      score: { scaled: 0.75, raw: 3, max: 4 },
      success: true,
      completion: true,
      duration: expect.stringMatching(/^PT(\d+H)?(\d+M)?(\d+S)?$/),
      extensions: { skillLevels: { DL: 1, CS: 1 } },
    });
    expect(rec.context).toEqual({ assessmentId, frameworkVersionId: frameworkId });
    expect(rec.occurredAt.toISOString()).toBe(result.submittedAt);

    const levels = (await assessedLevels(t.database.db, [learner.userId])).get(learner.userId);
    expect(levels?.tested).toEqual({
      DL: { level: 1, at: new Date(result.submittedAt), attemptId: attempt.id },
      CS: { level: 1, at: new Date(result.submittedAt), attemptId: attempt.id },
    });
    const twice = await learner.request({ method: 'POST', url: `/api/attempts/${attempt.id}/submission` });
    expect(twice.json().code).toBe('attempt.submitted');
    const late = await learner.request({ method: 'PUT', url: `/api/attempts/${attempt.id}/answers/1`, payload: { response: [] } });
    expect(late.json().code).toBe('attempt.submitted');
    // After submission the result is there, but still not the keys.
    expect(JSON.stringify(result)).not.toMatch(/"(key|isKey|explanationTh|explanationEn|seed)"/);

    // Second and last attempt, then the limit.
    const second = await learner.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` });
    expect(second.statusCode).toBe(201);
    await learner.request({ method: 'POST', url: `/api/attempts/${second.json().id}/submission` });
    const third = await learner.request({ method: 'POST', url: `/api/assessments/${assessmentId}/attempts` });
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('attempt.limit_reached');
    const failed = await t.database.db.select().from(learningRecords).where(eq(learningRecords.objectId, second.json().id));
    expect(failed.map((r) => r.verb)).toEqual(['failed']);
    // The best level stays the first attempt's.
    expect((await assessedLevels(t.database.db, [learner.userId])).get(learner.userId)?.tested.DL.attemptId).toBe(attempt.id);
  });

  it('keeps the item version an attempt was given when the item is edited and re-approved', async () => {
    const taker = await learnerIn('D1-A');
    const a = await createAssessment({ blueprint: [{ skillAreaCode: 'CS', level: 1, count: 1 }], passMarks: [{ level: 1, percent: 100 }] });
    const started = (await taker.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` })).json();
    const cs = pool.CS1[0];
    // The item's next version makes "b" the right answer.
    const edited = await author1.request({
      method: 'PUT',
      url: `/api/assessment/items/${cs.id}`,
      payload: { ...item({ skillAreaCode: 'CS', key: ['b'] }), version: 1 },
    });
    await author2.request({ method: 'POST', url: `/api/assessment/items/${edited.json().id}/review`, payload: { decision: 'approve' } });
    await taker.request({ method: 'PUT', url: `/api/attempts/${started.id}/answers/1`, payload: { response: ['a'] } });
    const result = (await taker.request({ method: 'POST', url: `/api/attempts/${started.id}/submission` })).json();
    expect(result.score.raw).toBe(1);
    expect(result.passed).toBe(true);
    pool.CS1 = [{ id: edited.json().id, key: ['b'], kind: 'single' }];
  });
});

describe('the server-side timer', () => {
  it('refuses an answer after the deadline and grades what was saved, as submitted at the deadline', async () => {
    const taker = await learnerIn('D1-A');
    const a = await createAssessment({ blueprint: [{ skillAreaCode: 'DL', level: 1, count: 2 }], passMarks: [{ level: 1, percent: 50 }] });
    const started = (await taker.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` })).json();
    const [q1, q2] = started.questions;
    expect(
      (await taker.request({ method: 'PUT', url: `/api/attempts/${started.id}/answers/1`, payload: { response: [q1.options[0].id] } }))
        .statusCode,
    ).toBe(200);
    // The deadline passes (moved in the database: the server's clock is the only clock).
    const deadline = new Date(Date.now() - 1000);
    await t.database.db.update(assessmentAttempts).set({ deadlineAt: deadline }).where(eq(assessmentAttempts.id, started.id));
    const late = await taker.request({
      method: 'PUT',
      url: `/api/attempts/${started.id}/answers/2`,
      payload: { response: [q2.options[0].id] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('attempt.deadline_passed');
    const result = (await taker.request({ url: `/api/attempts/${started.id}/result` })).json();
    expect(result).toMatchObject({ submittedBy: 'timeout', submittedAt: deadline.toISOString(), score: { max: 2 } });
    expect(result.questions.map((q: { answered: boolean }) => q.answered)).toEqual([true, false]);
    const view = (await taker.request({ url: `/api/attempts/${started.id}` })).json();
    expect(view.status).toBe('submitted');
  });

  it('makes a save that races a submission wait for the grading, then refuses it', async () => {
    const taker = await learnerIn('D1-A');
    const a = await createAssessment({ blueprint: [{ skillAreaCode: 'DL', level: 1, count: 1 }], passMarks: [{ level: 1, percent: 50 }] });
    const started = (await taker.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` })).json();
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // A grading transaction holds the attempt while the candidate saves one more answer.
    const grading = t.database.db.transaction(async (tx) => {
      await tx.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, started.id)).for('update');
      locked();
      await gate;
      await tx
        .update(assessmentAttempts)
        .set({ status: 'submitted', submittedAt: new Date() })
        .where(eq(assessmentAttempts.id, started.id));
    });
    await isLocked;
    const save = taker.request({
      method: 'PUT',
      url: `/api/attempts/${started.id}/answers/1`,
      payload: { response: [started.questions[0].options[0].id] },
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await grading;
    const res = await save;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('attempt.submitted');
    expect(await t.database.db.select().from(assessmentAnswers).where(eq(assessmentAnswers.attemptId, started.id))).toHaveLength(0);
  });

  it('grades overdue attempts in the periodic job, once', async () => {
    const taker = await learnerIn('D1-A');
    const a = await createAssessment({ blueprint: [{ skillAreaCode: 'DL', level: 1, count: 1 }], passMarks: [{ level: 1, percent: 50 }] });
    const started = (await taker.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` })).json();
    await t.database.db
      .update(assessmentAttempts)
      .set({ deadlineAt: new Date(Date.now() - 5000) })
      .where(eq(assessmentAttempts.id, started.id));
    expect(await submitOverdueAttempts(t.database.db)).toBe(1);
    expect(await submitOverdueAttempts(t.database.db)).toBe(0);
    const [row] = await t.database.db.select().from(assessmentAttempts).where(eq(assessmentAttempts.id, started.id));
    expect(row).toMatchObject({ status: 'submitted', submittedBy: 'timeout', passed: false });
    const records = await t.database.db.select().from(learningRecords).where(eq(learningRecords.objectId, started.id));
    expect(records.map((r) => r.verb)).toEqual(['failed']);
  });

  it('grades a submit at the deadline from what was saved', async () => {
    const taker = await learnerIn('D1-A');
    const a = await createAssessment({ blueprint: [{ skillAreaCode: 'DL', level: 1, count: 1 }], passMarks: [{ level: 1, percent: 50 }] });
    const started = (await taker.request({ method: 'POST', url: `/api/assessments/${a.id}/attempts` })).json();
    await taker.request({
      method: 'PUT',
      url: `/api/attempts/${started.id}/answers/1`,
      payload: { response: [started.questions[0].options[0].id] },
    });
    const deadline = new Date(Date.now() - 10);
    await t.database.db.update(assessmentAttempts).set({ deadlineAt: deadline }).where(eq(assessmentAttempts.id, started.id));
    const res = await taker.request({ method: 'POST', url: `/api/attempts/${started.id}/submission` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submittedBy: 'timeout', submittedAt: deadline.toISOString() });
    expect(res.json().questions[0].answered).toBe(true);
  });
});

describe('self-assessment', () => {
  it('computes the level per skill area from the ratings, keeps history, and shows tested levels apart', async () => {
    const me = await learnerIn('D1-A');
    const view = (await me.request({ url: '/api/self-assessment' })).json();
    expect(view.statements.length).toBe(21);
    expect(view.statements.every((s: { isSample: boolean }) => s.isSample)).toBe(true);
    expect(view.latest).toBeNull();
    // DL: levels 1 and 2 at 3+, level 3 at 2 → 2. DG: level 1 at 2 → 0. Everything else 4 → 3.
    const rating = (s: { skillAreaCode: string; level: number }) =>
      s.skillAreaCode === 'DL' ? (s.level === 3 ? 2 : 3) : s.skillAreaCode === 'DG' ? (s.level === 1 ? 2 : 4) : 4;
    const ratings = view.statements.map((s: { id: string; skillAreaCode: string; level: number }) => ({
      statementId: s.id,
      rating: rating(s),
    }));
    const missing = await me.request({ method: 'POST', url: '/api/self-assessment', payload: { ratings: ratings.slice(1) } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: 'body.ratings', code: 'assessment.statements_unrated' });
    const res = await me.request({ method: 'POST', url: '/api/self-assessment', payload: { ratings } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().latest.levels).toEqual({ DL: 2, DG: 0, DLD: 3, DT: 3, DS: 3, DU: 3, CS: 3 });
    const all4 = ratings.map((r: { statementId: string }) => ({ ...r, rating: 4 }));
    const second = (await me.request({ method: 'POST', url: '/api/self-assessment', payload: { ratings: all4 } })).json();
    expect(second.history).toHaveLength(2);
    expect(second.latest.levels.DG).toBe(3);
    const levels = (await assessedLevels(t.database.db, [me.user.id])).get(me.user.id);
    expect(levels?.selfAssessed.DG.level).toBe(3);
    expect(levels?.tested).toEqual({});
  });

  it('lets authors and framework admins rewrite statements (no longer samples), and nobody else', async () => {
    const view = (await learner.request({ url: '/api/self-assessment' })).json();
    const s = view.statements[0];
    const body = { frameworkId, skillAreaCode: s.skillAreaCode, level: s.level, textTh: 'ข้อความที่เขียนใหม่', textEn: 'Rewritten statement' };
    expect((await learner.request({ method: 'PUT', url: `/api/assessment/statements/${s.id}`, payload: body })).statusCode).toBe(403);
    const admin = await clientAs(t, 'framework_admin');
    const res = await admin.request({ method: 'PUT', url: `/api/assessment/statements/${s.id}`, payload: body });
    expect(res.json()).toMatchObject({ textTh: 'ข้อความที่เขียนใหม่', isSample: false });
    const bad = await author1.request({ method: 'POST', url: '/api/assessment/statements', payload: { ...body, skillAreaCode: 'ZZ' } });
    expect(bad.json().errors[0].path).toBe('body.skillAreaCode');
    // An author who is not a learner reads the statements to edit them, but does not rate.
    const forAuthor = (await author1.request({ url: '/api/self-assessment' })).json();
    expect(forAuthor).toMatchObject({ canEditStatements: true, canRate: false });
    expect(
      (await author1.request({ method: 'POST', url: '/api/self-assessment', payload: { ratings: [{ statementId: s.id, rating: 3 }] } }))
        .statusCode,
    ).toBe(403);
    expect(view).toMatchObject({ canEditStatements: false, canRate: true });
  });
});
