import { z } from 'zod';

export const TEACHING_METHODS = ['lecture', 'workshop', 'discussion', 'role_play', 'case_study', 'e_learning', 'on_the_job', 'other'] as const;
export type TeachingMethod = (typeof TEACHING_METHODS)[number];
/** Methods taught in a room with an instructor; the 60/40 rule is computed over these. */
export const CLASSROOM_METHODS: readonly TeachingMethod[] = ['lecture', 'workshop', 'discussion', 'role_play', 'case_study', 'other'];

const hours = z.number().min(0).max(2000);
const shortText = z.string().trim().min(1).max(300);
const longText = z.string().trim().min(1).max(5000);
const code = z.string().trim().min(1).max(40);

export const CourseOutcome = z.strictObject({
  textTh: longText,
  textEn: z.string().trim().max(5000).optional(),
  skillAreaCode: code,
  levelRank: z.number().int().min(1).max(10),
  unitCodes: z.array(code).max(20).default([]),
});

export const Instructor = z.strictObject({
  name: shortText,
  qualifications: longText,
});

/** Everything a provider says about a course. A draft may leave fields out; submitting checks completeness. */
export const CourseContent = z.strictObject({
  titleTh: shortText,
  titleEn: shortText,
  summaryTh: longText,
  summaryEn: z.string().trim().max(5000).optional(),
  objectives: z.array(longText).min(1).max(20),
  outcomes: z.array(CourseOutcome).min(1).max(30),
  targetGroupCodes: z.array(code).min(1).max(6),
  prerequisites: z.string().trim().max(2000).optional(),
  hours: z.strictObject(Object.fromEntries(TEACHING_METHODS.map((m) => [m, hours.default(0)])) as Record<TeachingMethod, z.ZodDefault<typeof hours>>),
  delivery: z.enum(['classroom', 'online', 'blended']),
  pacing: z.enum(['instructor_led', 'self_paced']),
  assessmentMethod: longText,
  instructors: z.array(Instructor).min(1).max(30),
  feeBaht: z.number().min(0).max(1_000_000),
  capacity: z.number().int().min(1).max(100_000).optional(),
  language: z.enum(['th', 'en', 'th_en']),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  frameworkId: z.uuid(),
});
export type CourseContent = z.infer<typeof CourseContent>;

/** A draft: any subset of the content, each present field valid on its own. */
export const CourseDraft = CourseContent.partial();
export type CourseDraft = z.infer<typeof CourseDraft>;

export const CheckResult = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  field: z.string().nullable(),
  messageTh: z.string(),
  messageEn: z.string(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const ProviderKind = z.enum(['government', 'university', 'company', 'foundation']);
export const ProviderStatus = z.enum(['pending', 'verified', 'rejected']);

export const ProviderView = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: ProviderKind,
  provinceCode: z.string().nullable(),
  status: ProviderStatus,
});
export type ProviderView = z.infer<typeof ProviderView>;

export const ListProvidersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: ProviderStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ProviderList = z.object({ items: z.array(ProviderView), total: z.number(), page: z.number(), pageSize: z.number() });
