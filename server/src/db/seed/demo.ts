import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { POSITION_LEVELS, type PositionType, suggestTargetGroup } from '../../../../common/people-rules.js';
import { ROLE_SCOPE } from '../../../../common/permissions.js';
import { hashPassword } from '../../lib/crypto.js';
import { protectCitizenId } from '../../lib/personal-data.js';
import { recordAudit } from '../../modules/audit/service.js';
import { personSearchText, personSortKey } from '../../modules/people/names.js';
import type { Db } from '../client.js';
import { LOCK_KEYS } from '../locks.js';
import { agencies, persons, providers, roleGrants, users } from '../schema/index.js';
import { accreditationDemoSeeder } from './demo-accreditation.js';
import { assessmentDemoSeeder } from './demo-assessment.js';
import { catalogDemoSeeder } from './demo-catalog.js';
import { dashboardsDemoSeeder } from './demo-dashboards.js';
import {
  BIRTH_PROVINCE_CODES,
  DEMO_ACCOUNT_SPECS,
  DEMO_AGENCIES,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_PROVIDERS,
  type DemoAccountKey,
  type DemoAccountSpec,
  type DemoAgency,
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  LAST_NAMES,
  LEVELS,
  POSITIONS,
  type PositionKey,
  type TargetGroupCode,
} from './demo-data.js';
import { developmentDemoSeeder } from './demo-development.js';
import { factcheckDemoSeeder } from './demo-factcheck.js';
import { hubDemoSeeder } from './demo-hub.js';
import { peopleDemoSeeder } from './demo-people.js';
import { plansDemoSeeder } from './demo-plans.js';
import { volunteersDemoSeeder } from './demo-volunteers.js';

// A hundred rows of 16 columns stay far below PostgreSQL's 65,535 bind parameters per statement.
const PERSON_BATCH = 100;

/**
 * A small deterministic generator (sfc32) seeded from a label, so each part of the demo draws from its
 * own stream: adding people or a module seeder never changes what another part generates.
 */
export class DemoRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(label: string) {
    const seed = createHash('sha256').update(`thaksa-demo:${label}`).digest();
    this.a = seed.readUInt32LE(0);
    this.b = seed.readUInt32LE(4);
    this.c = seed.readUInt32LE(8);
    this.d = seed.readUInt32LE(12);
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One element, in proportion to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((s, i) => s + weight(i), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }

  /** A string of n decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /** A version-4-shaped UUID from the stream, so a fresh demo database gets the same ids every time. */
  uuid(): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 4; i++) bytes.writeUInt32LE(this.uint32(), i * 4);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const h = bytes.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

type Tier = 'head' | 'deputy' | 'director' | 'staff';

/** One generated person, before the agency codes are resolved to ids. */
export interface PlannedPerson {
  id: string;
  agencyCode: string;
  tier: Tier;
  positionKey: PositionKey | null;
  citizenId: string;
  titleTh: string;
  titleEn: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string;
  lastNameEn: string;
  email: string;
  positionTh: string;
  positionType: PositionType;
  positionLevel: string | null;
  targetGroupCode: TargetGroupCode;
  isIt: 'it' | 'non_it';
  supervisorId: string | null;
}

export interface DemoPeoplePlan {
  persons: PlannedPerson[];
  /** The person each linked demo account is, by account key. */
  accountPersons: Map<DemoAccountKey, PlannedPerson>;
  /** Thai display names of the accounts that are not linked to a person. */
  accountNames: Map<DemoAccountKey, string>;
}

const fullNameTh = (p: { titleTh: string; firstNameTh: string; lastNameTh: string }) => `${p.titleTh}${p.firstNameTh} ${p.lastNameTh}`;
const accountEmail = (key: DemoAccountKey) => `${key}@${DEMO_EMAIL_DOMAIN}`;

