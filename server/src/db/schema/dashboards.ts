import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const hours = (name: string) => numeric(name, { precision: 14, scale: 1, mode: 'number' }).notNull().default(0);

/** The measures of one agency (its own people, or its whole subtree) for one fiscal year and target group. */
const factColumns = () => ({
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  agencyKey: text('agency_key').notNull(),
  /** Buddhist-era fiscal year (1 October – 30 September, named by the year it ends in). */
  fiscalYear: smallint('fiscal_year').notNull(),
  targetGroupCode: text('target_group_code').notNull(),
  /** Active personnel now (from person_rollup), the same in every fiscal year's row. */
  personnel: integer('personnel').notNull().default(0),
  /** People with at least one completion in the year. */
  learners: integer('learners').notNull().default(0),
  /** Course completions (learning records `completed` of a course). */
  completions: integer('completions').notNull().default(0),
  /** Hours learned in the year by 70:20:10 type (formal courses, on the job, coaching and mentoring). */
  hoursFormal: hours('hours_formal'),
  hoursOnTheJob: hours('hours_on_the_job'),
  hoursCoaching: hours('hours_coaching'),
  /** People with a self-assessment, with a submitted test, and with a passed test in the year. */
  selfAssessed: integer('self_assessed').notNull().default(0),
  tested: integer('tested').notNull().default(0),
  passed: integer('passed').notNull().default(0),
  /** People with an assessed level (tested, else self-assessed) in any skill area by the end of the year. */
  assessed: integer('assessed').notNull().default(0),
  /** Individual development plans of the year: all of them, those approved (or completed since), those completed. */
  idps: integer('idps').notNull().default(0),
  idpsApproved: integer('idps_approved').notNull().default(0),
  idpsCompleted: integer('idps_completed').notNull().default(0),
});

/**
 * Roll-up of an agency's own people (decision 014): one row per agency × fiscal year × target group, the sum
 * of its people's rows in `dashboard_person_facts` (kept by adding each refreshed person's difference) and
 * its active personnel from `person_rollup`.
 */
export const dashboardOwnFacts = pgTable('dashboard_own_facts', factColumns(), (t) => [
  primaryKey({ columns: [t.agencyId, t.fiscalYear, t.targetGroupCode] }),
  index('dashboard_own_facts_key_idx').on(sql`${t.agencyKey} collate "C"`, t.fiscalYear),
]);

/** The same measures summed over each agency's subtree (itself included), so any scope is a few rows. */
export const dashboardTreeFacts = pgTable('dashboard_tree_facts', factColumns(), (t) => [
  primaryKey({ columns: [t.agencyId, t.fiscalYear, t.targetGroupCode] }),
]);

const levelColumns = () => ({
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  agencyKey: text('agency_key').notNull(),
  fiscalYear: smallint('fiscal_year').notNull(),
  targetGroupCode: text('target_group_code').notNull(),
  skillAreaCode: text('skill_area_code').notNull(),
  /** The assessed level (0 = below level 1). */
  level: smallint('level').notNull(),
  /** People at this level when the year began, and at its end (or now, for the current year). */
  peopleStart: integer('people_start').notNull().default(0),
  peopleEnd: integer('people_end').notNull().default(0),
});

/** Assessed levels of an agency's own people by skill area, at the start and end of each fiscal year. */
export const dashboardOwnLevels = pgTable('dashboard_own_levels', levelColumns(), (t) => [
  primaryKey({ columns: [t.agencyId, t.fiscalYear, t.targetGroupCode, t.skillAreaCode, t.level] }),
  index('dashboard_own_levels_key_idx').on(sql`${t.agencyKey} collate "C"`, t.fiscalYear),
]);

/** The same levels summed over each agency's subtree. */
export const dashboardTreeLevels = pgTable('dashboard_tree_levels', levelColumns(), (t) => [
  primaryKey({ columns: [t.agencyId, t.fiscalYear, t.targetGroupCode, t.skillAreaCode, t.level] }),
]);

