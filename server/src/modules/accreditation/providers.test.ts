import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { providers } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.database.db.insert(providers).values([
    { nameTh: 'สถาบันทดสอบ', nameEn: 'Verified Institute', kind: 'university', taxId: '0994000000011', status: 'verified' },
    { nameTh: 'บริษัทรอตรวจ', nameEn: 'Pending Company', kind: 'company', taxId: '0105500000018', status: 'pending' },
  ]);
});

describe('listProviders', () => {
  it('shows the public only verified providers, even when it asks for others', async () => {
    const all = (await t.app.inject({ url: '/api/providers' })).json();
    expect(all.items.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Verified Institute']);
    const asked = (await t.app.inject({ url: '/api/providers?status=pending' })).json();
    expect(asked.items.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Verified Institute']);
  });

  it('shows officers every provider and lets them filter by status', async () => {
    const officer = await clientAs(t, 'accreditation_officer');
    const pending = (await officer.request({ method: 'GET', url: '/api/providers?status=pending' })).json();
    expect(pending.items.map((p: { nameEn: string }) => p.nameEn)).toEqual(['Pending Company']);
    expect((await officer.request({ method: 'GET', url: '/api/providers' })).json().total).toBe(2);
  });
});
