import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import { auditEntries } from '../../db/schema/index.js';
import { verifyAuditChain } from '../audit/service.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  admin = await clientAs(t, 'framework_admin');
});

const get = (url: string, c?: Client) => (c ? c.request({ method: 'GET', url }) : t.app.inject({ method: 'GET', url }));

describe('the seeded framework', () => {
  it('has the 2567 framework as current: 7 areas (3 core, 4 optional), 6 target groups, levels, units', async () => {
    const res = await get('/api/frameworks/current');
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.code).toBe('OCSC-TPQI-2567');
    expect(f.status).toBe('published');
    expect(f.skillAreas.map((a: { code: string }) => a.code)).toEqual(['DL', 'DG', 'DLD', 'DT', 'DS', 'DU', 'CS']);
    expect(f.skillAreas.filter((a: { kind: string }) => a.kind === 'core').map((a: { nameEn: string }) => a.nameEn)).toEqual([
      'Digital Literacy',
      'Digital Governance',
      'Digital Leadership',
    ]);
    expect(f.skillAreas.every((a: { isNameThOfficial: boolean }) => !a.isNameThOfficial)).toBe(true);
    expect(f.targetGroups.map((g: { code: string }) => g.code)).toEqual([
      'EXECUTIVE',
      'MANAGEMENT',
      'ACADEMIC',
      'TECHNOLOGY',
      'SERVICE',
      'OTHERS',
    ]);
    expect(f.targetGroups[0].nameTh).toBe('กลุ่มผู้บริหารระดับสูง');
    expect(f.levels.map((l: { rank: number }) => l.rank)).toEqual([1, 2, 3]);
    expect(f.units.some((u: { code: string; skillAreaCode: string }) => u.code === 'DG-LKUE-040' && u.skillAreaCode === 'CS')).toBe(true);
    expect(f.matrix).toHaveLength(42);
    expect(f.matrix.every((m: { isSample: boolean }) => m.isSample)).toBe(true);
    expect(f.abilities).toEqual({ edit: false, publish: false, createVersion: false });
  });

  it('hides the draft 2560 version from the public but shows it to framework admins', async () => {
    const publicList = (await get('/api/frameworks')).json().items.map((f: { code: string }) => f.code);
    expect(publicList).toEqual(['OCSC-TPQI-2567']);
    const adminList = (await get('/api/frameworks', admin)).json().items;
    const legacy = adminList.find((f: { code: string }) => f.code === 'OCSC-2560');
    expect(legacy.status).toBe('draft');
    expect((await get(`/api/frameworks/${legacy.id}`)).statusCode).toBe(404);
    const seen = (await get(`/api/frameworks/${legacy.id}`, admin)).json();
    expect(seen.skillAreas).toEqual([]);
    expect(seen.targetGroups).toHaveLength(6);
    // The CEC- and CIO-support units carry the 2017 six-group mapping; the two IT-user units have none.
    expect(seen.units.filter((u: { targetGroupCodes: string[] | null }) => Array.isArray(u.targetGroupCodes))).toHaveLength(10);
    expect(seen.units).toHaveLength(12);
  });

  it('exports CSV with a BOM and a record_type column, and JSON', async () => {
    const csv = await get('/api/frameworks/current/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('OCSC-TPQI-2567.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('record_type,code,name_th,name_en,kind,skill_area,target_groups,level,is_sample,verification,source');
    expect(lines.filter((l) => l.startsWith('skill_area,'))).toHaveLength(7);
    expect(lines.filter((l) => l.startsWith('required_level,'))).toHaveLength(42);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const json = await get('/api/frameworks/current/export?format=json');
    expect(json.json().code).toBe('OCSC-TPQI-2567');
    expect((await get('/api/frameworks/current/export?format=pdf')).statusCode).toBe(400);
  });
});

