import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskThaiId } from '../../../../common/citizen-id.js';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, auditEntries, personHistory, persons } from '../../db/schema/index.js';
import { buildPerson, buildTree, citizenId, linkUser, type Tree } from './people.fixtures.js';
import { countPersonsCapped, countPersonsFromRollup, listGatheredPage, listPersons, listRollupPage } from './persons.repository.js';

let t: TestApp;
let tree: Tree;
let hrD1: Client;
let hrM2: Client;
let execD1: Client;
let monitor: Client;
type Built = Awaited<ReturnType<typeof buildPerson>>;
const people: Record<string, Built> = {};
const MASK = /^\d-\d{4}-xxxxx-xx-\d$/;

const auditOf = (subjectId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectId, subjectId), eq(auditEntries.action, action)));

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  people.boss = await buildPerson(t, tree.id('D1'), {
    firstNameTh: 'ขวัญใจ',
    positionTh: 'ผู้อำนวยการกองเอ',
    positionType: 'director',
    targetGroupCode: 'MANAGEMENT',
  });
  people.a = await buildPerson(t, tree.id('D1-A'), { firstNameTh: 'เกศินี', supervisorId: people.boss.id });
  people.b = await buildPerson(t, tree.id('D1-B'), { firstNameTh: 'กมล', supervisorId: people.boss.id });
  people.unit = await buildPerson(t, tree.id('D1-B-U'), {
    firstNameTh: 'ไพโรจน์',
    positionTh: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ',
    isIt: 'it',
  });
  people.d2 = await buildPerson(t, tree.id('D2'), { firstNameTh: 'จันทร์เพ็ญ' });
  people.d3 = await buildPerson(t, tree.id('D3'), { firstNameTh: 'โสภา', email: 'sopha@d3.go.th' });
  hrD1 = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D1') });
  hrM2 = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('M2') });
  execD1 = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('D1') });
  monitor = await clientAs(t, 'central_monitor');
});

