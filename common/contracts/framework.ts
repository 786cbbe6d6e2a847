import { z } from 'zod';

/** How sure the platform is of a fact: read in a cited source, partly supported, not confirmed, or a sample. */
export const Verification = z.enum(['verified', 'partial', 'unverified', 'sample']);
export type Verification = z.infer<typeof Verification>;

export const FrameworkStatus = z.enum(['draft', 'published']);

export const FrameworkSummary = z.object({
  id: z.string(),
  code: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  yearBe: z.number(),
  status: FrameworkStatus,
  isCurrent: z.boolean(),
  basedOnId: z.string().nullable(),
  sourceNoteTh: z.string().nullable(),
  sourceNoteEn: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

export const SkillAreaView = z.object({
  code: z.string(),
  kind: z.enum(['core', 'optional']),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  isNameThOfficial: z.boolean(),
  sortOrder: z.number(),
  verification: Verification,
  sources: z.array(z.string()),
});

export const TargetGroupView = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameThShort: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
  verification: Verification,
  sources: z.array(z.string()),
});

export const LevelView = z.object({
  rank: z.number(),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  verification: Verification,
});

export const UnitView = z.object({
  code: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  standardTh: z.string().nullable(),
  skillAreaCode: z.string().nullable(),
  isSkillAreaInferred: z.boolean(),
  targetGroupCodes: z.array(z.string()).nullable(),
  sourceUrl: z.string().nullable(),
  reviewed: z.string().nullable(),
  verification: Verification,
});

export const MatrixCell = z.object({
  targetGroupCode: z.string(),
  skillAreaCode: z.string(),
  /** null: the skill area is not required for this group. */
  levelRank: z.number().nullable(),
  isSample: z.boolean(),
  confirmedAt: z.string().nullable(),
});

export const FrameworkView = FrameworkSummary.extend({
  skillAreas: z.array(SkillAreaView),
  targetGroups: z.array(TargetGroupView),
  levels: z.array(LevelView),
  units: z.array(UnitView),
  matrix: z.array(MatrixCell),
  /** Every source id used by the items above, resolved to a link. */
  sourceLinks: z.record(z.string(), z.object({ url: z.string(), title: z.string() })),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), createVersion: z.boolean() }),
});
export type FrameworkView = z.infer<typeof FrameworkView>;

export const FrameworkList = z.object({ items: z.array(FrameworkSummary) });

/** `current` names the current published version. */
export const FrameworkIdParams = z.object({ id: z.union([z.literal('current'), z.uuid()]) });

export const CreateFrameworkVersionBody = z.strictObject({
  basedOnId: z.uuid(),
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/, 'upper-case letters, digits and dashes'),
  yearBe: z.number().int().min(2500).max(2700),
  titleTh: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
});

const label = z.string().trim().min(1).max(300);
const text = z.string().trim().max(2000).nullable();
const code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/, 'letters, digits, dot, dash or underscore');

/** One body per kind of item; the path names the item's code (a level's rank for levels). */
export const UpdateFrameworkItemBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('skill_area'),
    nameTh: label,
    nameEn: label,
    descriptionTh: text.optional(),
    descriptionEn: text.optional(),
    areaKind: z.enum(['core', 'optional']).optional(),
    isNameThOfficial: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('target_group'), nameTh: label, nameThShort: label, nameEn: label }),
  z.strictObject({ kind: z.literal('level'), nameTh: label, nameEn: label, descriptionTh: text.optional(), descriptionEn: text.optional() }),
  z.strictObject({
    kind: z.literal('unit'),
    titleTh: label,
    titleEn: label,
    standardTh: text.optional(),
    skillAreaCode: z.string().nullable(),
    targetGroupCodes: z.array(z.string()).nullable(),
    sourceUrl: z.url().nullable().optional(),
  }),
]);
export type UpdateFrameworkItemBody = z.infer<typeof UpdateFrameworkItemBody>;

export const FrameworkItemParams = z.object({ id: z.uuid(), code });

export const SetRequiredLevelBody = z.strictObject({
  levelRank: z.number().int().min(1).max(10).nullable(),
  /** false confirms the value as official; true keeps it marked as a sample. */
  isSample: z.boolean(),
});
export const MatrixCellParams = z.object({ id: z.uuid(), targetGroupCode: code, skillAreaCode: code });

export const ExportQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });
