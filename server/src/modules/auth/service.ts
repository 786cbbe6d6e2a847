import { AppError } from '../../../../common/errors.js';
import type { Role, ScopeType } from '../../../../common/permissions.js';
import { authorize } from '../../lib/authorize.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { DUMMY_PASSWORD_HASH, hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.js';
import { recordAudit } from '../audit/service.js';
import { canManageOwnCredentials, canRevokeToken } from './policy.js';
import { presentGrant } from './present.js';
import * as repo from './repository.js';

export const SESSION_COOKIE = 'thaksa_session';
export const TOKEN_PREFIX = 'thk_';
/** The password hash of an account that has none yet (invited): matches no password. */
export const NO_PASSWORD_HASH = '!invited';

async function loadGrants(ctx: Pick<Ctx, 'db'>, userId: string) {
  return (await repo.findGrantsWithLabels(ctx.db, [userId])).map(presentGrant);
}

/** The actor behind a session cookie, or null when the session is unknown, expired or its user disabled. */
export async function resolveSessionActor(ctx: Pick<Ctx, 'db'>, cookieToken: string) {
  const found = await repo.findLiveSession(ctx.db, sha256(cookieToken));
  if (!found) return null;
  const actor: Actor = {
    userId: found.user.id,
    email: found.user.email,
    displayName: found.user.displayName,
    grants: found.grants.map(presentGrant),
    via: 'session',
    sessionId: found.session.id,
  };
  return { actor, user: found.user, session: found.session };
}

/** The actor behind a bearer token: the token's user holding only the token's one role grant. */
export async function resolveTokenActor(ctx: Pick<Ctx, 'db'>, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const found = await repo.findLiveToken(ctx.db, sha256(bearer));
  if (!found) return null;
  await repo.touchToken(ctx.db, found.token.id);
  const [grant] = (await repo.findGrantsWithLabels(ctx.db, [found.user.id])).filter((g) => g.id === found.grant.id).map(presentGrant);
  if (!grant) return null;
  return {
    userId: found.user.id,
    email: found.user.email,
    displayName: found.user.displayName,
    grants: [grant],
    via: 'token',
    tokenId: found.token.id,
  };
}

/**
 * Checks the password and opens a session. A wrong password and an unknown e-mail answer the same
 * way and take the same time; repeated failures lock the account for a while.
 */
export async function login(ctx: Ctx, body: { email: string; password: string }, meta: { userAgent?: string; ip?: string }) {
  const user = await repo.findUserByEmail(ctx.db, body.email);
  // An invited account without a password costs the same scrypt as any other, so timing tells nothing.
  const stored = user?.passwordHash.startsWith('scrypt$') ? user.passwordHash : DUMMY_PASSWORD_HASH;
  const isMatch = (await verifyPassword(body.password, stored)) && stored !== DUMMY_PASSWORD_HASH;
  if (!user || user.disabledAt) throw new AppError('auth.invalid_credentials', 'wrong e-mail or password');
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('auth.account_locked', 'too many failed sign-ins; try again later');
  }
  if (!isMatch) {
    await ctx.db.transaction(async (tx) => {
      const after = await repo.recordLoginFailure(tx, user.id, ctx.config.LOGIN_MAX_FAILURES, ctx.config.LOGIN_LOCK_MINUTES);
      if (after?.lockedUntil && after.failedLogins >= ctx.config.LOGIN_MAX_FAILURES) {
        await recordAudit(tx, ctx, {
          action: 'user.locked',
          subjectType: 'user',
          subjectId: user.id,
          summary: { failedLogins: after.failedLogins },
        });
      }
    });
    throw new AppError('auth.invalid_credentials', 'wrong e-mail or password');
  }
  return openSession(ctx, user, meta, async (tx) => repo.resetLoginFailures(tx, user.id));
}

