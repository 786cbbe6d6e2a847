import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { VOLUNTEER_PRIVACY_NOTICE_VERSION } from '../../../../common/contracts/volunteers.js';
import { type Client, clientAs, dbErrorOf, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import { villages, volunteers } from '../../db/schema/index.js';
import { todayInThailand } from './activities.service.js';
import { lastMonths } from './coverage.service.js';
import * as repo from './repository.js';

let t: TestApp;
let cmProvince: Client; // coordinator of Chiang Mai (50)
let cmDistrict: Client; // coordinator of Mueang Chiang Mai district only (5001)
let otherProvince: Client; // coordinator of Bangkok (10)
let monitor: Client;
const v5001: string[] = []; // villages in 5001
let v5002: string; // a village in another district of Chiang Mai

let idSeq = 100000000000;
const citizenId = () => withCheckDigit(String(++idSeq).padStart(12, '1'));

function registration(villageId: string, over: Record<string, unknown> = {}) {
  const n = ++idSeq;
  return {
    citizenId: citizenId(),
    firstName: 'สมใจ',
    lastName: `ใจดี${n}`,
    phone: '081-234-5678',
    lineId: 'somjai',
    email: `vol${n}@test.thaksa.local`,
    password: 'volunteer-pass-123',
    villageId,
    occupation: 'เกษตรกร',
    skills: ['ขายของออนไลน์'],
    consent: { accepted: true, version: VOLUNTEER_PRIVACY_NOTICE_VERSION },
    ...over,
  };
}

async function register(villageId: string, over: Record<string, unknown> = {}) {
  const body = registration(villageId, over);
  const res = await t.app.inject({ method: 'POST', url: '/api/volunteers', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, body };
}

async function approve(by: Client, id: string, level = 'village') {
  return by.request({ method: 'POST', url: `/api/volunteers/${id}/decision`, payload: { decision: 'approve', level } });
}

async function addVillage(by: Client, subdistrictCode: string, moo: number) {
  const res = await by.request({ method: 'POST', url: '/api/villages', payload: { subdistrictCode, moo, nameTh: `บ้านทดสอบ ${moo}` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await testApp({ VOLUNTEER_REGISTER_RATE_PER_MINUTE: '10000' });
  cmProvince = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '50' });
  cmDistrict = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '5001' });
  otherProvince = await clientAs(t, { role: 'volunteer_coordinator', scopeId: '10' });
  monitor = await clientAs(t, 'central_monitor');
  const subs5001 = (await t.app.inject({ url: '/api/places?parent=5001' })).json().items;
  for (let i = 0; i < 3; i++) v5001.push(await addVillage(cmDistrict, subs5001[i].code, 1 + i));
  v5001.push(await addVillage(cmDistrict, subs5001[0].code, 7));
  const subs5002 = (await t.app.inject({ url: '/api/places?parent=5002' })).json().items;
  v5002 = await addVillage(cmProvince, subs5002[0].code, 1);
  const subsBkk = (await t.app.inject({ url: '/api/places?parent=1001' })).json().items;
  await addVillage(otherProvince, subsBkk[0].code, 1);
});

