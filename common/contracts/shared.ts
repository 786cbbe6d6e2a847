import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../permissions.js';

export const Uuid = z.uuid();
export const RoleSchema = z.enum(ROLES);
export const ScopeTypeSchema = z.enum(SCOPE_TYPES);

export const RoleGrantView = z.object({
  id: z.string(),
  role: RoleSchema,
  scopeType: ScopeTypeSchema,
  scopeId: z.string(),
  scopeLabel: z.string().nullable().optional(),
});
export type RoleGrantView = z.infer<typeof RoleGrantView>;

/** Cursor pagination for append-only or newest-first lists; offset pagination for filtered lists. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  requestId: z.string().optional(),
});

export const Ok = z.object({ ok: z.literal(true) });
