import { eq, inArray } from 'drizzle-orm';
import { fiscalYearBe } from '../../lib/thai-text.js';
import { fiscalYearRange } from '../../modules/accreditation/fiscal-year.js';
import { catalogEntries, frameworks, learningRecords, selfAssessmentLevels, selfAssessments, users } from '../schema/index.js';
import type { DemoSeeder } from './demo.js';

/**
 * A year and a bit of sample learning history for the demo personnel, so the executive and the central
 * monitor see figures on their dashboards (decision 014): learner accounts for demo people without one,
 * completions of courses, coaching and on-the-job learning (70:20:10) last fiscal year and this one,
 * self-assessments and test results as the assessment module records them (a learning record per attempt
 * with the level reached per skill area). All of it is demo data, made up, deterministic.
 */
const AUTHORITY = 'demo:dashboards';
const AREAS = ['DL', 'DG', 'DLD'];

export const dashboardsDemoSeeder: DemoSeeder = {
  name: 'dashboards',
  async isSeeded(ctx) {
    const [row] = await ctx.db
      .select({ id: learningRecords.id })
      .from(learningRecords)
      .where(eq(learningRecords.authority, AUTHORITY))
      .limit(1);
    return !!row;
  },
  async seed(ctx): Promise<Record<string, number>> {
    const db = ctx.db;
    const rng = ctx.rng('dashboards');
    const [fw] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
    const courses = (await db.select({ id: catalogEntries.courseId }).from(catalogEntries).limit(40)).map((c) => c.id);
    if (!fw || courses.length === 0 || ctx.persons.length === 0) return {};
    const ids = ctx.persons.map((p) => p.id);
    const linked = await db.select({ id: users.id, personId: users.personId }).from(users).where(inArray(users.personId, ids));
    const userOf = new Map(linked.filter((u) => u.personId).map((u) => [u.personId as string, u.id]));
    const missing = ctx.persons.filter((p) => !userOf.has(p.id));
    if (missing.length > 0) {
      const created = await db
        .insert(users)
        .values(
          missing.map((p, i) => ({
            email: `demo-learner-${String(i + 1).padStart(3, '0')}@demo.thaksa.local`,
            displayName: `ผู้เรียนตัวอย่าง ${i + 1}`,
            passwordHash: '!invited',
            personId: p.id,
            isDemo: 1,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: users.id, personId: users.personId });
      for (const u of created) if (u.personId) userOf.set(u.personId, u.id);
    }
    const current = fiscalYearBe();
    const now = Date.now();
    /** An instant in fiscal year `fy` (never in the future). */
    const at = (fy: number) => {
      const { start, end } = fiscalYearRange(fy);
      const from = Date.parse(start);
      const to = Math.min(Date.parse(end), now - 86_400_000);
      return new Date(from + Math.floor(rng.next() * Math.max(1, to - from)));
    };
    const records: (typeof learningRecords.$inferInsert)[] = [];
    const selfRows: { userId: string; at: Date; levels: Record<string, number> }[] = [];
    for (const p of ctx.persons) {
      const userId = userOf.get(p.id);
      if (!userId) continue;
      const areas = p.targetGroupCode === 'TECHNOLOGY' ? [...AREAS, 'DT'] : AREAS;
      for (const fy of [current - 1, current]) {
        if (rng.next() < (fy === current ? 0.55 : 0.7)) {
          const n = 1 + rng.int(3);
          for (let i = 0; i < n; i++) {
            const kind = rng.next();
            const type = kind < 0.5 ? 'on_the_job' : kind < 0.75 ? 'coaching' : 'formal';
            records.push({
              actorUserId: userId,
              verb: 'completed',
              objectType: type === 'formal' ? 'course' : 'development_activity',
              objectId: type === 'formal' ? courses[rng.int(courses.length)] : rng.uuid(),
              result: { completion: true, hours: type === 'formal' ? 6 + rng.int(25) : 4 + rng.int(40) },
              context: { activityType: type, sample: true },
              authority: AUTHORITY,
              occurredAt: at(fy),
            });
          }
        }
        if (rng.next() < (fy === current ? 0.4 : 0.5)) {
          selfRows.push({
            userId,
            at: at(fy),
            levels: Object.fromEntries(areas.map((a) => [a, 1 + rng.int(3) + (fy === current ? 1 : 0)])),
          });
        }
        if (rng.next() < (fy === current ? 0.3 : 0.35)) {
          const levels = Object.fromEntries(areas.map((a) => [a, rng.int(3) + (fy === current ? 1 : 0)]));
          const passed = Object.values(levels).every((l) => l >= 1);
          records.push({
            actorUserId: userId,
            verb: passed ? 'passed' : 'failed',
            objectType: 'assessment_attempt',
            objectId: rng.uuid(),
            result: { success: passed, extensions: { skillLevels: levels } },
            context: { sample: true },
            authority: AUTHORITY,
            occurredAt: at(fy),
          });
        }
      }
    }
    for (let i = 0; i < records.length; i += 500)
      await db
        .insert(learningRecords)
        .values(records.slice(i, i + 500))
        .onConflictDoNothing();
    for (const s of selfRows) {
      const [row] = await db
        .insert(selfAssessments)
        .values({ userId: s.userId, frameworkId: fw.id, ratings: {}, submittedAt: s.at })
        .returning();
      await db.insert(selfAssessmentLevels).values(
        Object.entries(s.levels).map(([skillAreaCode, level]) => ({
          selfAssessmentId: row.id,
          skillAreaCode,
          userId: s.userId,
          level,
          at: s.at,
        })),
      );
    }
    return { learnerAccounts: missing.length, learningRecords: records.length, selfAssessments: selfRows.length };
  },
};
