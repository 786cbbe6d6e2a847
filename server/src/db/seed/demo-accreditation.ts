import { eq, sql } from 'drizzle-orm';
import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import { checkCourse } from '../../modules/accreditation/checks.js';
import { addYears, buddhistYear, formatAccreditationNumber, todayInBangkok } from '../../modules/accreditation/numbering.js';
import {
  accreditationCounters,
  competencyUnits,
  courses,
  courseVersions,
  decisions,
  files,
  frameworks,
  proficiencyLevels,
  reviewAssignments,
  reviewerAffiliations,
  reviewerExpertise,
  reviewers,
  roleGrants,
  skillAreas,
  targetGroups,
} from '../schema/index.js';
import type { DemoContext, DemoSeeder } from './demo.js';

const DAY = 86_400_000;
const daysAgo = (n: number, now = Date.now()) => new Date(now - n * DAY);

/** A small but real PDF, so the demo syllabi open in any viewer. */
const SYLLABUS = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    '4 0 obj<</Length 62>>stream\nBT /F1 18 Tf 72 760 Td (Course syllabus - demo data) Tj ET\nendstream endobj\n' +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface DemoCourse {
  provider: string;
  state: 'draft' | 'submitted' | 'in_review' | 'revision_requested' | 'rejected' | 'accredited' | 'accredited_with_conditions';
  titleTh: string;
  titleEn: string;
  areas: [string, number][];
  groups: string[];
  hours: Partial<CourseContent['hours']>;
  delivery: CourseContent['delivery'];
  fee: number;
  /** For accredited courses: how long ago; sets the validity window. */
  accreditedDaysAgo?: number;
}

const COURSES: DemoCourse[] = [
  {
    provider: 'tdga',
    state: 'accredited',
    titleTh: 'ผู้นำการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล',
    titleEn: 'Leading the digital government transformation',
    areas: [
      ['DLD', 3],
      ['DG', 2],
    ],
    groups: ['EXECUTIVE', 'MANAGEMENT'],
    hours: { lecture: 8, workshop: 6, discussion: 4 },
    delivery: 'classroom',
    fee: 0,
    accreditedDaysAgo: 120,
  },
  {
    provider: 'tdga',
    state: 'accredited',
    titleTh: 'การใช้ข้อมูลเพื่อการตัดสินใจเชิงนโยบาย',
    titleEn: 'Using data for policy decisions',
    areas: [
      ['DU', 2],
      ['DL', 2],
    ],
    groups: ['ACADEMIC', 'MANAGEMENT'],
    hours: { lecture: 6, workshop: 6, e_learning: 6 },
    delivery: 'blended',
    fee: 0,
    accreditedDaysAgo: 670,
  },
  {
    provider: 'kmutt',
    state: 'accredited',
    titleTh: 'ความมั่นคงปลอดภัยไซเบอร์สำหรับผู้ปฏิบัติงานด้านเทคโนโลยี',
    titleEn: 'Cyber security for technology practitioners',
    areas: [
      ['CS', 3],
      ['DT', 2],
    ],
    groups: ['TECHNOLOGY'],
    hours: { lecture: 10, workshop: 12, case_study: 6 },
    delivery: 'classroom',
    fee: 12_000,
    accreditedDaysAgo: 60,
  },
  {
    provider: 'cmu',
    state: 'accredited',
    titleTh: 'ทักษะดิจิทัลพื้นฐานสำหรับงานบริการประชาชน',
    titleEn: 'Basic digital skills for public service',
    areas: [
      ['DL', 1],
      ['DS', 1],
    ],
    groups: ['SERVICE', 'OTHERS'],
    hours: { e_learning: 12 },
    delivery: 'online',
    fee: 0,
    accreditedDaysAgo: 30,
  },
  {
    provider: 'demo-academy',
    state: 'accredited_with_conditions',
    titleTh: 'การออกแบบบริการภาครัฐด้วยแนวคิดเชิงออกแบบ',
    titleEn: 'Designing public services with design thinking',
    areas: [['DS', 2]],
    groups: ['SERVICE', 'ACADEMIC'],
    hours: { lecture: 6, workshop: 8, role_play: 2 },
    delivery: 'classroom',
    fee: 4_500,
    accreditedDaysAgo: 10,
  },
  {
    provider: 'demo-academy',
    state: 'in_review',
    titleTh: 'ธรรมาภิบาลข้อมูลและกฎหมายคุ้มครองข้อมูลส่วนบุคคล',
    titleEn: 'Data governance and the personal data protection act',
    areas: [
      ['DG', 2],
      ['DU', 2],
    ],
    groups: ['ACADEMIC', 'TECHNOLOGY'],
    hours: { lecture: 7, workshop: 5 },
    delivery: 'classroom',
    fee: 3_900,
  },
  {
    provider: 'demo-foundation',
    state: 'submitted',
    titleTh: 'รู้ทันข่าวปลอมและภัยออนไลน์',
    titleEn: 'Spotting fake news and online scams',
    areas: [
      ['DL', 2],
      ['CS', 1],
    ],
    groups: ['SERVICE', 'OTHERS'],
    hours: { lecture: 3, workshop: 3 },
    delivery: 'classroom',
    fee: 0,
  },
  {
    provider: 'cmu',
    state: 'revision_requested',
    titleTh: 'การวิเคราะห์ข้อมูลด้วยภาษาไพทอนสำหรับนักวิเคราะห์นโยบาย',
    titleEn: 'Python data analysis for policy analysts',
    areas: [
      ['DU', 3],
      ['DT', 2],
    ],
    groups: ['ACADEMIC'],
    hours: { lecture: 10, workshop: 8 },
    delivery: 'blended',
    fee: 6_000,
  },
  {
    provider: 'demo-foundation',
    state: 'rejected',
    titleTh: 'การตลาดออนไลน์สำหรับผู้ประกอบการ',
    titleEn: 'Online marketing for entrepreneurs',
    areas: [['DT', 1]],
    groups: ['OTHERS'],
    hours: { lecture: 6 },
    delivery: 'classroom',
    fee: 1_500,
  },
  {
    provider: 'demo-academy',
    state: 'draft',
    titleTh: 'ปัญญาประดิษฐ์สำหรับผู้บริหาร',
    titleEn: 'Artificial intelligence for executives',
    areas: [
      ['DLD', 2],
      ['DT', 1],
    ],
    groups: ['EXECUTIVE'],
    hours: { lecture: 10, discussion: 2 },
    delivery: 'classroom',
    fee: 8_000,
  },
];

