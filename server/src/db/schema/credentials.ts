import { index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { learningRecords } from './catalog.js';
import { persons } from './org.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A certificate earned by a learning record: a passed assessment, a completed accredited course or a
 * completed development plan. One per record (issuing again changes nothing). The number is
 * THK-<fiscal year>-<6-digit sequence>, gap-free per fiscal year. What it certifies and whose it is are
 * copied at issue, so the certificate reads the same later; the PDF is printed on demand.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    seq: integer('seq').notNull(),
    learningRecordId: uuid('learning_record_id')
      .notNull()
      .references(() => learningRecords.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    personId: uuid('person_id').references(() => persons.id),
    /** assessment · course · development_plan */
    kind: text('kind').notNull(),
    holderNameTh: text('holder_name_th').notNull(),
    holderNameEn: text('holder_name_en'),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    detailTh: text('detail_th'),
    detailEn: text('detail_en'),
    /** Who vouches for what is certified (the provider, the assessment, the supervisor). */
    issuerTh: text('issuer_th'),
    issuerEn: text('issuer_en'),
    achievedAt: ts('achieved_at').notNull(),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('certificates_number_key').on(t.number),
    uniqueIndex('certificates_record_key').on(t.learningRecordId),
    index('certificates_user_idx').on(t.userId, t.issuedAt),
  ],
);

/** Gap-free certificate numbers: one counter row per fiscal year, advanced inside the issuing transaction. */
export const certificateCounters = pgTable('certificate_counters', {
  fiscalYear: smallint('fiscal_year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
