import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestApp, testApp } from '../../../test/harness.js';
import { courses, reviewers } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { accreditationDemoSeeder } from './demo-accreditation.js';
import { DEMO_PASSWORD } from './demo-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders: [accreditationDemoSeeder] });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders: [accreditationDemoSeeder] });
});

describe('the accreditation demo content', () => {
  it('adds three approved reviewers and courses in every stage, once', async () => {
    expect(await t.database.db.select().from(reviewers)).toHaveLength(3);
    const rows = await t.database.db.select({ state: courses.state, number: courses.accreditationNumber }).from(courses);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['draft', 'submitted', 'in_review', 'revision_requested', 'rejected', 'accredited', 'accredited_with_conditions']),
    );
    const numbers = rows.map((r) => r.number).filter(Boolean);
    expect(numbers).toHaveLength(5);
    expect(new Set(numbers).size).toBe(5);
  });

  it('works through the API: an accredited number verifies publicly, the officer queue and reviewer suggestions answer', async () => {
    const [accredited] = await t.database.db.select().from(courses).where(eq(courses.state, 'accredited')).limit(1);
    const verify = await t.app.inject({ url: `/api/accreditations/${encodeURIComponent(accredited.accreditationNumber as string)}` });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().isValid).toBe(true);
    const officer = await signIn(t.app, 'officer@demo.thaksa.local', DEMO_PASSWORD);
    const queue = (await officer.request({ method: 'GET', url: '/api/submissions' })).json();
    expect(queue.total).toBeGreaterThanOrEqual(2);
    const [inReview] = await t.database.db.select().from(courses).where(eq(courses.state, 'in_review')).limit(1);
    const suggestions = await officer.request({ method: 'GET', url: `/api/courses/${inReview.id}/reviewer-suggestions` });
    expect(suggestions.statusCode).toBe(200);
    // reviewer3 worked for this course's provider two years ago: excluded as a conflict of interest.
    const excluded = suggestions.json().excluded.flatMap((x: { reasons: { code: string }[] }) => x.reasons.map((r) => r.code));
    expect(excluded).toContain('recent_affiliation');
    const reviewer1 = await signIn(t.app, 'reviewer1@demo.thaksa.local', DEMO_PASSWORD);
    const inbox = (await reviewer1.request({ method: 'GET', url: '/api/reviewers/me/assignments' })).json();
    expect(JSON.stringify(inbox)).toContain(inReview.id);
  });
});
