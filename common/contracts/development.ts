import { z } from 'zod';
import { PageQuery } from './shared.js';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const areaCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Z0-9_-]+$/);

// ---------------------------------------------------------------- skill profile

/** Where a level on the profile comes from. */
export const LEVEL_SOURCES = ['tested', 'evidence', 'self'] as const;

export const SkillLevelEvidence = z.object({
  /** course · activity */
  kind: z.enum(['course', 'activity']),
  id: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  level: z.number().int(),
  at: z.string(),
});

export const SkillProfileRow = z.object({
  skillAreaCode: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  /** Null: the target group does not need this area. */
  requiredLevel: z.number().int().nullable(),
  requiredIsSample: z.boolean(),
  selfAssessed: z.object({ level: z.number().int(), at: z.string() }).nullable(),
  tested: z.object({ level: z.number().int(), at: z.string(), attemptId: z.string() }).nullable(),
  evidence: z.object({ level: z.number().int(), at: z.string(), items: z.array(SkillLevelEvidence) }).nullable(),
  /** Tested level, raised by evidence gained after the test; evidence alone without a test; self-assessment never. */
  currentLevel: z.number().int().nullable(),
  currentSource: z.enum(['tested', 'evidence']).nullable(),
  /** Required minus current (0 when met); null when the area is not required. */
  gap: z.number().int().nullable(),
});
export type SkillProfileRow = z.infer<typeof SkillProfileRow>;

export const SkillHistoryPoint = z.object({
  at: z.string(),
  skillAreaCode: z.string(),
  source: z.enum(LEVEL_SOURCES),
  level: z.number().int(),
  /** The current level of the area right after this point. */
  currentLevel: z.number().int().nullable(),
});

export const SkillProfileView = z.object({
  person: z.object({
    id: z.string(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    agencyNameTh: z.string(),
    agencyNameEn: z.string(),
    targetGroupCode: z.string(),
    targetGroupNameTh: z.string(),
    targetGroupNameEn: z.string(),
    hasAccount: z.boolean(),
  }),
  framework: z.object({ id: z.string(), code: z.string(), titleTh: z.string(), titleEn: z.string(), maxLevel: z.number().int() }),
  levels: z.array(z.object({ rank: z.number().int(), nameTh: z.string(), nameEn: z.string() })),
  rows: z.array(SkillProfileRow),
  history: z.array(SkillHistoryPoint),
  summary: z.object({ required: z.number().int(), met: z.number().int(), withGap: z.number().int(), notAssessed: z.number().int() }),
  abilities: z.object({ draftPlan: z.boolean() }),
});
export type SkillProfileView = z.infer<typeof SkillProfileView>;

export const PersonParams = z.object({ personId: z.uuid() });

export const GapHeatmapQuery = z.object({ agencyId: z.uuid() });
export const GapHeatmapCell = z.object({
  targetGroupCode: z.string(),
  skillAreaCode: z.string(),
  requiredLevel: z.number().int().nullable(),
  people: z.number().int(),
  /** People below the required level; null when the cell is suppressed (fewer than 5 people) or not required. */
  below: z.number().int().nullable(),
  belowPct: z.number().nullable(),
  suppressed: z.boolean(),
});
export const GapHeatmapView = z.object({
  agency: z.object({ id: z.string(), code: z.string(), nameTh: z.string(), nameEn: z.string() }),
  targetGroups: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), people: z.number().int() })),
  skillAreas: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() })),
  cells: z.array(GapHeatmapCell),
  minCell: z.number().int(),
  agencies: z.array(z.object({ id: z.string(), code: z.string(), nameTh: z.string(), nameEn: z.string() })),
});
export type GapHeatmapView = z.infer<typeof GapHeatmapView>;

// ---------------------------------------------------------------- development plans

export const DEVELOPMENT_PLAN_STATES = ['draft', 'submitted', 'approved', 'returned', 'completed'] as const;
export const DevelopmentPlanState = z.enum(DEVELOPMENT_PLAN_STATES);
export type DevelopmentPlanState = z.infer<typeof DevelopmentPlanState>;

/** 70:20:10 — on the job, coaching and mentoring, formal courses. */
export const DEVELOPMENT_ACTIVITY_TYPES = ['on_the_job', 'coaching', 'formal'] as const;
export const DevelopmentActivityType = z.enum(DEVELOPMENT_ACTIVITY_TYPES);
export type DevelopmentActivityType = z.infer<typeof DevelopmentActivityType>;
export const DEVELOPMENT_MIX_TARGET: Record<DevelopmentActivityType, number> = { on_the_job: 70, coaching: 20, formal: 10 };

