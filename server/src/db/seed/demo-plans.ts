import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { fiscalYearBe } from '../../lib/thai-text.js';
import { fiscalYearRange } from '../../modules/accreditation/fiscal-year.js';
import {
  agencyPlanEvents,
  agencyPlans,
  catalogEntries,
  cohortAttendance,
  cohortParticipants,
  courseShortlists,
  learningRecords,
  persons,
  planCohorts,
} from '../schema/index.js';
import type { DemoSeeder } from './demo.js';

/**
 * Last fiscal year's development plan of the demo Revenue Department (sample data): approved by the
 * executive, with targets, budget, 70:20:10 activities, three shortlisted courses and one completed
 * cohort whose participants with accounts hold learning records. This year's plan is left for HR to write.
 */

const SHORTLIST = [
  'การวิเคราะห์ข้อมูลด้วย Excel และ Power BI',
  'การใช้ Generative AI เพื่อเพิ่มประสิทธิภาพงานเอกสาร',
  'ภาวะผู้นำดิจิทัลสำหรับผู้อำนวยการสำนักและกอง',
];

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const plansDemoSeeder: DemoSeeder = {
  name: 'plans',
  async isSeeded(ctx) {
    const rd = ctx.agencies.get('MOF-RD');
    if (!rd) return true;
    const [row] = await ctx.db.select({ id: agencyPlans.id }).from(agencyPlans).where(eq(agencyPlans.agencyId, rd.id)).limit(1);
    return !!row;
  },
  async seed(ctx): Promise<Record<string, number>> {
    const rd = ctx.agencies.get('MOF-RD');
    const hr = ctx.accounts.get('agency_admin');
    const executive = ctx.accounts.get('executive');
    const learner = ctx.accounts.get('learner');
    if (!rd || !hr || !executive) return {};
    const courses = await ctx.db
      .select({ id: catalogEntries.courseId, titleTh: catalogEntries.titleTh })
      .from(catalogEntries)
      .where(inArray(catalogEntries.titleTh, SHORTLIST));
    const byTitle = new Map(courses.map((c) => [c.titleTh, c.id]));
    const ids = SHORTLIST.map((t) => byTitle.get(t)).filter((id): id is string => !!id);
    if (ids.length < 2) return {};
    await ctx.db
      .insert(courseShortlists)
      .values(ids.map((courseId) => ({ agencyId: rd.id, courseId, note: 'ใช้วางแผนพัฒนาบุคลากรประจำปี', addedBy: hr.userId })))
      .onConflictDoNothing();

    const fy = fiscalYearBe() - 1;
    const start = fiscalYearRange(fy).start.slice(0, 10);
    const submittedAt = new Date(`${addDays(start, 20)}T10:00:00+07:00`);
    const approvedAt = new Date(`${addDays(start, 27)}T14:00:00+07:00`);
    const [plan] = await ctx.db
      .insert(agencyPlans)
      .values({
        agencyId: rd.id,
        fiscalYear: fy,
        state: 'approved',
        version: 3,
        phase: 'early',
        objectives: [
          'ให้นักวิชาการภาษีใช้ข้อมูลวิเคราะห์ผู้เสียภาษีได้ด้วยตนเอง',
          'ผู้อำนวยการสำนักและกองนำการเปลี่ยนแปลงสู่การให้บริการดิจิทัล',
          'บุคลากรทุกคนใช้ Generative AI อย่างปลอดภัยต่อข้อมูลผู้เสียภาษี',
        ],
        targets: [
          { targetGroupCode: 'ACADEMIC', skillAreaCode: 'ALL', metric: 'people_trained', value: 20 },
          { targetGroupCode: 'ACADEMIC', skillAreaCode: 'DU', metric: 'hours_per_person', value: 6 },
          { targetGroupCode: 'MANAGEMENT', skillAreaCode: 'DLD', metric: 'people_trained', value: 5 },
          { targetGroupCode: 'ACADEMIC', skillAreaCode: 'ALL', metric: 'assessed_pct', value: 60 },
        ],
        budgetLines: [
          { item: 'ค่าวิทยากรหลักสูตรวิเคราะห์ข้อมูล (2 รุ่น)', category: 'training', amountBaht: 72000 },
          { item: 'ค่าตอบแทนพี่เลี้ยงด้านข้อมูล', category: 'coaching', amountBaht: 24000 },
          { item: 'ค่าเอกสารและสื่อการเรียนรู้', category: 'materials', amountBaht: 8500 },
          { item: 'ค่าเดินทางผู้เข้าอบรมจากสำนักงานภาค', category: 'travel', amountBaht: 15000 },
        ],
        activities: [
          { title: 'โครงการวิเคราะห์ข้อมูลการยื่นแบบออนไลน์ของสำนักงานพื้นที่', type: 'on_the_job', plannedHours: 40, plannedPeople: 30 },
          { title: 'หมุนเวียนงานกับทีมระบบ e-Filing', type: 'on_the_job', plannedHours: 30, plannedPeople: 10 },
          { title: 'พี่เลี้ยงด้านข้อมูลจากกลุ่มพัฒนาระบบ', type: 'coaching', plannedHours: 16, plannedPeople: 30 },
          { title: 'อบรมหลักสูตรวิเคราะห์ข้อมูลด้วย Excel และ Power BI', type: 'formal', plannedHours: 12, plannedPeople: 20 },
        ],
        plannedCourseIds: ids.slice(0, 2),
        createdBy: hr.userId,
        updatedBy: hr.userId,
        submittedAt,
        submittedBy: hr.userId,
        decidedAt: approvedAt,
        decidedBy: executive.userId,
        createdAt: new Date(`${addDays(start, 5)}T09:00:00+07:00`),
        updatedAt: approvedAt,
      })
      .returning({ id: agencyPlans.id });
    await ctx.db.insert(agencyPlanEvents).values([
      { planId: plan.id, action: 'submit', actorId: hr.userId, at: new Date(submittedAt.getTime() - 7 * 86_400_000) },
      {
        planId: plan.id,
        action: 'return',
        comment: 'ขอให้เพิ่มเป้าหมายของผู้อำนวยการสำนักและกอง และแยกค่าเดินทางออกจากค่าวิทยากร',
        actorId: executive.userId,
        at: new Date(submittedAt.getTime() - 5 * 86_400_000),
      },
      { planId: plan.id, action: 'submit', actorId: hr.userId, at: submittedAt },
      { planId: plan.id, action: 'approve', comment: 'อนุมัติ ให้รายงานความก้าวหน้าทุกไตรมาส', actorId: executive.userId, at: approvedAt },
    ]);

    // One completed classroom cohort of the data-analysis course: academics of the department, the learner among them.
    const courseId = ids[0];
    const startsOn = addDays(start, 120);
    const [cohort] = await ctx.db
      .insert(planCohorts)
      .values({
        planId: plan.id,
        agencyId: rd.id,
        courseId,
        title: 'รุ่นที่ 1 (สำนักงานใหญ่)',
        startsOn,
        endsOn: addDays(startsOn, 1),
        mode: 'classroom',
        venue: 'ห้องฝึกอบรม ชั้น 5 อาคารกรมสรรพากร',
        capacity: 25,
        sessionCount: 2,
        attendanceThreshold: 80,
        hours: { lecture: 5, workshop: 5, discussion: 2, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 },
        state: 'completed',
        completedOn: addDays(startsOn, 1),
        completedBy: hr.userId,
        createdBy: hr.userId,
      })
      .returning({ id: planCohorts.id });
    const staff = await ctx.db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.agencyId, rd.id), like(persons.positionTh, 'นักวิชาการภาษี%'), eq(persons.employmentStatus, 'active')))
      .orderBy(persons.sortName, persons.id)
      .limit(8);
    const participantIds = [...new Set([...(learner?.personId ? [learner.personId] : []), ...staff.map((s) => s.id)])].slice(0, 8);
    const absent = participantIds.at(-1);
    await ctx.db
      .insert(cohortParticipants)
      .values(participantIds.map((personId) => ({ cohortId: cohort.id, personId, completed: personId !== absent, enrolledBy: hr.userId })));
    await ctx.db.insert(cohortAttendance).values(
      participantIds.flatMap((personId) =>
        [1, 2].map((session) => ({
          cohortId: cohort.id,
          personId,
          session,
          status: personId === absent && session === 2 ? 'absent' : 'present',
          recordedBy: hr.userId,
        })),
      ),
    );
    let records = 0;
    if (learner?.personId && participantIds.includes(learner.personId)) {
      await ctx.db
        .insert(learningRecords)
        .values({
          actorUserId: learner.userId,
          verb: 'completed',
          objectType: 'course',
          objectId: courseId,
          result: { completion: true, hours: 12, attendance: 100 },
          context: { cohortId: cohort.id, cohortTitle: 'รุ่นที่ 1 (สำนักงานใหญ่)', planId: plan.id, agencyId: rd.id },
          authority: `agency:${rd.id}`,
          occurredAt: new Date(`${addDays(startsOn, 1)}T12:00:00+07:00`),
          recordedBy: hr.userId,
        })
        .onConflictDoNothing();
      records++;
    }
    const [{ n }] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cohortParticipants)
      .where(eq(cohortParticipants.cohortId, cohort.id));
    return { plans: 1, cohorts: 1, participants: n, learningRecords: records, shortlisted: ids.length };
  },
};
