import { z } from 'zod';
import { TARGET_GROUP_CODES } from '../people-rules.js';
import { CheckResult, TEACHING_METHODS, type TeachingMethod } from './accreditation.js';
import { AgencyRef } from './people.js';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------- plan content

export const PLAN_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const PlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof PlanState>;

/** What a target measures. Assessment metrics are measured once assessments exist (a later module). */
export const TARGET_METRICS = ['assessed_pct', 'at_level_pct', 'hours_per_person', 'people_trained'] as const;
export const TargetMetric = z.enum(TARGET_METRICS);
export type TargetMetric = z.infer<typeof TargetMetric>;

export const BUDGET_CATEGORIES = ['training', 'coaching', 'on_the_job', 'materials', 'travel', 'other'] as const;
export const BudgetCategory = z.enum(BUDGET_CATEGORIES);

/** 70:20:10 — learning on the job, from others (coaching and mentoring), formal courses. */
export const ACTIVITY_TYPES = ['on_the_job', 'coaching', 'formal'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;
export const MIX_TARGET: Record<ActivityType, number> = { on_the_job: 70, coaching: 20, formal: 10 };

/** A target for one target group in one skill area (`ALL`: every area). */
export const PlanTarget = z.object({
  targetGroupCode: z.enum(TARGET_GROUP_CODES),
  skillAreaCode: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Z0-9_-]+$/),
  metric: TargetMetric,
  value: z.number().min(0).max(100_000),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const BudgetLine = z.object({
  item: text(200),
  category: BudgetCategory,
  amountBaht: z.number().min(0).max(10_000_000_000),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const PlanActivity = z.object({
  title: text(200),
  type: ActivityType,
  plannedHours: z.number().min(0).max(10_000),
  plannedPeople: z.number().int().min(0).max(1_000_000),
});
export type PlanActivity = z.infer<typeof PlanActivity>;

const planContent = {
  phase: z.string().trim().min(1).max(40),
  objectives: z.array(text(1000)).max(20),
  targets: z.array(PlanTarget).max(100),
  budgetLines: z.array(BudgetLine).max(200),
  activities: z.array(PlanActivity).max(200),
  plannedCourseIds: z.array(z.uuid()).max(100),
};

export const CreateAgencyPlanBody = z.strictObject({
  agencyId: z.uuid(),
  fiscalYear: z.number().int().min(2560).max(2700),
  phase: planContent.phase.optional(),
  objectives: planContent.objectives.default([]),
  targets: planContent.targets.default([]),
  budgetLines: planContent.budgetLines.default([]),
  activities: planContent.activities.default([]),
  plannedCourseIds: planContent.plannedCourseIds.default([]),
});
export type CreateAgencyPlanBody = z.infer<typeof CreateAgencyPlanBody>;

/** The whole content, with the version the editor started from (a stale version is 409). */
export const UpdateAgencyPlanBody = z.strictObject({ ...planContent, version: z.number().int().min(1) });
export type UpdateAgencyPlanBody = z.infer<typeof UpdateAgencyPlanBody>;

export const PlanDecisionBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const ReturnAgencyPlanBody = z.strictObject({ comment: text(2000) });
export type ReturnAgencyPlanBody = z.infer<typeof ReturnAgencyPlanBody>;

export const ListAgencyPlansQuery = z.object({
  agencyId: z.uuid().optional(),
  fiscalYear: z.coerce.number().int().min(2560).max(2700).optional(),
  state: PlanState.optional(),
});

// ---------------------------------------------------------------- computed parts

/** Planned person-hours by type as whole percentages (null when nothing is planned). */
export type PlanMix = Record<ActivityType, number> | null;

/**
 * The planned 70:20:10 mix: each activity weighs its planned hours times planned people (person-hours).
 * Shared by the server (views, reports) and the editor's live bar.
 */
export function computePlanMix(activities: readonly { type: ActivityType; plannedHours: number; plannedPeople: number }[]): PlanMix {
  const sums: Record<ActivityType, number> = { on_the_job: 0, coaching: 0, formal: 0 };
  for (const a of activities) sums[a.type] += Math.max(0, a.plannedHours) * Math.max(0, a.plannedPeople);
  const total = sums.on_the_job + sums.coaching + sums.formal;
  if (total <= 0) return null;
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return { on_the_job: pct(sums.on_the_job), coaching: pct(sums.coaching), formal: pct(sums.formal) };
}

export const TargetProgress = z.object({
  /** `not_measured`: the data the metric needs does not exist yet (assessments). */
  status: z.enum(['measured', 'not_measured']),
  /** The measured value in the metric's unit (percent, hours per person, people). */
  actual: z.number().nullable(),
  /** Active personnel of the target group in the agency's subtree. */
  population: z.number().nullable(),
  /** Actual as a percentage of the target value, capped at 100. */
  achievedPct: z.number().nullable(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const PlanTargetView = PlanTarget.extend({ progress: TargetProgress });

export const PlannedCourseView = z.object({
  id: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  providerNameTh: z.string(),
  providerNameEn: z.string(),
  hours: z.number(),
});
export type PlannedCourseView = z.infer<typeof PlannedCourseView>;

export const CohortSummary = z.object({
  id: z.string(),
  title: z.string(),
  courseId: z.string(),
  courseTitleTh: z.string(),
  courseTitleEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  mode: z.string(),
  capacity: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  state: z.enum(['open', 'completed']),
});
export type CohortSummary = z.infer<typeof CohortSummary>;

export const PlanEventView = z.object({
  action: z.enum(['submit', 'approve', 'return']),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const PlanAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  manageCohorts: z.boolean(),
});

export const PhaseOption = z.object({ code: z.string(), th: z.string(), en: z.string() });
export type PhaseOption = z.infer<typeof PhaseOption>;

export const AgencyPlanView = z.object({
  id: z.string(),
  agency: AgencyRef,
  fiscalYear: z.number(),
  state: PlanState,
  version: z.number(),
  phase: z.string(),
  phases: z.array(PhaseOption),
  objectives: z.array(z.string()),
  targets: z.array(PlanTargetView),
  budgetLines: z.array(BudgetLine),
  budgetTotal: z.number(),
  activities: z.array(PlanActivity),
  mix: z.object({ on_the_job: z.number(), coaching: z.number(), formal: z.number() }).nullable(),
  plannedCourses: z.array(PlannedCourseView),
  cohorts: z.array(CohortSummary),
  events: z.array(PlanEventView),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  abilities: PlanAbilities,
});
export type AgencyPlanView = z.infer<typeof AgencyPlanView>;

export const AgencyPlanSummary = z.object({
  id: z.string(),
  agency: AgencyRef,
  fiscalYear: z.number(),
  state: PlanState,
  phase: z.string(),
  targetCount: z.number(),
  budgetTotal: z.number(),
  cohortCount: z.number(),
  updatedAt: z.string(),
});
export type AgencyPlanSummary = z.infer<typeof AgencyPlanSummary>;

export const AgencyPlanList = z.object({
  items: z.array(AgencyPlanSummary),
  /** Agencies where the caller may start a plan (HR scopes). */
  canCreateFor: z.array(AgencyRef),
  phases: z.array(PhaseOption),
});
export type AgencyPlanList = z.infer<typeof AgencyPlanList>;

// ---------------------------------------------------------------- cohorts

export const COHORT_MODES = ['classroom', 'online_meeting', 'blended'] as const;
export const CohortMode = z.enum(COHORT_MODES);
export type CohortMode = z.infer<typeof CohortMode>;
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

const methodHours = z.number().min(0).max(2000);
export const CohortHours = z.strictObject(
  Object.fromEntries(TEACHING_METHODS.map((m) => [m, methodHours.default(0)])) as Record<TeachingMethod, z.ZodDefault<typeof methodHours>>,
);

export const CreateCohortBody = z.strictObject({
  courseId: z.uuid(),
  title: text(200),
  startsOn: isoDate,
  endsOn: isoDate,
  mode: CohortMode,
  venue: z.string().trim().max(300).optional(),
  meetingUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  capacity: z.number().int().min(1).max(2000),
  sessionCount: z.number().int().min(1).max(60),
  attendanceThreshold: z.number().int().min(1).max(100).default(80),
  hours: CohortHours,
});
export type CreateCohortBody = z.infer<typeof CreateCohortBody>;

/** People to enrol: by id (picked from personnel) and/or by e-mail (a pasted list). */
export const EnrollInCohortBody = z
  .strictObject({
    personIds: z.array(z.uuid()).max(2000).default([]),
    emails: z.array(z.string().trim().toLowerCase().max(254)).max(2000).default([]),
  })
  .refine((b) => b.personIds.length + b.emails.length > 0, { message: 'name at least one person', path: ['personIds'] });
export type EnrollInCohortBody = z.infer<typeof EnrollInCohortBody>;
export const EnrollmentResult = z.object({ enrolled: z.number(), alreadyEnrolled: z.number() });

export const RecordAttendanceBody = z.strictObject({
  session: z.number().int().min(1).max(60),
  marks: z
    .array(z.object({ personId: z.uuid(), status: AttendanceStatus }))
    .min(1)
    .max(2000),
});
export type RecordAttendanceBody = z.infer<typeof RecordAttendanceBody>;

export const CompleteCohortBody = z.strictObject({ completedOn: isoDate });
export const CompletionResult = z.object({
  completed: z.number(),
  notCompleted: z.number(),
  /** Learning records written by this call (0 when the cohort was already completed). */
  learningRecordsCreated: z.number(),
  /** Completing participants without an account, who cannot hold a learning record yet. */
  withoutAccount: z.number(),
});

export const CohortParticipantView = z.object({
  personId: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  email: z.string().nullable(),
  targetGroupCode: z.string(),
  /** One entry per session, null where nothing is recorded. */
  attendance: z.array(AttendanceStatus.nullable()),
  present: z.number(),
  completed: z.boolean(),
  hasAccount: z.boolean(),
});
export type CohortParticipantView = z.infer<typeof CohortParticipantView>;

export const CohortView = z.object({
  id: z.string(),
  planId: z.string(),
  agency: AgencyRef,
  fiscalYear: z.number(),
  course: PlannedCourseView,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  mode: CohortMode,
  venue: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  capacity: z.number(),
  sessionCount: z.number(),
  attendanceThreshold: z.number(),
  hours: z.record(z.string(), z.number()),
  /** The lecture ≤ 60% check of a classroom or blended design (empty when it passes or does not apply). */
  designCheck: z.array(CheckResult),
  state: z.enum(['open', 'completed']),
  completedOn: z.string().nullable(),
  participants: z.array(CohortParticipantView),
  abilities: z.object({ manage: z.boolean() }),
});
export type CohortView = z.infer<typeof CohortView>;
