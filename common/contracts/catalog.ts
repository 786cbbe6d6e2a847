import { z } from 'zod';
import { CourseOutcome, Instructor, TEACHING_METHODS } from './accreditation.js';

/** Statuses a visitor can ask for; `accredited` includes accredited with conditions. */
export const CATALOG_STATUSES = ['accredited', 'suspended', 'expired'] as const;
export const CatalogStatus = z.enum(CATALOG_STATUSES);
export const DeliveryMode = z.enum(['classroom', 'online', 'blended']);
export const CourseLanguage = z.enum(['th', 'en', 'th_en']);
export const CatalogSort = z.enum(['relevance', 'newest', 'soonest', 'rating']);

const code = z.string().trim().min(1).max(40);
const isoDate = z.iso.date();

/** A query-string filter that may be given once, repeated (`?a=1&a=2`) or comma-separated (`?a=1,2`). */
function many<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) =>
      v === undefined || v === ''
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((x) => String(x).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).max(20).optional(),
  );
}

export const SearchCoursesQuery = z.object({
  q: z.string().trim().max(200).optional(),
  targetGroup: many(code),
  skillArea: many(code),
  level: many(z.coerce.number().int().min(1).max(10)),
  deliveryMode: many(DeliveryMode),
  /** Two-digit province codes, or `online`. */
  province: many(z.union([z.string().regex(/^\d{2}$/), z.literal('online')])),
  fee: z.enum(['free', 'paid']).optional(),
  feeMin: z.coerce.number().min(0).optional(),
  feeMax: z.coerce.number().min(0).optional(),
  hoursMin: z.coerce.number().min(0).optional(),
  hoursMax: z.coerce.number().min(0).optional(),
  provider: many(z.uuid()),
  language: many(CourseLanguage),
  status: many(CatalogStatus),
  /** Only courses with a run starting on or after this date. */
  startsAfter: isoDate.optional(),
  sort: CatalogSort.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchCoursesQuery = z.infer<typeof SearchCoursesQuery>;

/** A piece of text; `match` marks where the query matched (the web app highlights it). */
export const TextPart = z.object({ text: z.string(), match: z.boolean() });
export type TextPart = z.infer<typeof TextPart>;

export const SkillLevel = z.object({ code: z.string(), level: z.number() });

export const CatalogCourseSummary = z.object({
  id: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  providerId: z.string(),
  providerNameTh: z.string(),
  providerNameEn: z.string(),
  accreditationNumber: z.string().nullable(),
  status: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  targetGroups: z.array(z.string()),
  skillAreas: z.array(SkillLevel),
  hours: z.number(),
  deliveryMode: z.string(),
  pacing: z.string().nullable(),
  language: z.string(),
  feeBaht: z.number(),
  provinces: z.array(z.string()),
  isOnline: z.boolean(),
  nextRunOn: z.string().nullable(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number(),
  /** Title and summary excerpt with the matched words marked. */
  titleParts: z.array(TextPart),
  snippet: z.array(TextPart),
});
export type CatalogCourseSummary = z.infer<typeof CatalogCourseSummary>;

export const FacetValue = z.object({
  value: z.string(),
  count: z.number(),
  labelTh: z.string(),
  labelEn: z.string(),
});
export type FacetValue = z.infer<typeof FacetValue>;

export const FACET_NAMES = [
  'targetGroup',
  'skillArea',
  'level',
  'deliveryMode',
  'province',
  'fee',
  'language',
  'provider',
  'status',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SearchResult = z.object({
  items: z.array(CatalogCourseSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** `fulltext`: words matched; `similar`: nothing matched exactly, so titles that look alike; `browse`: no query. */
  mode: z.enum(['fulltext', 'similar', 'browse']),
  /** Counts per value of each filter under the current query and the other filters. */
  facets: z.record(z.enum(FACET_NAMES), z.array(FacetValue)),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SuggestCoursesQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const CourseSuggestion = z.object({ id: z.string(), titleTh: z.string(), titleEn: z.string(), providerNameTh: z.string() });
export type CourseSuggestion = z.infer<typeof CourseSuggestion>;
export const SuggestionList = z.object({ items: z.array(CourseSuggestion) });

export const RunMode = z.enum(['onsite', 'online']);
const runFields = {
  label: z.string().trim().min(1).max(100),
  startsOn: isoDate,
  endsOn: isoDate,
  registrationDeadline: isoDate.optional(),
  mode: RunMode,
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  venue: z.string().trim().max(300).optional(),
  seats: z.number().int().min(1).max(100_000),
};
export const CourseRunBody = z.strictObject(runFields);
export type CourseRunBody = z.infer<typeof CourseRunBody>;
export const UpdateCourseRunBody = z.strictObject({ ...runFields, isCancelled: z.boolean().default(false) });
export type UpdateCourseRunBody = z.infer<typeof UpdateCourseRunBody>;

export const CourseRunView = z.object({
  id: z.string(),
  courseId: z.string(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  registrationDeadline: z.string().nullable(),
  mode: RunMode,
  provinceCode: z.string().nullable(),
  venue: z.string().nullable(),
  seats: z.number(),
  isCancelled: z.boolean(),
  completions: z.number(),
});
export type CourseRunView = z.infer<typeof CourseRunView>;
export const CourseRunList = z.object({ items: z.array(CourseRunView) });

export const RecordCompletionsBody = z.strictObject({
  emails: z.array(z.email().max(200)).min(1).max(500),
  completedOn: isoDate,
});
export const CompletionsResult = z.object({ recorded: z.number(), alreadyRecorded: z.number() });

export const RateCourseBody = z.strictObject({
  content: z.number().int().min(1).max(5),
  instructor: z.number().int().min(1).max(5),
  usefulness: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type RateCourseBody = z.infer<typeof RateCourseBody>;

export const RatingSummary = z.object({
  count: z.number(),
  average: z.number().nullable(),
  content: z.number().nullable(),
  instructor: z.number().nullable(),
  usefulness: z.number().nullable(),
});

export const ShortlistBody = z.strictObject({ agencyId: z.uuid(), note: z.string().trim().max(500).optional() });
export type ShortlistBody = z.infer<typeof ShortlistBody>;

export const CatalogCourseAbilities = z.object({
  rate: z.boolean(),
  /** Agencies the caller may add this course to the shortlist of (agency HR). */
  shortlistAgencies: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string(), isShortlisted: z.boolean() })),
  manageRuns: z.boolean(),
});

export const CatalogCourseView = CatalogCourseSummary.omit({ titleParts: true, snippet: true }).extend({
  summaryTh: z.string(),
  summaryEn: z.string(),
  objectives: z.array(z.string()),
  outcomes: z.array(CourseOutcome.extend({ skillAreaNameTh: z.string(), skillAreaNameEn: z.string(), unitCodes: z.array(z.string()) })),
  targetGroupNames: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() })),
  prerequisites: z.string().nullable(),
  /** Hours by teaching method; null for courses imported without that detail. */
  hoursByMethod: z.record(z.enum(TEACHING_METHODS), z.number()).nullable(),
  assessmentMethod: z.string().nullable(),
  instructors: z.array(Instructor),
  capacity: z.number().nullable(),
  conditions: z.string().nullable(),
  /** Whole days until the accreditation ends (negative once past). */
  daysUntilExpiry: z.number().nullable(),
  provider: z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string(), kind: z.string(), provinceCode: z.string().nullable() }),
  runs: z.array(CourseRunView),
  rating: RatingSummary,
  myRating: RateCourseBody.nullable(),
  /** schema.org `Course` with `hasCourseInstance` and `offers`, for the page's JSON-LD. */
  jsonLd: z.record(z.string(), z.unknown()),
  abilities: CatalogCourseAbilities,
});
export type CatalogCourseView = z.infer<typeof CatalogCourseView>;

export const CatalogProviderView = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  provinceCode: z.string().nullable(),
  website: z.string().nullable(),
  courseCount: z.number(),
});

export const ShortlistItem = z.object({
  course: CatalogCourseSummary,
  note: z.string().nullable(),
  addedAt: z.string(),
});
export const ShortlistView = z.object({ agencyId: z.string(), items: z.array(ShortlistItem) });

export const ImportCoursesQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
/** One problem with one row: `code` (with `params`) for the translated text, `message` in English for machines and logs. */
export const ImportRowError = z.object({
  row: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  rows: z.number(),
  errorCount: z.number(),
  /** The first 1,000 errors, by row. */
  errors: z.array(ImportRowError),
  created: z.number(),
  updated: z.number(),
  /** False when any row had an error (nothing is written) or on a dry run. */
  committed: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const OpenCoursesQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), status: many(CatalogStatus) });
