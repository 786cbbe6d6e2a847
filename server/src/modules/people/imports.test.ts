import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import {
  auditEntries,
  emailOutbox,
  personHistory,
  personImportFiles,
  personImportRows,
  personImports,
  persons,
} from '../../db/schema/index.js';
import { revealCitizenId } from '../../lib/personal-data.js';
import { badCitizenId, buildPerson, buildTree, citizenId, csvOf, PERSON_HEADER, personLine, type Tree } from './people.fixtures.js';

let t: TestApp;
let tree: Tree;
let hr: Client;
const csv = (lines: string[][]) => csvOf(PERSON_HEADER, lines);

async function upload(client: Client, body: string | Buffer, opts: { agencyId?: string; type?: string } = {}) {
  const res = await client.request({
    method: 'POST',
    url: `/api/people/imports${opts.agencyId ? `?agencyId=${opts.agencyId}` : ''}`,
    headers: { 'content-type': opts.type ?? 'text/csv' },
    payload: body,
  });
  return res;
}

/** Polls the import until validation has finished, as the page's progress bar does. */
async function settled(client: Client, id: string, query = '') {
  for (let i = 0; i < 600; i++) {
    const res = await client.request({ method: 'GET', url: `/api/people/imports/${id}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    if (job.status !== 'validating') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('validation did not finish');
}

async function importAndValidate(client: Client, body: string, agencyId?: string) {
  const res = await upload(client, body, { agencyId });
  expect(res.statusCode, res.body).toBe(202);
  return settled(client, res.json().id);
}

const count = async (table: typeof persons | typeof personHistory | typeof emailOutbox | typeof auditEntries) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const tableCount = async (name: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${name}`)))[0].n;

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  hr = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('D1') });
});

