import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, pgSequence, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Numbers the segments of `agencies.tree_key`; never reused. */
export const agencyKeySeq = pgSequence('agency_key_seq');

/**
 * The agency tree (ministry → department → division → unit, plus provinces and local government).
 * `path` is the materialised chain of ids ("/a/b/c/"), so a subtree is one indexed prefix match.
 * `tree_key` is the same chain in short form ("1a.3f.c2."): one hex number per agency, so indexes of
 * personnel by subtree stay small. A trigger fills it on insert from the parent; moves rewrite both.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    path: text('path').notNull(),
    provinceCode: text('province_code'),
    treeKey: text('tree_key').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_key').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(sql`${t.path} text_pattern_ops`),
    index('agencies_tree_key_idx').on(sql`${t.treeKey} collate "C"`),
  ],
);

/**
 * A civil servant or state employee. The citizen ID is stored as a keyed hash (to find the person), a
 * ciphertext (to show it) and its check digit, never in clear (lib/personal-data.ts). `agency_key` copies
 * the agency's `tree_key` and `sort_name` is the Thai dictionary key of the name, so a subtree's people
 * list in name order from one index.
 */
export const persons = pgTable(
  'persons',
  {
    // Time-ordered (SQL time_ordered_uuid()), so the primary key of millions grows at its end on imports.
    id: uuid('id').primaryKey().default(sql`time_ordered_uuid()`),
    citizenIdHash: text('citizen_id_hash').notNull(),
    citizenIdCipher: text('citizen_id_cipher').notNull(),
    citizenIdLast: text('citizen_id_last').notNull(),
    /**
     * The masked form lists show (`1-2345-xxxxx-xx-1`: the first five digits and the check digit), written with the
     * ciphertext so a page of people is shown without decrypting each ID. Null for rows written before it existed
     * (those are masked by decrypting).
     */
    citizenIdMasked: text('citizen_id_masked'),
    titleTh: text('title_th').notNull(),
    firstNameTh: text('first_name_th').notNull(),
    lastNameTh: text('last_name_th').notNull(),
    titleEn: text('title_en'),
    firstNameEn: text('first_name_en'),
    lastNameEn: text('last_name_en'),
    email: text('email'),
    positionTh: text('position_th').notNull(),
    /** executive · director · academic · general · other (common/people-rules.ts). */
    positionType: text('position_type').notNull().default('general'),
    positionLevel: text('position_level'),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    agencyKey: text('agency_key').notNull().default(''),
    supervisorId: uuid('supervisor_id').references((): AnyPgColumn => persons.id),
    targetGroupCode: text('target_group_code').notNull(),
    /** `suggested` (from the position, by rule) or `hr` (set by HR, kept on re-import). */
    targetGroupSource: text('target_group_source').notNull().default('suggested'),
    isIt: text('is_it').notNull().default('non_it'),
    /** active · on_leave · suspended · retired · left. */
    employmentStatus: text('employment_status').notNull().default('active'),
    /** Target group × IT × status as one number 1..60 (SQL person_cell()), so list filters are checked in the index. */
    cell: smallint('cell').generatedAlwaysAs(sql`person_cell(target_group_code, is_it, employment_status)`),
    sortName: text('sort_name').notNull(),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_citizen_hash_key').on(t.citizenIdHash),
    // No index on agency_id: people are found by agency_key ranges, and agencies are never deleted.
    index('persons_supervisor_idx').on(t.supervisorId),
    // A subtree in name order: small subtrees are read whole and sorted, large ones walk the name index;
    // both carry the scope and the filter cell, so rows outside either are skipped without reading the table.
    index('persons_scope_name_idx').on(sql`${t.agencyKey} collate "C"`, sql`${t.sortName} collate "C"`, t.id, t.cell),
    index('persons_name_scope_idx').on(sql`${t.sortName} collate "C"`, t.id, sql`${t.agencyKey} collate "C"`, t.cell),
    // Lists narrowed to roll-up cells (target group × IT × status): per agency and cell, its matching people in
    // name order; per cell in name order across a large subtree (a rare group nationally). The position type at
    // the end lets a subtree's people of one type be gathered from the index alone.
    index('persons_scope_cell_idx').on(sql`${t.agencyKey} collate "C"`, t.cell, sql`${t.sortName} collate "C"`, t.id, t.positionType),
    index('persons_cell_name_idx').on(t.cell, sql`${t.sortName} collate "C"`, t.id, sql`${t.agencyKey} collate "C"`),
    index('persons_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A training provider. The accreditation module owns registration and verification. */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').notNull(),
    taxId: text('tax_id').notNull(),
    provinceCode: text('province_code'),
    status: text('status').notNull().default('pending'),
    address: text('address'),
    website: text('website'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('providers_tax_id_key').on(t.taxId), index('providers_status_idx').on(t.status)],
);
