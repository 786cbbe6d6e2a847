import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidThaiId } from '../../../../common/citizen-id.js';
import { ROLE_SCOPE, ROLES } from '../../../../common/permissions.js';
import { testDatabase } from '../../../test/harness.js';
import { verifyPassword } from '../../lib/crypto.js';
import { citizenIdLookupHash, revealCitizenId } from '../../lib/personal-data.js';
import { verifyAuditChain } from '../../modules/audit/service.js';
import type { Database } from '../client.js';
import { agencies, auditEntries, persons, providers, roleGrants, users } from '../schema/index.js';
import { type DemoContext, type DemoSeeder, type DemoSeedResult, planDemoPeople, seedDemo } from './demo.js';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PROVIDERS } from './demo-data.js';

const SECRET = 'demo-test-secret-at-least-32-characters-long';
const TARGET_GROUPS = ['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS'];
const EXPECTED_PERSONS = DEMO_AGENCIES.reduce((s, a) => s + a.headcount, 0);

/** A stand-in for a later module: it adds one row of its own and reports whether it already did. */
function probeSeeder(calls: DemoContext[]): DemoSeeder {
  return {
    name: 'probe',
    isSeeded: async (ctx) => (await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'DEMO-PROBE'))).length > 0,
    seed: async (ctx) => {
      calls.push(ctx);
      const parent = ctx.agencies.get('MOF-RD');
      const id = ctx.rng('probe').uuid();
      await ctx.db.insert(agencies).values({
        id,
        code: 'DEMO-PROBE',
        nameTh: 'หน่วยทดสอบ',
        nameEn: 'Probe unit',
        kind: 'unit',
        parentId: parent?.id,
        path: `${parent?.path}${id}/`,
      });
      return { probes: 1 };
    },
  };
}

