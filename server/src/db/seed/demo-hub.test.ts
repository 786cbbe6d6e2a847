import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { hubArticles, volunteerCurriculumItems } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { hubDemoSeeder } from './demo-hub.js';
import { volunteersDemoSeeder } from './demo-volunteers.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [volunteersDemoSeeder, hubDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the knowledge hub demo content', () => {
  it('is loaded once: published articles found by Thai search, the starter curriculum, the demo volunteer one article in', async () => {
    expect(await t.database.db.select().from(hubArticles)).toHaveLength(3);
    // Without the demo catalogue there is no course to put first: the two articles.
    expect(await t.database.db.select().from(volunteerCurriculumItems)).toHaveLength(2);
    const found = (await t.app.inject({ url: `/api/hub/search?q=${encodeURIComponent('แก๊งคอลเซ็นเตอร์')}` })).json();
    expect(found.items.map((a: { slug: string }) => a.slug)).toEqual(['spot-call-centre-scams']);
    const volunteer = await signIn(t.app, 'volunteer@demo.thaksa.local', DEMO_PASSWORD);
    expect((await volunteer.request({ url: '/api/volunteers/me/onboarding' })).json()).toMatchObject({
      done: 1,
      total: 2,
      complete: false,
    });
  });
});
