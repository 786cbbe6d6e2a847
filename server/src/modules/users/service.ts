import { AppError } from '../../../../common/errors.js';
import { ROLE_SCOPE, type Role, type ScopeType } from '../../../../common/permissions.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { hashPassword } from '../../lib/crypto.js';
import { recordAudit } from '../audit/service.js';
import { canManageUsers } from '../auth/policy.js';
import { presentGrant } from '../auth/present.js';
import * as authRepo from '../auth/repository.js';
import { NO_PASSWORD_HASH } from '../auth/service.js';
import * as repo from './repository.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROVINCE_RE = /^\d{2}$/;
const DISTRICT_RE = /^\d{4}$/;

/** Users with their grants, paged and filtered, for system admins. */
export async function listUsers(ctx: Ctx, q: { q?: string; role?: Role; page: number; pageSize: number }) {
  authorize(ctx, canManageUsers, undefined);
  const { items, total } = await repo.listUsers(ctx.db, { q: q.q, role: q.role, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const grants = await authRepo.findGrantsWithLabels(
    ctx.db,
    items.map((u) => u.id),
  );
  return { items: items.map((u) => ({ user: u, grants: grants.filter((g) => g.userId === u.id).map(presentGrant) })), total };
}

/** Creates an account with a password; e-mails are unique regardless of case. */
export async function createUser(ctx: Ctx, body: { email: string; displayName: string; password: string; locale: 'th' | 'en' }) {
  authorize(ctx, canManageUsers, undefined);
  if (await authRepo.findUserByEmail(ctx.db, body.email)) {
    throw new AppError('user.email_taken', 'an account with this e-mail exists', {
      errors: [{ path: 'body.email', message: 'already registered' }],
    });
  }
  const passwordHash = await hashPassword(body.password);
  return ctx.db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      email: body.email.toLowerCase(),
      displayName: body.displayName,
      passwordHash,
      locale: body.locale,
    });
    await recordAudit(tx, ctx, { action: 'user.created', subjectType: 'user', subjectId: user.id, summary: { email: user.email } });
    return user;
  });
}

async function checkScope(db: Db, role: Role, scopeType: ScopeType, scopeId: string) {
  const bad = (message: string) => AppError.invalid([{ path: 'body.scopeId', message }], message);
  if (ROLE_SCOPE[role] !== scopeType) {
    throw new AppError('role.invalid_scope', `${role} is granted in scope ${ROLE_SCOPE[role]}`, {
      status: 400,
      errors: [{ path: 'body.scopeType', message: `must be ${ROLE_SCOPE[role]} for ${role}` }],
    });
  }
  if ((scopeType === 'national' || scopeType === 'self') && scopeId !== '') throw bad('must be empty for this scope');
  if (scopeType === 'agency' && !(UUID_RE.test(scopeId) && (await repo.agencyExists(db, scopeId)))) throw bad('unknown agency');
  if (scopeType === 'provider' && !(UUID_RE.test(scopeId) && (await repo.providerExists(db, scopeId)))) throw bad('unknown provider');
  // A volunteer coordinator may also be granted one district (4 digits) of a province (decision 010).
  const areaOk = PROVINCE_RE.test(scopeId) || (role === 'volunteer_coordinator' && DISTRICT_RE.test(scopeId));
  if (scopeType === 'province' && !areaOk) throw bad('must be a two-digit province code (or a four-digit district for coordinators)');
}

/** Grants a role in a scope; the scope must fit the role and exist. Idempotent: an existing grant is returned. */
export async function grantRole(ctx: Ctx, userId: string, body: { role: Role; scopeType: ScopeType; scopeId: string }) {
  const actor = authorize(ctx, canManageUsers, undefined);
  const user = await authRepo.findUserById(ctx.db, userId);
  if (!user) throw AppError.notFound('user');
  await checkScope(ctx.db, body.role, body.scopeType, body.scopeId);
  const existing = await authRepo.findGrant(ctx.db, userId, body.role, body.scopeType, body.scopeId);
  if (existing)
    return { grant: (await authRepo.findGrantsWithLabels(ctx.db, [userId])).find((g) => g.id === existing.id) ?? existing, created: false };
  return ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertGrant(tx, { userId, ...body, grantedBy: actor.userId });
    const grant = (await authRepo.findGrantsWithLabels(tx, [userId])).find((g) => g.id === inserted.id) ?? inserted;
    await recordAudit(tx, ctx, {
      action: 'role.granted',
      subjectType: 'user',
      subjectId: userId,
      summary: { grantId: inserted.id, role: body.role, scopeType: body.scopeType, scopeId: body.scopeId },
    });
    return { grant, created: true };
  });
}

/** Removes a grant (and with it any API token bound to it). A system admin cannot remove their own admin role. */
export async function revokeRole(ctx: Ctx, userId: string, grantId: string) {
  const actor = authorize(ctx, canManageUsers, undefined);
  const grant = await authRepo.findGrantById(ctx.db, grantId);
  if (!grant || grant.userId !== userId) throw AppError.notFound('role grant');
  if (grant.userId === actor.userId && grant.role === 'system_admin') {
    throw AppError.conflict('conflict', 'you cannot remove your own system-admin role');
  }
  await ctx.db.transaction(async (tx) => {
    await repo.deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'role.revoked',
      subjectType: 'user',
      subjectId: userId,
      summary: { grantId, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
  });
}

/**
 * Learner accounts for personnel, in the caller's transaction (a personnel import, HR re-sending an
 * invitation): each person gets one account, an existing unlinked one with their e-mail or a new one
 * without a password, and the learner role. Returns the new accounts, which the caller invites.
 */
export async function ensurePersonAccounts(tx: Db, people: readonly { personId: string; email: string; displayName: string }[]) {
  const created = await repo.ensurePersonAccounts(tx, people, NO_PASSWORD_HASH);
  return created.map((u) => ({ userId: u.id, email: u.email, displayName: u.display_name, locale: u.locale }));
}