describe('importPersonnel: validation', () => {
  it('checks every row first and reports each problem by row and column; nothing is written', async () => {
    const outside = await buildPerson(t, tree.id('D3'));
    const before = await count(persons);
    const job = await importAndValidate(
      hr,
      csv([
        personLine({ citizenId: citizenId(1), firstNameTh: 'สมชาย', email: 'a1@d1.go.th', agencyCode: 'D1' }),
        personLine({ citizenId: badCitizenId(2), firstNameTh: 'สมศักดิ์', email: 'a2@d1.go.th', agencyCode: 'D1' }),
        personLine({ citizenId: citizenId(1), firstNameTh: 'ซ้ำ', email: 'a3@d1.go.th', agencyCode: 'D1' }),
        personLine({ citizenId: citizenId(4), firstNameTh: 'อีเมลซ้ำ', email: 'A1@d1.go.th', agencyCode: 'D1' }),
        personLine({ citizenId: citizenId(5), firstNameTh: 'ไม่มีหน่วย', email: 'a5@d1.go.th', agencyCode: 'NOPE' }),
        personLine({ citizenId: citizenId(6), firstNameTh: 'นอกขอบเขต', email: 'a6@d1.go.th', agencyCode: 'D2' }),
        personLine({ citizenId: citizenId(7), firstNameTh: 'อีเมลผิด', email: 'not-an-email', agencyCode: 'D1' }),
        personLine({ citizenId: citizenId(8), firstNameTh: 'กลุ่มผิด', email: 'a8@d1.go.th', agencyCode: 'D1', targetGroup: 'WIZARD' }),
        personLine({
          citizenId: citizenId(9),
          firstNameTh: 'หัวหน้าไม่มี',
          email: 'a9@d1.go.th',
          agencyCode: 'D1',
          supervisorCitizenId: citizenId(99),
        }),
        personLine({ citizenId: outside.citizenIdClear, firstNameTh: 'คนกรมอื่น', email: 'a10@d1.go.th', agencyCode: 'D1' }),
        personLine({
          citizenId: citizenId(11),
          firstNameTh: 'ตัวเอง',
          email: 'a11@d1.go.th',
          agencyCode: 'D1',
          supervisorCitizenId: citizenId(11),
        }),
        personLine({ citizenId: citizenId(12), firstNameTh: 'ตำแหน่งผิด', email: 'a12@d1.go.th', agencyCode: 'D1', positionType: 'wizard' }),
        personLine({ citizenId: citizenId(13), firstNameTh: '', email: 'a13@d1.go.th', agencyCode: 'D1' }),
      ]),
    );
    expect(job).toMatchObject({ status: 'invalid', totalRows: 13, progress: 100 });
    const codes = (await hr.request({ method: 'GET', url: `/api/people/imports/${job.id}?errorsPageSize=200` })).json().errors;
    const at = (row: number) =>
      codes.filter((e: { row: number }) => e.row === row).map((e: { column: string; code: string }) => `${e.column}:${e.code}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['citizenId:citizen_id.invalid']);
    expect(at(4)).toEqual(['citizenId:citizen_id.duplicate_in_file']);
    expect(at(5)).toEqual(['email:email.duplicate_in_file']);
    expect(at(6)).toEqual(['agencyCode:agency.unknown']);
    expect(at(7)).toEqual(['agencyCode:agency.out_of_scope']);
    expect(at(8)).toEqual(['email:email.invalid']);
    expect(at(9)).toEqual(['targetGroup:target_group.unknown']);
    expect(at(10)).toEqual(['supervisorCitizenId:supervisor.unknown']);
    expect(at(11)).toEqual(['citizenId:person.out_of_scope']);
    expect(at(12)).toEqual(['supervisorCitizenId:supervisor.self']);
    expect(at(13)).toEqual(['positionType:position_type.unknown']);
    expect(at(14)).toEqual(['firstNameTh:required']);
    expect(job.errorRows).toBe(12);
    expect(job.errorCount).toBe(12);
    expect(job.abilities).toEqual({ commit: false, downloadErrors: true });
    expect(await count(persons)).toBe(before);
    // The file's personal data goes as soon as it cannot be committed.
    const left = await t.database.db.select().from(personImportRows).where(eq(personImportRows.importId, job.id));
    const files = await t.database.db.select().from(personImportFiles).where(eq(personImportFiles.importId, job.id));
    expect([left.length, files.length]).toEqual([0, 0]);
    const commit = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(commit.statusCode).toBe(409);
    expect(commit.json().code).toBe('people_import.not_ready');
  });

  it('pages the errors and gives them all as a CSV report with a BOM', async () => {
    const lines = Array.from({ length: 5 }, (_, i) =>
      personLine({ citizenId: badCitizenId(100 + i), firstNameTh: `ผิด${i}`, email: `bad${i}@d1.go.th`, agencyCode: 'D1' }),
    );
    const job = await importAndValidate(hr, csv(lines));
    const page2 = (await hr.request({ method: 'GET', url: `/api/people/imports/${job.id}?errorsPage=2&errorsPageSize=2` })).json();
    expect(page2.errors.map((e: { row: number }) => e.row)).toEqual([4, 5]);
    const report = await hr.request({ method: 'GET', url: `/api/people/imports/${job.id}/errors.csv` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toContain('attachment');
    expect(report.body.startsWith('\uFEFFrow,column,code,message')).toBe(true);
    const rows = report.body.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^2,citizenId,citizen_id\.invalid,/);
  });

  it('refuses a file without the required columns, an empty file, a non-table body and a fake workbook', async () => {
    const missing = await importAndValidate(hr, 'citizenId,firstNameTh\n1101700203451,สมชาย\n');
    expect(missing.status).toBe('invalid');
    const first = (await hr.request({ method: 'GET', url: `/api/people/imports/${missing.id}` })).json().errors[0];
    expect(first).toMatchObject({ row: 1, code: 'file.missing_columns' });
    expect(first.message).toContain('agencyCode');
    const empty = await importAndValidate(hr, `${PERSON_HEADER.join(',')}\n`);
    expect((await hr.request({ method: 'GET', url: `/api/people/imports/${empty.id}` })).json().errors[0].code).toBe('file.empty');
    expect((await upload(hr, 'x', { type: 'text/plain' })).statusCode).toBe(415);
    const fake = await upload(hr, 'not a zip', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(fake.statusCode).toBe(415);
    const broken = await importAndValidate(hr, `${PERSON_HEADER.join(',')}\n"unclosed,quote\n`);
    expect(broken.status).toBe('failed');
    expect(broken.failure).toMatch(/quote/i);
  });

  it('is for HR within its own subtree: other agencies 403, other HR cannot see the job, executives cannot upload', async () => {
    const outside = await upload(hr, csv([]), { agencyId: tree.id('D3') });
    expect(outside.statusCode).toBe(403);
    const executive = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('D1') });
    expect((await upload(executive, csv([]))).statusCode).toBe(403);
    const job = await importAndValidate(
      hr,
      csv([personLine({ citizenId: citizenId(300), firstNameTh: 'ก', email: 'k@d1.go.th', agencyCode: 'D1' })]),
    );
    const otherHr = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('M2') });
    expect((await otherHr.request({ method: 'GET', url: `/api/people/imports/${job.id}` })).statusCode).toBe(404);
    expect((await otherHr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` })).statusCode).toBe(404);
    expect((await otherHr.request({ method: 'GET', url: `/api/people/imports/${job.id}/errors.csv` })).statusCode).toBe(404);
    const ministryHr = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('M1') });
    expect((await ministryHr.request({ method: 'GET', url: `/api/people/imports/${job.id}` })).statusCode).toBe(200);
    const list = (await ministryHr.request({ method: 'GET', url: '/api/people/imports' })).json().items;
    expect(list.map((j: { id: string }) => j.id)).toContain(job.id);
    expect(
      (await otherHr.request({ method: 'GET', url: '/api/people/imports' })).json().items.map((j: { id: string }) => j.id),
    ).not.toContain(job.id);
  });
});

describe('commitPersonImport', () => {
  const lines = () => [
    personLine({
      citizenId: citizenId(500),
      firstNameTh: 'ผู้อำนวยการ',
      email: 'director@d1.go.th',
      agencyCode: 'D1-A',
      positionTh: 'ผู้อำนวยการกองเอ',
      positionType: 'อำนวยการ',
    }),
    personLine({
      citizenId: citizenId(501),
      firstNameTh: 'นักคอม',
      email: 'it@d1.go.th',
      agencyCode: 'D1-A',
      positionTh: 'นักวิชาการคอมพิวเตอร์ชำนาญการ',
      supervisorCitizenId: citizenId(500),
    }),
    personLine({
      citizenId: citizenId(502),
      firstNameTh: 'ธุรการ',
      email: 'clerk@d1.go.th',
      agencyCode: 'd1-b',
      positionTh: 'เจ้าพนักงานธุรการชำนาญงาน',
      supervisorCitizenId: citizenId(500),
    }),
  ];

  it('writes everyone in one go: suggested groups, supervisors, learner accounts with invitations, audit', async () => {
    const job = await importAndValidate(hr, csv(lines()));
    expect(job).toMatchObject({ status: 'validated', toCreate: 3, toUpdate: 0, errorCount: 0, abilities: { commit: true } });
    const outboxBefore = await count(emailOutbox);
    const res = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', created: 3, updated: 0, invited: 3 });
    const rows = await queryRows<{
      first_name_th: string;
      target_group_code: string;
      position_type: string;
      position_level: string;
      is_it: string;
      supervisor: string | null;
      account: string | null;
    }>(
      t.database.db,
      sql`select p.first_name_th, p.target_group_code, p.position_type, p.position_level, p.is_it, s.first_name_th as supervisor,
                 (select g.role from users u join role_grants g on g.user_id = u.id where u.person_id = p.id) as account
          from persons p left join persons s on s.id = p.supervisor_id
          where p.email in ('director@d1.go.th', 'it@d1.go.th', 'clerk@d1.go.th') order by p.email`,
    );
    expect(rows).toEqual([
      {
        first_name_th: 'ธุรการ',
        target_group_code: 'OTHERS',
        position_type: 'general',
        position_level: 'experienced',
        is_it: 'non_it',
        supervisor: 'ผู้อำนวยการ',
        account: 'learner',
      },
      {
        first_name_th: 'ผู้อำนวยการ',
        target_group_code: 'MANAGEMENT',
        position_type: 'director',
        position_level: null,
        is_it: 'non_it',
        supervisor: null,
        account: 'learner',
      },
      {
        first_name_th: 'นักคอม',
        target_group_code: 'TECHNOLOGY',
        position_type: 'academic',
        position_level: 'professional',
        is_it: 'it',
        supervisor: 'ผู้อำนวยการ',
        account: 'learner',
      },
    ]);
    expect((await count(emailOutbox)) - outboxBefore).toBe(3);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.subjectId, job.id));
    expect(audit.map((a) => a.action)).toEqual(['person_import.uploaded', 'person_import.committed']);
    expect(audit[1].summary).toMatchObject({ created: 3, updated: 0, invited: 3 });
    const working = await t.database.db.select().from(personImportFiles).where(eq(personImportFiles.importId, job.id));
    expect(working).toHaveLength(0);

    const again = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'committed', created: 3, invited: 3 });
    expect((await count(emailOutbox)) - outboxBefore).toBe(3);
  });

  it('sends an invitation that sets the first password and signs the person in', async () => {
    const [mail] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'it@d1.go.th'));
    const token = mail.bodyText.match(/\/invitation#([\w-]+)/)?.[1] as string;
    expect(token).toBeTruthy();
    const login = { email: 'it@d1.go.th', password: 'long-enough-password' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: login })).statusCode).toBe(401);
    const inspect = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/inspect', payload: { token } });
    expect(inspect.json()).toMatchObject({ email: 'it@d1.go.th', displayName: 'นายนักคอม ทดสอบ' });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'it-is-my-name-it' },
    });
    expect(weak.statusCode).toBe(400);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: login.password },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json().roles.map((r: { role: string }) => r.role)).toEqual(['learner']);
    expect(accept.cookies.find((c) => c.name === 'thaksa_session')).toBeTruthy();
    const used = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'another-long-password' },
    });
    expect(used.json().code).toBe('invitation.used');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/inspect', payload: { token: 'x'.repeat(43) } });
    expect(unknown.statusCode).toBe(404);
    const me = await signIn(t.app, login.email, login.password);
    const mine = (await me.request({ method: 'GET', url: '/api/me/person' })).json();
    expect(mine).toMatchObject({ firstNameTh: 'นักคอม', citizenId: citizenId(501), targetGroupCode: 'TECHNOLOGY' });
  });

  it('re-importing updates by citizen ID: no duplicates, history of changes, HR’s chosen group kept', async () => {
    const [clerk] = await t.database.db.select().from(persons).where(eq(persons.email, 'clerk@d1.go.th'));
    const put = await hr.request({
      method: 'PUT',
      url: `/api/people/${clerk.id}`,
      payload: { targetGroupCode: 'SERVICE', reason: 'front desk of the bureau' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const personsBefore = await count(persons);
    const outboxBefore = await count(emailOutbox);
    const changed = lines();
    changed[1][8] = 'นักวิชาการคอมพิวเตอร์ชำนาญการพิเศษ'; // promoted
    changed[2][12] = 'D1-B-U'; // moved to a unit
    changed[2][15] = 'on_leave';
    const job = await importAndValidate(hr, csv(changed));
    expect(job).toMatchObject({ status: 'validated', toCreate: 0, toUpdate: 3 });
    const res = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(res.json()).toMatchObject({ status: 'committed', created: 0, updated: 3, invited: 0 });
    expect(await count(persons)).toBe(personsBefore);
    expect(await count(emailOutbox)).toBe(outboxBefore);
    const [after] = await t.database.db.select().from(persons).where(eq(persons.id, clerk.id));
    expect(after).toMatchObject({
      targetGroupCode: 'SERVICE',
      targetGroupSource: 'hr',
      agencyId: tree.id('D1-B-U'),
      employmentStatus: 'on_leave',
    });
    const history = await t.database.db
      .select()
      .from(personHistory)
      .where(eq(personHistory.personId, clerk.id))
      .orderBy(personHistory.at, personHistory.kind);
    expect(history.map((h) => [h.kind, h.fromValue, h.toValue, h.source, h.reason])).toEqual([
      ['target_group', 'OTHERS', 'SERVICE', 'manual', 'front desk of the bureau'],
      ['employment_status', 'active', 'on_leave', 'import', null],
      ['transfer', tree.id('D1-B'), tree.id('D1-B-U'), 'import', null],
    ]);
    const [it] = await t.database.db.select().from(persons).where(eq(persons.email, 'it@d1.go.th'));
    expect(it.positionLevel).toBe('senior_professional');
  });

  it('is all or nothing: a row failing mid-commit leaves the database as it was, and the import can be committed later', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      personLine({
        citizenId: citizenId(700 + i),
        firstNameTh: i === 9 ? 'ล้มเหลว' : `คนที่${i}`,
        email: `p${i}@d1.go.th`,
        agencyCode: 'D1-A',
      }),
    );
    const job = await importAndValidate(hr, csv(many));
    expect(job.status).toBe('validated');
    // A fault planted in the database: the tenth person cannot be written (as a crash or a constraint would).
    await t.database.db.execute(sql`create function fail_on_row() returns trigger language plpgsql as $$
      begin if new.first_name_th = 'ล้มเหลว' then raise exception 'planted fault'; end if; return new; end $$`);
    await t.database.db.execute(sql`create trigger fail_on_row before insert on persons for each row execute function fail_on_row()`);
    const tables = ['persons', 'users', 'role_grants', 'invitations', 'email_outbox', 'person_history', 'audit_entries', 'person_rollup'];
    const snapshot = async () => Promise.all(tables.map(tableCount));
    const countsSum = async () =>
      (await queryRows<{ n: number }>(t.database.db, sql`select coalesce(sum(total), 0)::int as n from person_rollup`))[0].n;
    const before = [...(await snapshot()), await countsSum()];
    const failed = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(failed.statusCode).toBe(500);
    expect([...(await snapshot()), await countsSum()]).toEqual(before);
    const [state] = await t.database.db.select().from(personImports).where(eq(personImports.id, job.id));
    expect(state.status).toBe('validated');
    await t.database.db.execute(sql`drop trigger fail_on_row on persons`);
    const ok = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'committed', created: 12, invited: 12 });
    expect((await tableCount('persons')) - before[0]).toBe(12);
    expect((await countsSum()) - before[before.length - 1]).toBe(12);
  });

  it('checks the database again at commit: a person moved out of scope since validation stops the commit', async () => {
    const target = await buildPerson(t, tree.id('D1'));
    const job = await importAndValidate(
      hr,
      csv([personLine({ citizenId: target.citizenIdClear, firstNameTh: 'ย้ายไปแล้ว', email: 'moved@d1.go.th', agencyCode: 'D1' })]),
    );
    expect(job.status).toBe('validated');
    await t.database.db
      .update(persons)
      .set({ agencyId: tree.id('D3') })
      .where(eq(persons.id, target.id));
    const res = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(res.statusCode).toBe(409);
    const after = (await hr.request({ method: 'GET', url: `/api/people/imports/${job.id}` })).json();
    expect(after.status).toBe('invalid');
    expect(after.errors[0]).toMatchObject({ row: 2, code: 'person.out_of_scope' });
    const [unchanged] = await t.database.db.select().from(persons).where(eq(persons.id, target.id));
    expect(unchanged.firstNameTh).toBe(target.firstNameTh);
  });
});

describe('commitPersonImport: supervisors and restarts', () => {
  it('links a chain of supervisors named in any order within the file', async () => {
    const job = await importAndValidate(
      hr,
      csv([
        personLine({
          citizenId: citizenId(1003),
          firstNameTh: 'ลูกทีม',
          email: 'c3@d1.go.th',
          agencyCode: 'D1',
          supervisorCitizenId: citizenId(1002),
        }),
        personLine({
          citizenId: citizenId(1002),
          firstNameTh: 'หัวหน้ากลุ่ม',
          email: 'c2@d1.go.th',
          agencyCode: 'D1',
          supervisorCitizenId: citizenId(1001),
        }),
        personLine({ citizenId: citizenId(1001), firstNameTh: 'ผู้อำนวยการใหญ่', email: 'c1@d1.go.th', agencyCode: 'D1' }),
      ]),
    );
    expect((await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` })).statusCode).toBe(200);
    const rows = await queryRows<{ first_name_th: string; supervisor: string | null }>(
      t.database.db,
      sql`select p.first_name_th, s.first_name_th as supervisor from persons p left join persons s on s.id = p.supervisor_id
          where p.email in ('c1@d1.go.th', 'c2@d1.go.th', 'c3@d1.go.th') order by p.email`,
    );
    expect(rows).toEqual([
      { first_name_th: 'ผู้อำนวยการใหญ่', supervisor: null },
      { first_name_th: 'หัวหน้ากลุ่ม', supervisor: 'ผู้อำนวยการใหญ่' },
      { first_name_th: 'ลูกทีม', supervisor: 'หัวหน้ากลุ่ม' },
    ]);
  });

  it('commits a file of 1,200 people at once: every account, role and invitation, with their supervisor', async () => {
    const n = 1200;
    const lines = Array.from({ length: n }, (_, i) =>
      personLine({
        citizenId: citizenId(20_000 + i),
        firstNameTh: `คนที่${i}`,
        email: `bulk${i}@d1.go.th`,
        agencyCode: 'D1-A',
        supervisorCitizenId: i === 0 ? undefined : citizenId(20_000),
      }),
    );
    const job = await importAndValidate(hr, csv(lines));
    expect(job).toMatchObject({ status: 'validated', toCreate: n, errorCount: 0 });
    const res = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', created: n, invited: n });
    const [row] = await queryRows<{ people: number; supervised: number; learners: number; invitations: number }>(
      t.database.db,
      sql`select count(*)::int as people, count(p.supervisor_id)::int as supervised,
                 count(g.id)::int as learners, count(i.id)::int as invitations
          from persons p join users u on u.person_id = p.id
          left join role_grants g on g.user_id = u.id and g.role = 'learner'
          left join invitations i on i.user_id = u.id
          where p.email like 'bulk%@d1.go.th'`,
    );
    expect(row).toEqual({ people: n, supervised: n - 1, learners: n, invitations: n });
  });

  it('validates the stored file again when the staged rows were lost (a database crash), then commits', async () => {
    const job = await importAndValidate(
      hr,
      csv([personLine({ citizenId: citizenId(1100), firstNameTh: 'หาย', email: 'lost@d1.go.th', agencyCode: 'D1' })]),
    );
    await t.database.db.delete(personImportRows).where(eq(personImportRows.importId, job.id));
    const first = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('people_import.not_ready');
    const again = await settled(hr, job.id);
    expect(again).toMatchObject({ status: 'validated', toCreate: 1 });
    const ok = await hr.request({ method: 'POST', url: `/api/people/imports/${job.id}/commit` });
    expect(ok.json()).toMatchObject({ status: 'committed', created: 1 });
  });
});