export const DevelopmentActivityInput = z.strictObject({
  /** An existing activity of the plan (kept), or none for a new one. */
  id: z.uuid().optional(),
  type: DevelopmentActivityType,
  title: text(300),
  description: z.string().trim().max(2000).optional(),
  skillAreaCode: areaCode,
  targetLevel: z.number().int().min(1).max(10),
  /** Required for a formal activity: a course of the catalogue. */
  courseId: z.uuid().optional(),
  runId: z.uuid().optional(),
  plannedHours: z.number().min(0.5).max(2000),
  dueOn: isoDate.optional(),
  coach: z.string().trim().max(200).optional(),
});
export type DevelopmentActivityInput = z.infer<typeof DevelopmentActivityInput>;

export const DraftDevelopmentPlanBody = z.strictObject({
  fiscalYear: z.number().int().min(2560).max(2700),
  /** Courses proposed per gap (the first is planned, the rest listed as alternatives). */
  coursesPerGap: z.number().int().min(1).max(5).default(3),
});
export type DraftDevelopmentPlanBody = z.infer<typeof DraftDevelopmentPlanBody>;

export const UpdateDevelopmentPlanBody = z.strictObject({
  version: z.number().int().min(1),
  goal: z.string().trim().max(2000).optional(),
  activities: z.array(DevelopmentActivityInput).max(60),
});
export type UpdateDevelopmentPlanBody = z.infer<typeof UpdateDevelopmentPlanBody>;

export const PlanDecisionBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const ReturnPlanBody = z.strictObject({ comment: text(2000) });

/** Evidence files: PDF or images, at most 2 MB, sent as base64 inside the JSON body. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

export const AttestActivityBody = z
  .strictObject({
    note: z.string().trim().max(2000).optional(),
    file: z
      .strictObject({
        name: text(200),
        contentType: z.enum(EVIDENCE_TYPES),
        base64: z
          .string()
          .min(1)
          .max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 8),
      })
      .optional(),
  })
  .refine((b) => (b.note && b.note.length >= 3) || b.file, { message: 'give a note of at least 3 characters or a file', path: ['note'] });
export type AttestActivityBody = z.infer<typeof AttestActivityBody>;

export const ActivityState = z.enum(['planned', 'completed']);

export const DevelopmentActivityView = z.object({
  id: z.string(),
  position: z.number().int(),
  type: DevelopmentActivityType,
  title: z.string(),
  description: z.string().nullable(),
  skillAreaCode: z.string(),
  targetLevel: z.number().int(),
  course: z
    .object({
      id: z.string(),
      titleTh: z.string(),
      titleEn: z.string(),
      providerNameTh: z.string(),
      providerNameEn: z.string(),
      hours: z.number(),
      nextRunOn: z.string().nullable(),
    })
    .nullable(),
  runId: z.string().nullable(),
  plannedHours: z.number(),
  dueOn: z.string().nullable(),
  coach: z.string().nullable(),
  state: ActivityState,
  completedAt: z.string().nullable(),
  /** How it completed: a learning record of the course, or the supervisor's attestation. */
  evidence: z
    .object({
      kind: z.enum(['learning_record', 'attestation']),
      note: z.string().nullable(),
      by: z.string().nullable(),
      file: z.object({ id: z.string(), name: z.string(), contentType: z.string(), byteSize: z.number() }).nullable(),
    })
    .nullable(),
  abilities: z.object({ attest: z.boolean() }),
});
export type DevelopmentActivityView = z.infer<typeof DevelopmentActivityView>;

export const MixValues = z.object({ on_the_job: z.number(), coaching: z.number(), formal: z.number() });
export type MixValues = z.infer<typeof MixValues>;

export const CourseSuggestion = z.object({
  skillAreaCode: z.string(),
  neededLevel: z.number().int(),
  courses: z.array(
    z.object({
      id: z.string(),
      titleTh: z.string(),
      titleEn: z.string(),
      providerNameTh: z.string(),
      providerNameEn: z.string(),
      hours: z.number(),
      level: z.number().int(),
      nextRunOn: z.string().nullable(),
    }),
  ),
});

