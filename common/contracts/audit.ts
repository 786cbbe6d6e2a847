import { z } from 'zod';

export const ListAuditQuery = z.object({
  subjectType: z.string().max(50).optional(),
  subjectId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  summary: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const AuditListView = z.object({ items: z.array(AuditEntryView), nextBefore: z.number().nullable() });
