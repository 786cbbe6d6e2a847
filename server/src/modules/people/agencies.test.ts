import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, auditEntries, persons } from '../../db/schema/index.js';
import { buildPerson, buildTree, csvOf, type Tree } from './people.fixtures.js';

let t: TestApp;
let tree: Tree;
let hrD1: Client;
let sysadmin: Client;

const auditOf = (subjectId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectId, subjectId), eq(auditEntries.action, action)));
const codes = (body: { items: { code: string }[] }) => body.items.map((a) => a.code);

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  hrD1 = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D1') });
  sysadmin = await clientAs(t, 'system_admin');
});

describe('listAgencies and getAgency: the tree', () => {
  it('lists the top level, the children of an agency, a subtree, or a search, with depth and expanders', async () => {
    const roots = (await t.app.inject({ url: '/api/agencies?parentId=root' })).json();
    expect(codes(roots)).toEqual(['M1', 'M2', 'BKK']);
    expect(roots.items[0]).toMatchObject({ depth: 0, hasChildren: true, kind: 'ministry', parentId: null });
    const children = (await t.app.inject({ url: `/api/agencies?parentId=${tree.id('D1')}` })).json();
    expect(codes(children)).toEqual(['D1-A', 'D1-B']);
    expect(children.items.map((a: { depth: number; hasChildren: boolean }) => [a.depth, a.hasChildren])).toEqual([
      [2, false],
      [2, true],
    ]);
    expect(codes((await t.app.inject({ url: `/api/agencies?within=${tree.id('D1')}&pageSize=50` })).json())).toEqual([
      'D1',
      'D1-A',
      'D1-B',
      'D1-B-U',
    ]);
    expect(codes((await t.app.inject({ url: `/api/agencies?q=${encodeURIComponent('เขต')}` })).json())).toEqual(['BKK-01']);
  });

  it('gives the breadcrumb and, to those who may read its people, the headcount of the subtree', async () => {
    await buildPerson(t, tree.id('D1-B-U'));
    await buildPerson(t, tree.id('D1-B'));
    const open = (await t.app.inject({ url: `/api/agencies/${tree.id('D1-B-U')}` })).json();
    expect(open.ancestors.map((a: { code: string }) => a.code)).toEqual(['M1', 'D1', 'D1-B']);
    expect(open.headcount).toBeNull();
    expect(open.abilities).toEqual({ update: false, move: false, createChild: false, listPeople: false, importPeople: false });
    const hr = (await hrD1.request({ url: `/api/agencies/${tree.id('D1-B')}` })).json();
    expect(hr).toMatchObject({ headcount: 2, childCount: 1 });
    expect(hr.abilities).toEqual({ update: true, move: true, createChild: true, listPeople: true, importPeople: true });
    const own = (await hrD1.request({ url: `/api/agencies/${tree.id('D1')}` })).json();
    expect(own.abilities).toMatchObject({ update: true, move: false });
    expect((await t.app.inject({ url: '/api/agencies/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('createAgency and updateAgency', () => {
  it('lets HR add agencies inside its subtree only; the top level is for system admins; codes are unique in any case', async () => {
    const body = { code: 'D1-A-1', nameTh: 'กลุ่มงานหนึ่ง', nameEn: 'Unit one', kind: 'unit', parentId: tree.id('D1-A') };
    const res = await hrD1.request({ method: 'POST', url: '/api/agencies', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ code: 'D1-A-1', depth: 3, provinceCode: '10' });
    expect(created.ancestors.map((a: { code: string }) => a.code)).toEqual(['M1', 'D1', 'D1-A']);
    expect((await auditOf(created.id, 'agency.created')).length).toBe(1);
    const dup = await hrD1.request({ method: 'POST', url: '/api/agencies', payload: { ...body, code: 'd1-a-1' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'agency.code_taken', errors: [{ path: 'body.code' }] });
    const outside = await hrD1.request({ method: 'POST', url: '/api/agencies', payload: { ...body, code: 'X1', parentId: tree.id('D3') } });
    expect(outside.statusCode).toBe(403);
    const root = { code: 'M9', nameTh: 'กระทรวงใหม่', nameEn: 'New ministry', kind: 'ministry', parentId: null };
    expect((await hrD1.request({ method: 'POST', url: '/api/agencies', payload: root })).statusCode).toBe(403);
    expect((await sysadmin.request({ method: 'POST', url: '/api/agencies', payload: root })).statusCode).toBe(201);
    const orphan = await sysadmin.request({ method: 'POST', url: '/api/agencies', payload: { ...root, code: 'X2', kind: 'division' } });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors[0].path).toBe('body.parentId');
  });

  it('renames and re-codes with the change audit-logged; other agencies and clashing codes are refused', async () => {
    const res = await hrD1.request({
      method: 'PUT',
      url: `/api/agencies/${tree.id('D1-A')}`,
      payload: { nameTh: 'กองเอใหม่', code: 'D1-AA' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameTh: 'กองเอใหม่', code: 'D1-AA' });
    const [entry] = await auditOf(tree.id('D1-A'), 'agency.updated');
    expect(entry.summary).toEqual({ before: { nameTh: 'กองเอ', code: 'D1-A' }, after: { nameTh: 'กองเอใหม่', code: 'D1-AA' } });
    expect((await hrD1.request({ method: 'PUT', url: `/api/agencies/${tree.id('D3')}`, payload: { nameTh: 'x' } })).statusCode).toBe(403);
    const clash = await hrD1.request({ method: 'PUT', url: `/api/agencies/${tree.id('D1-B')}`, payload: { code: 'd1-aa' } });
    expect(clash.json().code).toBe('agency.code_taken');
  });
});

describe('moveAgency', () => {
  it('moves a subtree with its people; scopes and lists follow at once', async () => {
    const person = await buildPerson(t, tree.id('D1-B-U'), { firstNameTh: 'ย้ายตามหน่วย' });
    const res = await hrD1.request({
      method: 'POST',
      url: `/api/agencies/${tree.id('D1-B-U')}/move`,
      payload: { parentId: tree.id('D1-A') },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['M1', 'D1', 'D1-AA']);
    const [moved] = await t.database.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, tree.id('D1-B-U')));
    expect(moved.path).toBe(`${tree.path('D1-A')}${tree.id('D1-B-U')}/`);
    const [parent] = await t.database.db
      .select()
      .from(agencies)
      .where(eq(agencies.id, tree.id('D1-A')));
    expect(moved.treeKey.startsWith(parent.treeKey)).toBe(true);
    const [p] = await t.database.db.select().from(persons).where(eq(persons.id, person.id));
    expect(p.agencyKey).toBe(moved.treeKey);
    const inA = (await hrD1.request({ url: `/api/people?agencyId=${tree.id('D1-A')}` })).json();
    expect(inA.items.map((x: { id: string }) => x.id)).toContain(person.id);
    expect(inA.total).toBe(inA.items.length);
    const inB = (await hrD1.request({ url: `/api/people?agencyId=${tree.id('D1-B')}` })).json();
    expect(inB.items.map((x: { id: string }) => x.id)).not.toContain(person.id);
    const [entry] = await auditOf(tree.id('D1-B-U'), 'agency.moved');
    expect(entry.summary).toMatchObject({ fromParentId: tree.id('D1-B'), toParentId: tree.id('D1-A'), people: 2 });
  });

  it('never moves an agency under itself or its descendants; HR cannot move its own root or out of its subtree', async () => {
    const cycle = await sysadmin.request({
      method: 'POST',
      url: `/api/agencies/${tree.id('D1')}/move`,
      payload: { parentId: tree.id('D1-B') },
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().code).toBe('agency.move_cycle');
    expect(
      (await hrD1.request({ method: 'POST', url: `/api/agencies/${tree.id('D1')}/move`, payload: { parentId: tree.id('M2') } })).statusCode,
    ).toBe(403);
    expect(
      (await hrD1.request({ method: 'POST', url: `/api/agencies/${tree.id('D1-B')}/move`, payload: { parentId: tree.id('D2') } }))
        .statusCode,
    ).toBe(403);
    const toRoot = await sysadmin.request({ method: 'POST', url: `/api/agencies/${tree.id('D2')}/move`, payload: { parentId: null } });
    expect(toRoot.statusCode).toBe(400);
    const ok = await sysadmin.request({ method: 'POST', url: `/api/agencies/${tree.id('D2')}/move`, payload: { parentId: tree.id('M2') } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('importAgencies', () => {
  const header = ['code', 'parentCode', 'nameTh', 'nameEn', 'kind', 'provinceCode'];
  const post = (client: Client, rows: string[][], dryRun = false) =>
    client.request({
      method: 'POST',
      url: `/api/agencies/imports?dryRun=${dryRun}`,
      headers: { 'content-type': 'text/csv' },
      payload: csvOf(header, rows),
    });

  it('creates a tree given children before parents, updates known codes, all in one go', async () => {
    const rows = [
      ['BKK-02-A', 'BKK-02', 'ฝ่ายทะเบียน', 'Registration section', 'unit', ''],
      ['BKK-02', 'BKK', 'สำนักงานเขตสอง', 'District office two', 'division', '10'],
      ['BKK-01', 'BKK', 'สำนักงานเขตหนึ่ง', 'District office one', 'division', '10'],
    ];
    const dry = await post(sysadmin, rows, true);
    expect(dry.json()).toMatchObject({ rows: 3, errorCount: 0, committed: false });
    expect(await t.database.db.select().from(agencies).where(eq(agencies.code, 'BKK-02'))).toHaveLength(0);
    const res = await post(sysadmin, rows);
    expect(res.json()).toMatchObject({ rows: 3, errorCount: 0, created: 2, updated: 1, committed: true });
    const [unit] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'BKK-02-A'));
    const [office] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'BKK-02'));
    expect(unit.parentId).toBe(office.id);
    expect(unit.path).toBe(`${office.path}${unit.id}/`);
    expect(unit.treeKey.startsWith(office.treeKey)).toBe(true);
    const [renamed] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'BKK-01'));
    expect(renamed.nameTh).toBe('สำนักงานเขตหนึ่ง');
    const logged = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'agency.imported'));
    expect(logged.map((e) => e.summary)).toEqual([{ format: 'csv', rows: 3, created: 2, updated: 1 }]);
  });

  it('reports loops, unknown parents, moves, bad kinds, duplicates and agencies outside HR’s subtree; writes nothing', async () => {
    const res = await post(hrD1, [
      ['L1', 'L2', 'วน1', 'Loop 1', 'unit', ''],
      ['L2', 'L1', 'วน2', 'Loop 2', 'unit', ''],
      ['U1', 'NOPE', 'ไม่มีแม่', 'Orphan', 'unit', ''],
      ['D1-B', 'D1-AA', 'กองบี', 'Division B', 'division', ''],
      ['K1', 'D1', 'ผิดประเภท', 'Bad kind', 'bureau', ''],
      ['K2', 'D1', 'ซ้ำ', 'Twice', 'unit', ''],
      ['k2', 'D1', 'ซ้ำ', 'Twice', 'unit', ''],
      ['X3', 'D3', 'นอกขอบเขต', 'Outside', 'unit', ''],
      ['M7', '', 'กระทรวงเอง', 'Own ministry', 'ministry', ''],
    ]);
    const body = res.json();
    expect(body.committed).toBe(false);
    const byRow = (row: number) => body.errors.filter((e: { row: number }) => e.row === row).map((e: { message: string }) => e.message);
    expect(byRow(6)[0]).toMatch(/use one of/);
    expect(body.errorCount).toBe(1);
    const second = await post(hrD1, [
      ['L1', 'L2', 'วน1', 'Loop 1', 'unit', ''],
      ['L2', 'L1', 'วน2', 'Loop 2', 'unit', ''],
      ['U1', 'NOPE', 'ไม่มีแม่', 'Orphan', 'unit', ''],
      ['D1-B', 'D1-AA', 'กองบี', 'Division B', 'division', ''],
      ['K2', 'D1', 'ซ้ำ', 'Twice', 'unit', ''],
      ['k2', 'D1', 'ซ้ำ', 'Twice', 'unit', ''],
      ['X3', 'D3', 'นอกขอบเขต', 'Outside', 'unit', ''],
      ['M7', '', 'กระทรวงเอง', 'Own ministry', 'ministry', ''],
      ['OK1', 'D1', 'ดี', 'Fine', 'unit', ''],
    ]);
    const errors = second.json().errors as { row: number; message: string }[];
    const at = (row: number) => errors.find((e) => e.row === row)?.message ?? '';
    expect(at(2)).toMatch(/loop/);
    expect(at(4)).toMatch(/unknown parent/);
    expect(at(5)).toMatch(/move it instead/);
    expect(at(7)).toMatch(/also on row 6/);
    expect(at(8)).toMatch(/outside the agencies you manage/);
    expect(at(9)).toMatch(/outside the agencies you manage/);
    expect(at(10)).toBe('');
    expect(await t.database.db.select().from(agencies).where(eq(agencies.code, 'OK1'))).toHaveLength(0);
  });
});