/** Generates the demo personnel and picks the people the demo accounts stand for; pure, so every run gives the same plan. */
export function planDemoPeople(): DemoPeoplePlan {
  const rng = new DemoRng('persons');
  const usedNames = new Set<string>();
  const usedIds = new Set<string>();
  const usedEmails = new Set<string>();
  const out: PlannedPerson[] = [];
  const byAgency = new Map<string, { head?: PlannedPerson; deputy?: PlannedPerson }>();

  const drawName = () => {
    for (;;) {
      const male = rng.next() < 0.5;
      const [firstTh, firstEn] = rng.pick(male ? FIRST_NAMES_MALE : FIRST_NAMES_FEMALE);
      const [lastTh, lastEn] = rng.pick(LAST_NAMES);
      if (usedNames.has(`${firstTh} ${lastTh}`)) continue;
      usedNames.add(`${firstTh} ${lastTh}`);
      const titleTh = male ? 'นาย' : rng.next() < 0.45 ? 'นาง' : 'นางสาว';
      return { titleTh, firstNameTh: firstTh, lastNameTh: lastTh, firstNameEn: firstEn, lastNameEn: lastEn };
    }
  };

  // Type digit 3 marks people registered before the 1984 reform, so senior staff mostly carry it.
  const drawCitizenId = (senior: boolean) => {
    for (;;) {
      const type = senior || rng.next() < 0.3 ? '3' : '1';
      const id = withCheckDigit(`${type}${rng.pick(BIRTH_PROVINCE_CODES)}${String(1 + rng.int(30)).padStart(2, '0')}${rng.digits(7)}`);
      if (usedIds.has(id)) continue;
      usedIds.add(id);
      return id;
    }
  };

  const emailFor = (firstEn: string, lastEn: string) => {
    const base = `${firstEn}.${lastEn}`.toLowerCase();
    let email = `${base}@${DEMO_EMAIL_DOMAIN}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${DEMO_EMAIL_DOMAIN}`;
    usedEmails.add(email);
    return email;
  };

  const add = (
    agency: DemoAgency,
    tier: Tier,
    role: {
      positionKey: PositionKey | null;
      positionTh: string;
      group: TargetGroupCode;
      isIt: boolean;
      type: PositionType;
      level: string | null;
    },
    supervisorId: string | null,
  ) => {
    const name = drawName();
    const person: PlannedPerson = {
      id: rng.uuid(),
      agencyCode: agency.code,
      tier,
      positionKey: role.positionKey,
      citizenId: drawCitizenId(tier !== 'staff'),
      ...name,
      titleEn: name.titleTh === 'นาย' ? 'Mr.' : name.titleTh === 'นาง' ? 'Mrs.' : 'Ms.',
      email: emailFor(name.firstNameEn, name.lastNameEn),
      positionTh: role.positionTh,
      positionType: role.type,
      positionLevel: role.level,
      targetGroupCode: role.group,
      isIt: role.isIt ? 'it' : 'non_it',
      supervisorId,
    };
    out.push(person);
    return person;
  };

  for (const agency of DEMO_AGENCIES) {
    if (agency.headcount === 0 || !agency.head) continue;
    const parent = agency.parentCode ? byAgency.get(agency.parentCode) : undefined;
    const head = add(
      agency,
      'head',
      {
        positionKey: null,
        positionTh: agency.head.th,
        group: agency.head.group,
        isIt: agency.isIt ?? false,
        type: agency.head.group === 'EXECUTIVE' ? 'executive' : 'director',
        level: agency.head.group === 'EXECUTIVE' ? 'higher' : 'primary',
      },
      (parent?.deputy ?? parent?.head)?.id ?? null,
    );
    const deputy = agency.deputyTh
      ? add(
          agency,
          'deputy',
          { positionKey: null, positionTh: agency.deputyTh, group: 'EXECUTIVE', isIt: false, type: 'executive', level: 'higher' },
          head.id,
        )
      : undefined;
    byAgency.set(agency.code, { head, deputy });
    const directors = Array.from({ length: agency.directors?.count ?? 0 }, () =>
      add(
        agency,
        'director',
        {
          positionKey: null,
          positionTh: agency.directors?.th ?? '',
          group: 'MANAGEMENT',
          isIt: false,
          type: 'director',
          level: 'primary',
        },
        (deputy ?? head).id,
      ),
    );
    const staffCount = agency.headcount - 1 - (deputy ? 1 : 0) - directors.length;
    const lines = Object.keys(POSITIONS) as PositionKey[];
    for (let i = 0; i < staffCount; i++) {
      const key = agency.leads?.[i] ?? rng.weighted(lines, (k) => POSITIONS[k].weight + (agency.boost?.[k] ?? 0));
      const line = POSITIONS[key];
      const level = rng.weighted(LEVELS[line.ladder], (l) => l.weight);
      const supervisor = directors.length > 0 ? directors[i % directors.length] : head;
      const levelCode = POSITION_LEVELS[line.ladder].find((l) => l.th === level.th)?.code ?? null;
      add(
        agency,
        'staff',
        { positionKey: key, positionTh: `${line.th}${level.th}`, group: line.group, isIt: line.isIt, type: line.ladder, level: levelCode },
        supervisor.id,
      );
    }
  }

  const accountPersons = new Map<DemoAccountKey, PlannedPerson>();
  const taken = new Set<string>();
  for (const spec of DEMO_ACCOUNT_SPECS) {
    const pick = spec.person;
    if (!pick) continue;
    let person: PlannedPerson | undefined;
    if ('supervisorOf' in pick) {
      const supervisorId = accountPersons.get(pick.supervisorOf)?.supervisorId;
      person = out.find((p) => p.id === supervisorId);
    } else {
      person = out.find(
        (p) =>
          p.agencyCode === pick.agency && p.tier === pick.tier && (!pick.position || p.positionKey === pick.position) && !taken.has(p.id),
      );
    }
    if (!person || taken.has(person.id)) throw new Error(`demo data: no free person for the ${spec.key} account`);
    taken.add(person.id);
    person.email = accountEmail(spec.key);
    accountPersons.set(spec.key, person);
  }

  const accountNames = new Map<DemoAccountKey, string>();
  const honorific: Partial<Record<DemoAccountKey, string>> = { reviewer1: 'รศ.ดร.', reviewer2: 'ผศ.ดร.', reviewer3: 'ดร.' };
  for (const spec of DEMO_ACCOUNT_SPECS) {
    if (spec.person) continue;
    const name = drawName();
    accountNames.set(spec.key, fullNameTh({ ...name, titleTh: honorific[spec.key] ?? name.titleTh }));
  }
  return { persons: out, accountPersons, accountNames };
}

