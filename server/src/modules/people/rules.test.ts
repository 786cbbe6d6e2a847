import { describe, expect, it } from 'vitest';
import { inferPosition, isItPosition, suggestTargetGroup, TARGET_GROUP_RULES } from '../../../../common/people-rules.js';
import type { RoleGrant } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';
import { revealCitizenId } from '../../lib/personal-data.js';
import { parsePersonRow } from './imports.parse.js';
import { thaiSortKey } from './names.js';
import { citizenId } from './people.fixtures.js';
import { canManagePeopleIn, canMoveAgency, canReadPeopleIn, canRevealCitizenIdIn, canViewPerson } from './policy.js';

describe('suggestTargetGroup: the documented rule table', () => {
  it.each([
    ['executive', 'อธิบดีกรมสรรพากร', false, 'EXECUTIVE'],
    ['director', 'ผู้อำนวยการกองการเจ้าหน้าที่', true, 'MANAGEMENT'],
    ['academic', 'นักวิชาการคอมพิวเตอร์ชำนาญการ', true, 'TECHNOLOGY'],
    ['general', 'เจ้าพนักงานเครื่องคอมพิวเตอร์ชำนาญงาน', true, 'TECHNOLOGY'],
    ['academic', 'พยาบาลวิชาชีพชำนาญการ', false, 'SERVICE'],
    ['general', 'เจ้าพนักงานปกครองปฏิบัติงาน', false, 'SERVICE'],
    ['academic', 'นักวิชาการภาษีชำนาญการพิเศษ', false, 'ACADEMIC'],
    ['general', 'เจ้าพนักงานธุรการอาวุโส', false, 'OTHERS'],
    ['other', 'พนักงานขับรถยนต์', false, 'OTHERS'],
  ] as const)('%s %s (IT %s) → %s', (positionType, positionTh, isIt, group) => {
    expect(suggestTargetGroup({ positionType, positionTh, isIt })).toBe(group);
  });

  it('has one documented rule per target group, ending with the catch-all', () => {
    expect(TARGET_GROUP_RULES.map((r) => r.group)).toEqual(['EXECUTIVE', 'MANAGEMENT', 'TECHNOLOGY', 'SERVICE', 'ACADEMIC', 'OTHERS']);
  });

  it('infers type, level and IT from Thai position names', () => {
    expect(inferPosition('นักวิชาการภาษีชำนาญการพิเศษ')).toEqual({ type: 'academic', level: 'senior_professional' });
    expect(inferPosition('นักวิชาการภาษีชำนาญการ')).toEqual({ type: 'academic', level: 'professional' });
    expect(inferPosition('เจ้าพนักงานพัสดุชำนาญงาน')).toEqual({ type: 'general', level: 'experienced' });
    expect(inferPosition('รองอธิบดีกรมบัญชีกลาง')).toEqual({ type: 'executive', level: null });
    expect(inferPosition('ผู้อำนวยการสำนักบริหารการทะเบียน')).toEqual({ type: 'director', level: null });
    expect(inferPosition('พนักงานขับรถยนต์')).toBeNull();
    expect(isItPosition('นักวิชาการคอมพิวเตอร์ปฏิบัติการ')).toBe(true);
    expect(isItPosition('Software engineer')).toBe(true);
    expect(isItPosition('นิติกรชำนาญการ')).toBe(false);
  });
});

describe('thaiSortKey', () => {
  it('orders Thai names as the Thai collator does (leading vowels, tone marks), byte by byte', () => {
    const names = [
      'ไพโรจน์ ใจดี',
      'เกศินี ศรีสุข',
      'กมล บุญมา',
      'ก้อง ทองดี',
      'กอง ทองคำ',
      'ขวัญใจ มีสุข',
      'โสภา แก้วมณี',
      'แสงเดือน สายทอง',
      'สมชาย ใจดี',
      'สม ใจดี',
      'อรุณี พรหมมา',
      'ฐิติมา นาคสวัสดิ์',
    ];
    const byKey = [...names].sort((a, b) => {
      const [x, y] = [Buffer.from(thaiSortKey(a)), Buffer.from(thaiSortKey(b))];
      return Buffer.compare(x, y) || (a < b ? -1 : 1);
    });
    const byCollator = [...names].sort(new Intl.Collator('th').compare);
    expect(byKey).toEqual(byCollator);
  });
});

