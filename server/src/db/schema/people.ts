import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies, persons } from './org.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * What changed in a person's record that HR must be able to trace: target group (suggested or set by HR),
 * transfers between agencies and employment status. Who, when, from, to and why; never edited.
 */
export const personHistory = pgTable(
  'person_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** target_group · transfer · employment_status */
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value').notNull(),
    reason: text('reason'),
    /** manual (a person's page) or import (a committed personnel import). */
    source: text('source').notNull(),
    importId: uuid('import_id'),
    actorId: uuid('actor_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('person_history_person_idx').on(t.personId, t.at)],
);

/**
 * A personnel import job: the uploaded file is validated in the background (any instance can resume it),
 * then committed in one transaction. Progress and counts are visible to every instance.
 */
export const personImports = pgTable(
  'person_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Every row must fall in this agency's subtree; null for a national import (system admins). */
    scopeAgencyId: uuid('scope_agency_id').references(() => agencies.id),
    format: text('format').notNull(),
    fileName: text('file_name'),
    byteSize: integer('byte_size').notNull(),
    /** validating · validated · invalid · committed · failed · expired */
    status: text('status').notNull(),
    progress: smallint('progress').notNull().default(0),
    totalRows: integer('total_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    invited: integer('invited').notNull().default(0),
    failure: text('failure'),
    attempts: integer('attempts').notNull().default(1),
    heartbeatAt: ts('heartbeat_at').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
    validatedAt: ts('validated_at'),
    committedAt: ts('committed_at'),
    committedBy: uuid('committed_by'),
  },
  (t) => [index('person_imports_created_idx').on(t.createdAt), index('person_imports_scope_idx').on(t.scopeAgencyId, t.createdAt)],
);

/** The uploaded file, encrypted, in chunks, until the import is committed or expires. */
export const personImportFiles = pgTable(
  'person_import_files',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => personImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * Rows that passed the per-row checks, normalised and with the citizen ID already protected, so the
 * cross-row checks and the commit are set-based SQL. Deleted when the import is committed or expires.
 * UNLOGGED (in the migration): a crash empties it, and the commit then has the stored file validated again.
 */
export const personImportRows = pgTable(
  'person_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => personImports.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    citizenHash: text('citizen_hash').notNull(),
    citizenCipher: text('citizen_cipher').notNull(),
    citizenLast: text('citizen_last').notNull(),
    /** The masked form lists show (null for rows staged before it existed). */
    citizenMasked: text('citizen_masked'),
    titleTh: text('title_th').notNull(),
    firstNameTh: text('first_name_th').notNull(),
    lastNameTh: text('last_name_th').notNull(),
    titleEn: text('title_en'),
    firstNameEn: text('first_name_en'),
    lastNameEn: text('last_name_en'),
    email: text('email').notNull(),
    positionTh: text('position_th').notNull(),
    positionType: text('position_type').notNull(),
    positionLevel: text('position_level'),
    isIt: text('is_it').notNull(),
    agencyCode: text('agency_code').notNull(),
    supervisorHash: text('supervisor_hash'),
    /** The group the file gives, if any; otherwise the suggestion applies (or HR's earlier choice is kept). */
    targetGroup: text('target_group'),
    suggestedGroup: text('suggested_group').notNull(),
    employmentStatus: text('employment_status').notNull(),
    sortName: text('sort_name').notNull(),
    searchText: text('search_text').notNull(),
    /** Another row of the file names this one as supervisor (set after validation): written first at commit. */
    supervises: boolean('supervises').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row] }), index('person_import_rows_hash_idx').on(t.importId, t.citizenHash)],
);

/** Every problem found in an import file, by row and column, for the page and the downloadable report. */
export const personImportErrors = pgTable(
  'person_import_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    importId: uuid('import_id')
      .notNull()
      .references(() => personImports.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    column: text('column'),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('person_import_errors_row_idx').on(t.importId, t.row, t.id)],
);

/**
 * Personnel counted per agency, kept exact by statement triggers on `persons`: the total and 60 cells, one
 * per target group × IT flag × employment status (`person_cell()` in SQL, `rollupCells()` in the people
 * repository). A subtree's total, with or without those filters, is a sum over its agencies' rows found by
 * their key range, never a count over millions of people.
 */
export const personRollup = pgTable(
  'person_rollup',
  {
    agencyId: uuid('agency_id').primaryKey(),
    /** The agency's tree key, moved with it. */
    agencyKey: text('agency_key').notNull(),
    total: integer('total').notNull(),
    cells: integer('cells').array().notNull(),
    /**
     * Changes to what the agency's people look like in a list (people written, their accounts, the agency's names),
     * counted by triggers and never going down; a subtree's sum is the version its cached list pages are kept under
     * (decision 017).
     */
    listChanges: bigint('list_changes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('person_rollup_key_idx').on(sql`${t.agencyKey} collate "C"`)],
);
