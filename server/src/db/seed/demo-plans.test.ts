import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { agencyPlans } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { accreditationDemoSeeder } from './demo-accreditation.js';
import { catalogDemoSeeder } from './demo-catalog.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { plansDemoSeeder } from './demo-plans.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [accreditationDemoSeeder, catalogDemoSeeder, plansDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the plans demo content', () => {
  it("gives the Revenue Department last year's approved plan, once, with a completed cohort and measured progress", async () => {
    expect(await t.database.db.select().from(agencyPlans)).toHaveLength(1);
    const hr = await signIn(t.app, 'agency_admin@demo.thaksa.local', DEMO_PASSWORD);
    const list = (await hr.request({ url: '/api/plans' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.canCreateFor.map((a: { code: string }) => a.code)).toEqual(['MOF-RD']);
    const plan = (await hr.request({ url: `/api/plans/${list.items[0].id}` })).json();
    expect(plan).toMatchObject({ state: 'approved', abilities: { edit: false, manageCohorts: true } });
    expect(plan.mix.on_the_job).toBeGreaterThan(60);
    expect(plan.plannedCourses).toHaveLength(2);
    expect(plan.cohorts[0]).toMatchObject({ state: 'completed', enrolled: 8, completed: 7 });
    // The learner's cohort completion at least; demo staff's provider completions may fall in the same year.
    expect(plan.targets[0].progress.status).toBe('measured');
    expect(plan.targets[0].progress.actual).toBeGreaterThanOrEqual(1);
    expect(plan.targets[3].progress.status).toBe('not_measured');
    const monitor = await signIn(t.app, 'central_monitor@demo.thaksa.local', DEMO_PASSWORD);
    expect((await monitor.request({ url: '/api/plans' })).json().items).toHaveLength(1);
  });
});