describe('parsePersonRow', () => {
  const ctx = { secret: 'a-test-secret-of-at-least-32-characters', targetGroups: new Set(['ACADEMIC', 'TECHNOLOGY', 'OTHERS']) };
  const base = {
    citizenId: citizenId(1),
    titleTh: 'นาง',
    firstNameTh: 'เกศินี',
    lastNameTh: 'ศรีสุข',
    email: 'Kesinee.S@RD.go.th',
    positionTh: 'นักวิชาการคอมพิวเตอร์ชำนาญการ',
    agencyCode: 'MOF-RD',
  };

  it('normalises a valid row and protects the citizen ID (hash and ciphertext, never in clear)', () => {
    const parsed = parsePersonRow(2, { ...base, citizenId: `${base.citizenId.slice(0, 1)}-${base.citizenId.slice(1)}` }, ctx);
    if (!('ok' in parsed)) throw new Error(JSON.stringify(parsed));
    const r = parsed.ok;
    expect(r).toMatchObject({ email: 'kesinee.s@rd.go.th', position_type: 'academic', position_level: 'professional', is_it: 'it' });
    expect(r.suggested_group).toBe('TECHNOLOGY');
    expect(r.target_group).toBeNull();
    expect(r.employment_status).toBe('active');
    expect(JSON.stringify(r)).not.toContain(base.citizenId);
    expect(revealCitizenId(ctx.secret, r.citizen_cipher)).toBe(base.citizenId);
  });

  it('accepts Thai labels and yes/no, and names each bad field', () => {
    const ok = parsePersonRow(
      3,
      { ...base, positionType: 'วิชาการ', positionLevel: 'ชำนาญการพิเศษ', isIt: 'ไม่ใช่', employmentStatus: 'เกษียณ' },
      ctx,
    );
    expect('ok' in ok && [ok.ok.position_level, ok.ok.is_it, ok.ok.employment_status, ok.ok.suggested_group]).toEqual([
      'senior_professional',
      'non_it',
      'retired',
      'ACADEMIC',
    ]);
    const bad = parsePersonRow(
      4,
      { ...base, positionType: 'academic', positionLevel: 'ชำนาญงาน', isIt: 'maybe', targetGroup: 'SERVICE', employmentStatus: 'fired' },
      ctx,
    );
    expect('errors' in bad && bad.errors.map((e) => `${e.column}:${e.code}`)).toEqual([
      'positionLevel:position_level.unknown',
      'isIt:is_it.invalid',
      'targetGroup:target_group.unknown',
      'employmentStatus:employment_status.unknown',
    ]);
  });
});

describe('policy', () => {
  const D1 = '/m1/d1/';
  const D1A = '/m1/d1/d1a/';
  const D2 = '/m1/d2/';
  const actor = (...grants: [RoleGrant['role'], string][]): Actor => ({
    userId: 'u',
    email: 'u@x',
    displayName: 'u',
    via: 'session',
    grants: grants.map(([role, scopeId], i) => ({ id: String(i), role, scopeType: scopeId ? 'agency' : 'national', scopeId })),
  });
  const hr = actor(['agency_admin', 'd1']);
  const exec = actor(['agency_executive', 'd1']);
  const monitor = actor(['central_monitor', '']);
  const admin = actor(['system_admin', '']);

  it.each([
    ['HR', hr, D1A, { manage: true, read: true, reveal: true }],
    ['HR', hr, D2, { manage: false, read: false, reveal: false }],
    ['executive', exec, D1A, { manage: false, read: true, reveal: false }],
    ['monitor', monitor, D2, { manage: false, read: true, reveal: false }],
    ['system admin', admin, D2, { manage: true, read: true, reveal: false }],
  ] as const)('%s on %s', (_name, a, path, expected) => {
    expect({
      manage: canManagePeopleIn(a, { path }),
      read: canReadPeopleIn(a, { path }),
      reveal: canRevealCitizenIdIn(a, { path }),
    }).toEqual(expected);
  });

  it('lets a person and their supervisor (with the role) see the record, nobody else outside the scope', () => {
    const learner = actor(['learner', '']);
    const supervisor = actor(['supervisor', '']);
    const record = { agency: { path: D2 }, personId: 'p1', supervisorId: 'p2' };
    expect(canViewPerson(learner, { ...record, actorPersonId: 'p1' })).toBe(true);
    expect(canViewPerson(supervisor, { ...record, actorPersonId: 'p2' })).toBe(true);
    expect(canViewPerson(learner, { ...record, actorPersonId: 'p2' })).toBe(false);
    expect(canViewPerson(hr, { ...record, actorPersonId: null })).toBe(false);
  });

  it('moves inside HR’s subtree only, never its root', () => {
    expect(canMoveAgency(hr, { agency: { path: D1A, parentPath: D1 }, newParent: { path: '/m1/d1/d1b/' } })).toBe(true);
    expect(canMoveAgency(hr, { agency: { path: D1, parentPath: '/m1/' }, newParent: { path: D1A } })).toBe(false);
    expect(canMoveAgency(hr, { agency: { path: D1A, parentPath: D1 }, newParent: { path: D2 } })).toBe(false);
    expect(canMoveAgency(hr, { agency: { path: D1A, parentPath: D1 }, newParent: null })).toBe(false);
    expect(canMoveAgency(admin, { agency: { path: D1, parentPath: '/m1/' }, newParent: null })).toBe(true);
  });
});