export const DevelopmentPlanView = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string().nullable(), targetGroupCode: z.string() }),
  fiscalYear: z.number().int(),
  state: DevelopmentPlanState,
  version: z.number().int(),
  goal: z.string().nullable(),
  activities: z.array(DevelopmentActivityView),
  /** Courses found for each gap when the plan was drafted or now, for choosing another. */
  suggestions: z.array(CourseSuggestion),
  mix: z.object({
    plannedHours: MixValues,
    actualHours: MixValues,
    /** Shares of planned hours in percent; null without hours. */
    planned: MixValues.nullable(),
    actual: MixValues.nullable(),
    target: MixValues,
  }),
  progress: z.object({ done: z.number().int(), total: z.number().int(), pct: z.number() }),
  events: z.array(z.object({ action: z.string(), comment: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), return: z.boolean() }),
});
export type DevelopmentPlanView = z.infer<typeof DevelopmentPlanView>;

export const MyPlanQuery = z.object({ fiscalYear: z.coerce.number().int().min(2560).max(2700).optional() });
export const MyPlanResult = z.object({ plan: DevelopmentPlanView.nullable(), fiscalYear: z.number().int() });

export const SupervisorQueueView = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      personNameTh: z.string(),
      personNameEn: z.string().nullable(),
      fiscalYear: z.number().int(),
      state: DevelopmentPlanState,
      submittedAt: z.string().nullable(),
      activities: z.number().int(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      personNameTh: z.string(),
      personNameEn: z.string().nullable(),
      type: DevelopmentActivityType,
      title: z.string(),
      skillAreaCode: z.string(),
      targetLevel: z.number().int(),
      plannedHours: z.number(),
      dueOn: z.string().nullable(),
    }),
  ),
  reports: z.array(z.object({ personId: z.string(), nameTh: z.string(), nameEn: z.string().nullable(), targetGroupCode: z.string() })),
});
export type SupervisorQueueView = z.infer<typeof SupervisorQueueView>;

// ---------------------------------------------------------------- learning records

export const MAX_COMPLETIONS_PER_BATCH = 1000;

/** One completion a provider reports: who (citizen ID or e-mail), which course (id or accreditation number), when. */
export const CompletionInput = z
  .strictObject({
    citizenId: z
      .string()
      .trim()
      .regex(/^[0-9-\s]{13,17}$/)
      .optional(),
    email: z.email().max(254).optional(),
    courseId: z.uuid().optional(),
    accreditationNumber: z.string().trim().min(1).max(60).optional(),
    runId: z.uuid().optional(),
    completedAt: z.union([z.iso.datetime({ offset: true }), isoDate]),
    score: z.number().min(0).max(100).optional(),
  })
  .refine((c) => c.citizenId || c.email, { message: 'give citizenId or email', path: ['citizenId'] })
  .refine((c) => c.courseId || c.accreditationNumber, { message: 'give courseId or accreditationNumber', path: ['courseId'] });
export type CompletionInput = z.infer<typeof CompletionInput>;

export const RecordCompletionsBody = z.strictObject({ completions: z.array(z.unknown()).min(1).max(MAX_COMPLETIONS_PER_BATCH) });

export const CompletionRowError = z.object({
  index: z.number().int(),
  row: z.number().int().optional(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const RecordCompletionsResult = z.object({
  received: z.number().int(),
  recorded: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  certificatesIssued: z.number().int(),
  errors: z.array(CompletionRowError),
});
export type RecordCompletionsResult = z.infer<typeof RecordCompletionsResult>;

/** The columns of a completions CSV (the same fields as the JSON batch). */
export const COMPLETION_COLUMNS = ['citizenId', 'email', 'courseId', 'accreditationNumber', 'runId', 'completedAt', 'score'] as const;

export const LearningRecordsQuery = PageQuery.extend({
  verb: z.enum(['completed', 'passed', 'failed']).optional(),
  objectType: z.enum(['course', 'assessment_attempt', 'development_activity', 'development_plan']).optional(),
});

export const LearningRecordView = z.object({
  id: z.string(),
  verb: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  authority: z.string(),
  authorityNameTh: z.string().nullable(),
  authorityNameEn: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: z.string(),
  certificateNumber: z.string().nullable(),
});
export type LearningRecordView = z.infer<typeof LearningRecordView>;

export const LearningRecordList = z.object({
  items: z.array(LearningRecordView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LearningRecordList = z.infer<typeof LearningRecordList>;