const list = async (client: Client, query = '') => {
  const res = await client.request({ method: 'GET', url: `/api/people${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; firstNameTh: string; citizenIdMasked: string }[];
    total: number;
    nextCursor: string | null;
    isTotalCapped: boolean;
  };
};

describe('listPersonnel: scoped to the caller’s subtree', () => {
  it('gives HR of D1 its whole subtree in Thai order (leading vowels after their consonant), exact total', async () => {
    const page = await list(hrD1);
    expect(page.items.map((p) => p.firstNameTh)).toEqual(['กมล', 'เกศินี', 'ขวัญใจ', 'ไพโรจน์']);
    expect(page.total).toBe(4);
    expect(page.isTotalCapped).toBe(false);
    const names = page.items.map((p) => p.firstNameTh);
    expect([...names].sort(new Intl.Collator('th').compare)).toEqual(names);
  });

  it('never shows another agency’s people: HR of M2 sees only D3, and cannot name D1 as the agency', async () => {
    expect((await list(hrM2)).items.map((p) => p.id)).toEqual([people.d3.id]);
    const res = await hrM2.request({ method: 'GET', url: `/api/people?agencyId=${tree.id('D1')}` });
    expect(res.statusCode).toBe(403);
    const sibling = await hrD1.request({ method: 'GET', url: `/api/people?agencyId=${tree.id('D2')}` });
    expect(sibling.statusCode).toBe(403);
  });

  it('narrows to a sub-agency, a target group, IT staff or a text search; national readers see everyone', async () => {
    expect((await list(hrD1, `?agencyId=${tree.id('D1-B')}`)).items.map((p) => p.firstNameTh)).toEqual(['กมล', 'ไพโรจน์']);
    const it = await list(hrD1, '?isIt=true');
    expect(it.items.map((p) => p.firstNameTh)).toEqual(['ไพโรจน์']);
    expect(it.total).toBe(1);
    expect((await list(hrD1, '?targetGroup=MANAGEMENT')).items.map((p) => p.firstNameTh)).toEqual(['ขวัญใจ']);
    const text = await list(hrD1, `?q=${encodeURIComponent('ศินี')}`);
    expect(text.items.map((p) => p.firstNameTh)).toEqual(['เกศินี']);
    expect(text.total).toBe(1);
    expect((await list(hrD1, `?q=${people.a.citizenIdClear}`)).items.map((p) => p.id)).toEqual([people.a.id]);
    expect((await list(hrD1, `?q=${people.d3.citizenIdClear}`)).items).toEqual([]);
    expect((await list(hrD1, '?q=sopha')).items).toEqual([]);
    const everyone = await list(monitor, '?limit=100');
    expect(everyone.items.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(people).map((p) => p.id)));
    expect(everyone.total).toBe(everyone.items.length);
  });

  it('pages with a cursor through the same order, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(hrD1, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(4);
      seen.push(...page.items.map((p) => p.firstNameTh));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['กมล', 'เกศินี', 'ขวัญใจ', 'ไพโรจน์']);
    const bad = await hrD1.request({ method: 'GET', url: '/api/people?cursor=bm90LWEtY3Vyc29y' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.cursor');
  });

  it('masks every citizen ID in lists; the full ID appears nowhere in the response', async () => {
    const res = await hrD1.request({ method: 'GET', url: '/api/people' });
    for (const p of res.json().items) expect(p.citizenIdMasked).toMatch(MASK);
    for (const p of Object.values(people)) expect(res.body).not.toContain(p.citizenIdClear);
    expect(res.json().items.find((p: { id: string }) => p.id === people.a.id).citizenIdMasked).toBe(
      `${people.a.citizenIdClear[0]}-${people.a.citizenIdClear.slice(1, 5)}-xxxxx-xx-${people.a.citizenIdClear[12]}`,
    );
  });

  it('masks rows written before the stored masked form existed by decrypting them, to the same form', async () => {
    const masked = (await list(hrD1)).items.map((p) => p.citizenIdMasked);
    await t.database.db.update(persons).set({ citizenIdMasked: null }).where(eq(persons.id, people.b.id));
    try {
      const page = await list(hrD1);
      expect(page.items.map((p) => p.citizenIdMasked)).toEqual(masked);
      expect(page.items.find((p) => p.id === people.b.id)?.citizenIdMasked).toBe(
        `${people.b.citizenIdClear[0]}-${people.b.citizenIdClear.slice(1, 5)}-xxxxx-xx-${people.b.citizenIdClear[12]}`,
      );
    } finally {
      await t.database.db
        .update(persons)
        .set({ citizenIdMasked: maskThaiId(people.b.citizenIdClear) })
        .where(eq(persons.id, people.b.id));
    }
  });

  it('is closed to roles without an agency scope', async () => {
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'GET', url: '/api/people' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });
});

describe('getPerson and the citizen ID', () => {
  it('shows a person to readers of their agency, masked; other agencies get 404', async () => {
    const res = await execD1.request({ method: 'GET', url: `/api/people/${people.a.id}` });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.citizenIdMasked).toMatch(MASK);
    expect(res.body).not.toContain(people.a.citizenIdClear);
    expect(p.supervisor).toMatchObject({ id: people.boss.id, nameTh: 'นางสาวขวัญใจ ใจดี' });
    expect(p.abilities).toEqual({ update: false, transfer: false, revealCitizenId: false, resendInvitation: false, viewHistory: true });
    const hr = (await hrD1.request({ method: 'GET', url: `/api/people/${people.a.id}` })).json();
    expect(hr.abilities).toMatchObject({ update: true, transfer: true, revealCitizenId: true });
    expect((await hrM2.request({ method: 'GET', url: `/api/people/${people.a.id}` })).statusCode).toBe(404);
    expect((await hrD1.request({ method: 'GET', url: `/api/people/${people.d3.id}` })).statusCode).toBe(404);
  });

  it('reveals the full ID to HR of the person’s agency only, and logs every reveal', async () => {
    const res = await hrD1.request({ method: 'GET', url: `/api/people/${people.a.id}/citizen-id` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ citizenId: people.a.citizenIdClear });
    expect(res.headers['cache-control']).toBe('no-store');
    const logged = await auditOf(people.a.id, 'person.citizen_id_revealed');
    expect(logged).toHaveLength(1);
    expect(logged[0].actorId).toBe(hrD1.userId);
    expect((await execD1.request({ method: 'GET', url: `/api/people/${people.a.id}/citizen-id` })).statusCode).toBe(403);
    expect((await monitor.request({ method: 'GET', url: `/api/people/${people.a.id}/citizen-id` })).statusCode).toBe(403);
    expect((await hrM2.request({ method: 'GET', url: `/api/people/${people.a.id}/citizen-id` })).statusCode).toBe(404);
    const sysadmin = await clientAs(t, 'system_admin');
    expect((await sysadmin.request({ method: 'GET', url: `/api/people/${people.a.id}/citizen-id` })).statusCode).toBe(403);
  });

  it('lets a supervisor see their direct reports (masked) and nobody else; a person sees themselves', async () => {
    const supervisor = await clientAs(t, 'supervisor');
    await linkUser(t, supervisor.userId, people.boss.id);
    expect((await supervisor.request({ method: 'GET', url: `/api/people/${people.a.id}` })).statusCode).toBe(200);
    expect((await supervisor.request({ method: 'GET', url: `/api/people/${people.unit.id}` })).statusCode).toBe(404);
    const self = await clientAs(t, 'learner');
    await linkUser(t, self.userId, people.unit.id);
    const mine = await self.request({ method: 'GET', url: `/api/people/${people.unit.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().citizenIdMasked).toMatch(MASK);
    expect((await self.request({ method: 'GET', url: `/api/people/${people.a.id}` })).statusCode).toBe(404);
  });
});