const REVIEWERS = [
  {
    account: 'reviewer1',
    qualifications: 'ปริญญาเอกด้านวิทยาการคอมพิวเตอร์ อาจารย์มหาวิทยาลัย 15 ปี',
    expertise: [
      ['DL', 3],
      ['DU', 3],
      ['CS', 2],
    ],
    affiliation: { organisationName: 'มหาวิทยาลัยเทคโนโลยีพระจอมเกล้าธนบุรี', provider: 'kmutt', yearsAgoStart: 12, yearsAgoEnd: null },
  },
  {
    account: 'reviewer2',
    qualifications: 'อดีตผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศ ผู้เชี่ยวชาญรัฐบาลดิจิทัล',
    expertise: [
      ['DL', 2],
      ['DG', 3],
      ['DLD', 3],
      ['DS', 2],
    ],
    affiliation: { organisationName: 'สำนักงาน ก.พ.', provider: null, yearsAgoStart: 20, yearsAgoEnd: 2 },
  },
  {
    account: 'reviewer3',
    qualifications: 'ที่ปรึกษาด้านความมั่นคงปลอดภัยไซเบอร์ CISSP',
    expertise: [
      ['CS', 3],
      ['DT', 3],
      ['DU', 2],
    ],
    affiliation: { organisationName: 'บริษัท ดิจิทัลสกิล อคาเดมี จำกัด (ข้อมูลตัวอย่าง)', provider: 'demo-academy', yearsAgoStart: 6, yearsAgoEnd: 2 },
  },
] as const;

/** Demo content of the accreditation module: approved reviewers 1–3 and courses in every stage of the journey. */
export const accreditationDemoSeeder: DemoSeeder = {
  name: 'accreditation',
  isSeeded: async (ctx) => {
    const reviewer1 = ctx.accounts.get('reviewer1');
    if (!reviewer1) return true;
    const [row] = await ctx.db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.userId, reviewer1.userId)).limit(1);
    return !!row;
  },
  seed: async (ctx) => {
    const officer = ctx.accounts.get('officer')?.userId ?? null;
    const reviewerIds = await seedReviewers(ctx, officer);
    const courseCount = await seedCourses(ctx, officer, reviewerIds);
    return { reviewers: reviewerIds.length, courses: courseCount };
  },
};

