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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { frameworks } from './framework.js';
import { providers } from './org.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Uploaded files (syllabi, evidence). Size- and type-checked before they get here; content hashed. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerUserId: uuid('owner_user_id').references(() => users.id),
  kind: text('kind').notNull(),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** An expert in the reviewer registry (ผู้ทรงคุณวุฒิ); one per user. */
export const reviewers = pgTable(
  'reviewers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('pending'),
    qualifications: text('qualifications').notNull(),
    maxConcurrent: integer('max_concurrent').notNull().default(3),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [uniqueIndex('reviewers_user_key').on(t.userId), index('reviewers_status_idx').on(t.status)],
);

export const reviewerExpertise = pgTable(
  'reviewer_expertise',
  {
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    skillAreaCode: text('skill_area_code').notNull(),
    levelRank: integer('level_rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.skillAreaCode] }), index('reviewer_expertise_area_idx').on(t.skillAreaCode, t.levelRank)],
);

/** Current and past affiliations; a provider affiliation within the conflict window excludes the reviewer. */
export const reviewerAffiliations = pgTable(
  'reviewer_affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    organisationName: text('organisation_name').notNull(),
    providerId: uuid('provider_id').references(() => providers.id),
    roleTitle: text('role_title'),
    startDate: date('start_date'),
    endDate: date('end_date'),
  },
  (t) => [index('reviewer_affiliations_reviewer_idx').on(t.reviewerId), index('reviewer_affiliations_provider_idx').on(t.providerId)],
);

export const reviewerConflicts = pgTable(
  'reviewer_conflicts',
  {
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    reason: text('reason').notNull(),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.providerId] })],
);

/**
 * A provider's course and where it stands in accreditation. Titles are copied from the latest version for
 * lists; the content of each round lives in course_versions.
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    state: text('state').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    frameworkId: uuid('framework_id').references(() => frameworks.id),
    titleTh: text('title_th').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    submittedAt: ts('submitted_at'),
    screeningDueAt: ts('screening_due_at'),
    reviewDueAt: ts('review_due_at'),
    /** The service-level due date of the stage the course waits in (screening or review); the queue's sort key. */
    queueDueAt: ts('queue_due_at').generatedAlwaysAs(
      sql`case when state in ('submitted', 'screening') then screening_due_at when state = 'in_review' then review_due_at end`,
    ),
    accreditationNumber: text('accreditation_number'),
    accreditedAt: ts('accredited_at'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    conditions: text('conditions'),
    stateChangedAt: ts('state_changed_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Where the course came from: submitted here, or imported as already accredited from the system this replaces. */
    source: text('source').notNull().default('submission'),
    /** The course's id in the system it was imported from; re-importing it updates this course. */
    externalId: text('external_id'),
  },
  (t) => [
    uniqueIndex('courses_accreditation_number_key').on(t.accreditationNumber),
    uniqueIndex('courses_external_id_key').on(t.externalId),
    index('courses_state_idx').on(t.state, t.submittedAt),
    // The officer's queue, earliest due first, for all queue states and for one state.
    index('courses_queue_idx')
      .on(t.queueDueAt, t.submittedAt, t.id)
      .where(sql`state in ('submitted', 'screening', 'in_review', 'decision_pending') and submitted_at is not null`),
    index('courses_state_queue_idx').on(t.state, t.queueDueAt, t.submittedAt, t.id),
    index('courses_provider_idx').on(t.providerId, t.createdAt),
    index('courses_valid_until_idx').on(t.validUntil).where(sql`${t.accreditationNumber} is not null`),
    index('courses_title_trgm_idx').using('gin', sql`${t.titleTh} gin_trgm_ops`),
  ],
);

/** The content of one submission round. Submitted versions never change; a revision is a new version. */
export const courseVersions = pgTable(
  'course_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    syllabusFileId: uuid('syllabus_file_id').references(() => files.id),
    checks: jsonb('checks').notNull().default([]),
    /** The provider's answer to each change the decision required, keyed by the change's index. */
    responses: jsonb('responses'),
    createdAt: ts('created_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [uniqueIndex('course_versions_course_version_key').on(t.courseId, t.version)],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    state: text('state').notNull().default('pending'),
    assignedBy: uuid('assigned_by'),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    dueAt: ts('due_at').notNull(),
    respondedAt: ts('responded_at'),
    declineReason: text('decline_reason'),
  },
  (t) => [
    uniqueIndex('review_assignments_round_reviewer_key').on(t.courseId, t.version, t.reviewerId),
    index('review_assignments_reviewer_idx').on(t.reviewerId, t.state),
    // Open assignments (not yet answered or reviewed): each reviewer's load.
    index('review_assignments_open_idx').on(t.reviewerId).where(sql`state in ('pending', 'accepted')`),
  ],
);

export const reviews = pgTable('reviews', {
  assignmentId: uuid('assignment_id')
    .primaryKey()
    .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
  rubricId: uuid('rubric_id').notNull(),
  scores: jsonb('scores').notNull(),
  weightedScore: numeric('weighted_score', { precision: 5, scale: 2 }).notNull(),
  recommendation: text('recommendation').notNull(),
  commentsToProvider: text('comments_to_provider').notNull(),
  confidentialComments: text('confidential_comments'),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
});

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    outcome: text('outcome').notNull(),
    reasons: text('reasons').notNull(),
    requiredChanges: jsonb('required_changes').notNull().default([]),
    conditions: text('conditions'),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [index('decisions_course_idx').on(t.courseId, t.version)],
);

/** Weighted review criteria; the officer edits them per round of the year and each review keeps its rubric. */
export const rubrics = pgTable('rubrics', {
  id: uuid('id').primaryKey().defaultRandom(),
  yearBe: integer('year_be').notNull(),
  round: integer('round').notNull().default(1),
  criteria: jsonb('criteria').notNull(),
  isActive: boolean('is_active').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Gap-free accreditation numbers: one counter row per Buddhist-era year, advanced inside the decision's transaction. */
export const accreditationCounters = pgTable('accreditation_counters', {
  yearBe: integer('year_be').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/**
 * How many courses are in each state, kept by a trigger on `courses` (migration 20261122*_rollups), so the
 * officer queue's totals and the dashboard's pipeline never count over the whole table.
 */
export const courseStateCounts = pgTable('course_state_counts', {
  state: text('state').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * A counter that triggers bump whenever anything reviewer matching reads changes (reviewers, their
 * expertise, affiliations, conflicts, assignments, names). Each instance caches the registry and reloads
 * it only when this moves, so suggestions are always computed from current data.
 */
export const reviewerRegistryVersion = pgTable('reviewer_registry_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/** Settings an officer or admin changes at run time (service levels, validity, yearly target, number prefix). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    bodyTh: text('body_th').notNull(),
    bodyEn: text('body_en').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** E-mails waiting to go out; a sender job delivers them over SMTP, and in development the outbox page shows them. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('email_outbox_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

/** Reminders and alerts already sent, so the job that sends them can run on any instance, any number of times. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    /** What the reminder was about (a validity end date, a due date), so a renewed or resubmitted item is reminded again. */
    occasion: text('occasion').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId, t.kind, t.occasion] })],
);
