import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { files } from './accreditation.js';
import { frameworks } from './framework.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One answer option of an item as stored (the key is kept apart, in `key`). */
export interface ItemOptionRow {
  id: string;
  textTh: string;
  textEn: string;
}

/**
 * One version of a test item. `item_id` names the item across its versions; each edit of an active item
 * writes a new row (version + 1) as a draft, which a second author reviews before it replaces the active
 * one. Attempts point at the row (the version) they were given, so grading and statistics never move.
 * `key` holds the correct option ids (ordered, for ordering items) and never leaves the server before an
 * attempt is submitted.
 */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
    /** draft · active · superseded · retired (modules/assessment/items.service.ts). */
    status: text('status').notNull().default('draft'),
    /** single · multiple · true_false · ordering · scenario (a case text with one single-choice question). */
    kind: text('kind').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    skillAreaCode: text('skill_area_code').notNull(),
    unitCode: text('unit_code'),
    level: smallint('level').notNull(),
    /** 1 (easy) … 5 (hard), the author's estimate. */
    difficulty: smallint('difficulty').notNull(),
    stemTh: text('stem_th').notNull(),
    stemEn: text('stem_en').notNull().default(''),
    caseTh: text('case_th'),
    caseEn: text('case_en'),
    options: jsonb('options').$type<ItemOptionRow[]>().notNull(),
    key: jsonb('key').$type<string[]>().notNull(),
    explanationTh: text('explanation_th'),
    explanationEn: text('explanation_en'),
    imageFileId: uuid('image_file_id').references(() => files.id),
    /** Shipped demo content, shown as such. */
    isSample: boolean('is_sample').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewComment: text('review_comment'),
    retiredAt: ts('retired_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_items_item_version_key').on(t.itemId, t.version),
    // At most one active and one draft version of an item at a time.
    uniqueIndex('assessment_items_one_active_key').on(t.itemId).where(sql`status = 'active'`),
    uniqueIndex('assessment_items_one_draft_key').on(t.itemId).where(sql`status = 'draft'`),
    // Form assembly draws active items by framework, area and level.
    index('assessment_items_pool_idx').on(t.frameworkId, t.skillAreaCode, t.level, t.status),
    index('assessment_items_status_idx').on(t.status, t.updatedAt),
  ],
);

/** A blueprint row: how many items of one skill area at one level a form draws. */
export interface BlueprintRow {
  skillAreaCode: string;
  level: number;
  count: number;
}

/**
 * An assessment (a test blueprint): what a form is made of, its time limit, pass mark per level, attempts
 * allowed, who may take it and when. Drafts are edited freely; a published assessment can still change its
 * window and eligibility, not its content, once someone has started it.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionTh: text('description_th').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** draft · published · closed */
    status: text('status').notNull().default('draft'),
    blueprint: jsonb('blueprint').$type<BlueprintRow[]>().notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    /** Percent correct needed at each level, keyed by level rank ("1": 60, …). */
    passMarks: jsonb('pass_marks').$type<Record<string, number>>().notNull(),
    maxAttempts: integer('max_attempts').notNull().default(1),
    /** Empty means every target group. */
    targetGroupCodes: text('target_group_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Agencies whose subtrees may take it; empty means every agency. */
    agencyIds: uuid('agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('assessments_status_window_idx').on(t.status, t.closesAt)],
);

/**
 * One person's attempt at an assessment. The form (questions and option order) is drawn once from a
 * stored seed and kept in `assessment_attempt_questions`. `deadline_at` is the server's timer; answers
 * after it are refused and the attempt is graded from what was saved (by the learner's submit, the next
 * access, or the periodic job). A person has at most one attempt in progress per assessment.
 */
export const assessmentAttempts = pgTable(
  'assessment_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    attemptNo: integer('attempt_no').notNull(),
    /** in_progress · submitted */
    status: text('status').notNull().default('in_progress'),
    seed: integer('seed').notNull(),
    questionCount: integer('question_count').notNull(),
    startedAt: ts('started_at').notNull(),
    deadlineAt: ts('deadline_at').notNull(),
    submittedAt: ts('submitted_at'),
    /** learner · timeout */
    submittedBy: text('submitted_by'),
    scoreRaw: numeric('score_raw', { precision: 8, scale: 2, mode: 'number' }),
    scoreMax: integer('score_max'),
    passed: boolean('passed'),
    /** Per skill area: correct, total and percent per level, and the level reached. */
    results: jsonb('results'),
  },
  (t) => [
    uniqueIndex('assessment_attempts_no_key').on(t.assessmentId, t.userId, t.attemptNo),
    uniqueIndex('assessment_attempts_one_active_key').on(t.assessmentId, t.userId).where(sql`status = 'in_progress'`),
    index('assessment_attempts_user_idx').on(t.userId, t.startedAt),
    // The time-out job finds attempts past their deadline.
    index('assessment_attempts_deadline_idx').on(t.deadlineAt).where(sql`status = 'in_progress'`),
  ],
);