async function seedReviewers(ctx: DemoContext, officer: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (const r of REVIEWERS) {
    const account = ctx.accounts.get(r.account);
    if (!account) continue;
    const [row] = await ctx.db
      .insert(reviewers)
      .values({
        userId: account.userId,
        status: 'approved',
        qualifications: r.qualifications,
        maxConcurrent: 3,
        decidedAt: daysAgo(200),
        decidedBy: officer,
      })
      .returning({ id: reviewers.id });
    ids.push(row.id);
    await ctx.db
      .insert(reviewerExpertise)
      .values(r.expertise.map(([skillAreaCode, levelRank]) => ({ reviewerId: row.id, skillAreaCode, levelRank })));
    const year = new Date().getUTCFullYear();
    await ctx.db.insert(reviewerAffiliations).values({
      reviewerId: row.id,
      organisationName: r.affiliation.organisationName,
      providerId: r.affiliation.provider ? (ctx.providers.get(r.affiliation.provider)?.id ?? null) : null,
      startDate: `${year - r.affiliation.yearsAgoStart}-06-01`,
      endDate: r.affiliation.yearsAgoEnd === null ? null : `${year - r.affiliation.yearsAgoEnd}-05-31`,
    });
    await ctx.db
      .insert(roleGrants)
      .values({ userId: account.userId, role: 'reviewer', scopeType: 'self', scopeId: '' })
      .onConflictDoNothing();
  }
  return ids;
}

async function seedCourses(ctx: DemoContext, officer: string | null, reviewerIds: string[]): Promise<number> {
  const [framework] = await ctx.db.select().from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
  if (!framework) return 0;
  // In the demo's one transaction: one connection, one query at a time.
  const areas = await ctx.db.select({ code: skillAreas.code }).from(skillAreas).where(eq(skillAreas.frameworkId, framework.id));
  const groups = await ctx.db.select({ code: targetGroups.code }).from(targetGroups).where(eq(targetGroups.frameworkId, framework.id));
  const levels = await ctx.db
    .select({ rank: proficiencyLevels.rank })
    .from(proficiencyLevels)
    .where(eq(proficiencyLevels.frameworkId, framework.id));
  const units = await ctx.db
    .select({ code: competencyUnits.code })
    .from(competencyUnits)
    .where(eq(competencyUnits.frameworkId, framework.id));
  const checkFramework = {
    skillAreaCodes: areas.map((a) => a.code),
    levelRanks: levels.map((l) => l.rank),
    unitCodes: units.map((u) => u.code),
    targetGroupCodes: groups.map((g) => g.code),
  };
  const prefix = 'สดช.';
  const perYear = new Map<number, number>();
  let count = 0;
  for (const c of COURSES) {
    const provider = ctx.providers.get(c.provider);
    if (!provider) continue;
    const content = demoContent(c, framework.id);
    const hasSyllabus = c.state !== 'draft';
    const [syllabus] = hasSyllabus
      ? await ctx.db
          .insert(files)
          .values({
            kind: 'syllabus',
            filename: 'syllabus.pdf',
            mimeType: 'application/pdf',
            sizeBytes: SYLLABUS.length,
            sha256: 'demo',
            content: SYLLABUS,
          })
          .returning({ id: files.id })
      : [undefined];
    const submittedAt = c.state === 'draft' ? null : daysAgo((c.accreditedDaysAgo ?? 0) + 40);
    let number: string | null = null;
    let validFrom: string | null = null;
    let validUntil: string | null = null;
    if (c.accreditedDaysAgo !== undefined) {
      const accredited = daysAgo(c.accreditedDaysAgo);
      validFrom = todayInBangkok(accredited);
      validUntil = addYears(validFrom, 2);
      const yearBe = buddhistYear(validFrom);
      const seq = (perYear.get(yearBe) ?? 0) + 1;
      perYear.set(yearBe, seq);
      number = formatAccreditationNumber(prefix, yearBe, seq);
    }
    const [course] = await ctx.db
      .insert(courses)
      .values({
        providerId: provider.id,
        state: c.state,
        frameworkId: framework.id,
        titleTh: c.titleTh,
        titleEn: c.titleEn,
        submittedAt,
        screeningDueAt: submittedAt ? new Date(submittedAt.getTime() + 7 * DAY) : null,
        reviewDueAt: c.state === 'in_review' ? new Date(Date.now() + 14 * DAY) : null,
        accreditationNumber: number,
        accreditedAt: c.accreditedDaysAgo !== undefined ? daysAgo(c.accreditedDaysAgo) : null,
        validFrom,
        validUntil,
        conditions: c.state === 'accredited_with_conditions' ? 'ปรับปรุงแบบประเมินผลหลังเรียนให้วัดผลลัพธ์การเรียนรู้ได้ครบทุกข้อภายใน 90 วัน' : null,
        stateChangedAt: daysAgo(c.accreditedDaysAgo ?? 5),
        createdBy: ctx.accounts.get('provider_admin')?.userId ?? null,
      })
      .returning({ id: courses.id });
    await ctx.db.insert(courseVersions).values({
      courseId: course.id,
      version: 1,
      content,
      syllabusFileId: syllabus?.id ?? null,
      checks: checkCourse({ content, hasSyllabus, framework: checkFramework, similarTitles: [] }),
      submittedAt,
    });
    const decision = DECISIONS[c.state];
    if (decision && officer) {
      await ctx.db
        .insert(decisions)
        .values({ courseId: course.id, version: 1, ...decision, decidedBy: officer, decidedAt: daysAgo(c.accreditedDaysAgo ?? 3) });
    }
    if (c.state === 'in_review') {
      for (const reviewerId of reviewerIds.slice(0, 2)) {
        await ctx.db.insert(reviewAssignments).values({
          courseId: course.id,
          version: 1,
          reviewerId,
          state: 'accepted',
          assignedBy: officer,
          dueAt: new Date(Date.now() + 14 * DAY),
          respondedAt: daysAgo(1),
        });
      }
    }
    count++;
  }
  for (const [yearBe, last] of perYear) {
    await ctx.db
      .insert(accreditationCounters)
      .values({ yearBe, lastNumber: last })
      .onConflictDoUpdate({
        target: accreditationCounters.yearBe,
        set: { lastNumber: sql`greatest(${accreditationCounters.lastNumber}, ${last})` },
      });
  }
  return count;
}