describe('seedDemo', () => {
  let database: Database;
  let first: DemoSeedResult;
  let second: DemoSeedResult;
  const probeCalls: DemoContext[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    first = await seedDemo(database.db, { secret: SECRET, seeders: [probeSeeder(probeCalls)] });
    second = await seedDemo(database.db, { secret: SECRET, seeders: [probeSeeder(probeCalls)] });
  });

  const count = async (table: typeof agencies | typeof persons | typeof providers | typeof users | typeof roleGrants) => {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row.n;
  };

  it('creates the dataset once and leaves it alone the second time', async () => {
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.counts).toEqual(first.counts);
    expect(first.counts).toEqual({
      agencies: DEMO_AGENCIES.length,
      persons: EXPECTED_PERSONS,
      providers: DEMO_PROVIDERS.length,
      users: DEMO_ACCOUNTS.length,
      roleGrants: DEMO_ACCOUNTS.reduce((s, a) => s + a.roles.length, 0),
    });
    // The probe module's agency is the only row beyond the foundation.
    expect(await count(agencies)).toBe(DEMO_AGENCIES.length + 1);
    expect(await count(persons)).toBe(EXPECTED_PERSONS);
    expect(await count(providers)).toBe(DEMO_PROVIDERS.length);
    expect(await count(users)).toBe(DEMO_ACCOUNTS.length);
  });

  it('has the size the brief asks for', () => {
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(20);
    expect(EXPECTED_PERSONS).toBeGreaterThanOrEqual(280);
    expect(EXPECTED_PERSONS).toBeLessThanOrEqual(320);
    expect(DEMO_PROVIDERS.length).toBe(6);
  });

  it('runs a module seeder once, with the foundation in its context', () => {
    expect(first.modules).toEqual([{ name: 'probe', ran: true, counts: { probes: 1 } }]);
    expect(second.modules).toEqual([{ name: 'probe', ran: false, counts: {} }]);
    expect(probeCalls).toHaveLength(1);
    const ctx = probeCalls[0];
    expect(ctx.agencies.size).toBe(DEMO_AGENCIES.length);
    expect(ctx.providers.size).toBe(DEMO_PROVIDERS.length);
    expect(ctx.accounts.size).toBe(DEMO_ACCOUNTS.length);
    expect(ctx.persons).toHaveLength(EXPECTED_PERSONS);
    expect(ctx.accounts.get('learner')?.personId).toBeTruthy();
  });

  it('builds the agency tree with materialised paths', async () => {
    const rows = await database.db.select().from(agencies);
    const byId = new Map(rows.map((a) => [a.id, a]));
    const byCode = new Map(rows.map((a) => [a.code, a]));
    for (const spec of DEMO_AGENCIES) {
      const a = byCode.get(spec.code);
      expect(a, spec.code).toBeDefined();
      if (!a) continue;
      expect(a.nameTh).toBe(spec.nameTh);
      expect(a.kind).toBe(spec.kind);
      expect(a.provinceCode).toMatch(/^\d{2}$/);
      const parent = a.parentId ? byId.get(a.parentId) : undefined;
      expect(parent?.code ?? null).toBe(spec.parentCode);
      expect(a.path).toBe(`${parent?.path ?? '/'}${a.id}/`);
    }
    const rd = byCode.get('MOF-RD');
    const subtree = rows.filter((a) => rd && a.path.startsWith(rd.path)).map((a) => a.code);
    expect(subtree).toEqual(expect.arrayContaining(['MOF-RD', 'MOF-RD-HR']));
    expect(subtree).not.toContain('MOF-CGD');
  });

  it('stores every citizen ID as a lookup hash and a ciphertext of a valid ID', async () => {
    const rows = await database.db.select().from(persons);
    const seen = new Set<string>();
    for (const p of rows) {
      const id = revealCitizenId(SECRET, p.citizenIdCipher);
      expect(isValidThaiId(id), id).toBe(true);
      expect(p.citizenIdHash).toBe(citizenIdLookupHash(SECRET, id));
      expect(p.citizenIdLast).toBe(id[12]);
      expect(p.citizenIdCipher).not.toContain(id);
      seen.add(id);
    }
    expect(seen.size).toBe(rows.length);
  });

  it('gives people Thai names, positions, a target group and an IT flag', async () => {
    const rows = await database.db.select().from(persons);
    for (const p of rows) {
      expect(['นาย', 'นาง', 'นางสาว']).toContain(p.titleTh);
      expect(p.firstNameTh).toMatch(/^[\u0E00-\u0E7F]+$/);
      expect(p.lastNameTh).toMatch(/^[\u0E00-\u0E7F]+$/);
      expect(p.firstNameEn).toMatch(/^[A-Z][a-z]+$/);
      expect(p.positionTh).toMatch(/[\u0E00-\u0E7F]/);
      expect(TARGET_GROUPS).toContain(p.targetGroupCode);
      expect(['it', 'non_it']).toContain(p.isIt);
      if (p.targetGroupCode === 'TECHNOLOGY') expect(p.isIt).toBe('it');
    }
    const groups = new Set(rows.map((p) => p.targetGroupCode));
    expect([...groups].sort()).toEqual([...TARGET_GROUPS].sort());
    expect(rows.some((p) => p.positionTh.startsWith('นักวิชาการคอมพิวเตอร์'))).toBe(true);
    expect(rows.some((p) => p.positionTh.startsWith('ผู้อำนวยการ'))).toBe(true);
  });

  it('gives everyone below an agency head a supervisor who heads or directs the same agency', async () => {
    const rows = await database.db.select().from(persons);
    const byId = new Map(rows.map((p) => [p.id, p]));
    for (const p of rows) {
      if (p.targetGroupCode === 'EXECUTIVE' || p.targetGroupCode === 'MANAGEMENT') continue;
      const boss = p.supervisorId ? byId.get(p.supervisorId) : undefined;
      expect(boss, `${p.firstNameTh} ${p.lastNameTh}`).toBeDefined();
      expect(boss?.agencyId).toBe(p.agencyId);
      expect(['EXECUTIVE', 'MANAGEMENT']).toContain(boss?.targetGroupCode);
    }
  });

  it('registers providers with valid tax IDs, one still pending', async () => {
    const rows = await database.db.select().from(providers);
    for (const p of rows) expect(isValidThaiId(p.taxId), p.taxId).toBe(true);
    expect(rows.filter((p) => p.status === 'pending')).toHaveLength(1);
    expect(rows.map((p) => p.nameTh)).toContain('สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล');
    for (const p of rows.filter((r) => r.kind === 'company' || r.kind === 'foundation')) expect(p.nameTh).toContain('(ข้อมูลตัวอย่าง)');
  });

  it('lets every demo account sign in with the demo password', async () => {
    const rows = await database.db.select().from(users);
    expect(rows.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const u of rows) {
      expect(u.isDemo).toBe(1);
      expect(u.displayName).toMatch(/[\u0E00-\u0E7F]/);
      expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash), u.email).toBe(true);
    }
    expect(await verifyPassword('wrong-password', rows[0].passwordHash)).toBe(false);
  });

  it("makes the supervisor account the learner's supervisor, both in the Revenue Department", async () => {
    const accountPerson = async (email: string) => {
      const [row] = await database.db
        .select({ person: persons, agencyPath: agencies.path })
        .from(users)
        .innerJoin(persons, eq(persons.id, users.personId))
        .innerJoin(agencies, eq(agencies.id, persons.agencyId))
        .where(eq(users.email, email));
      return row;
    };
    const learner = await accountPerson('learner@demo.thaksa.local');
    const supervisor = await accountPerson('supervisor@demo.thaksa.local');
    expect(learner.person.supervisorId).toBe(supervisor.person.id);
    const [rd] = await database.db.select().from(agencies).where(eq(agencies.code, 'MOF-RD'));
    for (const key of ['learner', 'supervisor', 'agency_admin', 'executive']) {
      const row = await accountPerson(`${key}@demo.thaksa.local`);
      expect(row, key).toBeDefined();
      expect(row.agencyPath.startsWith(rd.path), key).toBe(true);
    }
    expect(learner.person.positionTh).toMatch(/^นักวิชาการภาษี/);
  });

  it('grants every role to at least one demo account, each in the scope the role takes', async () => {
    const rows = await database.db
      .select({ email: users.email, role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId));
    for (const role of ROLES)
      expect(
        rows.some((g) => g.role === role),
        role,
      ).toBe(true);
    for (const g of rows) {
      expect(g.scopeType).toBe(ROLE_SCOPE[g.role as (typeof ROLES)[number]]);
      if (g.scopeType === 'national' || g.scopeType === 'self') expect(g.scopeId).toBe('');
    }
    const [rd] = await database.db.select().from(agencies).where(eq(agencies.code, 'MOF-RD'));
    const scopeOf = (email: string, role: string) => rows.find((g) => g.email === email && g.role === role)?.scopeId;
    expect(scopeOf('agency_admin@demo.thaksa.local', 'agency_admin')).toBe(rd.id);
    expect(scopeOf('executive@demo.thaksa.local', 'agency_executive')).toBe(rd.id);
    expect(scopeOf('coordinator@demo.thaksa.local', 'volunteer_coordinator')).toBe('50');
    const providerId = scopeOf('provider_admin@demo.thaksa.local', 'provider_admin');
    const [provider] = await database.db
      .select()
      .from(providers)
      .where(eq(providers.id, providerId ?? ''));
    expect(provider.status).toBe('verified');
    const supervisorRoles = rows.filter((g) => g.email === 'supervisor@demo.thaksa.local').map((g) => g.role);
    expect(supervisorRoles.sort()).toEqual(['learner', 'supervisor']);
  });

  it('records the seeding once in an intact audit chain', async () => {
    const entries = await database.db.select().from(auditEntries).where(eq(auditEntries.action, 'demo.seeded'));
    expect(entries).toHaveLength(1);
    expect(entries[0].actorLabel).toBe('system');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('stores exactly the deterministic plan', async () => {
    const plan = planDemoPeople();
    expect(planDemoPeople()).toEqual(plan);
    const rows = await database.db.select().from(persons);
    const byId = new Map(rows.map((p) => [p.id, p]));
    for (const p of plan.persons) {
      const row = byId.get(p.id);
      expect(row).toBeDefined();
      expect(row && [row.firstNameTh, row.lastNameTh, row.positionTh, row.supervisorId]).toEqual([
        p.firstNameTh,
        p.lastNameTh,
        p.positionTh,
        p.supervisorId,
      ]);
      expect(row && revealCitizenId(SECRET, row.citizenIdCipher)).toBe(p.citizenId);
    }
  });
});

