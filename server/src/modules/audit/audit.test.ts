import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, dbErrorOf, serviceCtx, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries } from '../../db/schema/index.js';
import { canonicalJson } from './chain.js';
import { recordAudit, verifyAuditChain } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('canonicalJson', () => {
  it('sorts keys at every depth so jsonb round trips hash the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('the audit chain', () => {
  it('links each entry to the previous one and verifies, including concurrent appends', async () => {
    const ctx = serviceCtx(t.database, null);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction((tx) =>
          recordAudit(tx, ctx, {
            action: 'test.event',
            subjectType: 'thing',
            subjectId: String(i),
            summary: { i, nested: { b: 2, a: 1 } },
          }),
        ),
      ),
    );
    const report = await verifyAuditChain(t.database.db);
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(report.checked).toBeGreaterThanOrEqual(12);
  });

  it('does not keep an entry when the transaction that wrote it rolls back', async () => {
    const ctx = serviceCtx(t.database, null);
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: 'test.rolled_back', subjectType: 'thing', subjectId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.database.db.select().from(auditEntries).where(sql`${auditEntries.action} = 'test.rolled_back'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses updates and deletes in the database itself', async () => {
    expect(await dbErrorOf(t.database.db.execute(sql`update audit_entries set action = 'forged'`))).toMatch(/append-only/);
    expect(await dbErrorOf(t.database.db.execute(sql`delete from audit_entries`))).toMatch(/append-only/);
    expect(await dbErrorOf(t.database.db.execute(sql`truncate audit_entries`))).toMatch(/append-only/);
  });

  it('detects an entry altered behind the trigger’s back', async () => {
    await t.database.db.execute(sql`alter table audit_entries disable trigger audit_entries_no_update`);
    const [victim] = await t.database.db.select().from(auditEntries).orderBy(auditEntries.seq).limit(1).offset(3);
    await t.database.db.execute(sql`update audit_entries set summary = '{"i": 99}'::jsonb where seq = ${victim.seq}`);
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenSeq).toBe(victim.seq);
    expect(report.reason).toBe('content');
    await t.database.db.execute(sql`update audit_entries set summary = ${JSON.stringify(victim.summary)}::jsonb where seq = ${victim.seq}`);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    await t.database.db.execute(sql`delete from audit_entries where seq = ${victim.seq}`);
    const afterDelete = await verifyAuditChain(t.database.db);
    expect(afterDelete).toMatchObject({ ok: false, reason: 'link' });
    await t.database.db.execute(sql`alter table audit_entries enable trigger audit_entries_no_update`);
  });
});

describe('listAuditEntries', () => {
  it('is for system admins, filters by subject and pages with `before`', async () => {
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const admin = await clientAs(t, 'system_admin');
    const page1 = (await admin.request({ method: 'GET', url: '/api/audit?subjectType=thing&limit=5' })).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.items.every((e: { subjectType: string }) => e.subjectType === 'thing')).toBe(true);
    expect(page1.nextBefore).toBe(page1.items[4].seq);
    const page2 = (await admin.request({ method: 'GET', url: `/api/audit?subjectType=thing&limit=5&before=${page1.nextBefore}` })).json();
    expect(page2.items[0].seq).toBeLessThan(page1.items[4].seq);
    const one = (await admin.request({ method: 'GET', url: '/api/audit?subjectType=thing&subjectId=7' })).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0].summary).toEqual({ i: 7, nested: { a: 1, b: 2 } });
  });
});
