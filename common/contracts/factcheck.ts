import { z } from 'zod';
import { PROVINCES } from '../provinces.js';
import { PageQuery } from './shared.js';

/** Where a claim was seen. */
export const CLAIM_PLATFORMS = ['line', 'facebook', 'tiktok', 'x', 'youtube', 'website', 'sms', 'other'] as const;
export type ClaimPlatform = (typeof CLAIM_PLATFORMS)[number];
export const VERDICTS = ['true', 'false', 'misleading', 'unproven'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const CLAIM_STATUSES = ['new', 'assigned', 'in_review', 'published'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Image types a claim may carry (checked by their magic bytes, not by what the client says). */
export const CLAIM_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const CLAIM_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const provinceCodes = PROVINCES.map((p) => p.code) as [string, ...string[]];
export const ProvinceCode = z.enum(provinceCodes);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), { message: 'must be an http(s) address' });
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

/** A proof-of-work challenge (decision 011): find `counter` so that SHA-256(`token:counter`) starts with `bits` zero bits. */
export const ClaimChallenge = z.object({ token: z.string(), bits: z.number().int(), expiresAt: z.string() });
export type ClaimChallenge = z.infer<typeof ClaimChallenge>;

export const SubmitClaimBody = z.object({
  text: z.string().trim().min(10).max(5000),
  link: httpUrl.optional().or(z.literal('').transform(() => undefined)),
  platform: z.enum(CLAIM_PLATFORMS),
  provinceCode: ProvinceCode,
  contactEmail: z
    .email()
    .max(254)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  contactPhone: z
    .string()
    .trim()
    .regex(/^0[689]\d{8}$/, 'a Thai mobile number, 10 digits')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  image: z
    .object({
      contentType: z.enum(CLAIM_IMAGE_TYPES),
      /** The file, base64-encoded; at most 2 MB once decoded. */
      dataBase64: z.string().max(Math.ceil((CLAIM_IMAGE_MAX_BYTES * 4) / 3) + 4),
      filename: z.string().max(200).optional(),
    })
    .optional(),
  /** The challenge answered (not needed when signed in). */
  challenge: z.object({ token: z.string().max(500), counter: z.number().int().min(0) }).optional(),
  /** Left empty by people; a form-filling bot fills it. */
  homepage: z.string().max(500).optional(),
});
export type SubmitClaimBody = z.infer<typeof SubmitClaimBody>;

export const SubmittedClaim = z.object({
  trackingCode: z.string(),
  groupId: z.string(),
  /** How many requests the group now has (this one included). */
  requestCount: z.number(),
  status: z.enum(CLAIM_STATUSES),
});

export const SourceSchema = z.object({ url: httpUrl, title: z.string().trim().min(1).max(300) });

export const VerdictView = z.object({
  version: z.number(),
  verdict: z.enum(VERDICTS),
  claimReviewed: z.string(),
  explanationTh: z.string(),
  explanationEn: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), title: z.string() })),
  correctionNote: z.string().nullable(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
});

export const TrackedClaim = z.object({
  trackingCode: z.string(),
  submittedAt: z.string(),
  platform: z.enum(CLAIM_PLATFORMS),
  provinceCode: z.string(),
  text: z.string(),
  status: z.enum(CLAIM_STATUSES),
  requestCount: z.number(),
  /** The published check, when there is one. */
  checkId: z.string().nullable(),
  verdict: VerdictView.nullable(),
});

export const ListClaimsQuery = PageQuery.extend({
  status: list(z.enum(CLAIM_STATUSES)),
  platform: list(z.enum(CLAIM_PLATFORMS)),
  province: list(ProvinceCode),
  assignedToMe: z.enum(['true', 'false']).optional(),
  sort: z.enum(['count', 'recent']).default('count'),
});
export type ListClaimsQuery = z.infer<typeof ListClaimsQuery>;

export const ClaimGroupAbilities = z.object({
  assign: z.boolean(),
  startReview: z.boolean(),
  publish: z.boolean(),
  merge: z.boolean(),
  split: z.boolean(),
});

