import { eq } from 'drizzle-orm';
import type { CourseContent } from '../../../../common/contracts/accreditation.js';
import { type Client, clientAs, type TestApp } from '../../../test/harness.js';
import { frameworks, providers, reviewAssignments, reviewers } from '../../db/schema/index.js';
import { DEFAULT_CRITERIA } from './rubric.js';

/** Test data for the course accreditation tests: providers, valid content, reviewers and assignments. */
let taxSeq = 0;
export async function buildProvider(t: TestApp, opts: { status?: string; nameTh?: string } = {}) {
  taxSeq++;
  const [p] = await t.database.db
    .insert(providers)
    .values({
      nameTh: opts.nameTh ?? `หน่วยจัดฝึกอบรม ${taxSeq}`,
      nameEn: `Provider ${taxSeq}`,
      kind: 'university',
      taxId: `09940${String(Date.now()).slice(-5)}${String(taxSeq).padStart(3, '0')}`,
      status: opts.status ?? 'verified',
    })
    .returning();
  const admin = await clientAs(t, { role: 'provider_admin', scopeId: p.id });
  return { provider: p, admin };
}

export async function currentFrameworkId(t: TestApp): Promise<string> {
  const [f] = await t.database.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.isCurrent, true)).limit(1);
  return f.id;
}

export function validContent(frameworkId: string, overrides: Partial<CourseContent> = {}): CourseContent {
  return {
    titleTh: 'การวิเคราะห์ข้อมูลเพื่อการตัดสินใจในภาครัฐ',
    titleEn: 'Data analysis for public-sector decisions',
    summaryTh: 'หลักสูตรฝึกปฏิบัติการวิเคราะห์ข้อมูล',
    objectives: ['เข้าใจหลักการวิเคราะห์ข้อมูล'],
    outcomes: [{ textTh: 'วิเคราะห์ข้อมูลเบื้องต้นได้', skillAreaCode: 'DL', levelRank: 1, unitCodes: [] }],
    targetGroupCodes: ['EXECUTIVE'],
    hours: { lecture: 6, workshop: 6, discussion: 0, role_play: 0, case_study: 0, e_learning: 0, on_the_job: 0, other: 0 },
    delivery: 'classroom',
    pacing: 'instructor_led',
    assessmentMethod: 'แบบทดสอบก่อนและหลังเรียน',
    instructors: [{ name: 'ดร.สมชาย ใจดี', qualifications: 'ปริญญาเอกด้านวิทยาการข้อมูล' }],
    feeBaht: 3500,
    language: 'th',
    frameworkId,
    ...overrides,
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export const uploadPdf = (c: Client, id: string, body: Buffer = PDF) =>
  c.request({ method: 'PUT', url: `/api/courses/${id}/syllabus`, headers: { 'content-type': 'application/pdf' }, payload: body });

/** A complete course, syllabus attached, submitted by the provider's admin. */
export async function buildSubmittedCourse(t: TestApp, admin: Client, providerId: string, overrides: Partial<CourseContent> = {}) {
  const content = validContent(await currentFrameworkId(t), overrides);
  const created = await admin.request({ method: 'POST', url: '/api/courses', payload: { providerId, content } });
  if (created.statusCode !== 201) throw new Error(`createCourse: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  await uploadPdf(admin, id);
  const submitted = await admin.request({ method: 'POST', url: `/api/courses/${id}/submission` });
  if (submitted.statusCode !== 200) throw new Error(`submitCourse: ${submitted.statusCode} ${submitted.body}`);
  return id;
}

/** A reviewer in the registry (approved) who can sign in. */
export async function buildReviewer(t: TestApp) {
  const client = await clientAs(t, 'reviewer');
  const [r] = await t.database.db
    .insert(reviewers)
    .values({ userId: client.userId, status: 'approved', qualifications: 'ผู้เชี่ยวชาญ' })
    .returning();
  return Object.assign(client, { reviewerId: r.id });
}

export async function assign(t: TestApp, courseId: string, reviewerId: string, opts: { version?: number; state?: string } = {}) {
  const [a] = await t.database.db
    .insert(reviewAssignments)
    .values({
      courseId,
      version: opts.version ?? 1,
      reviewerId,
      state: opts.state ?? 'accepted',
      dueAt: new Date(Date.now() + 14 * 86_400_000),
    })
    .returning();
  return a.id;
}

export function reviewBody(score = 4, overrides: Record<string, unknown> = {}) {
  return {
    scores: DEFAULT_CRITERIA.map((c) => ({ criterionCode: c.code, score, comment: `ความเห็น ${c.code}` })),
    recommendation: 'accredit',
    commentsToProvider: 'ควรเพิ่มกรณีศึกษา',
    confidentialComments: 'ความเห็นลับสำหรับเจ้าหน้าที่',
    ...overrides,
  };
}

/** A submitted course sent to review, with two accepted reviewer assignments. */
export async function buildCourseInReview(t: TestApp, admin: Client, providerId: string, officer: Client) {
  const id = await buildSubmittedCourse(t, admin, providerId);
  const res = await officer.request({ method: 'POST', url: `/api/courses/${id}/screening`, payload: { action: 'send_to_review' } });
  if (res.statusCode !== 200) throw new Error(`screenSubmission: ${res.statusCode} ${res.body}`);
  const r1 = await buildReviewer(t);
  const r2 = await buildReviewer(t);
  const a1 = await assign(t, id, r1.reviewerId);
  const a2 = await assign(t, id, r2.reviewerId);
  return { id, r1, r2, a1, a2 };
}
