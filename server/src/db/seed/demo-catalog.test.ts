import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { catalogEntries, courseRuns, learningRecords } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { accreditationDemoSeeder } from './demo-accreditation.js';
import { catalogDemoSeeder } from './demo-catalog.js';
import { DEMO_PASSWORD } from './demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [accreditationDemoSeeder, catalogDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the catalogue demo content', () => {
  it('puts every public demo course in the catalogue once, with runs and a completion for the learner', async () => {
    const entries = await t.database.db.select().from(catalogEntries);
    // 5 accredited through the demo journey and 36 said to come from the old system.
    expect(entries).toHaveLength(41);
    expect(entries.filter((e) => e.isImported)).toHaveLength(36);
    expect(entries.filter((e) => e.nextRunOn !== null).length).toBeGreaterThan(30);
    expect(entries.filter((e) => e.ratingCount > 0).length).toBeGreaterThan(5);
    expect((await t.database.db.select().from(courseRuns)).length).toBeGreaterThan(60);
    expect((await t.database.db.select().from(learningRecords)).length).toBeGreaterThan(1);
  });

  it('lets the demo learner rate the course they finished, and search finds it without spaces', async () => {
    const search = await t.app.inject({ url: `/api/catalog/courses?q=${encodeURIComponent('ทักษะดิจิทัลพื้นฐานสำหรับงานบริการ')}` });
    const hit = search.json().items[0];
    expect(hit.titleTh).toBe('ทักษะดิจิทัลพื้นฐานสำหรับงานบริการประชาชน');
    const learner = await signIn(t.app, 'learner@demo.thaksa.local', DEMO_PASSWORD);
    const page = (await learner.request({ url: `/api/catalog/courses/${hit.id}` })).json();
    expect(page.abilities.rate).toBe(true);
    expect(page.accreditationNumber).toMatch(/^สดช\.-25\d\d-\d{4}$/);
  });
});