describe('seedDemo on a database that already has some of the agencies', () => {
  it('reuses an existing agency by code and hangs the demo children under it', async () => {
    const database = await testDatabase();
    const [existing] = await database.db
      .insert(agencies)
      .values({ code: 'MOF', nameTh: 'กระทรวงการคลัง', nameEn: 'Ministry of Finance', kind: 'ministry', path: '/' })
      .returning();
    await database.db
      .update(agencies)
      .set({ path: `/${existing.id}/` })
      .where(eq(agencies.id, existing.id));
    const result = await seedDemo(database.db, { secret: SECRET, seeders: [] });
    expect(result.counts.agencies).toBe(DEMO_AGENCIES.length);
    const [rd] = await database.db.select().from(agencies).where(eq(agencies.code, 'MOF-RD'));
    expect(rd.parentId).toBe(existing.id);
    expect(rd.path).toBe(`/${existing.id}/${rd.id}/`);
  });
});

describe('seedDemo started twice at once', () => {
  it('loads one dataset: the second run waits for the first and finds it', async () => {
    const database = await testDatabase();
    const results = await Promise.all([
      seedDemo(database.db, { secret: SECRET, seeders: [] }),
      seedDemo(database.db, { secret: SECRET, seeders: [] }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(n).toBe(DEMO_ACCOUNTS.length);
  });
});
