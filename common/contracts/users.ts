import { z } from 'zod';
import { RoleGrantView, RoleSchema, ScopeTypeSchema } from './shared.js';
import { NewPassword } from './auth.js';

export const ListUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: RoleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const UserAdminView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isLocked: z.boolean(),
  isDisabled: z.boolean(),
  createdAt: z.string(),
  roles: z.array(RoleGrantView),
});
export type UserAdminView = z.infer<typeof UserAdminView>;

export const UserListView = z.object({
  items: z.array(UserAdminView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const CreateUserBody = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  password: NewPassword,
  locale: z.enum(['th', 'en']).default('th'),
});

export const GrantRoleBody = z.strictObject({
  role: RoleSchema,
  scopeType: ScopeTypeSchema,
  scopeId: z.string().max(100).default(''),
});
export type GrantRoleBody = z.infer<typeof GrantRoleBody>;
