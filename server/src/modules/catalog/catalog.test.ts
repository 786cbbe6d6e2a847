import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Client, clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, auditEntries, learningRecords } from '../../db/schema/index.js';
import { buildCatalogCourse, catalogProvider } from './catalog.fixtures.js';

let t: TestApp;
let courseId: string;
let providerId: string;
let provider: Client;
let otherProvider: Client;
let hr: Client;
let agencyId: string;
let childAgencyId: string;
let otherAgencyId: string;

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const run = (overrides: Record<string, unknown> = {}) => ({
  label: 'รุ่นที่ 1',
  startsOn: future(30),
  endsOn: future(32),
  registrationDeadline: future(20),
  mode: 'onsite',
  provinceCode: '50',
  venue: 'ห้องประชุมใหญ่',
  seats: 40,
  ...overrides,
});

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  courseId = await buildCatalogCourse(db, {
    titleTh: 'การบริหารข้อมูลภาครัฐ',
    titleEn: 'Managing government data',
    summaryTh: 'การจัดการและแบ่งปันข้อมูลภาครัฐ',
    provider: 'สถาบันทดสอบหน้าหลักสูตร',
    areas: [['DU', 2]],
    groups: ['ACADEMIC'],
    feeBaht: 1200,
  });
  providerId = await catalogProvider(db, 'สถาบันทดสอบหน้าหลักสูตร');
  provider = await clientAs(t, { role: 'provider_admin', scopeId: providerId });
  otherProvider = await clientAs(t, { role: 'provider_admin', scopeId: await catalogProvider(db, 'ผู้ให้บริการอื่น') });
  const [parent] = await db
    .insert(agencies)
    .values({
      id: crypto.randomUUID(),
      code: `T-${Date.now()}`,
      nameTh: 'กรมทดสอบ',
      nameEn: 'Test Department',
      kind: 'department',
      path: '/',
    })
    .returning();
  agencyId = parent.id;
  await db
    .update(agencies)
    .set({ path: `/${agencyId}/` })
    .where(eq(agencies.id, agencyId));
  const [child] = await db
    .insert(agencies)
    .values({
      code: `T-${Date.now()}-1`,
      nameTh: 'กองทดสอบ',
      nameEn: 'Test Division',
      kind: 'division',
      parentId: agencyId,
      path: `/${agencyId}/x/`,
    })
    .returning();
  childAgencyId = child.id;
  await db
    .update(agencies)
    .set({ path: `/${agencyId}/${childAgencyId}/` })
    .where(eq(agencies.id, childAgencyId));
  const [other] = await db
    .insert(agencies)
    .values({ code: `O-${Date.now()}`, nameTh: 'กรมอื่น', nameEn: 'Other Department', kind: 'department', path: '/o/' })
    .returning();
  otherAgencyId = other.id;
  hr = await clientAs(t, { role: 'agency_admin', scopeId: agencyId });
});

