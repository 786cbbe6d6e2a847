import { sql } from 'drizzle-orm';
import { customType, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { courses } from './accreditation.js';
import { courseRuns } from './catalog.js';
import { frameworks } from './framework.js';
import { persons } from './org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A person's individual development plan (IDP) for one Thai fiscal year. Drafted from the person's gaps,
 * edited by the person, approved or returned by their supervisor; completed when every activity is done
 * (modules/development/state-machine.ts). `version` grows with every edit so two tabs cannot overwrite
 * each other.
 */
export const developmentPlans = pgTable(
  'development_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    fiscalYear: smallint('fiscal_year').notNull(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    /** The target group the gaps were computed for when the plan was drafted. */
    targetGroupCode: text('target_group_code').notNull(),
    /** draft · submitted · approved · returned · completed */
    state: text('state').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    goal: text('goal'),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    completedAt: ts('completed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('development_plans_person_year_key').on(t.personId, t.fiscalYear),
    index('development_plans_user_idx').on(t.userId, t.state),
    index('development_plans_state_idx').on(t.state, t.submittedAt),
  ],
);

/**
 * One activity of a plan: a catalogue course (10), coaching or mentoring (20) or an on-the-job assignment
 * (70), aimed at a skill area and level. Courses complete from learning records; coaching and on-the-job
 * activities complete when the supervisor attests them with a note or a file.
 */
export const developmentActivities = pgTable(
  'development_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => developmentPlans.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    /** formal · coaching · on_the_job */
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    skillAreaCode: text('skill_area_code').notNull(),
    targetLevel: smallint('target_level').notNull(),
    courseId: uuid('course_id').references(() => courses.id),
    runId: uuid('run_id').references(() => courseRuns.id),
    plannedHours: numeric('planned_hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    dueOn: date('due_on'),
    /** Who guides a coaching activity (free text: a colleague, a mentor). */
    coach: text('coach'),
    attestedAt: ts('attested_at'),
    attestedBy: uuid('attested_by').references(() => users.id),
    attestationNote: text('attestation_note'),
    /** The learning record written by the attestation. */
    learningRecordId: uuid('learning_record_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('development_activities_plan_idx').on(t.planId, t.position),
    index('development_activities_course_idx').on(t.courseId).where(sql`${t.courseId} is not null`),
  ],
);

/** A file the supervisor attached as evidence when attesting an activity (PDF or image, size-checked). */
export const developmentEvidenceFiles = pgTable(
  'development_evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => developmentActivities.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('development_evidence_activity_idx').on(t.activityId)],
);

/** What happened to a plan and who did it: submitted, approved, returned (with the comment), completed. */
export const developmentPlanEvents = pgTable(
  'development_plan_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => developmentPlans.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('development_plan_events_plan_idx').on(t.planId, t.at)],
);
