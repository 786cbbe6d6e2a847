import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
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
import { agencies, persons } from './org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An agency's development plan for one Thai fiscal year (named by the Buddhist-era year it ends in). The
 * content HR edits (objectives, targets, budget lines, activities, planned courses) is one document, kept
 * as JSON validated by the contract and replaced whole on each update; `version` grows with every update,
 * so two editors cannot overwrite each other. Progress is never stored: it is computed from records.
 */
export const agencyPlans = pgTable(
  'agency_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    fiscalYear: smallint('fiscal_year').notNull(),
    /** draft · submitted · approved · returned (modules/plans/state-machine.ts). */
    state: text('state').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** A code of the `plans.phases` setting (Early, Developing, Advanced by default). */
    phase: text('phase').notNull(),
    objectives: jsonb('objectives').notNull().default(sql`'[]'::jsonb`),
    targets: jsonb('targets').notNull().default(sql`'[]'::jsonb`),
    budgetLines: jsonb('budget_lines').notNull().default(sql`'[]'::jsonb`),
    activities: jsonb('activities').notNull().default(sql`'[]'::jsonb`),
    plannedCourseIds: uuid('planned_course_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agency_plans_agency_year_key').on(t.agencyId, t.fiscalYear),
    // Central monitors list approved plans nationally, by year.
    index('agency_plans_state_year_idx').on(t.state, t.fiscalYear),
  ],
);

/** What happened to a plan (submitted, approved, returned) with the executive's comments; never edited. */
export const agencyPlanEvents = pgTable(
  'agency_plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => agencyPlans.id, { onDelete: 'cascade' }),
    /** submit · approve · return */
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('agency_plan_events_plan_idx').on(t.planId, t.at)],
);

/**
 * A training cohort (รุ่น) the agency runs itself under its plan: a catalogue course, dates, mode, place or
 * meeting link, capacity, sessions and, for classroom designs, hours by teaching method (checked against
 * the lecture ≤ 60% rule). Completion turns attendance into learning records.
 */
export const planCohorts = pgTable(
  'plan_cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => agencyPlans.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** classroom · online_meeting · blended */
    mode: text('mode').notNull(),
    venue: text('venue'),
    meetingUrl: text('meeting_url'),
    capacity: integer('capacity').notNull(),
    sessionCount: smallint('session_count').notNull(),
    /** Share of sessions a participant must attend to complete, in percent. */
    attendanceThreshold: smallint('attendance_threshold').notNull().default(80),
    /** Hours by teaching method (the accreditation contract's methods). */
    hours: jsonb('hours').notNull(),
    /** open · completed */
    state: text('state').notNull().default('open'),
    completedOn: date('completed_on'),
    completedBy: uuid('completed_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('plan_cohorts_plan_idx').on(t.planId, t.startsOn), index('plan_cohorts_agency_idx').on(t.agencyId, t.startsOn)],
);

/** A person enrolled in a cohort; `completed` is set when the cohort is completed. */
export const cohortParticipants = pgTable(
  'cohort_participants',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => planCohorts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    completed: boolean('completed').notNull().default(false),
    enrolledBy: uuid('enrolled_by').references(() => users.id),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.personId] }), index('cohort_participants_person_idx').on(t.personId)],
);

/** Attendance of one participant at one session (day) of a cohort. */
export const cohortAttendance = pgTable(
  'cohort_attendance',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => planCohorts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    session: smallint('session').notNull(),
    /** present · absent · excused */
    status: text('status').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.personId, t.session] })],
);
