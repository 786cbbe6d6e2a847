import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
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
import { courses } from './accreditation.js';
import { agencies, providers } from './org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per course in the public catalogue (accredited, accredited with conditions, suspended or
 * expired), denormalised for search: the accredited version's content, the provider's names, facets as
 * arrays, the next run and the rating. Rebuilt from the source records by `syncCatalogEntry` whenever any
 * of them changes; never edited by hand.
 */
export const catalogEntries = pgTable(
  'catalog_entries',
  {
    courseId: uuid('course_id')
      .primaryKey()
      .references(() => courses.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    status: text('status').notNull(),
    accreditationNumber: text('accreditation_number'),
    accreditedAt: ts('accredited_at'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    frameworkId: uuid('framework_id'),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    summaryTh: text('summary_th').notNull(),
    summaryEn: text('summary_en').notNull(),
    providerNameTh: text('provider_name_th').notNull(),
    providerNameEn: text('provider_name_en').notNull(),
    targetGroups: text('target_groups').array().notNull(),
    skillAreas: text('skill_areas').array().notNull(),
    /** `AREA:LEVEL` pairs, so "skill area X at level L" is one array containment. */
    skillLevels: text('skill_levels').array().notNull(),
    levels: integer('levels').array().notNull(),
    unitCodes: text('unit_codes').array().notNull(),
    hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    delivery: text('delivery').notNull(),
    pacing: text('pacing'),
    language: text('language').notNull(),
    feeBaht: numeric('fee_baht', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** The course's own province and those of its scheduled runs. */
    provinces: text('provinces').array().notNull(),
    /** Taught online (online or blended delivery, or an online run). */
    isOnline: boolean('is_online').notNull(),
    nextRunOn: date('next_run_on'),
    ratingAvg: numeric('rating_avg', { precision: 3, scale: 2, mode: 'number' }),
    ratingCount: integer('rating_count').notNull().default(0),
    /** Segmented Thai and English text with weights (titles A, provider/units/areas B, descriptions C): what matches. */
    searchVector: tsvector('search_vector').notNull(),
    /** Hashed words of the titles, and of the provider, units and skill areas: what ranks (see lib/rank-terms.ts). */
    titleTerms: integer('title_terms').array().notNull(),
    relatedTerms: integer('related_terms').array().notNull(),
    /** Titles and provider names, lower-cased, for the trigram fallback on typos and partial words. */
    searchText: text('search_text').notNull(),
    isImported: boolean('is_imported').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('catalog_entries_search_idx').using('gin', t.searchVector),
    index('catalog_entries_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('catalog_entries_groups_idx').using('gin', t.targetGroups),
    index('catalog_entries_areas_idx').using('gin', t.skillAreas),
    index('catalog_entries_skill_levels_idx').using('gin', t.skillLevels),
    index('catalog_entries_status_idx').on(t.status, t.accreditedAt),
    index('catalog_entries_provider_idx').on(t.providerId, t.titleTh),
    index('catalog_entries_next_run_idx').on(t.nextRunOn),
  ],
);

/**
 * A counter bumped by a statement trigger whenever catalogue entries change; each instance caches search
 * results keyed by it, so a cached page is never older than the data it came from.
 */
export const catalogVersion = pgTable('catalog_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/** A scheduled run (รุ่น) of an accredited course. */
export const courseRuns = pgTable(
  'course_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    registrationDeadline: date('registration_deadline'),
    mode: text('mode').notNull(),
    provinceCode: text('province_code'),
    venue: text('venue'),
    seats: integer('seats').notNull(),
    isCancelled: boolean('is_cancelled').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('course_runs_course_idx').on(t.courseId, t.startsOn)],
);

/**
 * What a person learned, shaped like an xAPI statement: actor, verb, object, result, context, timestamp
 * and authority (who vouches for it). Course completions reported by providers are the first kind.
 */
export const learningRecords = pgTable(
  'learning_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    verb: text('verb').notNull(),
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    runId: uuid('run_id').references(() => courseRuns.id),
    result: jsonb('result'),
    context: jsonb('context'),
    /** Who asserts it, e.g. `provider:<id>`. */
    authority: text('authority').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('learning_records_actor_idx').on(t.actorUserId, t.objectType, t.objectId),
    // Recording the same completion twice is a no-op.
    uniqueIndex('learning_records_statement_key').on(
      t.actorUserId,
      t.verb,
      t.objectType,
      t.objectId,
      sql`coalesce(${t.runId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** One rating per learner per course, on three scales of 1–5. */
export const courseRatings = pgTable(
  'course_ratings',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    content: smallint('content').notNull(),
    instructor: smallint('instructor').notNull(),
    usefulness: smallint('usefulness').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] })],
);

/** Courses an agency's HR has put on its shortlist for planning. */
export const courseShortlists = pgTable(
  'course_shortlists',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    note: text('note'),
    addedBy: uuid('added_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.courseId] }), index('course_shortlists_course_idx').on(t.courseId)],
);