/** A provider's tax ID: a juristic-person number (leading 0) drawn from the provider's own stream. */
export function demoProviderTaxId(key: string): string {
  return withCheckDigit(`0${new DemoRng(`provider:${key}`).digits(11)}`);
}

export interface AgencyRef {
  id: string;
  code: string;
  path: string;
  kind: string;
  provinceCode: string | null;
}
export interface ProviderRef {
  id: string;
  key: string;
  status: string;
}
export interface AccountRef {
  userId: string;
  email: string;
  personId: string | null;
}
export interface PersonRef {
  id: string;
  agencyId: string;
  supervisorId: string | null;
  targetGroupCode: string;
  isIt: string;
}

/** What a module's demo seeder gets: the open transaction and the demo rows it can hang its own content on. */
export interface DemoContext {
  db: Db;
  secret: string;
  /** A deterministic stream for the given label; use the seeder's name as a prefix. */
  rng(label: string): DemoRng;
  agencies: ReadonlyMap<string, AgencyRef>;
  providers: ReadonlyMap<string, ProviderRef>;
  accounts: ReadonlyMap<DemoAccountKey, AccountRef>;
  persons: readonly PersonRef[];
}

/**
 * A later module's demo content (courses, reviews, volunteers…). Each seeder checks for its own rows,
 * so a database seeded before the module existed still receives them on the next run.
 */
