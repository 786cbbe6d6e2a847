import type { Policy } from '../../lib/authorize.js';
import type { Actor } from '../../lib/context.js';

const isSystemAdmin = (a: Actor) => a.grants.some((g) => g.role === 'system_admin');

/** Only a person at a browser manages their own credentials; a machine token cannot mint or change them. */
export const canManageOwnCredentials: Policy = (a) => a.via === 'session';
export const canRevokeToken: Policy<{ userId: string }> = (a, t) => a.via === 'session' && (t.userId === a.userId || isSystemAdmin(a));
export const canManageUsers: Policy = (a) => isSystemAdmin(a);
export const canReadAudit: Policy = (a) => isSystemAdmin(a);
export const canEditFramework: Policy = (a) => a.grants.some((g) => g.role === 'framework_admin');