export const ClaimGroupSummary = z.object({
  id: z.string(),
  status: z.enum(CLAIM_STATUSES),
  sampleText: z.string(),
  requestCount: z.number(),
  provinces: z.array(z.string()),
  platforms: z.array(z.string()),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  verdict: z.enum(VERDICTS).nullable(),
});
export const ClaimGroupList = z.object({ items: z.array(ClaimGroupSummary), total: z.number(), page: z.number(), pageSize: z.number() });

export const ClaimMemberView = z.object({
  id: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  platform: z.enum(CLAIM_PLATFORMS),
  provinceCode: z.string(),
  submittedAt: z.string(),
  hasImage: z.boolean(),
  /** Who asked, as a checker may see it: signed-in, or anonymous with or without a way to answer. */
  submitter: z.enum(['user', 'anonymous_contact', 'anonymous']),
});

export const ClaimGroupView = ClaimGroupSummary.extend({
  claims: z.array(ClaimMemberView),
  current: VerdictView.nullable(),
  history: z.array(VerdictView),
  abilities: ClaimGroupAbilities,
});
export type ClaimGroupView = z.infer<typeof ClaimGroupView>;

export const AssignClaimBody = z.object({ assigneeId: z.uuid() });
export const MergeClaimGroupsBody = z.object({ sourceGroupId: z.uuid() });
export const SplitClaimGroupBody = z.object({ claimIds: z.array(z.uuid()).min(1).max(500) });

export const PublishVerdictBody = z.object({
  verdict: z.enum(VERDICTS),
  claimReviewed: z.string().trim().min(5).max(1000),
  explanationTh: z.string().trim().min(20).max(10_000),
  explanationEn: z
    .string()
    .trim()
    .max(10_000)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  sources: z.array(SourceSchema).min(1).max(20),
  /** What changed, when a published verdict is corrected. */
  correctionNote: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type PublishVerdictBody = z.infer<typeof PublishVerdictBody>;

export const FactCheckerList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

export const SearchFactChecksQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  verdict: list(z.enum(VERDICTS)),
  province: list(ProvinceCode),
  platform: list(z.enum(CLAIM_PLATFORMS)),
  /** Checks seen in this province come first (a volunteer's own province). */
  nearProvince: ProvinceCode.optional(),
});
export type SearchFactChecksQuery = z.infer<typeof SearchFactChecksQuery>;

export const FactCheckSummary = z.object({
  id: z.string(),
  claimReviewed: z.string(),
  verdict: z.enum(VERDICTS),
  explanationExcerpt: z.string(),
  publishedAt: z.string(),
  requestCount: z.number(),
  provinces: z.array(z.string()),
  platforms: z.array(z.string()),
  /** Seen in the province asked for with `nearProvince`. */
  isNear: z.boolean(),
});
export const FactCheckSearchResult = z.object({
  items: z.array(FactCheckSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  mode: z.enum(['fulltext', 'similar', 'browse']),
  nearProvince: z.string().nullable(),
});
export type FactCheckSearchResult = z.infer<typeof FactCheckSearchResult>;

export const FactCheckView = z.object({
  id: z.string(),
  claimReviewed: z.string(),
  verdict: z.enum(VERDICTS),
  explanationTh: z.string(),
  explanationEn: z.string().nullable(),
  sources: z.array(z.object({ url: z.string(), title: z.string() })),
  publishedAt: z.string(),
  firstPublishedAt: z.string(),
  version: z.number(),
  corrections: z.array(z.object({ version: z.number(), publishedAt: z.string(), correctionNote: z.string().nullable() })),
  requestCount: z.number(),
  provinces: z.array(z.string()),
  platforms: z.array(z.string()),
  firstSeenAt: z.string(),
  /** Normalised links where the claim appeared. */
  appearances: z.array(z.string()),
  /** schema.org ClaimReview, exactly one per page. */
  jsonLd: z.record(z.string(), z.unknown()),
});
export type FactCheckView = z.infer<typeof FactCheckView>;