/**
 * What each person adds to the roll-ups, per fiscal year (decision 014): kept so that a refresh can take a
 * person's old contribution away and add the new one, with the agency and target group it was counted in.
 * Every measure is per person (a learner counts 1), so the agencies' figures are sums of these rows.
 */
export const dashboardPersonFacts = pgTable(
  'dashboard_person_facts',
  {
    personId: uuid('person_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    agencyId: uuid('agency_id').notNull(),
    targetGroupCode: text('target_group_code').notNull(),
    learner: smallint('learner').notNull().default(0),
    completions: integer('completions').notNull().default(0),
    hoursFormal: hours('hours_formal'),
    hoursOnTheJob: hours('hours_on_the_job'),
    hoursCoaching: hours('hours_coaching'),
    selfAssessed: smallint('self_assessed').notNull().default(0),
    tested: smallint('tested').notNull().default(0),
    passed: smallint('passed').notNull().default(0),
    assessed: smallint('assessed').notNull().default(0),
    idps: integer('idps').notNull().default(0),
    idpsApproved: integer('idps_approved').notNull().default(0),
    idpsCompleted: integer('idps_completed').notNull().default(0),
  },
  (t) => [index('dashboard_person_facts_person_idx').on(t.personId)],
);

/** Each person's assessed level by skill area at the start and the end of each fiscal year (null: none yet). */
export const dashboardPersonLevels = pgTable(
  'dashboard_person_levels',
  {
    personId: uuid('person_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    skillAreaCode: text('skill_area_code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    targetGroupCode: text('target_group_code').notNull(),
    levelStart: smallint('level_start'),
    levelEnd: smallint('level_end'),
  },
  (t) => [index('dashboard_person_levels_person_idx').on(t.personId)],
);

/**
 * People whose contribution may have changed, appended by triggers on learning records, self-assessments,
 * development plans, personnel and accounts; the refresh takes them in order. Append-only, so a writer never
 * waits for a refresh in progress.
 */
export const dashboardDirtyPersons = pgTable('dashboard_dirty_persons', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: uuid('person_id').notNull(),
});

/** Agencies whose personnel or place in the tree changed (their subtree rows are recomputed); append-only too. */
export const dashboardDirtyAgencies = pgTable('dashboard_dirty_agencies', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  agencyId: uuid('agency_id').notNull(),
});

/** One row: when the roll-ups were last brought up to date (the "as of" shown) and for which current fiscal year. */
export const dashboardRefreshState = pgTable('dashboard_refresh_state', {
  id: smallint('id').primaryKey(),
  refreshedAt: ts('refreshed_at').notNull(),
  currentFiscalYear: smallint('current_fiscal_year').notNull(),
  lastAgencies: integer('last_agencies').notNull().default(0),
  lastMs: integer('last_ms').notNull().default(0),
});

/**
 * A counter bumped whenever what a dashboard shows of a scope changes: by a refresh that recomputed anything,
 * and by statement triggers on the tables the scope's page reads besides the roll-ups (agencies, plans,
 * cohorts, the framework). Each instance keeps scopes' figures under it (decision 014).
 */
export const dashboardVersion = pgTable('dashboard_version', {
  id: smallint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** A monitor's subscription to the monthly dashboard report by e-mail, for one scope and target group. */
export const dashboardSubscriptions = pgTable(
  'dashboard_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null means the nation. */
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    targetGroupCode: text('target_group_code'),
    language: text('language').notNull().default('th'),
    /** The last month (YYYY-MM, Bangkok) whose report was queued; a month is queued once. */
    lastSentMonth: text('last_sent_month'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dashboard_subscriptions_scope_key').on(
      t.userId,
      sql`coalesce(${t.agencyId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.targetGroupCode}, '')`,
    ),
  ],
);
