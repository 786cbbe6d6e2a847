import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { assessmentItems, assessments, selfAssessmentStatements } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { assessmentDemoSeeder, SAMPLE_ASSESSMENT_TITLE, SAMPLE_ITEMS } from './demo-assessment.js';
import { DEMO_PASSWORD } from './demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const seeders = [assessmentDemoSeeder];
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders });
});

describe('the assessment demo content', () => {
  it('gives an active sample bank and one open sample test, once, that the demo learner can take', async () => {
    const items = await t.database.db.select().from(assessmentItems);
    expect(items).toHaveLength(SAMPLE_ITEMS.length);
    expect(items.every((i) => i.isSample && i.status === 'active')).toBe(true);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['single', 'multiple', 'true_false', 'ordering', 'scenario']));
    expect(await t.database.db.select().from(assessments).where(eq(assessments.isSample, true))).toHaveLength(1);
    expect(await t.database.db.select().from(selfAssessmentStatements)).toHaveLength(21);

    const learner = await signIn(t.app, 'learner@demo.thaksa.local', DEMO_PASSWORD);
    const mine = (await learner.request({ url: '/api/me/assessments' })).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ titleTh: SAMPLE_ASSESSMENT_TITLE, isSample: true, isOpen: true, canStart: true, questionCount: 9 });
    const started = await learner.request({ method: 'POST', url: `/api/assessments/${mine[0].id}/attempts` });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().questions).toHaveLength(9);

    const author = await signIn(t.app, 'assessment_author@demo.thaksa.local', DEMO_PASSWORD);
    const bank = (await author.request({ url: '/api/assessment/items?pageSize=100' })).json();
    expect(bank.total).toBe(SAMPLE_ITEMS.length);
  });
});