describe('exportPersonnel', () => {
  it('exports only the caller’s subtree, masked by default, and logs the export', async () => {
    const res = await hrD1.request({ method: 'GET', url: '/api/people/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].startsWith('citizenId,titleTh,firstNameTh,lastNameTh')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['กมล', 'เกศินี', 'ขวัญใจ', 'ไพโรจน์']);
    expect(res.body).not.toContain(people.d3.firstNameTh);
    for (const l of lines.slice(1)) expect(l.split(',')[0]).toMatch(MASK);
    const logged = await auditOf(tree.id('D1'), 'person.exported');
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged[0].summary).toMatchObject({ includeCitizenId: false });
  });

  it('gives full citizen IDs to HR on request only; other agencies are refused', async () => {
    const full = await hrD1.request({ method: 'GET', url: `/api/people/export?agencyId=${tree.id('D1-A')}&includeCitizenId=true` });
    expect(full.statusCode).toBe(200);
    expect(full.body).toContain(people.a.citizenIdClear);
    expect(full.body).toContain(people.boss.citizenIdClear); // the supervisor column
    const logged = await auditOf(tree.id('D1-A'), 'person.exported');
    expect(logged[0].summary).toMatchObject({ includeCitizenId: true });
    expect((await execD1.request({ method: 'GET', url: '/api/people/export?includeCitizenId=true' })).statusCode).toBe(403);
    expect((await hrM2.request({ method: 'GET', url: `/api/people/export?agencyId=${tree.id('D1')}` })).statusCode).toBe(403);
    const own = await hrM2.request({ method: 'GET', url: '/api/people/export' });
    expect(own.body).toContain(people.d3.firstNameTh);
    expect(own.body).not.toContain(people.a.firstNameTh);
  });
});

describe('updatePerson', () => {
  it('records a target-group change with who, when, from, to and why; null goes back to the suggestion', async () => {
    const res = await hrD1.request({
      method: 'PUT',
      url: `/api/people/${people.b.id}`,
      payload: { targetGroupCode: 'TECHNOLOGY', reason: 'runs the bureau’s data platform' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ targetGroupCode: 'TECHNOLOGY', targetGroupSource: 'hr', suggestedTargetGroup: 'ACADEMIC' });
    const back = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { targetGroupCode: null } });
    expect(back.json()).toMatchObject({ targetGroupCode: 'ACADEMIC', targetGroupSource: 'suggested' });
    const history = (await execD1.request({ method: 'GET', url: `/api/people/${people.b.id}/history` })).json().items;
    expect(history.map((h: { fromValue: string; toValue: string; reason: string | null }) => [h.fromValue, h.toValue, h.reason])).toEqual([
      ['ACADEMIC', 'TECHNOLOGY', 'runs the bureau’s data platform'],
      ['TECHNOLOGY', 'ACADEMIC', null],
    ]);
    expect(history[0].actor.id).toBe(hrD1.userId);
    expect((await auditOf(people.b.id, 'person.updated')).length).toBe(2);
  });

  it('follows the position while the group is the suggestion, and validates levels, supervisors and IDs', async () => {
    const promoted = await hrD1.request({
      method: 'PUT',
      url: `/api/people/${people.b.id}`,
      payload: { positionTh: 'ผู้อำนวยการกองบี', positionType: 'director', positionLevel: 'primary', reason: 'appointed director' },
    });
    expect(promoted.json()).toMatchObject({ targetGroupCode: 'MANAGEMENT', targetGroupSource: 'suggested', positionLevel: 'primary' });
    const badLevel = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { positionLevel: 'expert' } });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().errors[0].path).toBe('body.positionLevel');
    const self = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { supervisorId: people.b.id } });
    expect(self.json().errors[0].path).toBe('body.supervisorId');
    const taken = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { citizenId: people.a.citizenIdClear } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('person.citizen_id_taken');
    const checksum = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { citizenId: '1234567890123' } });
    expect(checksum.statusCode).toBe(400);
    const fixed = await hrD1.request({ method: 'PUT', url: `/api/people/${people.b.id}`, payload: { citizenId: citizenId(424242) } });
    expect(fixed.statusCode).toBe(200);
    expect((await hrD1.request({ method: 'GET', url: `/api/people/${people.b.id}/citizen-id` })).json().citizenId).toBe(citizenId(424242));
  });

  it('is HR’s: executives 403, HR of other agencies 404', async () => {
    expect((await execD1.request({ method: 'PUT', url: `/api/people/${people.a.id}`, payload: { titleTh: 'นาง' } })).statusCode).toBe(403);
    expect((await hrM2.request({ method: 'PUT', url: `/api/people/${people.a.id}`, payload: { titleTh: 'นาง' } })).statusCode).toBe(404);
  });
});

