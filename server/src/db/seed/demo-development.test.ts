import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { developmentPlans } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { accreditationDemoSeeder } from './demo-accreditation.js';
import { catalogDemoSeeder } from './demo-catalog.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { developmentDemoSeeder } from './demo-development.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [accreditationDemoSeeder, catalogDemoSeeder, developmentDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the development demo content', () => {
  it("gives the supervisor a plan to approve and an activity to attest, once, and leaves the learner's plan to the learner", async () => {
    expect(await t.database.db.select().from(developmentPlans)).toHaveLength(2);
    const supervisor = await signIn(t.app, 'supervisor@demo.thaksa.local', DEMO_PASSWORD);
    const queue = (await supervisor.request({ url: '/api/supervisor/queue' })).json();
    expect(queue.plans).toHaveLength(1);
    expect(queue.activities.map((a: { type: string }) => a.type)).toEqual(['on_the_job']);
    const plan = (await supervisor.request({ url: `/api/development-plans/${queue.plans[0].id}` })).json();
    expect(plan.abilities).toMatchObject({ approve: true, edit: false });
    expect(plan.activities.find((a: { type: string }) => a.type === 'formal').course).not.toBeNull();
    const learner = await signIn(t.app, 'learner@demo.thaksa.local', DEMO_PASSWORD);
    expect((await learner.request({ url: '/api/me/development-plan' })).json().plan).toBeNull();
    const profile = (await learner.request({ url: '/api/me/skill-profile' })).json();
    expect(profile.rows.some((r: { gap: number | null }) => (r.gap ?? 0) > 0)).toBe(true);
  });
});