const DECISIONS: Partial<
  Record<DemoCourse['state'], { outcome: string; reasons: string; requiredChanges: { text: string }[]; conditions?: string }>
> = {
  accredited: { outcome: 'accredit', reasons: 'หลักสูตรสอดคล้องกับกรอบสมรรถนะและกลุ่มเป้าหมาย วิธีการสอนเป็นไปตามเกณฑ์', requiredChanges: [] },
  accredited_with_conditions: {
    outcome: 'accredit_with_conditions',
    reasons: 'เนื้อหาและวิธีการสอนเหมาะสม แต่การประเมินผลยังไม่ครอบคลุมผลลัพธ์การเรียนรู้ทุกข้อ',
    requiredChanges: [],
    conditions: 'ปรับปรุงแบบประเมินผลหลังเรียนให้วัดผลลัพธ์การเรียนรู้ได้ครบทุกข้อภายใน 90 วัน',
  },
  revision_requested: {
    outcome: 'revise',
    reasons: 'ผลลัพธ์การเรียนรู้บางข้อยังไม่ชัดเจน และยังไม่ระบุคุณวุฒิของวิทยากรร่วม',
    requiredChanges: [{ text: 'เขียนผลลัพธ์การเรียนรู้ให้วัดได้' }, { text: 'ระบุคุณวุฒิของวิทยากรทุกคน' }],
  },
  rejected: { outcome: 'reject', reasons: 'เนื้อหาไม่สอดคล้องกับกรอบสมรรถนะดิจิทัลของบุคลากรภาครัฐ', requiredChanges: [] },
};

function demoContent(c: DemoCourse, frameworkId: string): CourseContent {
  const hours = { lecture: 0, workshop: 0, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0, ...c.hours };
  return {
    titleTh: c.titleTh,
    titleEn: c.titleEn,
    summaryTh: `หลักสูตร${c.titleTh} สำหรับข้าราชการและบุคลากรภาครัฐ เน้นการลงมือปฏิบัติกับกรณีศึกษาจริงของหน่วยงาน`,
    summaryEn: `${c.titleEn}, for civil servants and state personnel, built around hands-on work with real agency cases.`,
    objectives: ['เข้าใจแนวคิดและหลักการสำคัญ', 'ประยุกต์ใช้กับงานของหน่วยงานได้'],
    outcomes: c.areas.map(([skillAreaCode, levelRank]) => ({
      textTh: `ประยุกต์ใช้ทักษะด้าน ${skillAreaCode} ในงานของตนได้ในระดับ ${levelRank}`,
      skillAreaCode,
      levelRank,
      unitCodes: [],
    })),
    targetGroupCodes: c.groups,
    hours,
    delivery: c.delivery,
    pacing: c.delivery === 'online' ? 'self_paced' : 'instructor_led',
    assessmentMethod: 'แบบทดสอบก่อนและหลังเรียน และงานมอบหมายจากกรณีศึกษาของหน่วยงาน',
    instructors: [{ name: 'ดร.วิภาวรรณ ศรีสุข', qualifications: 'ปริญญาเอก ประสบการณ์ฝึกอบรมภาครัฐ 10 ปี' }],
    feeBaht: c.fee,
    capacity: c.delivery === 'online' ? 1000 : 40,
    language: 'th',
    frameworkId,
  };
}
