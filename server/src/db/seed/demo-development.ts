import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { fiscalYearBe, todayInBangkok } from '../../lib/thai-text.js';
import { queryRows } from '../client.js';
import {
  developmentActivities,
  developmentPlanEvents,
  developmentPlans,
  frameworks,
  learningRecords,
  persons,
  users,
} from '../schema/index.js';
import type { DemoSeeder } from './demo.js';

/**
 * Demo content of individual development (sample data): two of the demo supervisor's other direct reports
 * have this fiscal year's plans — one submitted and waiting for the supervisor's approval, one approved
 * with a coaching activity attested and an on-the-job assignment waiting for attestation — so the
 * supervisor's queue shows real work. The demo learner's own plan is left for the learner to draft.
 */
export const developmentDemoSeeder: DemoSeeder = {
  name: 'development',
  async isSeeded(ctx) {
    const sup = ctx.accounts.get('supervisor');
    if (!sup?.personId) return true;
    const rows = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from development_plans dp join persons p on p.id = dp.person_id where p.supervisor_id = ${sup.personId}`,
    );
    return rows[0].n > 0;
  },
  async seed(ctx): Promise<Record<string, number>> {
    const sup = ctx.accounts.get('supervisor');
    const learner = ctx.accounts.get('learner');
    if (!sup?.personId) return {};
    const [fw] = await ctx.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
    if (!fw) return {};
    const reports = await ctx.db
      .select({ id: persons.id, targetGroupCode: persons.targetGroupCode, userId: users.id })
      .from(persons)
      .leftJoin(users, eq(users.personId, persons.id))
      .where(and(eq(persons.supervisorId, sup.personId), eq(persons.employmentStatus, 'active')))
      .orderBy(persons.sortName);
    const others = reports.filter((r) => r.id !== learner?.personId).slice(0, 2);
    if (others.length < 2) return {};
    for (const [i, r] of others.entries()) {
      if (r.userId) continue;
      const [u] = await ctx.db
        .insert(users)
        .values({
          email: `demo-report-${i + 1}@demo.thaksa.local`,
          displayName: `ผู้ใต้บังคับบัญชาตัวอย่าง ${i + 1}`,
          passwordHash: '!invited',
          personId: r.id,
          isDemo: 1,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!u) return {};
      r.userId = u.id;
    }
    const today = todayInBangkok();
    const [course] = await queryRows<{ course_id: string; title_th: string; hours: number; starts_on: string; skill_levels: string[] }>(
      ctx.db,
      sql`select ce.course_id, ce.title_th, ce.hours::float8 as hours, r.starts_on::text as starts_on, ce.skill_levels
          from catalog_entries ce join course_runs r on r.course_id = ce.course_id and not r.is_cancelled and r.starts_on >= ${today}::date
          where ce.status = 'accredited' and ce.skill_levels && array['DU:2','DU:3']::text[]
          order by r.starts_on limit 1`,
    );
    if (!course) return {};
    const fy = fiscalYearBe();
    const due = `${fy - 543}-09-15`;
    const now = Date.now();
    const days = (n: number) => new Date(now - n * 86_400_000);
    const activitiesFor = (planId: string) => [
      {
        planId,
        position: 1,
        type: 'formal',
        title: course.title_th,
        skillAreaCode: 'DU',
        targetLevel: 2,
        courseId: course.course_id,
        plannedHours: course.hours,
        dueOn: course.starts_on,
      },
      {
        planId,
        position: 2,
        type: 'coaching',
        title: 'รับการโค้ชด้านการใช้ข้อมูลจากผู้อำนวยการสำนัก เดือนละครั้ง',
        skillAreaCode: 'DU',
        targetLevel: 2,
        plannedHours: course.hours * 2,
        dueOn: due,
        coach: 'ผู้อำนวยการสำนัก',
      },
      {
        planId,
        position: 3,
        type: 'on_the_job',
        title: 'จัดทำรายงานวิเคราะห์ข้อมูลการจัดเก็บภาษีรายไตรมาส',
        skillAreaCode: 'DU',
        targetLevel: 2,
        plannedHours: course.hours * 7,
        dueOn: due,
      },
    ];

    const [a, b] = others;
    const [submitted] = await ctx.db
      .insert(developmentPlans)
      .values({
        personId: a.id,
        userId: a.userId as string,
        fiscalYear: fy,
        frameworkId: fw.id,
        targetGroupCode: a.targetGroupCode,
        state: 'submitted',
        goal: 'ใช้ข้อมูลประกอบการวิเคราะห์ภาษีได้ด้วยตนเอง',
        submittedAt: days(2),
      })
      .returning({ id: developmentPlans.id });
    await ctx.db.insert(developmentActivities).values(activitiesFor(submitted.id));
    await ctx.db.insert(developmentPlanEvents).values({ planId: submitted.id, action: 'submit', actorId: a.userId, at: days(2) });

    const [approved] = await ctx.db
      .insert(developmentPlans)
      .values({
        personId: b.id,
        userId: b.userId as string,
        fiscalYear: fy,
        frameworkId: fw.id,
        targetGroupCode: b.targetGroupCode,
        state: 'approved',
        submittedAt: days(30),
        decidedAt: days(28),
        decidedBy: sup.userId,
      })
      .returning({ id: developmentPlans.id });
    const rows = activitiesFor(approved.id);
    await ctx.db.insert(developmentActivities).values(rows);
    await ctx.db.insert(developmentPlanEvents).values([
      { planId: approved.id, action: 'submit', actorId: b.userId, at: days(30) },
      { planId: approved.id, action: 'approve', comment: 'เห็นชอบ', actorId: sup.userId, at: days(28) },
    ]);
    const [coaching] = await ctx.db
      .select({ id: developmentActivities.id })
      .from(developmentActivities)
      .where(and(eq(developmentActivities.planId, approved.id), eq(developmentActivities.type, 'coaching')));
    const [rec] = await ctx.db
      .insert(learningRecords)
      .values({
        actorUserId: b.userId as string,
        verb: 'completed',
        objectType: 'development_activity',
        objectId: coaching.id,
        result: { completion: true, extensions: { skillLevels: { DU: 2 } } },
        context: { planId: approved.id, activityType: 'coaching', fiscalYear: fy, sample: true },
        authority: `supervisor:${sup.userId}`,
        occurredAt: days(5),
        recordedBy: sup.userId,
      })
      .returning({ id: learningRecords.id });
    await ctx.db
      .update(developmentActivities)
      .set({
        attestedAt: days(5),
        attestedBy: sup.userId,
        attestationNote: 'พบพี่เลี้ยงครบ 3 ครั้ง นำเสนอผลวิเคราะห์ได้ดี',
        learningRecordId: rec.id,
      })
      .where(eq(developmentActivities.id, coaching.id));
    const plans = await ctx.db
      .select({ id: developmentPlans.id })
      .from(developmentPlans)
      .where(and(inArray(developmentPlans.id, [submitted.id, approved.id]), isNotNull(developmentPlans.frameworkId)));
    return { plans: plans.length, activities: 6, attested: 1 };
  },
};