describe('places and villages', () => {
  it('lists provinces, districts and subdistricts publicly, and villages by subdistrict', async () => {
    const provinces = (await t.app.inject({ url: '/api/places' })).json().items;
    expect(provinces).toHaveLength(77);
    const districts = (await t.app.inject({ url: '/api/places?parent=50' })).json().items;
    expect(districts.find((d: { code: string }) => d.code === '5001').nameTh).toBe('เมืองเชียงใหม่');
    expect((await t.app.inject({ url: '/api/places?parent=5' })).statusCode).toBe(400);
    const village = (await repo.findVillage(t.database.db, v5001[0])) as repo.VillageRow;
    const list = (await t.app.inject({ url: `/api/villages?subdistrict=${village.subdistrictCode}` })).json().items;
    expect(list.map((v: { moo: number }) => v.moo)).toEqual([1, 7]);
  });

  it('lets a coordinator add villages only in their area, one per หมู่ number', async () => {
    const village = (await repo.findVillage(t.database.db, v5001[0])) as repo.VillageRow;
    const dup = await cmProvince.request({
      method: 'POST',
      url: '/api/villages',
      payload: { subdistrictCode: village.subdistrictCode, moo: 1, nameTh: 'ซ้ำ' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('village.moo_taken');
    const subs5002 = (await t.app.inject({ url: '/api/places?parent=5002' })).json().items;
    const outside = await cmDistrict.request({
      method: 'POST',
      url: '/api/villages',
      payload: { subdistrictCode: subs5002[1].code, moo: 2, nameTh: 'นอกเขต' },
    });
    expect(outside.statusCode).toBe(403);
    const bangkok = await cmProvince.request({
      method: 'POST',
      url: '/api/villages',
      payload: { subdistrictCode: '100101', moo: 5, nameTh: 'นอกจังหวัด' },
    });
    expect(bangkok.statusCode).toBe(403);
  });
});

describe('registration', () => {
  it('refuses a citizen ID whose check digit is wrong, and a second registration of the same ID', async () => {
    const good = citizenId();
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    const res = await t.app.inject({ method: 'POST', url: '/api/volunteers', payload: registration(v5001[0], { citizenId: bad }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('citizenId');
    await register(v5001[0], { citizenId: good });
    const again = await t.app.inject({ method: 'POST', url: '/api/volunteers', payload: registration(v5001[1], { citizenId: good }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('volunteer.already_registered');
  });

  it('needs consent to the current privacy notice and stores the ID only hashed and encrypted', async () => {
    const noConsent = await t.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      payload: registration(v5001[0], { consent: { accepted: false, version: VOLUNTEER_PRIVACY_NOTICE_VERSION } }),
    });
    expect(noConsent.statusCode).toBe(400);
    const { id, body } = await register(v5001[0]);
    const [row] = await t.database.db.select().from(volunteers).where(sql`${volunteers.id} = ${id}`);
    expect(JSON.stringify(row)).not.toContain(body.citizenId);
    expect(row.citizenIdLast).toBe(body.citizenId[12]);
    expect(row.consentVersion).toBe(VOLUNTEER_PRIVACY_NOTICE_VERSION);
    expect(row.phone).toBe('0812345678');
    const view = (await cmProvince.request({ url: `/api/volunteers/${id}` })).json();
    expect(view.citizenIdMasked).toBe(`${body.citizenId[0]}-${body.citizenId.slice(1, 5)}-xxxxx-xx-${body.citizenId[12]}`);
    expect(view.place.district.code).toBe('5001');
  });
});

describe('approval scoped by area', () => {
  it('shows the queue only to coordinators of the area; a district coordinator sees their district only', async () => {
    const inDistrict = await register(v5001[1]);
    const elsewhere = await register(v5002);
    const ids = async (c: Client) =>
      ((await c.request({ url: '/api/volunteers?status=pending&pageSize=100' })).json().items as { id: string }[]).map((v) => v.id);
    expect(await ids(cmProvince)).toEqual(expect.arrayContaining([inDistrict.id, elsewhere.id]));
    const district = await ids(cmDistrict);
    expect(district).toContain(inDistrict.id);
    expect(district).not.toContain(elsewhere.id);
    expect(await ids(otherProvince)).not.toContain(inDistrict.id);
    expect((await otherProvince.request({ url: `/api/volunteers/${inDistrict.id}` })).statusCode).toBe(404);
    expect((await approve(otherProvince, inDistrict.id)).statusCode).toBe(404);
    expect((await approve(cmDistrict, elsewhere.id)).statusCode).toBe(404);
    expect((await cmDistrict.request({ url: '/api/volunteers?area=5002' })).statusCode).toBe(403);
    expect((await monitor.request({ url: '/api/volunteers?area=50&status=pending' })).json().total).toBeGreaterThanOrEqual(2);
    expect((await approve(monitor, elsewhere.id)).statusCode).toBe(403);
  });

  it('opens the volunteer account on approval, so the volunteer signs in with the password they chose', async () => {
    const { id, body } = await register(v5001[2]);
    const res = await approve(cmDistrict, id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', level: 'village' });
    expect(res.json().cardUrl).toMatch(/\/verify\/volunteer\//);
    const again = await approve(cmDistrict, id);
    expect(again.json().code).toBe('volunteer.not_pending');
    const me = await signIn(t.app, body.email, body.password);
    const mine = (await me.request({ url: '/api/volunteers/me' })).json();
    expect(mine.volunteer.id).toBe(id);
    expect(mine.volunteer.abilities.logActivity).toBe(true);
    const [row] = await t.database.db.select().from(volunteers).where(sql`${volunteers.id} = ${id}`);
    expect(row.pendingPasswordHash).toBeNull();
    // The card's public page: first name and district, nothing personal beyond that.
    const token = res.json().cardUrl.split('/').pop();
    const card = (await t.app.inject({ url: `/api/volunteer-cards/${token}` })).json();
    expect(card).toMatchObject({ firstName: 'สมใจ', isValid: true, level: 'village', district: { code: '5001' } });
    expect(JSON.stringify(card)).not.toContain(body.phone.replace(/-/g, ''));
    const qr = await me.request({ url: '/api/volunteers/me/card.svg' });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
  });

  it('rejects with a reason', async () => {
    const { id } = await register(v5001[0]);
    const res = await cmProvince.request({
      method: 'POST',
      url: `/api/volunteers/${id}/decision`,
      payload: { decision: 'reject', reason: 'ข้อมูลไม่ครบ' },
    });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: 'ข้อมูลไม่ครบ' });
  });
});

describe('one leader per district', () => {
  it('refuses a second leader in the service and in the database, and allows one after the first steps down', async () => {
    const a = await register(v5001[0]);
    const b = await register(v5001[1]);
    expect((await approve(cmProvince, a.id, 'district_leader')).json().level).toBe('district_leader');
    const second = await approve(cmProvince, b.id, 'district_leader');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('volunteer.district_has_leader');
    expect((await approve(cmProvince, b.id, 'subdistrict')).statusCode).toBe(200);
    const promote = await cmProvince.request({
      method: 'PUT',
      url: `/api/volunteers/${b.id}/level`,
      payload: { level: 'district_leader' },
    });
    expect(promote.json().code).toBe('volunteer.district_has_leader');
    // The unique index holds even when the service is bypassed.
    const err = await dbErrorOf(t.database.db.execute(sql`update volunteers set level = 'district_leader' where id = ${b.id}`));
    expect(err).toMatch(/volunteers_one_leader_key|duplicate key/);
    await cmProvince.request({ method: 'PUT', url: `/api/volunteers/${a.id}/level`, payload: { level: 'village' } });
    const now = await cmProvince.request({ method: 'PUT', url: `/api/volunteers/${b.id}/level`, payload: { level: 'district_leader' } });
    expect(now.json().level).toBe('district_leader');
    // Another district of the province may have its own leader.
    const c = await register(v5002);
    expect((await approve(cmProvince, c.id, 'district_leader')).statusCode).toBe(200);
  });
});

describe('activities', () => {
  let me: Client;
  let volunteerId: string;
  beforeAll(async () => {
    const { id, body } = await register(v5001[3]);
    volunteerId = id;
    await approve(cmProvince, id);
    me = await signIn(t.app, body.email, body.password);
  });
  const log = (c: Client, over: Record<string, unknown> = {}) =>
    c.request({
      method: 'POST',
      url: '/api/volunteer-activities',
      payload: { id: randomUUID(), topic: 'ecommerce', peopleHelped: 4, activityDate: todayInThailand(), ...over },
    });

  it('records an activity once however often the offline queue sends it', async () => {
    const id = randomUUID();
    const first = await log(me, { id });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await log(me, { id });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(id);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from volunteer_activities where id = ${id}`,
    );
    expect(Number(n)).toBe(1);
    const mine = (await me.request({ url: '/api/volunteers/me' })).json();
    expect(mine.totals).toEqual({ activities: 1, people: 4 });
  });

  it('refuses future dates, bad photos and ids of other volunteers; keeps a real photo', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const future = await log(me, { activityDate: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('body.activityDate');
    const fakePng = `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`;
    expect((await log(me, { photo: fakePng })).statusCode).toBe(400);
    expect((await log(me, { photo: 'data:application/pdf;base64,JVBERi0=' })).statusCode).toBe(415);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const withPhoto = await log(me, { photo: `data:image/png;base64,${png.toString('base64')}`, topic: 'scam_awareness' });
    expect(withPhoto.statusCode, withPhoto.body).toBe(201);
    expect(withPhoto.json().hasPhoto).toBe(true);
    const other = await register(v5001[3]);
    await approve(cmProvince, other.id);
    const otherClient = await signIn(t.app, other.body.email, other.body.password);
    const taken = await log(otherClient, { id: withPhoto.json().id });
    expect(taken.statusCode).toBe(409);
    const coordinatorTries = await log(cmProvince);
    expect(coordinatorTries.statusCode).toBe(403);
  });

  it('refuses activities once the volunteer is deactivated', async () => {
    const res = await cmProvince.request({
      method: 'POST',
      url: `/api/volunteers/${volunteerId}/deactivate`,
      payload: { reason: 'ย้ายที่อยู่' },
    });
    expect(res.json().status).toBe('inactive');
    expect((await log(me)).json().code).toBe('volunteer.not_active');
  });
});

describe('coordinator areas', () => {
  it('grants a coordinator a province or one district, and nothing else', async () => {
    const admin = await clientAs(t, 'system_admin');
    const someone = await clientAs(t, 'learner');
    const grant = (scopeId: string, role = 'volunteer_coordinator') =>
      admin.request({ method: 'POST', url: `/api/users/${someone.userId}/roles`, payload: { role, scopeType: 'province', scopeId } });
    expect((await grant('50')).statusCode).toBeLessThan(300);
    expect((await grant('5001')).statusCode).toBeLessThan(300);
    expect((await grant('500101')).statusCode).toBe(400);
    expect((await grant('5001', 'central_monitor')).statusCode).toBe(400);
  });
});

describe('coverage', () => {
  it('equals direct counts at every level, and names villages without a volunteer', async () => {
    const nation = (await monitor.request({ url: '/api/volunteer-coverage' })).json();
    expect(nation.rows).toHaveLength(77);
    const cm = nation.rows.find((r: { code: string }) => r.code === '50');
    for (const code of ['50', '5001', '5002', '10']) {
      const direct = await repo.directCounts(t.database.db, code);
      const view = (await cmProvince.request({ url: `/api/volunteer-coverage?area=${code.length === 2 ? code : code}` })).json();
      if (code.length === 2) {
        expect(view.level).toBe('province');
        expect(view.totals).toMatchObject({
          volunteers: direct.volunteers,
          pending: direct.pending,
          villages: direct.villages,
          villagesCovered: direct.villages_covered,
          districtsWithLeader: direct.leaders,
          districtsCovered: direct.districts_covered,
        });
        const yearActivities = view.months.reduce((s: number, m: { activities: number }) => s + m.activities, 0);
        expect(yearActivities).toBe(direct.activities);
      } else {
        expect(view.level).toBe('district');
        expect(view.totals).toMatchObject({
          volunteers: direct.volunteers,
          pending: direct.pending,
          villages: direct.villages,
          villagesCovered: direct.villages_covered,
        });
        const withoutIds = view.villagesWithoutVolunteer.map((v: { id: string }) => v.id);
        const direct0 = await queryRows<{ id: string }>(
          t.database.db,
          sql`select v.id from villages v where v.district_code = ${code}
              and not exists (select 1 from volunteers x where x.village_id = v.id and x.status = 'active')`,
        );
        expect(withoutIds.sort()).toEqual(direct0.map((r) => r.id).sort());
      }
    }
    expect(cm.volunteers).toBe((await repo.directCounts(t.database.db, '50')).volunteers);
    expect(nation.totals.villages).toBe((await t.database.db.select().from(villages)).length);
    expect(nation.months).toHaveLength(12);
    expect(nation.months.at(-1).month).toBe(lastMonths(1)[0]);
    // The nation's months are kept by the roll-up trigger: they equal the activities counted directly.
    const [direct] = await queryRows<{ activities: number; people: number }>(
      t.database.db,
      sql`select count(*)::int as activities, coalesce(sum(people_helped), 0)::int as people from volunteer_activities
          where activity_date >= ${nation.months[0].month}::date`,
    );
    expect(direct.activities).toBeGreaterThan(0);
    const sum = (k: 'activities' | 'people') => nation.months.reduce((s: number, m: Record<string, number>) => s + m[k], 0);
    expect({ activities: sum('activities'), people: sum('people') }).toEqual(direct);
  });

  it('stays equal to direct counts after bulk changes made by single statements', async () => {
    await t.database.db.execute(
      sql`update volunteers set status = 'inactive' where province_code = '50' and status = 'active' and level = 'village'`,
    );
    await t.database.db.execute(sql`update volunteers set status = 'active' where province_code = '50' and status = 'inactive'`);
    const view = (await monitor.request({ url: '/api/volunteer-coverage?area=50' })).json();
    const direct = await repo.directCounts(t.database.db, '50');
    expect(view.totals).toMatchObject({
      volunteers: direct.volunteers,
      villagesCovered: direct.villages_covered,
      districtsWithLeader: direct.leaders,
    });
    for (const row of view.rows.filter((r: { volunteers: number }) => r.volunteers > 0)) {
      const d = await repo.directCounts(t.database.db, row.code);
      expect(row.volunteers).toBe(d.volunteers);
      expect(row.villagesCovered).toBe(d.villages_covered);
    }
  });

  it('is kept per instance until something it shows changes', async () => {
    const view = async () => (await cmDistrict.request({ url: '/api/volunteer-coverage?area=5001' })).json();
    /** Changes the roll-up with triggers off: coverage's version does not move, as if nothing had changed. */
    const tamper = (by: number) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update coverage_rollup set volunteers = volunteers + ${by} where code = '5001'`);
      });
    const before = await view();
    await tamper(1000);
    try {
      expect((await view()).totals.volunteers).toBe(before.totals.volunteers);
    } finally {
      await tamper(-1000);
    }
    // A new volunteer approved, a new village: both are seen at once.
    const { id } = await register(v5001[0]);
    expect((await approve(cmDistrict, id)).statusCode).toBe(200);
    const subs = (await t.app.inject({ url: '/api/places?parent=5001' })).json().items;
    const village = await addVillage(cmDistrict, subs[1].code, 9);
    const after = await view();
    const direct = await repo.directCounts(t.database.db, '5001');
    expect(after.totals).toMatchObject({ volunteers: before.totals.volunteers + 1, villages: before.totals.villages + 1 });
    expect(after.totals).toMatchObject({ volunteers: direct.volunteers, villages: direct.villages });
    expect(after.villagesWithoutVolunteer.map((v: { id: string }) => v.id)).toContain(village);
  });

  it('is for coordinators, monitors and admins; exports CSV and XLSX', async () => {
    expect((await t.app.inject({ url: '/api/volunteer-coverage' })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ url: '/api/volunteer-coverage' })).statusCode).toBe(403);
    const csv = await cmProvince.request({ url: '/api/volunteer-coverage/export?area=50&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('code,nameTh,nameEn,villages,villagesCovered,volunteers,pending,districts,districtsCovered,districtsWithLeader');
    expect(lines.find((l) => l.startsWith('5001,'))).toContain('เมืองเชียงใหม่');
    const xlsx = await cmProvince.request({ url: '/api/volunteer-coverage/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await monitor.request({ url: '/api/volunteer-coverage?area=9999' })).statusCode).toBe(404);
  });
});
