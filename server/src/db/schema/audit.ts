import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only log. Each entry's hash covers its own content and the previous entry's hash,
 * so editing or deleting any entry breaks the chain (`npm run audit:verify`).
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    summary: jsonb('summary').notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectType, t.subjectId, t.seq),
    index('audit_actor_idx').on(t.actorId, t.seq),
    // Stage durations for dashboards are read by kind of event over a period.
    index('audit_action_idx').on(t.subjectType, t.action, t.at),
  ],
);
