import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/auth.js';
import { levelLabel, personName, positionTypeLabel, statusLabel } from './labels.js';
import { peopleScope } from './scope.js';

function session(roles: { role: string; scopeType: string; scopeId: string; scopeLabel?: string }[]): Session {
  return {
    user: null,
    roles: roles.map((r, i) => ({ id: String(i), ...r })) as Session['roles'],
    csrfToken: null,
    expiresAt: null,
    abilities: { manageUsers: false, readAudit: false, editFramework: false, createApiTokens: false },
  };
}

describe('personnel labels', () => {
  const person = {
    titleTh: 'นางสาว',
    firstNameTh: 'สุภาพร',
    lastNameTh: 'ใจดี',
    titleEn: 'Ms.',
    firstNameEn: 'Supaporn',
    lastNameEn: 'Jaidee',
  };

  it('writes Thai names with the title joined to the first name, English names with spaces', () => {
    expect(personName(person, 'th')).toBe('นางสาวสุภาพร ใจดี');
    expect(personName(person, 'en')).toBe('Ms. Supaporn Jaidee');
  });

  it('falls back to the Thai name for English readers when the English name is missing', () => {
    expect(personName({ ...person, firstNameEn: null, lastNameEn: null }, 'en')).toBe('นางสาวสุภาพร ใจดี');
  });

  it('names codes from the shared vocabulary in the reader’s language, and shows unknown codes as they are', () => {
    expect(statusLabel('on_leave', 'th')).toBe('ลาศึกษา/ลาพัก');
    expect(statusLabel('on_leave', 'en')).toBe('On leave');
    expect(positionTypeLabel('director', 'th')).toBe('อำนวยการ');
    expect(levelLabel('academic', 'professional', 'th')).toBe('ชำนาญการ');
    expect(levelLabel('other', null, 'en')).toBe('');
    expect(statusLabel('mystery', 'en')).toBe('mystery');
  });
});

describe('who reaches which agencies', () => {
  it('HR of a department manages its subtree and may import there', () => {
    const s = peopleScope(session([{ role: 'agency_admin', scopeType: 'agency', scopeId: 'rd', scopeLabel: 'กรมสรรพากร' }]));
    expect(s).toMatchObject({ national: false, manages: true, reads: true, isHr: true });
    expect(s.roots).toEqual([{ id: 'rd', label: 'กรมสรรพากร' }]);
    expect(s.hrRoots).toEqual([{ id: 'rd', label: 'กรมสรรพากร' }]);
  });

  it('an executive only reads, and the same agency granted twice is one root', () => {
    const s = peopleScope(
      session([
        { role: 'agency_executive', scopeType: 'agency', scopeId: 'rd' },
        { role: 'agency_admin', scopeType: 'agency', scopeId: 'rd' },
      ]),
    );
    expect(s.roots).toEqual([{ id: 'rd', label: 'rd' }]);
    const exec = peopleScope(session([{ role: 'agency_executive', scopeType: 'agency', scopeId: 'rd' }]));
    expect(exec).toMatchObject({ manages: false, reads: true, isHr: false });
    expect(exec.hrRoots).toEqual([]);
  });

  it('central monitors and system admins reach the whole tree; a learner reaches none of it', () => {
    const monitor = peopleScope(session([{ role: 'central_monitor', scopeType: 'national', scopeId: '' }]));
    expect(monitor).toMatchObject({ national: true, manages: false, reads: true, roots: [] });
    expect(peopleScope(session([{ role: 'system_admin', scopeType: 'national', scopeId: '' }]))).toMatchObject({
      national: true,
      manages: true,
    });
    expect(peopleScope(session([{ role: 'learner', scopeType: 'self', scopeId: 'me' }]))).toMatchObject({ reads: false, manages: false });
  });
});