describe('getCatalogCourse', () => {
  it('is public, with accreditation, validity countdown and schema.org Course JSON-LD', async () => {
    const res = await t.app.inject({ url: `/api/catalog/courses/${courseId}` });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.titleTh).toBe('การบริหารข้อมูลภาครัฐ');
    expect(c.daysUntilExpiry).toBeGreaterThan(300);
    expect(c.outcomes[0]).toMatchObject({ skillAreaCode: 'DU', levelRank: 2 });
    expect(c.outcomes[0].skillAreaNameTh.length).toBeGreaterThan(2);
    expect(c.hoursByMethod).toMatchObject({ lecture: 6, workshop: 6 });
    expect(c.jsonLd).toMatchObject({ '@type': 'Course', offers: { '@type': 'Offer', price: 1200, priceCurrency: 'THB' } });
    expect(c.jsonLd.hasCourseInstance[0]['@type']).toBe('CourseInstance');
    expect(c.abilities).toEqual({ rate: false, shortlistAgencies: [], manageRuns: false });
  });

  it('is 404 for an unknown course and 400 for a malformed id', async () => {
    expect((await t.app.inject({ url: `/api/catalog/courses/${crypto.randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/catalog/courses/nope' })).statusCode).toBe(400);
  });
});

describe('course runs', () => {
  let runId: string;

  it('are scheduled by the provider admin, shown on the page and in search at once', async () => {
    const res = await provider.request({ method: 'POST', url: `/api/catalog/courses/${courseId}/runs`, payload: run() });
    expect(res.statusCode, res.body).toBe(201);
    runId = res.json().id;
    const page = (await t.app.inject({ url: `/api/catalog/courses/${courseId}` })).json();
    expect(page.runs.map((r: { id: string }) => r.id)).toEqual([runId]);
    expect(page.provinces).toContain('50');
    expect(page.nextRunOn).toBe(future(30));
    expect(page.jsonLd.hasCourseInstance[0]).toMatchObject({ startDate: future(30), courseMode: 'onsite' });
    const found = (await t.app.inject({ url: '/api/catalog/courses?province=50' })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(courseId);
    const audit = await t.database.db.select().from(auditEntries);
    expect(audit.some((a) => a.action === 'course_run.create' && a.subjectId === courseId)).toBe(true);
  });

  it('refuse bad dates and places, naming each field (400)', async () => {
    const res = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs`,
      payload: run({ endsOn: future(1), registrationDeadline: future(40), provinceCode: undefined }),
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.endsOn', 'body.provinceCode', 'body.registrationDeadline']);
    const past = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs`,
      payload: run({ startsOn: '2020-01-01', endsOn: '2020-01-02', registrationDeadline: undefined }),
    });
    expect(past.json().errors[0].path).toBe('body.startsOn');
  });

  it('are only for the course provider: 401, 403 for others, 404 for an unknown course', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/catalog/courses/${courseId}/runs`, payload: run() })).statusCode).toBe(401);
    expect((await otherProvider.request({ method: 'POST', url: `/api/catalog/courses/${courseId}/runs`, payload: run() })).statusCode).toBe(
      403,
    );
    expect((await hr.request({ method: 'POST', url: `/api/catalog/courses/${courseId}/runs`, payload: run() })).statusCode).toBe(403);
    expect(
      (await provider.request({ method: 'POST', url: `/api/catalog/courses/${crypto.randomUUID()}/runs`, payload: run() })).statusCode,
    ).toBe(404);
    expect((await otherProvider.request({ url: `/api/catalog/courses/${courseId}/runs` })).statusCode).toBe(403);
  });

  it('can be cancelled: the page no longer lists it', async () => {
    const res = await provider.request({
      method: 'PUT',
      url: `/api/catalog/courses/${courseId}/runs/${runId}`,
      payload: { ...run(), isCancelled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().isCancelled).toBe(true);
    const page = (await t.app.inject({ url: `/api/catalog/courses/${courseId}` })).json();
    expect(page.runs).toEqual([]);
    expect(page.nextRunOn).toBeNull();
    const all = (await provider.request({ url: `/api/catalog/courses/${courseId}/runs` })).json();
    expect(all.items).toHaveLength(1);
    expect(
      (await provider.request({ method: 'PUT', url: `/api/catalog/courses/${courseId}/runs/${crypto.randomUUID()}`, payload: run() }))
        .statusCode,
    ).toBe(404);
  });
});

describe('completions and ratings', () => {
  let learner: Client;
  let runId: string;

  beforeAll(async () => {
    learner = await clientAs(t, 'learner');
    const res = await provider.request({ method: 'POST', url: `/api/catalog/courses/${courseId}/runs`, payload: run({ label: 'รุ่นที่ 2' }) });
    runId = res.json().id;
    // The run has taken place: completions are recorded after it.
    const moved = await provider.request({
      method: 'PUT',
      url: `/api/catalog/courses/${courseId}/runs/${runId}`,
      payload: run({ label: 'รุ่นที่ 2', startsOn: future(-10), endsOn: future(-8), registrationDeadline: future(-20) }),
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('a learner cannot rate before completing (403)', async () => {
    const res = await learner.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/rating`,
      payload: { content: 5, instructor: 5, usefulness: 5 },
    });
    expect(res.statusCode).toBe(403);
  });

  it('the provider records completions by e-mail, all or nothing, idempotently', async () => {
    const learnerEmail = (await learner.request({ url: '/api/auth/session' })).json().user.email as string;
    const bad = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs/${runId}/completions`,
      payload: { emails: [learnerEmail, 'nobody@example.test'], completedOn: future(-8) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'body.emails.1', code: 'completion.unknown_learner' })]);
    expect(await t.database.db.select().from(learningRecords)).toHaveLength(0);
    const ok = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs/${runId}/completions`,
      payload: { emails: [learnerEmail.toUpperCase()], completedOn: future(-8) },
    });
    expect(ok.json()).toEqual({ recorded: 1, alreadyRecorded: 0 });
    const again = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs/${runId}/completions`,
      payload: { emails: [learnerEmail], completedOn: future(-8) },
    });
    expect(again.json()).toEqual({ recorded: 0, alreadyRecorded: 1 });
    const [record] = await t.database.db.select().from(learningRecords);
    expect(record).toMatchObject({
      verb: 'completed',
      objectType: 'course',
      objectId: courseId,
      runId,
      authority: `provider:${providerId}`,
    });
    const runs = (await provider.request({ url: `/api/catalog/courses/${courseId}/runs` })).json().items;
    expect(runs.find((r: { id: string }) => r.id === runId).completions).toBe(1);
    const tooLate = await provider.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/runs/${runId}/completions`,
      payload: { emails: [learnerEmail], completedOn: '2099-01-01' },
    });
    expect(tooLate.json().errors[0]).toMatchObject({ path: 'body.completedOn', code: 'run.completed_in_future' });
  });

  it('then rates once; averages show on the page and in search; a second rating is 409', async () => {
    const before = (await learner.request({ url: `/api/catalog/courses/${courseId}` })).json();
    expect(before.abilities.rate).toBe(true);
    const bad = await learner.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/rating`,
      payload: { content: 6, instructor: 5, usefulness: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.content');
    const res = await learner.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/rating`,
      payload: { content: 5, instructor: 4, usefulness: 3, comment: 'ดีมาก' },
    });
    expect(res.statusCode).toBe(201);
    const page = (await learner.request({ url: `/api/catalog/courses/${courseId}` })).json();
    expect(page.rating).toEqual({ count: 1, average: 4, content: 5, instructor: 4, usefulness: 3 });
    expect(page.myRating).toEqual({ content: 5, instructor: 4, usefulness: 3, comment: 'ดีมาก' });
    expect(page.abilities.rate).toBe(false);
    expect(page.jsonLd.aggregateRating).toMatchObject({ ratingValue: 4, ratingCount: 1 });
    const found = (await t.app.inject({ url: '/api/catalog/courses?sort=rating' })).json();
    expect(found.items[0]).toMatchObject({ id: courseId, ratingAvg: 4, ratingCount: 1 });
    const twice = await learner.request({
      method: 'POST',
      url: `/api/catalog/courses/${courseId}/rating`,
      payload: { content: 1, instructor: 1, usefulness: 1 },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('catalog.already_rated');
  });
});

describe('agency shortlists', () => {
  it('HR shortlists for its agency or a unit below it; the page shows it', async () => {
    for (const id of [agencyId, childAgencyId]) {
      const res = await hr.request({
        method: 'POST',
        url: `/api/catalog/courses/${courseId}/shortlist`,
        payload: { agencyId: id, note: 'สำหรับแผนปี 2570' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = (await hr.request({ url: `/api/agencies/${childAgencyId}/shortlist` })).json();
    expect(list.items).toEqual([expect.objectContaining({ note: 'สำหรับแผนปี 2570', course: expect.objectContaining({ id: courseId }) })]);
    const page = (await hr.request({ url: `/api/catalog/courses/${courseId}` })).json();
    expect(page.abilities.shortlistAgencies).toEqual([expect.objectContaining({ id: agencyId, isShortlisted: true })]);
  });

  it('never reaches another agency: 403 to add or read, and other roles 403', async () => {
    expect(
      (await hr.request({ method: 'POST', url: `/api/catalog/courses/${courseId}/shortlist`, payload: { agencyId: otherAgencyId } }))
        .statusCode,
    ).toBe(403);
    expect((await hr.request({ url: `/api/agencies/${otherAgencyId}/shortlist` })).statusCode).toBe(403);
    expect((await provider.request({ url: `/api/agencies/${agencyId}/shortlist` })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/agencies/${agencyId}/shortlist` })).statusCode).toBe(401);
    expect(
      (await hr.request({ method: 'POST', url: `/api/catalog/courses/${crypto.randomUUID()}/shortlist`, payload: { agencyId } }))
        .statusCode,
    ).toBe(404);
    expect((await hr.request({ url: `/api/agencies/${crypto.randomUUID()}/shortlist` })).statusCode).toBe(404);
  });

  it('removes a course from the shortlist, 404 when it is not on it', async () => {
    expect((await hr.request({ method: 'DELETE', url: `/api/agencies/${agencyId}/shortlist/${courseId}` })).statusCode).toBe(200);
    expect((await hr.request({ method: 'DELETE', url: `/api/agencies/${agencyId}/shortlist/${courseId}` })).statusCode).toBe(404);
    expect((await hr.request({ url: `/api/agencies/${agencyId}/shortlist` })).json().items).toEqual([]);
  });
});

