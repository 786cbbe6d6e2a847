import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { villages, volunteerActivities, volunteers } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { volunteersDemoSeeder } from './demo-volunteers.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [volunteersDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the volunteer demo content', () => {
  it('is loaded once: villages, volunteers (two waiting) and activities in Chiang Mai', async () => {
    const vs = await t.database.db.select().from(volunteers);
    expect(vs).toHaveLength(6);
    expect(vs.filter((v) => v.status === 'pending')).toHaveLength(2);
    expect((await t.database.db.select().from(villages)).length).toBe(18);
    expect((await t.database.db.select().from(volunteerActivities)).length).toBe(9 + 3 * 3);
  });

  it('gives the demo volunteer their record and the coordinator a queue and coverage equal to the data', async () => {
    const volunteer = await signIn(t.app, 'volunteer@demo.thaksa.local', DEMO_PASSWORD);
    const me = (await volunteer.request({ url: '/api/volunteers/me' })).json();
    expect(me.volunteer).toMatchObject({ firstName: 'มานี', status: 'active' });
    expect(me.totals.activities).toBe(9);
    const coordinator = await signIn(t.app, 'coordinator@demo.thaksa.local', DEMO_PASSWORD);
    expect((await coordinator.request({ url: '/api/volunteers?status=pending' })).json().total).toBe(2);
    const cm = (await coordinator.request({ url: '/api/volunteer-coverage?area=50' })).json();
    expect(cm.totals).toMatchObject({ volunteers: 4, pending: 2, villages: 18, districtsWithLeader: 1, districtsCovered: 3 });
    expect(cm.months.reduce((s: number, m: { activities: number }) => s + m.activities, 0)).toBe(18);
  });
});