describe('editing through a new version', () => {
  let draftId: string;
  let currentId: string;

  it('a published version is immutable (409) and non-admins are refused (403)', async () => {
    currentId = (await get('/api/frameworks/current')).json().id;
    const edit = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${currentId}/items/DL`,
      payload: { kind: 'skill_area', nameTh: 'แก้', nameEn: 'Edited' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('framework.published_immutable');
    const learner = await clientAs(t, 'learner');
    const res = await learner.request({
      method: 'POST',
      url: '/api/frameworks',
      payload: { basedOnId: currentId, code: 'X-1', yearBe: 2569, titleTh: 'x', titleEn: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('createFrameworkVersion copies everything into a draft', async () => {
    await t.database.db.execute(
      sql`insert into self_assessment_statements (framework_id, skill_area_code, level, text_th, text_en)
          values (${currentId}, 'DL', 1, 'ส่งอีเมลแนบไฟล์ได้', 'Sends an e-mail with an attachment')`,
    );
    const res = await admin.request({
      method: 'POST',
      url: '/api/frameworks',
      payload: { basedOnId: currentId, code: 'OCSC-TPQI-2569', yearBe: 2569, titleTh: 'กรอบสมรรถนะ 2569', titleEn: 'Framework 2026' },
    });
    expect(res.statusCode).toBe(201);
    draftId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', basedOnId: currentId, isCurrent: false });
    const draft = (await get(`/api/frameworks/${draftId}`, admin)).json();
    const current = (await get('/api/frameworks/current')).json();
    expect(draft.skillAreas).toEqual(current.skillAreas);
    expect(draft.matrix).toEqual(current.matrix);
    expect(draft.units).toEqual(current.units);
    // The self-assessment statements come along, so learners are not left without any once the draft is published.
    const statements = async (id: string) =>
      (
        await queryRows<{ text_th: string }>(
          t.database.db,
          sql`select text_th from self_assessment_statements where framework_id = ${id} order by skill_area_code, level, text_th`,
        )
      ).map((r) => r.text_th);
    expect(await statements(draftId)).toEqual(await statements(currentId));
    expect(await statements(draftId)).toContain('ส่งอีเมลแนบไฟล์ได้');
    expect(draft.abilities).toEqual({ edit: true, publish: true, createVersion: true });
    const dup = await admin.request({
      method: 'POST',
      url: '/api/frameworks',
      payload: { basedOnId: currentId, code: 'OCSC-TPQI-2569', yearBe: 2569, titleTh: 'x', titleEn: 'x' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('updateFrameworkItem edits labels, adds units, validates references, and audits before/after', async () => {
    const res = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/items/DL`,
      payload: { kind: 'skill_area', nameTh: 'การรู้ดิจิทัล', nameEn: 'Digital Literacy', isNameThOfficial: true },
    });
    expect(res.statusCode).toBe(200);
    const area = res.json().skillAreas.find((a: { code: string }) => a.code === 'DL');
    expect(area).toMatchObject({ nameTh: 'การรู้ดิจิทัล', isNameThOfficial: true, kind: 'core' });

    const unit = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/items/NEW-UNIT-1`,
      payload: { kind: 'unit', titleTh: 'หน่วยใหม่', titleEn: 'New unit', skillAreaCode: 'CS', targetGroupCodes: ['TECHNOLOGY'] },
    });
    expect(unit.statusCode).toBe(201);
    const badArea = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/items/NEW-UNIT-2`,
      payload: { kind: 'unit', titleTh: 'x', titleEn: 'x', skillAreaCode: 'NOPE', targetGroupCodes: null },
    });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json().errors[0].path).toBe('body.skillAreaCode');
    const badKind = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/items/DL`,
      payload: { kind: 'planet', nameTh: 'x' },
    });
    expect(badKind.statusCode).toBe(400);

    const entries = (await t.database.db.select().from(auditEntries)).filter(
      (e) => e.subjectId === draftId && e.action === 'framework.item_updated',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).toMatchObject({
      kind: 'skill_area',
      code: 'DL',
      before: { nameTh: 'ความเข้าใจและใช้เทคโนโลยีดิจิทัล' },
      after: { nameTh: 'การรู้ดิจิทัล' },
    });
  });

  it('setRequiredLevel confirms a cell (no longer a sample) and checks the level exists', async () => {
    const res = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/matrix/SERVICE/DS`,
      payload: { levelRank: 3, isSample: false },
    });
    expect(res.statusCode).toBe(200);
    const cell = res
      .json()
      .matrix.find((m: { targetGroupCode: string; skillAreaCode: string }) => m.targetGroupCode === 'SERVICE' && m.skillAreaCode === 'DS');
    expect(cell).toMatchObject({ levelRank: 3, isSample: false });
    expect(cell.confirmedAt).toBeTruthy();
    const bad = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/matrix/SERVICE/DS`,
      payload: { levelRank: 7, isSample: false },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.levelRank');
    const missing = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/matrix/NOBODY/DS`,
      payload: { levelRank: 1, isSample: true },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('publishFramework makes the draft current and immutable; the old version keeps its values', async () => {
    const res = await admin.request({ method: 'POST', url: `/api/frameworks/${draftId}/publish`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', isCurrent: true });
    const current = (await get('/api/frameworks/current')).json();
    expect(current.id).toBe(draftId);
    const old = (await get(`/api/frameworks/${currentId}`)).json();
    expect(old.isCurrent).toBe(false);
    expect(old.skillAreas.find((a: { code: string }) => a.code === 'DL').nameTh).toBe('ความเข้าใจและใช้เทคโนโลยีดิจิทัล');
    const again = await admin.request({ method: 'POST', url: `/api/frameworks/${draftId}/publish`, payload: {} });
    expect(again.statusCode).toBe(409);
    const edit = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${draftId}/matrix/SERVICE/DS`,
      payload: { levelRank: 1, isSample: true },
    });
    expect(edit.statusCode).toBe(409);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses to publish an incomplete draft', async () => {
    const legacy = (await get('/api/frameworks', admin)).json().items.find((f: { code: string }) => f.code === 'OCSC-2560');
    const res = await admin.request({ method: 'POST', url: `/api/frameworks/${legacy.id}/publish`, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('framework.incomplete');
  });

  it('deleteFrameworkItem removes an item and its matrix cells from a draft only', async () => {
    const legacy = (await get('/api/frameworks', admin)).json().items.find((f: { code: string }) => f.code === 'OCSC-2560');
    const add = await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${legacy.id}/items/G1`,
      payload: { kind: 'skill_area', nameTh: 'กลุ่มทักษะทดลอง', nameEn: 'Trial group', areaKind: 'core' },
    });
    expect(add.statusCode).toBe(201);
    await admin.request({
      method: 'PUT',
      url: `/api/frameworks/${legacy.id}/matrix/EXECUTIVE/G1`,
      payload: { levelRank: 2, isSample: true },
    });
    const del = await admin.request({ method: 'DELETE', url: `/api/frameworks/${legacy.id}/items/G1?kind=skill_area` });
    expect(del.statusCode).toBe(200);
    const after = (await get(`/api/frameworks/${legacy.id}`, admin)).json();
    expect(after.skillAreas).toEqual([]);
    expect(after.matrix).toEqual([]);
    const gone = await admin.request({ method: 'DELETE', url: `/api/frameworks/${legacy.id}/items/G1?kind=skill_area` });
    expect(gone.statusCode).toBe(404);
  });
});