export interface DemoSeeder {
  name: string;
  isSeeded(ctx: DemoContext): Promise<boolean>;
  /** Inserts the module's rows and returns counts for the summary. */
  seed(ctx: DemoContext): Promise<Record<string, number>>;
}

/**
 * Module seeders, run in this order after the foundation (agencies, people, providers, accounts).
 * A module adds its demo content by importing its seeder here.
 */
export const DEMO_MODULE_SEEDERS: readonly DemoSeeder[] = [
  peopleDemoSeeder,
  accreditationDemoSeeder,
  catalogDemoSeeder,
  plansDemoSeeder,
  assessmentDemoSeeder,
  factcheckDemoSeeder,
  volunteersDemoSeeder,
  hubDemoSeeder,
  dashboardsDemoSeeder,
  developmentDemoSeeder,
];

export interface SeedDemoOptions {
  /** The session secret, which keys the citizen-ID hash and cipher. */
  secret: string;
  /** Replaces DEMO_MODULE_SEEDERS (tests). */
  seeders?: readonly DemoSeeder[];
}

export interface DemoSeedResult {
  /** False when the demo accounts were already there and the foundation was left alone. */
  created: boolean;
  counts: { agencies: number; persons: number; providers: number; users: number; roleGrants: number };
  modules: { name: string; ran: boolean; counts: Record<string, number> }[];
}

async function demoUsersExist(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, 1)).limit(1);
  return !!row;
}

const agencyDepth = (a: DemoAgency): number => {
  const parent = DEMO_AGENCIES.find((p) => p.code === a.parentCode);
  return parent ? agencyDepth(parent) + 1 : 0;
};

async function loadAgencies(db: Db): Promise<Map<string, AgencyRef>> {
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, path: agencies.path, kind: agencies.kind, provinceCode: agencies.provinceCode })
    .from(agencies)
    .where(
      inArray(
        agencies.code,
        DEMO_AGENCIES.map((a) => a.code),
      ),
    );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Inserts the tree a level at a time, so an agency that already exists under its code is reused and its children hang under it. */
