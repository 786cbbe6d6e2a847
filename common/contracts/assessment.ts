import { z } from 'zod';
import { TARGET_GROUP_CODES } from '../people-rules.js';

/**
 * Assessment: the item bank, blueprints, test attempts, results, item statistics and the self-assessment.
 * Rules that both the server and the editors apply (item shape, level rules) live here too.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Z0-9_-]+$/);

// ---------------------------------------------------------------- items

/**
 * single: one right option · multiple: a set of right options (all and only those) · true_false: two
 * options, one right · ordering: put every option in the right order · scenario: a case text followed by
 * one single-choice question (several questions on one case are several scenario items sharing the case).
 */
export const ITEM_KINDS = ['single', 'multiple', 'true_false', 'ordering', 'scenario'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** Kinds whose answer is one option. */
export const SINGLE_ANSWER_KINDS: readonly ItemKind[] = ['single', 'true_false', 'scenario'];

export const ITEM_STATUSES = ['draft', 'active', 'superseded', 'retired'] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const ITEM_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ITEM_IMAGE_MAX_BYTES = 1024 * 512;

export const OptionId = z.string().regex(/^[a-z0-9]{1,8}$/);

export const ItemOption = z.object({
  id: OptionId,
  textTh: text(500),
  textEn: z.string().trim().max(500).default(''),
});
export type ItemOption = z.infer<typeof ItemOption>;

export const ItemImageUpload = z.strictObject({
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil((ITEM_IMAGE_MAX_BYTES * 4) / 3) + 8),
  contentType: z.enum(ITEM_IMAGE_TYPES),
  filename: z.string().trim().max(200).optional(),
});

const itemFields = {
  kind: ItemKind,
  frameworkId: z.uuid(),
  skillAreaCode: code,
  unitCode: z.string().trim().max(40).nullish(),
  level: z.number().int().min(1).max(9),
  difficulty: z.number().int().min(1).max(5),
  stemTh: text(2000),
  stemEn: z.string().trim().max(2000).default(''),
  caseTh: z.string().trim().max(6000).nullish(),
  caseEn: z.string().trim().max(6000).nullish(),
  options: z.array(ItemOption).min(2).max(8),
  /** Right option ids: one for single-answer kinds, the set for multiple, the full order for ordering. */
  key: z.array(OptionId).min(1).max(8),
  explanationTh: z.string().trim().max(2000).nullish(),
  explanationEn: z.string().trim().max(2000).nullish(),
};

export interface ItemShape {
  kind: ItemKind;
  options: { id: string }[];
  key: string[];
  caseTh?: string | null;
}

/** The rules of an item's shape, as issues with the path of the field; empty when the item is well formed. */
export function itemShapeIssues(item: ItemShape): { path: string[]; message: string; code: string }[] {
  const issues: { path: string[]; message: string; code: string }[] = [];
  const ids = item.options.map((o) => o.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      issues.push({ path: ['options', String(i), 'id'], message: 'option ids must differ', code: 'assessment.item_option_repeated' });
  });
  item.key.forEach((id, i) => {
    if (!ids.includes(id))
      issues.push({ path: ['key', String(i)], message: 'not one of the options', code: 'assessment.item_key_unknown' });
    if (item.key.indexOf(id) !== i)
      issues.push({ path: ['key', String(i)], message: 'repeated in the key', code: 'assessment.item_key_repeated' });
  });
  if (SINGLE_ANSWER_KINDS.includes(item.kind) && item.key.length !== 1)
    issues.push({ path: ['key'], message: 'exactly one right option', code: 'assessment.item_key_one' });
  if (item.kind === 'true_false' && item.options.length !== 2)
    issues.push({ path: ['options'], message: 'a true/false item has two options', code: 'assessment.item_true_false_two' });
  if (item.kind === 'ordering' && (item.key.length !== ids.length || !ids.every((id) => item.key.includes(id))))
    issues.push({ path: ['key'], message: 'the key orders every option', code: 'assessment.item_order_all' });
  if (item.kind === 'scenario' && !item.caseTh?.trim())
    issues.push({ path: ['caseTh'], message: 'a scenario item needs its case text', code: 'assessment.item_case_required' });
  return issues;
}

/** Shape rules (itemShapeIssues) are checked by the service, which names each field and rule. */
export const ItemContent = z.strictObject(itemFields);
export type ItemContent = z.infer<typeof ItemContent>;

export const CreateItemBody = z.strictObject({ ...itemFields, image: ItemImageUpload.optional() });
export type CreateItemBody = z.infer<typeof CreateItemBody>;