/** Starts a session for a user whose credentials were just proven (sign-in, accepted invitation). */
export async function openSession(
  ctx: Ctx,
  user: repo.UserRow,
  meta: { userAgent?: string; ip?: string },
  alsoInTransaction: (tx: Ctx['db']) => Promise<void> = async () => {},
) {
  const token = randomToken();
  const session = {
    id: sha256(token),
    userId: user.id,
    csrfToken: randomToken(24),
    expiresAt: new Date(Date.now() + ctx.config.SESSION_TTL_HOURS * 3600_000),
    userAgent: meta.userAgent?.slice(0, 300),
    ip: meta.ip,
  };
  await ctx.db.transaction(async (tx) => {
    await alsoInTransaction(tx);
    await repo.insertSession(tx, session);
  });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    grants: await loadGrants(ctx, user.id),
    via: 'session',
    sessionId: session.id,
  };
  return { token, session, user, actor };
}

/** The account behind the current actor (token callers have no session row to carry it). */
export async function findActorUser(ctx: Ctx) {
  return ctx.actor ? repo.findUserById(ctx.db, ctx.actor.userId) : undefined;
}

/** Remembers the caller's language, so every device they sign in on opens in it. */
export async function updateLocale(ctx: Ctx, locale: 'th' | 'en') {
  const actor = authorize(ctx, canManageOwnCredentials, undefined);
  await repo.updateLocale(ctx.db, actor.userId, locale);
}

/** Ends the current session; a no-op for token callers. */
export async function logout(ctx: Ctx) {
  if (ctx.actor?.sessionId) await repo.deleteSession(ctx.db, ctx.actor.sessionId);
}

/** Changes the caller's password after checking the current one; other sessions of the user end. */
export async function changePassword(ctx: Ctx, body: { currentPassword: string; newPassword: string }) {
  const actor = authorize(ctx, canManageOwnCredentials, undefined);
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw AppError.notFound('user');
  if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
    throw new AppError('auth.wrong_password', 'the current password is wrong', {
      status: 400,
      errors: [{ path: 'body.currentPassword', message: 'wrong password' }],
    });
  }
  if (body.newPassword.toLowerCase().includes(user.email.split('@')[0].toLowerCase())) {
    throw new AppError('auth.password_too_weak', 'the new password must not contain your e-mail name', {
      status: 400,
      errors: [{ path: 'body.newPassword', message: 'must not contain your e-mail name' }],
    });
  }
  const hash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, hash);
    await repo.deleteOtherSessions(tx, user.id, actor.sessionId);
    await recordAudit(tx, ctx, { action: 'user.password_changed', subjectType: 'user', subjectId: user.id });
  });
}

/** Mints a bearer token bound to one of the caller's own role grants; the secret is returned once. */
export async function createApiToken(ctx: Ctx, body: { name: string; roleGrantId: string; expiresInDays?: number }) {
  const actor = authorize(ctx, canManageOwnCredentials, undefined);
  const grant = await repo.findGrantById(ctx.db, body.roleGrantId);
  if (!grant || grant.userId !== actor.userId) {
    throw AppError.invalid([{ path: 'body.roleGrantId', message: 'not one of your roles' }]);
  }
  const secret = randomToken();
  const prefix = secret.slice(0, 6);
  const token = `${TOKEN_PREFIX}${secret}`;
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86400_000) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertApiToken(tx, {
      userId: actor.userId,
      roleGrantId: grant.id,
      name: body.name,
      tokenHash: sha256(token),
      prefix,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      summary: { name: body.name, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
    return { token, row, role: grant.role as Role, scopeType: grant.scopeType as ScopeType, scopeId: grant.scopeId };
  });
}

/** The caller's tokens, newest first, never with their secrets. */
export async function listApiTokens(ctx: Ctx) {
  const actor = authorize(ctx, canManageOwnCredentials, undefined);
  return repo.listApiTokens(ctx.db, actor.userId);
}

/** Revokes a token at once; the owner or a system admin may. Unknown or foreign tokens are 404. */
export async function revokeApiToken(ctx: Ctx, id: string) {
  const token = await repo.findApiToken(ctx.db, id);
  const actor = ctx.actor;
  if (!token || !actor || (token.userId !== actor.userId && !actor.grants.some((g) => g.role === 'system_admin'))) {
    throw AppError.notFound('api token');
  }
  authorize(ctx, canRevokeToken, token);
  await ctx.db.transaction(async (tx) => {
    await repo.revokeApiToken(tx, id);
    await recordAudit(tx, ctx, { action: 'api_token.revoked', subjectType: 'api_token', subjectId: id });
  });
}