describe('transferPerson', () => {
  it('moves a person within HR’s subtree with the reason in their history; the lists follow', async () => {
    const res = await hrD1.request({
      method: 'POST',
      url: `/api/people/${people.a.id}/transfer`,
      payload: { agencyId: tree.id('D1-B-U'), reason: 'คำสั่งย้าย ที่ 12/2569' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ agency: { id: tree.id('D1-B-U') }, supervisor: null });
    expect((await list(hrD1, `?agencyId=${tree.id('D1-B')}`)).items.map((p) => p.id)).toContain(people.a.id);
    expect((await list(hrD1, `?agencyId=${tree.id('D1-A')}`)).items).toEqual([]);
    const history = (await hrD1.request({ method: 'GET', url: `/api/people/${people.a.id}/history` })).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: 'transfer',
      fromLabel: 'กองเอ',
      toLabel: 'กลุ่มงานยู',
      reason: 'คำสั่งย้าย ที่ 12/2569',
      source: 'manual',
    });
    expect((await auditOf(people.a.id, 'person.transferred')).length).toBe(1);
  });

  it('needs rights over both agencies: HR of D1 cannot send someone to D2; HR of M1 can', async () => {
    const out = await hrD1.request({
      method: 'POST',
      url: `/api/people/${people.a.id}/transfer`,
      payload: { agencyId: tree.id('D2'), reason: 'x' },
    });
    expect(out.statusCode).toBe(403);
    const hrM1 = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('M1') });
    const ok = await hrM1.request({
      method: 'POST',
      url: `/api/people/${people.a.id}/transfer`,
      payload: { agencyId: tree.id('D2'), reason: 'ย้ายกรม' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await hrD1.request({ method: 'GET', url: `/api/people/${people.a.id}` })).statusCode).toBe(404);
    const rows = await t.database.db.select().from(personHistory).where(eq(personHistory.personId, people.a.id));
    expect(rows).toHaveLength(2);
  });
});

