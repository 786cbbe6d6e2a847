import { z } from 'zod';
import { isValidThaiId } from '../citizen-id.js';
import { ProviderKind, ProviderStatus } from './accreditation.js';
import { NewPassword } from './auth.js';

const name = z.string().trim().min(1).max(300);
const reasonText = z.string().trim().min(1).max(2000);
const isoDate = z.iso.date();

// ---------------------------------------------------------------- providers

/** A provider registers itself and its first administrator in one step; the tax ID carries a check digit. */
export const RegisterProviderBody = z.strictObject({
  nameTh: name,
  nameEn: name,
  kind: ProviderKind,
  taxId: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine(isValidThaiId, { message: 'must be a 13-digit tax ID with a valid check digit' }),
  address: z.string().trim().min(1).max(1000),
  provinceCode: z.string().regex(/^\d{2}$/),
  /** Shown as a link, so only http(s). */
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  contactName: name,
  contactEmail: z.email().max(254),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()]{6,30}$/),
  admin: z.strictObject({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(200),
    password: NewPassword,
  }),
});
export type RegisterProviderBody = z.infer<typeof RegisterProviderBody>;

export const VerifyProviderBody = z
  .strictObject({ decision: z.enum(['verify', 'reject']), reason: reasonText.optional() })
  .refine((b) => b.decision !== 'reject' || !!b.reason, { path: ['reason'], message: 'a reason is required to reject' });
export type VerifyProviderBody = z.infer<typeof VerifyProviderBody>;

export const InviteProviderColleagueBody = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
});
export type InviteProviderColleagueBody = z.infer<typeof InviteProviderColleagueBody>;

/** A provider as its admins and officers see it; the public gets the same shape with the contact fields null. */
export const ProviderDetailView = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: ProviderKind,
  taxId: z.string(),
  status: ProviderStatus,
  address: z.string().nullable(),
  provinceCode: z.string().nullable(),
  website: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  abilities: z.object({ canVerify: z.boolean(), canInviteMembers: z.boolean() }),
});
export type ProviderDetailView = z.infer<typeof ProviderDetailView>;

export const RegisterProviderView = z.object({
  provider: ProviderDetailView,
  admin: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
});

export const ProviderMemberView = z.object({ id: z.string(), email: z.string(), displayName: z.string() });
export type ProviderMemberView = z.infer<typeof ProviderMemberView>;

// ---------------------------------------------------------------- reviewers

export const ReviewerStatus = z.enum(['pending', 'approved', 'rejected']);

export const ExpertiseItem = z.strictObject({
  skillAreaCode: z.string().trim().min(1).max(40),
  levelRank: z.number().int().min(1).max(10),
});

export const AffiliationItem = z
  .strictObject({
    organisationName: name,
    providerId: z.uuid().optional(),
    roleTitle: z.string().trim().min(1).max(200).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((a) => !a.startDate || !a.endDate || a.startDate <= a.endDate, { path: ['endDate'], message: 'must not be before startDate' });

export const ApplyAsReviewerBody = z.strictObject({
  expertise: z
    .array(ExpertiseItem)
    .min(1)
    .max(30)
    .refine((xs) => new Set(xs.map((x) => x.skillAreaCode)).size === xs.length, { message: 'each skill area at most once' }),
  qualifications: z.string().trim().min(1).max(5000),
  affiliations: z.array(AffiliationItem).max(30).default([]),
  maxConcurrent: z.number().int().min(1).max(10).default(3),
});
export type ApplyAsReviewerBody = z.infer<typeof ApplyAsReviewerBody>;

export const ReviewerDecisionBody = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: reasonText.optional() })
  .refine((b) => b.decision !== 'reject' || !!b.reason, { path: ['reason'], message: 'a reason is required to reject' });
export type ReviewerDecisionBody = z.infer<typeof ReviewerDecisionBody>;

export const DeclareConflictBody = z.strictObject({ providerId: z.uuid(), reason: reasonText });
export type DeclareConflictBody = z.infer<typeof DeclareConflictBody>;

export const ListReviewersQuery = z.object({
  status: ReviewerStatus.optional(),
  skillAreaCode: z.string().trim().min(1).max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListReviewersQuery = z.infer<typeof ListReviewersQuery>;

export const ReviewerView = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  status: ReviewerStatus,
  qualifications: z.string(),
  maxConcurrent: z.number(),
  expertise: z.array(z.object({ skillAreaCode: z.string(), levelRank: z.number() })),
  affiliations: z.array(
    z.object({
      id: z.string(),
      organisationName: z.string(),
      providerId: z.string().nullable(),
      roleTitle: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    }),
  ),
  conflicts: z.array(z.object({ providerId: z.string(), reason: z.string(), declaredAt: z.string() })),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  abilities: z.object({ canDecide: z.boolean() }),
});
export type ReviewerView = z.infer<typeof ReviewerView>;

export const ReviewerList = z.object({ items: z.array(ReviewerView), total: z.number(), page: z.number(), pageSize: z.number() });

export const ConflictView = z.object({ providerId: z.string(), reason: z.string(), declaredAt: z.string() });

// ---------------------------------------------------------------- matching and assignments

export const MatchReason = z.object({ code: z.string(), textTh: z.string(), textEn: z.string() });
export type MatchReason = z.infer<typeof MatchReason>;

export const ReviewerSuggestionsView = z.object({
  courseId: z.string(),
  version: z.number(),
  suggested: z.array(
    z.object({
      reviewerId: z.string(),
      displayName: z.string(),
      score: z.number(),
      load: z.number(),
      maxConcurrent: z.number(),
      reasons: z.array(MatchReason),
    }),
  ),
  /** Excluded reviewers who have expertise in the course's skill areas (the exclusions that matter), best first. */
  excluded: z.array(z.object({ reviewerId: z.string(), displayName: z.string(), reasons: z.array(MatchReason) })),
  /** Suggested reviewers in all (the list is cut at `limit`). */
  suggestedTotal: z.number(),
  /** Excluded reviewers in all, relevant or not. */
  excludedTotal: z.number(),
});

export const SuggestReviewersQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const AssignReviewerBody = z.strictObject({ reviewerId: z.uuid() });
export type AssignReviewerBody = z.infer<typeof AssignReviewerBody>;

export const RespondToAssignmentBody = z
  .strictObject({ accept: z.boolean(), reason: reasonText.optional() })
  .refine((b) => b.accept || !!b.reason, { path: ['reason'], message: 'a reason is required to decline' });
export type RespondToAssignmentBody = z.infer<typeof RespondToAssignmentBody>;

export const AssignmentView = z.object({
  id: z.string(),
  courseId: z.string(),
  version: z.number(),
  reviewerId: z.string(),
  /** pending → accepted | declined; declined or overdue → replaced. Stays accepted once the review is in. */
  state: z.enum(['pending', 'accepted', 'declined', 'replaced', 'submitted']),
  assignedAt: z.string(),
  dueAt: z.string(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  isReviewSubmitted: z.boolean(),
  isOverdue: z.boolean(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

/** A reviewer's inbox row: reviewers may see the provider; the provider never sees the reviewer. */
export const MyAssignmentView = AssignmentView.extend({
  courseTitleTh: z.string(),
  courseTitleEn: z.string(),
  providerNameTh: z.string(),
  providerNameEn: z.string(),
  abilities: z.object({ canRespond: z.boolean() }),
});
export type MyAssignmentView = z.infer<typeof MyAssignmentView>;

export const MyAssignmentList = z.object({ items: z.array(MyAssignmentView) });

export const ReplaceAssignmentView = z.object({ replaced: AssignmentView, assignment: AssignmentView });
