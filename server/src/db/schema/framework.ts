import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A version of the competency framework. Drafts are editable; a published version is immutable and
 * records made under it keep pointing at it. Exactly one published version is current.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    yearBe: integer('year_be').notNull(),
    status: text('status').notNull().default('draft'),
    isCurrent: boolean('is_current').notNull().default(false),
    basedOnId: uuid('based_on_id'),
    sourceNoteTh: text('source_note_th'),
    sourceNoteEn: text('source_note_en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [uniqueIndex('frameworks_code_key').on(t.code)],
);

/** How sure we are of a fact: read in a source, partly supported, not confirmed, or a shipped sample. */
const verification = () => text('verification').notNull().default('unverified');

export const skillAreas = pgTable(
  'framework_skill_areas',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionTh: text('description_th'),
    descriptionEn: text('description_en'),
    isNameThOfficial: boolean('is_name_th_official').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    verification: verification(),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
);

export const targetGroups = pgTable(
  'framework_target_groups',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameThShort: text('name_th_short').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
    verification: verification(),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
);

export const proficiencyLevels = pgTable(
  'framework_levels',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionTh: text('description_th'),
    descriptionEn: text('description_en'),
    verification: verification(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.rank] })],
);

export const competencyUnits = pgTable(
  'framework_units',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    standardTh: text('standard_th'),
    skillAreaCode: text('skill_area_code'),
    isSkillAreaInferred: boolean('is_skill_area_inferred').notNull().default(true),
    targetGroupCodes: jsonb('target_group_codes').$type<string[] | null>(),
    sourceUrl: text('source_url'),
    reviewed: text('reviewed'),
    verification: verification(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.code] }), index('framework_units_area_idx').on(t.frameworkId, t.skillAreaCode)],
);

/** The target group × skill area matrix. A null level means the area is not required for the group. */
export const requiredLevels = pgTable(
  'framework_required_levels',
  {
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    targetGroupCode: text('target_group_code').notNull(),
    skillAreaCode: text('skill_area_code').notNull(),
    levelRank: integer('level_rank'),
    isSample: boolean('is_sample').notNull().default(true),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.targetGroupCode, t.skillAreaCode] })],
);