/** The whole content again, with the version edited from (409 if someone saved since). */
export const UpdateItemBody = z.strictObject({
  ...itemFields,
  image: ItemImageUpload.optional(),
  removeImage: z.boolean().default(false),
  version: z.number().int().min(1),
});
export type UpdateItemBody = z.infer<typeof UpdateItemBody>;

export const ReviewItemBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(2000).optional(),
});
export type ReviewItemBody = z.infer<typeof ReviewItemBody>;

export const ListItemsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: ItemStatus.optional(),
  kind: ItemKind.optional(),
  frameworkId: z.uuid().optional(),
  skillAreaCode: code.optional(),
  level: z.coerce.number().int().min(1).max(9).optional(),
  /** Drafts awaiting review that the caller did not write (the review queue). */
  reviewQueue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const ItemView = z.object({
  /** The id of this version. */
  id: z.string(),
  /** The item across its versions. */
  itemId: z.string(),
  version: z.number(),
  status: ItemStatus,
  kind: ItemKind,
  frameworkId: z.string(),
  skillAreaCode: z.string(),
  unitCode: z.string().nullable(),
  level: z.number(),
  difficulty: z.number(),
  stemTh: z.string(),
  stemEn: z.string(),
  caseTh: z.string().nullable(),
  caseEn: z.string().nullable(),
  options: z.array(z.object({ id: z.string(), textTh: z.string(), textEn: z.string() })),
  key: z.array(z.string()),
  explanationTh: z.string().nullable(),
  explanationEn: z.string().nullable(),
  imageUrl: z.string().nullable(),
  isSample: z.boolean(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Other versions of the item, newest first. */
  versions: z.array(z.object({ id: z.string(), version: z.number(), status: ItemStatus, updatedAt: z.string() })),
  abilities: z.object({ edit: z.boolean(), review: z.boolean(), retire: z.boolean() }),
});
export type ItemView = z.infer<typeof ItemView>;

export const ItemSummary = z.object({
  id: z.string(),
  itemId: z.string(),
  version: z.number(),
  status: ItemStatus,
  kind: ItemKind,
  skillAreaCode: z.string(),
  unitCode: z.string().nullable(),
  level: z.number(),
  difficulty: z.number(),
  stemTh: z.string(),
  stemEn: z.string(),
  isSample: z.boolean(),
  authorName: z.string().nullable(),
  updatedAt: z.string(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const ItemList = z.object({
  items: z.array(ItemSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ItemList = z.infer<typeof ItemList>;

/** One item of an import or export file (no image: images travel with the item editor only). */
export const ItemTransfer = z.strictObject({
  itemId: z.uuid().optional(),
  version: z.number().int().optional(),
  status: ItemStatus.optional(),
  frameworkCode: z.string().trim().min(1).max(40),
  kind: ItemKind,
  skillAreaCode: code,
  unitCode: z.string().trim().max(40).nullish(),
  level: itemFields.level,
  difficulty: itemFields.difficulty,
  stemTh: itemFields.stemTh,
  stemEn: itemFields.stemEn,
  caseTh: itemFields.caseTh,
  caseEn: itemFields.caseEn,
  options: itemFields.options,
  key: itemFields.key,
  explanationTh: itemFields.explanationTh,
  explanationEn: itemFields.explanationEn,
});
export type ItemTransfer = z.infer<typeof ItemTransfer>;

/** Items arrive as JSON (an array of ItemTransfer) or CSV text with the export's columns; all become drafts. */
export const ImportItemsBody = z.strictObject({
  format: z.enum(['json', 'csv']),
  content: z.string().min(1).max(900_000),
});
export const ImportItemsResult = z.object({
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), path: z.string(), message: z.string() })),
});

export const ExportItemsQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  status: ItemStatus.optional(),
  frameworkId: z.uuid().optional(),
  skillAreaCode: code.optional(),
});

/** Columns of the CSV import and export, in order. Options a–h in Thai and English; key as option ids joined by `;`. */
export const ITEM_OPTION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export const ITEM_CSV_COLUMNS = [
  'item_id',
  'version',
  'status',
  'framework_code',
  'kind',
  'skill_area_code',
  'unit_code',
  'level',
  'difficulty',
  'stem_th',
  'stem_en',
  'case_th',
  'case_en',
  ...ITEM_OPTION_LETTERS.flatMap((l) => [`option_${l}_th`, `option_${l}_en`]),
  'key',
  'explanation_th',
  'explanation_en',
] as const;

// ---------------------------------------------------------------- blueprints

export const ASSESSMENT_STATUSES = ['draft', 'published', 'closed'] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const BlueprintRow = z.strictObject({
  skillAreaCode: code,
  level: z.number().int().min(1).max(9),
  count: z.number().int().min(1).max(100),
});
export type BlueprintRow = z.infer<typeof BlueprintRow>;

export const PassMark = z.strictObject({ level: z.number().int().min(1).max(9), percent: z.number().int().min(1).max(100) });

const assessmentFields = {
  frameworkId: z.uuid(),
  titleTh: text(300),
  titleEn: text(300),
  descriptionTh: z.string().trim().max(4000).default(''),
  descriptionEn: z.string().trim().max(4000).default(''),
  status: z.enum(['draft', 'published', 'closed']).default('draft'),
  blueprint: z.array(BlueprintRow).min(1).max(60),
  timeLimitMinutes: z.number().int().min(1).max(600),
  /** Percent correct needed at each level the blueprint tests. */
  passMarks: z.array(PassMark).min(1).max(9),
  maxAttempts: z.number().int().min(1).max(20),
  targetGroupCodes: z.array(z.enum(TARGET_GROUP_CODES)).max(6).default([]),
  agencyIds: z.array(z.uuid()).max(50).default([]),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
};

interface BlueprintShape {
  blueprint: BlueprintRow[];
  passMarks: { level: number; percent: number }[];
  opensAt: string;
  closesAt: string;
}

/** The rules of a blueprint: no repeated row, a pass mark for every level tested, a window that ends after it opens. */
export function blueprintIssues(b: BlueprintShape): { path: string[]; message: string; code: string }[] {
  const issues: { path: string[]; message: string; code: string }[] = [];
  const seen = new Set<string>();
  b.blueprint.forEach((r, i) => {
    const k = `${r.skillAreaCode}:${r.level}`;
    if (seen.has(k))
      issues.push({
        path: ['blueprint', String(i)],
        message: 'this skill area and level is already in the blueprint',
        code: 'assessment.blueprint_row_repeated',
      });
    seen.add(k);
    if (!b.passMarks.some((p) => p.level === r.level))
      issues.push({ path: ['passMarks'], message: `no pass mark for level ${r.level}`, code: 'assessment.blueprint_pass_mark_missing' });
  });
  const levels = b.passMarks.map((p) => p.level);
  b.passMarks.forEach((p, i) => {
    if (levels.indexOf(p.level) !== i)
      issues.push({ path: ['passMarks', String(i)], message: 'level repeated', code: 'assessment.blueprint_pass_mark_repeated' });
  });
  if (Date.parse(b.closesAt) <= Date.parse(b.opensAt))
    issues.push({ path: ['closesAt'], message: 'closes after it opens', code: 'assessment.blueprint_window' });
  return issues;
}

/** Blueprint rules (blueprintIssues) and the bank's supply are checked by the service. */
export const CreateAssessmentBody = z.strictObject(assessmentFields);
export type CreateAssessmentBody = z.infer<typeof CreateAssessmentBody>;
export const UpdateAssessmentBody = z.strictObject({ ...assessmentFields, version: z.number().int().min(1) });
export type UpdateAssessmentBody = z.infer<typeof UpdateAssessmentBody>;

export const ListAssessmentsQuery = z.object({
  status: AssessmentStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const AssessmentView = z.object({
  id: z.string(),
  frameworkId: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  status: AssessmentStatus,
  blueprint: z.array(
    z.object({
      skillAreaCode: z.string(),
      level: z.number(),
      count: z.number(),
      available: z.number().describe('active items in the bank'),
    }),
  ),
  timeLimitMinutes: z.number(),
  passMarks: z.array(z.object({ level: z.number(), percent: z.number() })),
  maxAttempts: z.number(),
  targetGroupCodes: z.array(z.string()),
  agencies: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() })),
  opensAt: z.string(),
  closesAt: z.string(),
  isSample: z.boolean(),
  version: z.number(),
  attemptCount: z.number(),
  questionCount: z.number(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), editContent: z.boolean() }),
});
export type AssessmentView = z.infer<typeof AssessmentView>;

export const AssessmentList = z.object({
  items: z.array(AssessmentView.omit({ blueprint: true, agencies: true, abilities: true })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AssessmentList = z.infer<typeof AssessmentList>;

// ---------------------------------------------------------------- taking a test

export const MyAssessment = z.object({
  id: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  isSample: z.boolean(),
  timeLimitMinutes: z.number(),
  questionCount: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  isOpen: z.boolean(),
  maxAttempts: z.number(),
  attemptsUsed: z.number(),
  activeAttemptId: z.string().nullable(),
  lastResult: z.object({ attemptId: z.string(), submittedAt: z.string(), passed: z.boolean(), scaled: z.number() }).nullable(),
  canStart: z.boolean(),
});
export const MyAssessmentList = z.object({ items: z.array(MyAssessment) });
export type MyAssessment = z.infer<typeof MyAssessment>;

export const AttemptQuestion = z.object({
  position: z.number(),
  kind: ItemKind,
  stemTh: z.string(),
  stemEn: z.string(),
  caseTh: z.string().nullable(),
  caseEn: z.string().nullable(),
  imageUrl: z.string().nullable(),
  skillAreaCode: z.string(),
  /** In the order shown to this candidate. */
  options: z.array(z.object({ id: z.string(), textTh: z.string(), textEn: z.string() })),
  response: z.array(z.string()).nullable(),
  savedAt: z.string().nullable(),
});
export type AttemptQuestion = z.infer<typeof AttemptQuestion>;

/** An attempt as the candidate sees it while taking it: no keys, no scores. */
export const AttemptView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  attemptNo: z.number(),
  status: z.enum(['in_progress', 'submitted']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  /** The server's clock when it answered, so the countdown follows the server, not the device. */
  serverNow: z.string(),
  questions: z.array(AttemptQuestion),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const SaveAnswerParams = z.object({ id: z.uuid(), position: z.coerce.number().int().min(1).max(1000) });
export const SaveAnswerBody = z.strictObject({
  response: z
    .array(OptionId)
    .max(8)
    .refine((r) => new Set(r).size === r.length, { message: 'an option is chosen once', params: { code: 'answer_repeated' } }),
});
export const SavedAnswer = z.object({ position: z.number(), savedAt: z.string(), revision: z.number() });

export const LevelResult = z.object({
  level: z.number(),
  correct: z.number(),
  total: z.number(),
  percent: z.number(),
  passMark: z.number(),
  met: z.boolean(),
});
export const SkillAreaResult = z.object({ skillAreaCode: z.string(), levelReached: z.number(), levels: z.array(LevelResult) });
export type SkillAreaResult = z.infer<typeof SkillAreaResult>;

export const AttemptResultView = z.object({
  id: z.string(),
  assessmentId: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  attemptNo: z.number(),
  startedAt: z.string(),
  submittedAt: z.string(),
  submittedBy: z.enum(['learner', 'timeout']),
  score: z.object({ raw: z.number(), max: z.number(), scaled: z.number() }),
  passed: z.boolean(),
  skillAreas: z.array(SkillAreaResult),
  /** Which questions were right; the keys themselves stay in the bank (items are reused). */
  questions: z.array(
    z.object({ position: z.number(), skillAreaCode: z.string(), level: z.number(), answered: z.boolean(), correct: z.boolean() }),
  ),
  attemptsLeft: z.number(),
});
export type AttemptResultView = z.infer<typeof AttemptResultView>;

/**
 * The level reached in one skill area: the highest level L whose pass mark is met at L and at every lower
 * level the form tested in that area (levels not tested do not block). 0 when the lowest tested level fails.
 */
export function levelReached(levels: readonly { level: number; percent: number; passMark: number }[]): number {
  let reached = 0;
  for (const l of [...levels].sort((a, b) => a.level - b.level)) {
    if (l.percent < l.passMark) break;
    reached = l.level;
  }
  return reached;
}

// ---------------------------------------------------------------- self-assessment

/** 1 not yet · 2 with help · 3 on my own · 4 can guide others. */
export const SELF_RATINGS = [1, 2, 3, 4] as const;
/** A level counts as reached when its statements average at least this. */
export const SELF_LEVEL_THRESHOLD = 3;

/**
 * The self-assessed level of one skill area: the highest level L such that the statements of L and of every
 * lower level average at least 3 ("I do this on my own"). 0 when level 1 is not reached.
 */
export function selfLevel(levels: readonly { level: number; ratings: number[] }[]): number {
  let reached = 0;
  for (const l of [...levels].sort((a, b) => a.level - b.level)) {
    if (l.ratings.length === 0) continue;
    const mean = l.ratings.reduce((s, r) => s + r, 0) / l.ratings.length;
    if (mean < SELF_LEVEL_THRESHOLD) break;
    reached = l.level;
  }
  return reached;
}

export const StatementView = z.object({
  id: z.string(),
  skillAreaCode: z.string(),
  level: z.number(),
  textTh: z.string(),
  textEn: z.string(),
  sortOrder: z.number(),
  isSample: z.boolean(),
  isActive: z.boolean(),
});
export type StatementView = z.infer<typeof StatementView>;

export const SelfAssessmentView = z.object({
  frameworkId: z.string(),
  statements: z.array(StatementView),
  latest: z
    .object({
      id: z.string(),
      submittedAt: z.string(),
      ratings: z.record(z.string(), z.number()),
      levels: z.record(z.string(), z.number()),
    })
    .nullable(),
  history: z.array(z.object({ id: z.string(), submittedAt: z.string(), levels: z.record(z.string(), z.number()) })),
  /** Tested levels beside the self-assessed ones (shown apart, never merged). */
  tested: z.record(z.string(), z.object({ level: z.number(), at: z.string(), attemptId: z.string() })),
  canEditStatements: z.boolean(),
  /** Whether the caller rates themselves (learners); editors without the learner role only edit the statements. */
  canRate: z.boolean(),
});
export type SelfAssessmentView = z.infer<typeof SelfAssessmentView>;

export const SubmitSelfAssessmentBody = z.strictObject({
  ratings: z
    .array(z.strictObject({ statementId: z.uuid(), rating: z.number().int().min(1).max(4) }))
    .min(1)
    .max(500),
});
export type SubmitSelfAssessmentBody = z.infer<typeof SubmitSelfAssessmentBody>;

export const StatementBody = z.strictObject({
  frameworkId: z.uuid(),
  skillAreaCode: code,
  level: z.number().int().min(1).max(9),
  textTh: text(500),
  textEn: text(500),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  isActive: z.boolean().default(true),
});
export type StatementBody = z.infer<typeof StatementBody>;

// ---------------------------------------------------------------- statistics

export const ITEM_FLAGS = ['too_hard', 'too_easy', 'low_discrimination'] as const;
export const ItemFlag = z.enum(ITEM_FLAGS);
export type ItemFlag = z.infer<typeof ItemFlag>;

export const ItemStatsQuery = z.object({
  frameworkId: z.uuid().optional(),
  skillAreaCode: code.optional(),
  flaggedOnly: z.enum(['true', 'false']).optional(),
  /** Candidates an item needs before it can be flagged. */
  minN: z.coerce.number().int().min(1).max(100_000).default(30),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ItemStatsRow = z.object({
  id: z.string(),
  itemId: z.string(),
  version: z.number(),
  status: ItemStatus,
  kind: ItemKind,
  skillAreaCode: z.string(),
  level: z.number(),
  stemTh: z.string(),
  stemEn: z.string(),
  /** Submitted attempts that were given this version. */
  n: z.number(),
  /** Share answering right (0–1). */
  facility: z.number().nullable(),
  /** Point-biserial correlation of the item with the rest of the test score (−1…1); null when undefined. */
  discrimination: z.number().nullable(),
  /** Times each option was chosen (single-answer and multiple kinds), with the right ones marked. */
  options: z.array(z.object({ id: z.string(), textTh: z.string(), chosen: z.number(), isKey: z.boolean() })),
  unanswered: z.number(),
  flags: z.array(ItemFlag),
});
export type ItemStatsRow = z.infer<typeof ItemStatsRow>;

export const ItemStatsList = z.object({
  items: z.array(ItemStatsRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  thresholds: z.object({ minN: z.number(), minFacility: z.number(), maxFacility: z.number(), minDiscrimination: z.number() }),
});
export type ItemStatsList = z.infer<typeof ItemStatsList>;

/** When an item is flagged for review (only once at least `minN` candidates have had it). */
export const ITEM_FLAG_THRESHOLDS = { minN: 30, minFacility: 0.2, maxFacility: 0.95, minDiscrimination: 0.15 } as const;

export function itemFlags(
  s: { n: number; facility: number | null; discrimination: number | null },
  t: { minN: number; minFacility: number; maxFacility: number; minDiscrimination: number } = ITEM_FLAG_THRESHOLDS,
): ItemFlag[] {
  if (s.n < t.minN || s.facility === null) return [];
  const flags: ItemFlag[] = [];
  if (s.facility < t.minFacility) flags.push('too_hard');
  if (s.facility > t.maxFacility) flags.push('too_easy');
  if (s.discrimination === null || s.discrimination < t.minDiscrimination) flags.push('low_discrimination');
  return flags;
}
