import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';
import { agencyScopes, canReadPeopleIn } from '../people/policy.js';

/**
 * Who reads which dashboard (decision 014):
 * - central_monitor: the nation and every agency's subtree;
 * - agency_executive and agency_admin (HR): the subtree of the agency they are granted in.
 * A person list is never part of a dashboard; its drill-down ends at a link the people module guards.
 */
export const DASHBOARD_READERS: readonly Role[] = ['central_monitor', 'agency_executive', 'agency_admin'];
const AGENCY_READERS: Role[] = ['agency_executive', 'agency_admin'];

const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

export const readsNation = (a: Actor | null) => holds(a, 'central_monitor');

/** The nation (null) or one agency's subtree. */
export const canReadDashboard = (a: Actor, agency: { path: string } | null) =>
  readsNation(a) || (!!agency && agencyScopes(a, ...AGENCY_READERS).some((id) => agency.path.includes(`/${id}/`)));

export const canListPeople = (a: Actor | null, agency: { path: string }) => canReadPeopleIn(a, agency);

/** A monthly report subscription: the same readers, for a scope they may read. */
export const canSubscribe = canReadDashboard;

/** Depth of an agency in the tree: 1 for a root (ministry), 0 for the nation. */
export const depthOf = (agency: { path: string } | null) => (agency ? agency.path.split('/').filter(Boolean).length : 0);

/**
 * The reader's own agency level for a scope: 0 for central monitors, otherwise the depth of the highest
 * granted agency on the scope's path. Figures of people deeper than this are subject to small-cell suppression.
 */
export function viewerDepth(a: Actor, scope: { path: string } | null): number {
  if (readsNation(a) || !scope) return 0;
  const ids = scope.path.split('/').filter(Boolean);
  const granted = new Set(agencyScopes(a, ...AGENCY_READERS));
  const index = ids.findIndex((id) => granted.has(id));
  return index < 0 ? ids.length : index + 1;
}

/** The agency the reader starts at when none is asked for: the first agency granted (null: the nation). */
export function defaultScopeId(a: Actor): string | null {
  if (readsNation(a)) return null;
  return agencyScopes(a, ...AGENCY_READERS)[0] ?? null;
}
