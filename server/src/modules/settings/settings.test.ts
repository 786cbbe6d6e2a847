import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, serviceCtx, type TestApp, testApp } from '../../../test/harness.js';
import { getSetting, listSettings, updateSetting } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const actorWith = async (role: 'accreditation_officer' | 'learner') => {
  const u = await buildUser(t.database, { roles: [role] });
  return {
    userId: u.id,
    email: u.email,
    displayName: u.displayName,
    via: 'session' as const,
    grants: [{ id: 'g', role, scopeType: 'national' as const, scopeId: '' }],
  };
};

describe('settings', () => {
  it('answer defaults until changed, validate by key, and audit changes', async () => {
    expect(await getSetting(t.database.db, 'accreditation.screeningDays')).toBe(7);
    const officer = serviceCtx(t.database, await actorWith('accreditation_officer'));
    await updateSetting(officer, 'accreditation.yearlyTarget', 120);
    expect(await getSetting(t.database.db, 'accreditation.yearlyTarget')).toBe(120);
    expect((await listSettings(t.database.db))['accreditation.numberPrefix']).toBe('สดช.');
    await expect(updateSetting(officer, 'accreditation.yearlyTarget', -1)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(updateSetting(officer, 'nope', 1)).rejects.toMatchObject({ code: 'not_found' });
    const learner = serviceCtx(t.database, await actorWith('learner'));
    await expect(updateSetting(learner, 'accreditation.yearlyTarget', 5)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