describe('open data', () => {
  it('exports the catalogue as CSV with a byte-order mark and the dictionary columns, CORS open', async () => {
    const res = await t.app.inject({ url: '/api/catalog/export?format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.startsWith('\uFEFFid,accreditationNumber,status,titleTh')).toBe(true);
    expect(res.body).toContain('การบริหารข้อมูลภาครัฐ');
  });

  it('exports XLSX that opens with the same rows', async () => {
    const res = await t.app.inject({ url: '/api/catalog/export?format=xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(4).value).toBe('titleTh');
    const titles = [];
    for (let i = 2; i <= sheet.rowCount; i++) titles.push(sheet.getRow(i).getCell(4).value);
    expect(titles).toContain('การบริหารข้อมูลภาครัฐ');
  });

  it('pages the JSON API with a cursor to the end', async () => {
    for (let i = 0; i < 3; i++) {
      await buildCatalogCourse(t.database.db, {
        titleTh: `หลักสูตรเปิดข้อมูล ${i}`,
        titleEn: `Open data course ${i}`,
        summaryTh: 'ทดสอบ',
        provider: 'ผู้ให้บริการอื่น',
        areas: [['DL', 1]],
        groups: ['OTHERS'],
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json: () => { items: { id: string }[]; nextCursor: string | null } } = await t.app.inject({
        url: `/api/open/courses?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen).toContain(courseId);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject({ url: '/api/open/courses?cursor=bm90LWEtY3Vyc29y' })).statusCode).toBe(400);
  });

  it('documents the columns in Thai and English', async () => {
    const res = (await t.app.inject({ url: '/api/open/dictionary' })).json();
    expect(res.openData.map((c: { key: string }) => c.key)).toContain('accreditationNumber');
    expect(res.import.filter((c: { required?: boolean }) => c.required).length).toBeGreaterThan(10);
  });
});

describe('importCourses', () => {
  let officer: Client;
  const header =
    'externalId,titleTh,titleEn,descriptionTh,descriptionEn,providerName,providerTaxId,targetGroups,skillAreas,hours,deliveryMode,language,fee,province,accreditationNumber,accreditedFrom,accreditedUntil';
  const good = (id: string, title: string, number: string) =>
    `${id},${title},Imported course,หลักสูตรนำเข้าจากระบบเดิม,,มหาวิทยาลัยนำเข้า,0994000158378,ACADEMIC|SERVICE,DU:2|DG:1,18,classroom,th,1500,10,${number},2025-01-10,2027-01-09`;
  const post = (c: Client, csv: string, dryRun = false) =>
    c.request({
      method: 'POST',
      url: `/api/catalog/imports?dryRun=${dryRun}`,
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.from(`\uFEFF${csv}`),
    });

  beforeAll(async () => {
    officer = await clientAs(t, 'accreditation_officer');
  });

  it('reports every bad row by row and column and writes nothing', async () => {
    const csv = [
      header,
      good('OLD-1', 'หลักสูตรนำเข้าที่หนึ่ง', 'สดช.-2565-0001'),
      'OLD-2,,x,y,,ผู้ให้บริการ,1234567890123,NOPE,ZZ:9,-3,teleport,xx,abc,99,สดช.-2565-0002,2025-13-01,2024-01-01',
      good('OLD-1', 'ซ้ำ', 'สดช.-2565-0001'),
    ].join('\n');
    const res = await post(officer, csv);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.committed).toBe(false);
    expect(report.rows).toBe(3);
    expect(report.errors).toContainEqual(
      expect.objectContaining({ row: 3, column: 'skillAreas', code: 'unknown_skill_area', params: { value: 'ZZ' } }),
    );
    const row3 = report.errors.filter((e: { row: number }) => e.row === 3).map((e: { column: string }) => e.column);
    expect(row3).toEqual(
      expect.arrayContaining([
        'titleTh',
        'providerTaxId',
        'targetGroups',
        'skillAreas',
        'hours',
        'deliveryMode',
        'language',
        'fee',
        'province',
        'accreditedFrom',
      ]),
    );
    expect(report.errors.filter((e: { row: number }) => e.row === 4).map((e: { column: string }) => e.column)).toEqual([
      'externalId',
      'accreditationNumber',
    ]);
    const search = (await t.app.inject({ url: `/api/catalog/courses?q=${encodeURIComponent('หลักสูตรนำเข้าที่หนึ่ง')}` })).json();
    expect(search.total).toBe(0);
  });

  it('imports a clean file in one go, and re-importing updates instead of duplicating', async () => {
    const dry = (await post(officer, [header, good('OLD-1', 'หลักสูตรนำเข้าที่หนึ่ง', 'สดช.-2565-0001')].join('\n'), true)).json();
    expect(dry).toMatchObject({ rows: 1, errorCount: 0, committed: false, created: 0 });
    const first = (
      await post(
        officer,
        [header, good('OLD-1', 'หลักสูตรนำเข้าที่หนึ่ง', 'สดช.-2565-0001'), good('OLD-2', 'หลักสูตรนำเข้าที่สอง', 'สดช.-2565-0002')].join('\n'),
      )
    ).json();
    expect(first).toMatchObject({ rows: 2, created: 2, updated: 0, committed: true });
    const second = (await post(officer, [header, good('OLD-1', 'หลักสูตรนำเข้าที่หนึ่ง ฉบับปรับปรุง', 'สดช.-2565-0001')].join('\n'))).json();
    expect(second).toMatchObject({ created: 0, updated: 1, committed: true });
    const found = (await t.app.inject({ url: `/api/catalog/courses?q=${encodeURIComponent('หลักสูตรนำเข้าที่หนึ่ง')}` })).json();
    expect(found.items.map((i: { titleTh: string }) => i.titleTh)).toEqual(['หลักสูตรนำเข้าที่หนึ่ง ฉบับปรับปรุง']);
    const page = (await t.app.inject({ url: `/api/catalog/courses/${found.items[0].id}` })).json();
    expect(page).toMatchObject({ accreditationNumber: 'สดช.-2565-0001', hours: 18, hoursByMethod: null, validUntil: '2027-01-09' });
    expect(page.provider.kind).toBe('university');
    const verify = (await t.app.inject({ url: `/api/accreditations/${encodeURIComponent('สดช.-2565-0001')}` })).json();
    expect(verify.isValid).toBe(true);
  });

  it('reads XLSX too', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('courses');
    sheet.addRow(header.split(','));
    sheet.addRow(
      good('OLD-3', 'หลักสูตรจากไฟล์เอ็กเซล', 'สดช.-2565-0003')
        .split(',')
        .map((v, i) => (i === 9 ? 18 : v)),
    );
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await officer.request({
      method: 'POST',
      url: '/api/catalog/imports',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: body,
    });
    expect(res.json()).toMatchObject({ format: 'xlsx', rows: 1, created: 1, committed: true });
  });

  it('is for officers (401/403) and refuses other file types (415) and a missing column', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/catalog/imports', headers: { 'content-type': 'text/csv' }, payload: header }))
        .statusCode,
    ).toBe(401);
    expect((await post(provider, header)).statusCode).toBe(403);
    const pdf = await officer.request({
      method: 'POST',
      url: '/api/catalog/imports',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4'),
    });
    expect(pdf.statusCode).toBe(415);
    const fake = await officer.request({
      method: 'POST',
      url: '/api/catalog/imports',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: Buffer.from('not a zip'),
    });
    expect(fake.statusCode).toBe(415);
    const missing = (await post(officer, 'externalId,titleTh\nA,B')).json();
    expect(missing.errors[0]).toMatchObject({ row: 1, column: null });
    expect(missing.errors[0].message).toContain('providerTaxId');
  });
});

describe('the catalogue follows accreditation', () => {
  it('a suspended course shows as suspended, a revoked one leaves the catalogue', async () => {
    const officer = await clientAs(t, 'accreditation_officer');
    const id = await buildCatalogCourse(t.database.db, {
      titleTh: 'หลักสูตรที่จะถูกระงับ',
      titleEn: 'To be suspended',
      summaryTh: 'ทดสอบ',
      provider: 'ผู้ให้บริการอื่น',
      areas: [['DL', 1]],
      groups: ['OTHERS'],
    });
    expect(
      (await officer.request({ method: 'POST', url: `/api/courses/${id}/suspension`, payload: { reason: 'ตรวจพบปัญหา' } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: `/api/catalog/courses/${id}` })).json().status).toBe('suspended');
    const listed = (await t.app.inject({ url: '/api/catalog/courses?status=suspended' })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      (await officer.request({ method: 'POST', url: `/api/courses/${id}/revocation`, payload: { reason: 'เพิกถอน' } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: `/api/catalog/courses/${id}` })).statusCode).toBe(404);
  });

  it('a user with no role can read but not rate (403 without a completion)', async () => {
    const user = await buildUser(t.database, {});
    const c = await signIn(t.app, user.email);
    expect((await c.request({ url: `/api/catalog/courses/${courseId}` })).statusCode).toBe(200);
    expect(
      (
        await c.request({
          method: 'POST',
          url: `/api/catalog/courses/${courseId}/rating`,
          payload: { content: 3, instructor: 3, usefulness: 3 },
        })
      ).statusCode,
    ).toBe(403);
  });
});
