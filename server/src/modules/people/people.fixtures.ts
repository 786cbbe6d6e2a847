import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { withCheckDigit } from '../../../../common/citizen-id.js';
import { suggestTargetGroup } from '../../../../common/people-rules.js';
import type { TestApp } from '../../../test/harness.js';
import { agencies, persons, users } from '../../db/schema/index.js';
import { protectCitizenId } from '../../lib/personal-data.js';
import { personSearchText, personSortKey } from './names.js';

/** A valid citizen ID from a number (type digit 1, check digit computed). */
export const citizenId = (n: number) => withCheckDigit(`1${String(n).padStart(11, '0')}`);

/** A citizen ID with a wrong check digit. */
export function badCitizenId(n: number) {
  const good = citizenId(n);
  return `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
}

export interface Tree {
  id: (code: string) => string;
  path: (code: string) => string;
}

/**
 * Agencies inserted directly (the tree triggers give them keys):
 * M1 → D1 → (D1-A, D1-B → D1-B-U); M1 → D2; M2 → D3; BKK (local) → BKK-01.
 */
export async function buildTree(t: TestApp): Promise<Tree> {
  const spec: [string, string | null, string, string][] = [
    ['M1', null, 'ministry', 'กระทรวงทดสอบหนึ่ง'],
    ['D1', 'M1', 'department', 'กรมหนึ่ง'],
    ['D1-A', 'D1', 'division', 'กองเอ'],
    ['D1-B', 'D1', 'division', 'กองบี'],
    ['D1-B-U', 'D1-B', 'unit', 'กลุ่มงานยู'],
    ['D2', 'M1', 'department', 'กรมสอง'],
    ['M2', null, 'ministry', 'กระทรวงทดสอบสอง'],
    ['D3', 'M2', 'department', 'กรมสาม'],
    ['BKK', null, 'local', 'กรุงเทพมหานครทดสอบ'],
    ['BKK-01', 'BKK', 'division', 'สำนักงานเขตทดสอบ'],
  ];
  const rows = new Map<string, { id: string; path: string }>();
  for (const [code, parentCode, kind, nameTh] of spec) {
    const id = randomUUID();
    const parent = parentCode ? rows.get(parentCode) : undefined;
    const path = `${parent?.path ?? '/'}${id}/`;
    await t.database.db.insert(agencies).values({
      id,
      code,
      nameTh,
      nameEn: `Agency ${code}`,
      kind,
      parentId: parent?.id ?? null,
      path,
      provinceCode: '10',
    });
    rows.set(code, { id, path });
  }
  const get = (code: string) => {
    const r = rows.get(code);
    if (!r) throw new Error(`no agency ${code}`);
    return r;
  };
  return { id: (code) => get(code).id, path: (code) => get(code).path };
}

let personSeq = 0;

/** A person inserted directly, with a protected citizen ID; returns the row and the ID in clear. */
export async function buildPerson(t: TestApp, agencyId: string, over: Partial<typeof persons.$inferInsert> & { citizenId?: string } = {}) {
  personSeq++;
  const id = over.citizenId ?? citizenId(900_000 + personSeq);
  const protectedId = protectCitizenId(t.config.sessionSecret, id);
  const names = {
    titleTh: 'นางสาว',
    firstNameTh: `ทดสอบ${personSeq}`,
    lastNameTh: 'ใจดี',
    firstNameEn: `Test${personSeq}`,
    lastNameEn: 'Jaidee',
    email: `person${personSeq}@agency.go.th`,
    ...over,
  };
  const positionTh = over.positionTh ?? 'นักทรัพยากรบุคคลปฏิบัติการ';
  const positionType = over.positionType ?? 'academic';
  const isIt = over.isIt ?? 'non_it';
  const [row] = await t.database.db
    .insert(persons)
    .values({
      ...names,
      citizenIdHash: protectedId.hash,
      citizenIdCipher: protectedId.cipher,
      citizenIdLast: protectedId.last,
      citizenIdMasked: protectedId.masked,
      positionTh,
      positionType,
      agencyId,
      isIt,
      targetGroupCode:
        over.targetGroupCode ?? suggestTargetGroup({ positionType: positionType as 'academic', positionTh, isIt: isIt === 'it' }),
      sortName: personSortKey(names),
      searchText: personSearchText(names),
    })
    .returning();
  return { ...row, citizenIdClear: id };
}

/** Links a person to a user account (so the user is that person). */
export async function linkUser(t: TestApp, userId: string, personId: string) {
  await t.database.db.update(users).set({ personId }).where(eq(users.id, userId));
}

/** A CSV document from a header and rows (values quoted when needed). */
export function csvOf(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export const PERSON_HEADER = [
  'citizenId',
  'titleTh',
  'firstNameTh',
  'lastNameTh',
  'titleEn',
  'firstNameEn',
  'lastNameEn',
  'email',
  'positionTh',
  'positionType',
  'positionLevel',
  'isIt',
  'agencyCode',
  'supervisorCitizenId',
  'targetGroup',
  'employmentStatus',
];

/** One personnel-file row in PERSON_HEADER order. */
export function personLine(p: {
  citizenId: string;
  firstNameTh: string;
  lastNameTh?: string;
  email: string;
  agencyCode: string;
  positionTh?: string;
  positionType?: string;
  positionLevel?: string;
  isIt?: string;
  supervisorCitizenId?: string;
  targetGroup?: string;
  employmentStatus?: string;
  titleTh?: string;
}): string[] {
  return [
    p.citizenId,
    p.titleTh ?? 'นาย',
    p.firstNameTh,
    p.lastNameTh ?? 'ทดสอบ',
    'Mr.',
    'Test',
    'Person',
    p.email,
    p.positionTh ?? 'นักวิชาการคอมพิวเตอร์ชำนาญการ',
    p.positionType ?? '',
    p.positionLevel ?? '',
    p.isIt ?? '',
    p.agencyCode,
    p.supervisorCitizenId ?? '',
    p.targetGroup ?? '',
    p.employmentStatus ?? '',
  ];
}
