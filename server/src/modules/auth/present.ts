import type { ApiTokenView, SessionView, UserView } from '../../../../common/contracts/auth.js';
import type { RoleGrantView } from '../../../../common/contracts/shared.js';
import type { Role, ScopeType } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';
import { canEditFramework, canManageOwnCredentials, canManageUsers, canReadAudit } from './policy.js';
import type { SessionUser } from './repository.js';

export function presentUser(u: SessionUser): UserView {
  return { id: u.id, email: u.email, displayName: u.displayName, locale: u.locale === 'en' ? 'en' : 'th' };
}

export function presentGrant(g: {
  id: string;
  role: string;
  scopeType: string;
  scopeId: string;
  agencyName?: string | null;
  providerName?: string | null;
}): RoleGrantView {
  return {
    id: g.id,
    role: g.role as Role,
    scopeType: g.scopeType as ScopeType,
    scopeId: g.scopeId,
    scopeLabel: g.agencyName ?? g.providerName ?? null,
  };
}

export function presentSession(
  actor: Actor | null,
  user: SessionUser | null,
  session: { csrfToken: string; expiresAt: Date } | null,
): SessionView {
  return {
    user: user ? presentUser(user) : null,
    roles: actor?.grants ?? [],
    csrfToken: session?.csrfToken ?? null,
    expiresAt: session ? session.expiresAt.toISOString() : null,
    abilities: {
      manageUsers: !!actor && canManageUsers(actor),
      readAudit: !!actor && canReadAudit(actor),
      editFramework: !!actor && canEditFramework(actor),
      createApiTokens: !!actor && canManageOwnCredentials(actor),
    },
  };
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentApiToken(row: {
  token: {
    id: string;
    name: string;
    prefix: string;
    createdAt: Date;
    expiresAt: Date | null;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  };
  role: string;
  scopeType: string;
  scopeId: string;
}): ApiTokenView {
  const t = row.token;
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: row.role as Role,
    scopeType: row.scopeType as ScopeType,
    scopeId: row.scopeId,
    createdAt: new Date(t.createdAt).toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