async function insertAgencies(db: Db): Promise<Map<string, AgencyRef>> {
  const rng = new DemoRng('agencies');
  const ids = new Map(DEMO_AGENCIES.map((a) => [a.code, rng.uuid()]));
  let known = new Map<string, AgencyRef>();
  const maxDepth = Math.max(...DEMO_AGENCIES.map(agencyDepth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = DEMO_AGENCIES.filter((a) => agencyDepth(a) === depth);
    const rows = level.map((a) => {
      const id = ids.get(a.code) as string;
      const parent = a.parentCode ? known.get(a.parentCode) : undefined;
      if (a.parentCode && !parent) throw new Error(`demo data: parent ${a.parentCode} of ${a.code} is missing`);
      return {
        id,
        code: a.code,
        nameTh: a.nameTh,
        nameEn: a.nameEn,
        kind: a.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        provinceCode: a.provinceCode,
      };
    });
    await db.insert(agencies).values(rows).onConflictDoNothing({ target: agencies.code });
    known = await loadAgencies(db);
  }
  return known;
}

async function loadProviders(db: Db): Promise<Map<string, ProviderRef>> {
  const keyByTaxId = new Map(DEMO_PROVIDERS.map((p) => [demoProviderTaxId(p.key), p.key]));
  const rows = await db
    .select({ id: providers.id, taxId: providers.taxId, status: providers.status })
    .from(providers)
    .where(inArray(providers.taxId, [...keyByTaxId.keys()]));
  return new Map(
    rows.map((r) => [keyByTaxId.get(r.taxId) as string, { id: r.id, key: keyByTaxId.get(r.taxId) as string, status: r.status }]),
  );
}

async function insertProviders(db: Db): Promise<void> {
  await db
    .insert(providers)
    .values(
      DEMO_PROVIDERS.map((p) => ({
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        kind: p.kind,
        taxId: demoProviderTaxId(p.key),
        provinceCode: p.provinceCode,
        status: p.status,
      })),
    )
    .onConflictDoNothing({ target: providers.taxId });
}

async function insertPersons(db: Db, secret: string, plan: DemoPeoplePlan, agencyIds: Map<string, AgencyRef>): Promise<void> {
  const rows = plan.persons.map((p) => {
    const citizen = protectCitizenId(secret, p.citizenId);
    return {
      id: p.id,
      citizenIdHash: citizen.hash,
      citizenIdCipher: citizen.cipher,
      citizenIdLast: citizen.last,
      citizenIdMasked: citizen.masked,
      titleTh: p.titleTh,
      firstNameTh: p.firstNameTh,
      lastNameTh: p.lastNameTh,
      titleEn: p.titleEn,
      firstNameEn: p.firstNameEn,
      lastNameEn: p.lastNameEn,
      email: p.email,
      positionTh: p.positionTh,
      positionType: p.positionType,
      positionLevel: p.positionLevel,
      agencyId: (agencyIds.get(p.agencyCode) as AgencyRef).id,
      supervisorId: p.supervisorId,
      targetGroupCode: p.targetGroupCode,
      // The demo's groups follow the same rules HR sees suggested; a group the rules would not give is HR's.
      targetGroupSource:
        suggestTargetGroup({ positionType: p.positionType, positionTh: p.positionTh, isIt: p.isIt === 'it' }) === p.targetGroupCode
          ? 'suggested'
          : 'hr',
      isIt: p.isIt,
      sortName: personSortKey(p),
      searchText: personSearchText(p),
    };
  });
  // The plan lists every supervisor before the people they supervise, so each batch's references already exist.
  for (let i = 0; i < rows.length; i += PERSON_BATCH) {
    await db.insert(persons).values(rows.slice(i, i + PERSON_BATCH));
  }
}

function grantScopeId(
  spec: DemoAccountSpec,
  grant: DemoAccountSpec['grants'][number],
  refs: { agencies: Map<string, AgencyRef>; providers: Map<string, ProviderRef> },
) {
  const scopeType = ROLE_SCOPE[grant.role];
  const missing = () => new Error(`demo data: the ${grant.role} grant of ${spec.key} has no ${scopeType}`);
  switch (scopeType) {
    case 'agency': {
      const agency = grant.agency ? refs.agencies.get(grant.agency) : undefined;
      if (!agency) throw missing();
      return { scopeType, scopeId: agency.id };
    }
    case 'provider': {
      const provider = grant.provider ? refs.providers.get(grant.provider) : undefined;
      if (!provider) throw missing();
      return { scopeType, scopeId: provider.id };
    }
    case 'province':
      if (!grant.province || !/^\d{2}$/.test(grant.province)) throw missing();
      return { scopeType, scopeId: grant.province };
    default:
      return { scopeType, scopeId: '' };
  }
}

async function insertAccounts(
  db: Db,
  passwordHash: string,
  plan: DemoPeoplePlan,
  refs: { agencies: Map<string, AgencyRef>; providers: Map<string, ProviderRef> },
): Promise<void> {
  const inserted = await db
    .insert(users)
    .values(
      DEMO_ACCOUNT_SPECS.map((spec) => {
        const person = plan.accountPersons.get(spec.key);
        return {
          email: accountEmail(spec.key),
          displayName: person ? fullNameTh(person) : (plan.accountNames.get(spec.key) as string),
          passwordHash,
          locale: 'th',
          personId: person?.id ?? null,
          isDemo: 1,
        };
      }),
    )
    .returning({ id: users.id, email: users.email });
  const userIdByEmail = new Map(inserted.map((u) => [u.email, u.id]));
  await db.insert(roleGrants).values(
    DEMO_ACCOUNT_SPECS.flatMap((spec) =>
      spec.grants.map((grant) => ({
        userId: userIdByEmail.get(accountEmail(spec.key)) as string,
        role: grant.role,
        ...grantScopeId(spec, grant, refs),
      })),
    ),
  );
}

async function loadContext(db: Db, secret: string): Promise<DemoContext> {
  const agencyRefs = await loadAgencies(db);
  const providerRefs = await loadProviders(db);
  const emails = DEMO_ACCOUNT_SPECS.map((s) => accountEmail(s.key));
  const userRows = await db
    .select({ id: users.id, email: users.email, personId: users.personId })
    .from(users)
    .where(and(eq(users.isDemo, 1), inArray(sql`lower(${users.email})`, emails)));
  const keyByEmail = new Map(DEMO_ACCOUNT_SPECS.map((s) => [accountEmail(s.key), s.key]));
  const accounts = new Map<DemoAccountKey, AccountRef>();
  for (const u of userRows) {
    const key = keyByEmail.get(u.email.toLowerCase());
    if (key) accounts.set(key, { userId: u.id, email: u.email, personId: u.personId });
  }
  const agencyIds = [...agencyRefs.values()].map((a) => a.id);
  const personRows =
    agencyIds.length === 0
      ? []
      : await db
          .select({
            id: persons.id,
            agencyId: persons.agencyId,
            supervisorId: persons.supervisorId,
            targetGroupCode: persons.targetGroupCode,
            isIt: persons.isIt,
          })
          .from(persons)
          .where(inArray(persons.agencyId, agencyIds))
          .orderBy(persons.id);
  return {
    db,
    secret,
    rng: (label) => new DemoRng(label),
    agencies: agencyRefs,
    providers: providerRefs,
    accounts,
    persons: personRows,
  };
}

/**
 * Loads the demo dataset in one transaction: agencies, personnel with protected citizen IDs, providers and
 * the demo accounts, then each module's demo content. Idempotent: when demo accounts exist the foundation
 * is left alone and only module seeders that find nothing of theirs run.
 */
export async function seedDemo(db: Db, opts: SeedDemoOptions): Promise<DemoSeedResult> {
  const seeders = opts.seeders ?? DEMO_MODULE_SEEDERS;
  // scrypt is slow on purpose: hash once, outside the transaction, and only when the accounts are missing.
  let passwordHash = (await demoUsersExist(db)) ? null : await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS.demoSeed})`);
    const created = !(await demoUsersExist(tx));
    if (created) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      const plan = planDemoPeople();
      const agencyRefs = await insertAgencies(tx);
      await insertProviders(tx);
      const providerRefs = await loadProviders(tx);
      await insertPersons(tx, opts.secret, plan, agencyRefs);
      await insertAccounts(tx, passwordHash, plan, { agencies: agencyRefs, providers: providerRefs });
    }
    const ctx = await loadContext(tx, opts.secret);
    const [{ grants }] = await tx
      .select({ grants: sql<number>`count(*)::int` })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(eq(users.isDemo, 1));
    const counts = {
      agencies: ctx.agencies.size,
      persons: ctx.persons.length,
      providers: ctx.providers.size,
      users: ctx.accounts.size,
      roleGrants: grants,
    };
    if (created) {
      await recordAudit(
        tx,
        { actor: null, requestId: 'seed-demo' },
        { action: 'demo.seeded', subjectType: 'system', subjectId: 'demo-data', summary: counts },
      );
    }
    const modules: DemoSeedResult['modules'] = [];
    for (const seeder of seeders) {
      const ran = !(await seeder.isSeeded(ctx));
      modules.push({ name: seeder.name, ran, counts: ran ? await seeder.seed(ctx) : {} });
    }
    return { created, counts, modules };
  });
}