describe('a person’s own data', () => {
  it('shows the linked person their record with the full ID and history, and 404 without a record', async () => {
    const learner = await clientAs(t, 'learner');
    await linkUser(t, learner.userId, people.b.id);
    const res = await learner.request({ method: 'GET', url: '/api/me/person' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.citizenId).toBe(citizenId(424242));
    expect(me.history.length).toBeGreaterThanOrEqual(2);
    const nobody = await clientAs(t, 'learner');
    expect((await nobody.request({ method: 'GET', url: '/api/me/person' })).statusCode).toBe(404);
  });

  it('downloads everything held about them as JSON, including who read their ID; the download is logged', async () => {
    const person = await buildPerson(t, tree.id('D1-B-U'), { firstNameTh: 'ไพลิน' });
    const learner = await clientAs(t, 'learner');
    await linkUser(t, learner.userId, person.id);
    await hrD1.request({ method: 'GET', url: `/api/people/${person.id}/citizen-id` });
    const res = await learner.request({ method: 'GET', url: '/api/me/person/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="thaksa-my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = res.json();
    expect(data.person).toMatchObject({ id: person.id, citizenId: person.citizenIdClear, firstNameTh: 'ไพลิน' });
    expect(data.account).toMatchObject({ id: learner.userId, hasPassword: true });
    expect(data.roles.map((r: { role: string }) => r.role)).toEqual(['learner']);
    expect(data.auditTrail.map((e: { action: string }) => e.action)).toContain('person.citizen_id_revealed');
    expect(JSON.stringify(data)).not.toMatch(/scrypt\$/);
    expect((await auditOf(learner.userId, 'person.data_exported')).length).toBe(1);
  });
});

describe('the personnel roll-up', () => {
  it('stays exact through inserts, updates, transfers and deletes, for every subtree and filter', async () => {
    const extra = await buildPerson(t, tree.id('D1-B'), { employmentStatus: 'retired' });
    await t.database.db.delete(persons).where(eq(persons.id, extra.id));
    await buildPerson(t, tree.id('BKK-01'), { isIt: 'it', positionTh: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ', targetGroupCode: 'TECHNOLOGY' });
    const filters = [
      {},
      { targetGroup: 'ACADEMIC' },
      { isIt: true },
      { status: 'active' },
      { targetGroup: 'MANAGEMENT', isIt: false, status: 'active' },
    ];
    for (const code of ['M1', 'D1', 'D1-B', 'D1-B-U', 'D2', 'M2', 'BKK', null]) {
      const [agency] = code ? await t.database.db.select().from(agencies).where(eq(agencies.code, code)) : [null];
      for (const f of filters) {
        const rolled = await countPersonsFromRollup(t.database.db, { scopeKey: agency?.treeKey ?? '', ...f });
        const counted = await countPersonsCapped(t.database.db, { scopeKey: agency?.treeKey ?? '', ...f }, 1_000_000);
        expect(rolled, `${code} ${JSON.stringify(f)}`).toBe(counted);
      }
    }
  });
});

describe('the ways of reading a page', () => {
  it('give the same pages, page after page, for every subtree and filter; gathered matches agree with them', async () => {
    for (let i = 0; i < 7; i++) {
      await buildPerson(t, tree.id(i % 2 ? 'D1-B-U' : 'D1-A'), {
        firstNameTh: `สมศรี${'กขคงจฉช'[i]}`,
        employmentStatus: i % 3 ? 'active' : 'on_leave',
      });
    }
    const db = t.database.db;
    const filters = [
      {},
      { status: 'active' },
      { isIt: true },
      { targetGroup: 'ACADEMIC', status: 'on_leave' },
      { positionType: 'general' },
    ];
    for (const code of ['M1', 'D1', 'D1-B', 'D2', null]) {
      const [agency] = code ? await db.select().from(agencies).where(eq(agencies.code, code)) : [null];
      for (const f of filters) {
        const filter = { scopeKey: agency?.treeKey ?? '', ...f };
        const label = `${code} ${JSON.stringify(f)}`;
        let after: { sortName: string; id: string } | undefined;
        const seen: string[] = [];
        for (let pageNo = 0; pageNo < 20; pageNo++) {
          const byName = await listPersons(db, filter, { after, limit: 3 }, 'by_name');
          const ids = byName.map((r) => r.id);
          for (const shape of ['per_agency', 'per_agency_cell', 'per_cell'] as const) {
            const other = await listPersons(db, filter, { after, limit: 3 }, shape);
            expect(
              other.map((r) => r.id),
              `${label} ${shape}`,
            ).toEqual(ids);
          }
          // The one-statement reads the service uses: whichever shape they choose, the same page and the exact total.
          const counted = await countPersonsCapped(db, filter, 1_000_000);
          if (!filter.positionType) {
            for (const shape of [undefined, 'by_name', 'per_agency', 'per_agency_cell', 'per_cell'] as const) {
              const rolled = await listRollupPage(db, filter, { after, limit: 3 }, shape);
              expect(rolled.total, `${label} ${shape}`).toBe(counted);
              expect(
                rolled.rows.map((r) => r.id),
                `${label} ${shape}`,
              ).toEqual(ids);
            }
          }
          const gatheredPage = await listGatheredPage(db, filter, { after, limit: 3 }, 1000);
          expect(gatheredPage.total, label).toBe(counted);
          expect(
            gatheredPage.rows?.map((r) => r.id),
            label,
          ).toEqual(ids);
          if (counted > 0) expect((await listGatheredPage(db, filter, { after, limit: 3 }, counted)).rows, label).toBeNull();
          seen.push(...byName.map((r) => r.id));
          if (byName.length < 3) break;
          after = { sortName: byName[2].sort_name, id: byName[2].id };
        }
        expect(seen.length, label).toBe(await countPersonsCapped(db, filter, 1_000_000));
        expect(new Set(seen).size, label).toBe(seen.length);
      }
    }
  });
});