describe('importPersonnel: files and instances', () => {
  it('reads XLSX workbooks as well as CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('personnel');
    ws.addRow(PERSON_HEADER);
    ws.addRow(personLine({ citizenId: citizenId(800), firstNameTh: 'เอ็กเซล', email: 'xlsx@d1.go.th', agencyCode: 'D1' }));
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(hr, body, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(res.statusCode, res.body).toBe(202);
    const job = await settled(hr, res.json().id);
    expect(job).toMatchObject({ status: 'validated', format: 'xlsx', totalRows: 1, toCreate: 1 });
  });

  it('keeps the uploaded file encrypted in the database, and another instance resumes a validation whose instance died', async () => {
    const job = await importAndValidate(
      hr,
      csv([personLine({ citizenId: citizenId(900), firstNameTh: 'ต่อ', email: 'resume@d1.go.th', agencyCode: 'D1' })]),
    );
    const chunks = await t.database.db.select().from(personImportFiles).where(eq(personImportFiles.importId, job.id));
    expect(chunks.length).toBe(1);
    expect(chunks[0].data.includes(Buffer.from(citizenId(900)))).toBe(false);
    // As if the instance validating it had been killed a while ago, half-way through.
    await t.database.db
      .update(personImports)
      .set({ status: 'validating', progress: 40, heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(eq(personImports.id, job.id));
    const resumed = await settled(hr, job.id);
    expect(resumed).toMatchObject({ status: 'validated', progress: 100, totalRows: 1, toCreate: 1 });
    const [row] = await t.database.db.select().from(personImports).where(eq(personImports.id, job.id));
    expect(row.attempts).toBe(2);
    const [staged] = await t.database.db.select().from(personImportRows).where(eq(personImportRows.importId, job.id));
    expect(revealCitizenId(t.config.sessionSecret, staged.citizenCipher)).toBe(citizenId(900));
  });
});
