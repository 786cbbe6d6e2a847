import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The agency tree (ministry → department → division → unit, plus provinces and local government).
 * `path` is the materialised chain of ids ("/a/b/c/"), so a subtree is one indexed prefix match.
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_key').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(sql`${t.path} text_pattern_ops`),
  ],
);

/** A civil servant or state employee. The people module owns the rest of this record. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenIdHash: text('citizen_id_hash').notNull(),
    citizenIdCipher: text('citizen_id_cipher').notNull(),
    citizenIdLast: text('citizen_id_last').notNull(),
    titleTh: text('title_th').notNull(),
    firstNameTh: text('first_name_th').notNull(),
    lastNameTh: text('last_name_th').notNull(),
    firstNameEn: text('first_name_en'),
    lastNameEn: text('last_name_en'),
    email: text('email'),
    positionTh: text('position_th').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    supervisorId: uuid('supervisor_id').references((): AnyPgColumn => persons.id),
    targetGroupCode: text('target_group_code').notNull(),
    isIt: text('is_it').notNull().default('non_it'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_citizen_hash_key').on(t.citizenIdHash),
    index('persons_agency_idx').on(t.agencyId),
    index('persons_supervisor_idx').on(t.supervisorId),
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
