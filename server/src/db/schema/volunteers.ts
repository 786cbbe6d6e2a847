import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
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
import { hubArticles } from './hub.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The administrative hierarchy (decision 010): provinces, districts (อำเภอ/เขต) and subdistricts (ตำบล/แขวง)
 * loaded from an npm data package at start-up, keyed by their DOPA codes (2, 4 and 6 digits); a code the
 * package lacks or repeats is assigned here and marked `code_source = 'assigned'`.
 */
export const placeProvinces = pgTable('place_provinces', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
});

export const placeDistricts = pgTable(
  'place_districts',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => placeProvinces.code),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    codeSource: text('code_source').notNull().default('dataset'),
  },
  (t) => [index('place_districts_province_idx').on(t.provinceCode)],
);

export const placeSubdistricts = pgTable(
  'place_subdistricts',
  {
    code: text('code').primaryKey(),
    districtCode: text('district_code')
      .notNull()
      .references(() => placeDistricts.code),
    provinceCode: text('province_code').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    postalCode: text('postal_code'),
    codeSource: text('code_source').notNull().default('dataset'),
  },
  (t) => [index('place_subdistricts_district_idx').on(t.districtCode)],
);

/** A village (หมู่บ้าน, by its หมู่ number): added by coordinators or the demo data; the packages have none. */
export const villages = pgTable(
  'villages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subdistrictCode: text('subdistrict_code')
      .notNull()
      .references(() => placeSubdistricts.code),
    districtCode: text('district_code').notNull(),
    provinceCode: text('province_code').notNull(),
    moo: smallint('moo').notNull(),
    nameTh: text('name_th').notNull(),
    /** Active volunteers living here; kept by the volunteers roll-up trigger. */
    activeVolunteers: integer('active_volunteers').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('villages_subdistrict_moo_key').on(t.subdistrictCode, t.moo),
    index('villages_district_cover_idx').on(t.districtCode, t.activeVolunteers),
    check('villages_moo_range', sql`${t.moo} between 1 and 99`),
  ],
);

/**
 * A digital volunteer (อสด.). The citizen ID is kept as for personnel: keyed hash (unique), ciphertext and
 * check digit. The place columns copy the village's so scopes and roll-ups need no join.
 */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    citizenIdHash: text('citizen_id_hash').notNull(),
    citizenIdCipher: text('citizen_id_cipher').notNull(),
    citizenIdLast: text('citizen_id_last').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone').notNull(),
    lineId: text('line_id'),
    email: text('email').notNull(),
    /** scrypt hash of the password chosen at registration, moved to the account on approval, then cleared. */
    pendingPasswordHash: text('pending_password_hash'),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    subdistrictCode: text('subdistrict_code').notNull(),
    districtCode: text('district_code').notNull(),
    provinceCode: text('province_code').notNull(),
    occupation: text('occupation').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    consentVersion: text('consent_version').notNull(),
    consentedAt: ts('consented_at').notNull(),
    /** pending → active | rejected; active → inactive. */
    status: text('status').notNull().default('pending'),
    /** village | subdistrict | district_leader | provincial */
    level: text('level').notNull().default('village'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    /** Random token in the public verification address printed as the card's QR code. */
    cardToken: text('card_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteers_citizen_id_key').on(t.citizenIdHash),
    uniqueIndex('volunteers_card_token_key').on(t.cardToken),
    uniqueIndex('volunteers_user_key').on(t.userId),
    // Each district has one leader (แกนนำ) among its active volunteers.
    uniqueIndex('volunteers_one_leader_key').on(t.districtCode).where(sql`level = 'district_leader' and status = 'active'`),
    index('volunteers_province_queue_idx').on(t.provinceCode, t.status, t.createdAt),
    index('volunteers_district_queue_idx').on(t.districtCode, t.status, t.createdAt),
    index('volunteers_village_idx').on(t.villageId),
    check('volunteers_status_check', sql`${t.status} in ('pending', 'active', 'rejected', 'inactive')`),
    check('volunteers_level_check', sql`${t.level} in ('village', 'subdistrict', 'district_leader', 'provincial')`),
  ],
);

/** Help a volunteer gave; the id is generated by the client so a retried offline upload is recorded once. */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: uuid('id').primaryKey(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    topic: text('topic').notNull(),
    peopleHelped: integer('people_helped').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    subdistrictCode: text('subdistrict_code').notNull(),
    districtCode: text('district_code').notNull(),
    provinceCode: text('province_code').notNull(),
    activityDate: date('activity_date').notNull(),
    note: text('note'),
    photoFileId: uuid('photo_file_id').references(() => files.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_activities_volunteer_idx').on(t.volunteerId, t.activityDate),
    check('volunteer_activities_people_check', sql`${t.peopleHelped} between 1 and 10000`),
  ],
);

/**
 * Coverage roll-up: one row per province, district and subdistrict, kept exact by statement-level triggers
 * on villages and volunteers (decision 010). `leaders` counts active district leaders; at province level
 * it is the number of districts with a leader.
 */
export const coverageRollup = pgTable(
  'coverage_rollup',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    villages: integer('villages').notNull().default(0),
    villagesCovered: integer('villages_covered').notNull().default(0),
    volunteers: integer('volunteers').notNull().default(0),
    pending: integer('pending').notNull().default(0),
    leaders: integer('leaders').notNull().default(0),
    districtsCovered: integer('districts_covered').notNull().default(0),
  },
  (t) => [index('coverage_rollup_parent_idx').on(t.parentCode)],
);

/** Activities and people helped per area and month, kept by a statement-level trigger on activities. */
export const activityRollup = pgTable(
  'activity_rollup',
  {
    code: text('code').notNull(),
    month: date('month').notNull(),
    activities: integer('activities').notNull().default(0),
    people: integer('people').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.code, t.month] })],
);

/**
 * A counter bumped by statement triggers whenever volunteers, villages or activities change: each instance
 * keeps coverage views under it, so a kept view is never older than the data (decision 010).
 */
export const coverageVersion = pgTable('coverage_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** Which dataset version the place tables hold, so start-up loads them once per package version. */
export const placeDatasets = pgTable('place_datasets', {
  source: text('source').primaryKey(),
  version: text('version').notNull(),
  provinces: integer('provinces').notNull(),
  districts: integer('districts').notNull(),
  subdistricts: integer('subdistricts').notNull(),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
});

/**
 * The volunteer curriculum (onboarding): one national, ordered list of catalogue courses and hub articles,
 * edited by central monitors (decision 012). A volunteer has completed onboarding when every item is done:
 * an article when they marked it read (`volunteer_article_reads`), a course when their account has a
 * learning record `completed` of it.
 */
export const volunteerCurriculumItems = pgTable(
  'volunteer_curriculum_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: integer('position').notNull(),
    /** course | article */
    kind: text('kind').notNull(),
    courseId: uuid('course_id'),
    articleId: uuid('article_id').references(() => hubArticles.id),
    addedBy: uuid('added_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_curriculum_position_idx').on(t.position),
    check(
      'volunteer_curriculum_kind_check',
      sql`(${t.kind} = 'course' and ${t.courseId} is not null and ${t.articleId} is null) or (${t.kind} = 'article' and ${t.articleId} is not null and ${t.courseId} is null)`,
    ),
  ],
);

/** Hub articles a volunteer marked read (once each). */
export const volunteerArticleReads = pgTable(
  'volunteer_article_reads',
  {
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    articleId: uuid('article_id')
      .notNull()
      .references(() => hubArticles.id),
    readAt: ts('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.volunteerId, t.articleId] })],
);
