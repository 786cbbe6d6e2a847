import { z } from 'zod';
import { RoleGrantView, RoleSchema, ScopeTypeSchema } from './shared.js';

export const LoginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['th', 'en']),
});
export type UserView = z.infer<typeof UserView>;

/** What the web app needs to draw itself for the current visitor. */
export const SessionView = z.object({
  user: UserView.nullable(),
  roles: z.array(RoleGrantView),
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  abilities: z.object({
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    editFramework: z.boolean(),
    createApiTokens: z.boolean(),
  }),
});
export type SessionView = z.infer<typeof SessionView>;

/** At least 10 characters; passwords are checked for length, not composition (NIST SP 800-63B). */
export const NewPassword = z.string().min(10).max(200);

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

export const UpdateLocaleBody = z.strictObject({ locale: z.enum(['th', 'en']) });

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  roleGrantId: z.uuid(),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: RoleSchema,
  scopeType: ScopeTypeSchema,
  scopeId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** The secret is shown once, at creation. */
export const CreatedApiTokenView = ApiTokenView.extend({ token: z.string() });

/** The token from an invitation link (the part after `#`). */
export const InvitationTokenBody = z.strictObject({ token: z.string().min(20).max(200) });

export const InvitationView = z.object({ email: z.string(), displayName: z.string(), expiresAt: z.string() });
export type InvitationView = z.infer<typeof InvitationView>;

export const AcceptInvitationBody = z.strictObject({ token: z.string().min(20).max(200), password: NewPassword });
