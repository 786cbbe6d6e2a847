import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { claimGroups, claims } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { factcheckDemoSeeder } from './demo-factcheck.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [factcheckDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the fact-checking demo content', () => {
  it('has claim groups in every step, once, counted, and one published check found by search with its ClaimReview', async () => {
    const groups = await t.database.db.select().from(claimGroups);
    expect(groups.map((g) => g.status).sort()).toEqual(['assigned', 'in_review', 'new', 'published']);
    expect(groups.reduce((n, g) => n + g.requestCount, 0)).toBe((await t.database.db.select().from(claims)).length);
    const search = await t.app.inject({ url: `/api/factcheck/checks?q=${encodeURIComponent('ออมสินแจกเงิน')}` });
    expect(search.json()).toMatchObject({ total: 1, items: [{ verdict: 'false', requestCount: 3 }] });
    const page = await t.app.inject({ url: `/api/factcheck/checks/${search.json().items[0].id}` });
    expect(page.json().jsonLd).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: 'เท็จ' } });
  });

  it("fills the demo fact-checker's queue and shows the volunteer their province first", async () => {
    const checker = await signIn(t.app, 'factchecker@demo.thaksa.local', DEMO_PASSWORD);
    const mine = (await checker.request({ url: '/api/factcheck/groups?assignedToMe=true&status=assigned,in_review' })).json();
    expect(mine.total).toBe(2);
    const volunteer = await signIn(t.app, 'volunteer@demo.thaksa.local', DEMO_PASSWORD);
    const checks = (await volunteer.request({ url: '/api/factcheck/checks' })).json();
    expect(checks.nearProvince).toBeTruthy();
  });
});
