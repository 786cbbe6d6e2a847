import { z } from 'zod';
import { CheckResult, CourseDraft } from './accreditation.js';

const reason = z.string().trim().min(1).max(5000);

export const CourseStateSchema = z.enum([
  'draft',
  'submitted',
  'screening',
  'in_review',
  'decision_pending',
  'accredited',
  'accredited_with_conditions',
  'revision_requested',
  'rejected',
  'suspended',
  'revoked',
  'expired',
]);

/** The provider's answer to each change the last decision required, keyed by the change's index ("0", "1", …). */
export const RevisionResponses = z.record(z.string().regex(/^\d{1,2}$/), z.string().trim().min(1).max(5000));

export const CreateCourseBody = z.strictObject({ providerId: z.uuid(), content: CourseDraft });
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;
export const UpdateCourseBody = z.strictObject({ content: CourseDraft, responses: RevisionResponses.optional() });
export type UpdateCourseBody = z.infer<typeof UpdateCourseBody>;

export const DiffEntry = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type DiffEntry = z.infer<typeof DiffEntry>;

export const Outcome = z.enum(['accredit', 'accredit_with_conditions', 'revise', 'reject']);
export type Outcome = z.infer<typeof Outcome>;

export const DecisionView = z.object({
  version: z.number(),
  outcome: Outcome,
  reasons: z.string(),
  requiredChanges: z.array(z.object({ text: z.string() })),
  conditions: z.string().nullable(),
  decidedAt: z.string(),
});

/** A review as a provider sees it: anonymous, comments to the provider only. */
export const AnonymousReviewComment = z.object({ label: z.string(), version: z.number(), commentsToProvider: z.string() });

export const CourseAbilities = z.object({
  edit: z.boolean(),
  uploadSyllabus: z.boolean(),
  submit: z.boolean(),
  screen: z.boolean(),
  decide: z.boolean(),
  renew: z.boolean(),
  suspend: z.boolean(),
  reinstate: z.boolean(),
  revoke: z.boolean(),
  viewReviews: z.boolean(),
});

export const CourseView = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  state: CourseStateSchema,
  version: z.number(),
  titleTh: z.string(),
  titleEn: z.string(),
  content: CourseDraft,
  checks: z.array(CheckResult),
  hasSyllabus: z.boolean(),
  responses: z.record(z.string(), z.string()).nullable(),
  diff: z.array(DiffEntry),
  diffAgainstVersion: z.number().nullable(),
  decisions: z.array(DecisionView),
  reviewComments: z.array(AnonymousReviewComment),
  submittedAt: z.string().nullable(),
  screeningDueAt: z.string().nullable(),
  reviewDueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  accreditationNumber: z.string().nullable(),
  accreditedAt: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  conditions: z.string().nullable(),
  abilities: CourseAbilities,
});
export type CourseView = z.infer<typeof CourseView>;

export const CourseSummary = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  state: CourseStateSchema,
  version: z.number(),
  titleTh: z.string(),
  titleEn: z.string(),
  submittedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  accreditationNumber: z.string().nullable(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;
export const CourseList = z.object({ items: z.array(CourseSummary), total: z.number(), page: z.number(), pageSize: z.number() });

const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const ListCoursesQuery = z.object({ state: CourseStateSchema.optional(), providerId: z.uuid().optional(), ...pageFields });
export const ListSubmissionsQuery = z.object({
  state: CourseStateSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  providerId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageFields,
});
export type ListSubmissionsQuery = z.infer<typeof ListSubmissionsQuery>;

export const ScreenBody = z.strictObject({
  action: z.enum(['send_to_review', 'return_for_completion']),
  reasons: z.string().trim().max(5000).optional(),
});
export type ScreenBody = z.infer<typeof ScreenBody>;

export const DecisionBody = z.strictObject({
  outcome: Outcome,
  reasons: reason,
  requiredChanges: z
    .array(z.strictObject({ text: reason }))
    .max(50)
    .optional(),
  conditions: z.string().trim().max(5000).optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const ReasonBody = z.strictObject({ reason });

export const RubricCriterion = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/),
  labelTh: z.string().trim().min(1).max(300),
  labelEn: z.string().trim().min(1).max(300),
  weight: z.number().int().min(1).max(100),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;
export const UpdateRubricBody = z.strictObject({ criteria: z.array(RubricCriterion).min(1).max(20) });
export const RubricView = z.object({
  id: z.string(),
  yearBe: z.number(),
  round: z.number(),
  criteria: z.array(RubricCriterion),
  createdAt: z.string(),
});

export const Recommendation = z.enum(['accredit', 'accredit_with_conditions', 'revise', 'reject']);
export const SubmitReviewBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterionCode: z.string().trim().min(1).max(40),
        score: z.number().int().min(1).max(5),
        comment: z.string().trim().max(5000).default(''),
      }),
    )
    .min(1)
    .max(20),
  recommendation: Recommendation,
  commentsToProvider: reason,
  confidentialComments: z.string().trim().max(5000).optional(),
});
export type SubmitReviewBody = z.infer<typeof SubmitReviewBody>;

export const ReviewView = z.object({
  assignmentId: z.string().nullable(),
  /** Officers see the reviewer; other reviewers see "Reviewer A/B". */
  label: z.string(),
  reviewerName: z.string().nullable(),
  isMine: z.boolean(),
  version: z.number(),
  scores: z.array(z.object({ criterionCode: z.string(), score: z.number(), comment: z.string() })),
  weightedScore: z.number(),
  recommendation: Recommendation,
  commentsToProvider: z.string(),
  confidentialComments: z.string().nullable(),
  submittedAt: z.string(),
});
export const ReviewList = z.object({
  version: z.number(),
  items: z.array(ReviewView),
  spread: z.number().nullable(),
  isDisagreement: z.boolean(),
});

export const AccreditationVerification = z.object({
  number: z.string(),
  courseTitleTh: z.string(),
  courseTitleEn: z.string(),
  providerName: z.string(),
  state: CourseStateSchema,
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  isValid: z.boolean(),
});

export const HistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorLabel: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});
export const HistoryList = z.object({ items: z.array(HistoryEntry) });