/** The form of an attempt: which item version sits at each position and the order its options are shown in. */
export const assessmentAttemptQuestions = pgTable(
  'assessment_attempt_questions',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => assessmentAttempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemVersionId: uuid('item_version_id')
      .notNull()
      .references(() => assessmentItems.id),
    kind: text('kind').notNull(),
    /** The item's option ids in the order shown to this candidate. */
    optionIds: jsonb('option_ids').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] }), index('assessment_attempt_questions_item_idx').on(t.itemVersionId)],
);

/** The answer saved for one question of an attempt: replaced whole on each save; scored at submission. */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => assessmentAttempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Option ids chosen (single-answer kinds: at most one; ordering: the full order). */
    response: jsonb('response').$type<string[]>().notNull(),
    revision: integer('revision').notNull().default(1),
    savedAt: ts('saved_at').notNull(),
    /** 0 or 1, set when the attempt is graded. */
    score: numeric('score', { precision: 4, scale: 2, mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position] })],
);

/**
 * The level a submitted attempt reached in each skill area: what the skill profile reads as "tested".
 * Level 0 means no level's pass mark was met.
 */
export const assessmentSkillResults = pgTable(
  'assessment_skill_results',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => assessmentAttempts.id, { onDelete: 'cascade' }),
    skillAreaCode: text('skill_area_code').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    frameworkId: uuid('framework_id').notNull(),
    level: smallint('level').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.skillAreaCode] }),
    index('assessment_skill_results_user_idx').on(t.userId, t.skillAreaCode, t.at),
  ],
);

/**
 * A behavioural statement of the self-assessment ("I can …") for one skill area at one level. Shipped
 * statements are samples (is_sample) until an author or framework admin rewrites them.
 */
export const selfAssessmentStatements = pgTable(
  'self_assessment_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    skillAreaCode: text('skill_area_code').notNull(),
    level: smallint('level').notNull(),
    textTh: text('text_th').notNull(),
    textEn: text('text_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isSample: boolean('is_sample').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('self_assessment_statements_area_idx').on(t.frameworkId, t.skillAreaCode, t.level)],
);

/** One submitted self-assessment: the ratings given and the level computed per skill area. Never edited. */
export const selfAssessments = pgTable(
  'self_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    /** statement id → rating 1..4 */
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [index('self_assessments_user_idx').on(t.userId, t.submittedAt)],
);

/** The self-assessed level per skill area of each self-assessment (history over time). */
export const selfAssessmentLevels = pgTable(
  'self_assessment_levels',
  {
    selfAssessmentId: uuid('self_assessment_id')
      .notNull()
      .references(() => selfAssessments.id, { onDelete: 'cascade' }),
    skillAreaCode: text('skill_area_code').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    level: smallint('level').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.selfAssessmentId, t.skillAreaCode] }),
    index('self_assessment_levels_user_idx').on(t.userId, t.skillAreaCode, t.at),
  ],
);
