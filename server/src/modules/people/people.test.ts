import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/harness.js';
import { agencies } from '../../db/schema/index.js';

let t: TestApp;
let ministryId: string;
beforeAll(async () => {
  t = await testApp();
  const [m] = await t.database.db
    .insert(agencies)
    .values({ code: 'MOF', nameTh: 'กระทรวงการคลัง', nameEn: 'Ministry of Finance', kind: 'ministry', path: '/' })
    .returning();
  ministryId = m.id;
  await t.database.db.insert(agencies).values([
    { code: 'MOF-RD', nameTh: 'กรมสรรพากร', nameEn: 'The Revenue Department', kind: 'department', parentId: m.id, path: `/${m.id}/` },
    {
      code: 'MOF-CGD',
      nameTh: 'กรมบัญชีกลาง',
      nameEn: "The Comptroller General's Department",
      kind: 'department',
      parentId: m.id,
      path: `/${m.id}/`,
    },
    { code: 'X_1', nameTh: 'หน่วยงาน 100%', nameEn: 'Percent unit', kind: 'unit', path: '/' },
  ]);
});

describe('listAgencies', () => {
  it('is public and finds agencies by Thai name, English name or code', async () => {
    const th = (await t.app.inject({ url: '/api/agencies?q=สรรพากร' })).json();
    expect(th.items.map((a: { code: string }) => a.code)).toEqual(['MOF-RD']);
    const en = (await t.app.inject({ url: '/api/agencies?q=comptroller' })).json();
    expect(en.items.map((a: { code: string }) => a.code)).toEqual(['MOF-CGD']);
    const children = (await t.app.inject({ url: `/api/agencies?parentId=${ministryId}` })).json();
    expect(children.total).toBe(2);
  });

  it('treats % and _ in the query as text, and pages', async () => {
    expect((await t.app.inject({ url: '/api/agencies?q=100%25' })).json().items.map((a: { code: string }) => a.code)).toEqual(['X_1']);
    expect((await t.app.inject({ url: '/api/agencies?q=_' })).json().total).toBe(1);
    const page = (await t.app.inject({ url: '/api/agencies?pageSize=2&page=2' })).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });
});
