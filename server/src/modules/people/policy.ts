import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';

/**
 * Who may do what with agencies and personnel. Agency-scoped roles reach the subtree of the agency they
 * are granted in (`path` is "/a/b/c/", so "in the subtree of X" is "path contains /X/"). Plain predicates;
 * services call them right after loading the record, and lists apply the same scopes in SQL.
 *
 * - agency_admin (HR): manages the agencies and people of its subtree, imports personnel, and may reveal
 *   a full citizen ID there (each reveal audit-logged). It is the only role that sees full IDs of others.
 * - agency_executive: reads the people of its subtree (IDs masked).
 * - central_monitor: reads everyone (IDs masked).
 * - system_admin: manages the tree everywhere and may import nationally; reads people with IDs masked.
 * - a person reads their own record, with the full ID; a supervisor reads their direct reports (masked).
 */

export interface AgencyLike {
  path: string;
}

const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

/** Agency ids at the top of the actor's grants of these roles. */
export const agencyScopes = (a: Actor | null, ...roles: Role[]): string[] =>
  a ? a.grants.filter((g) => roles.includes(g.role) && g.scopeType === 'agency').map((g) => g.scopeId) : [];

const inSubtreeOf = (ids: string[], agency: AgencyLike) => ids.some((id) => agency.path.includes(`/${id}/`));

export const isSystemAdmin = (a: Actor | null) => holds(a, 'system_admin');

/** Reads every person in the country. */
export const readsNationally = (a: Actor | null) => holds(a, 'central_monitor', 'system_admin');

/** HR of the agency's subtree, or a system admin. */
export const canManagePeopleIn = (a: Actor | null, agency: AgencyLike) =>
  isSystemAdmin(a) || inSubtreeOf(agencyScopes(a, 'agency_admin'), agency);

export const canReadPeopleIn = (a: Actor | null, agency: AgencyLike) =>
  readsNationally(a) || inSubtreeOf(agencyScopes(a, 'agency_admin', 'agency_executive'), agency);

/** Full citizen IDs of others: HR of the person's agency only (not executives, monitors or system admins). */
export const canRevealCitizenIdIn = (a: Actor | null, agency: AgencyLike) => inSubtreeOf(agencyScopes(a, 'agency_admin'), agency);

/** A person record: its agency's readers, the person, and their supervisor (who holds the supervisor role). */
export const canViewPerson = (
  a: Actor | null,
  p: { agency: AgencyLike; personId: string; supervisorId: string | null; actorPersonId: string | null },
) =>
  canReadPeopleIn(a, p.agency) ||
  (!!p.actorPersonId && p.actorPersonId === p.personId) ||
  (!!p.actorPersonId && p.actorPersonId === p.supervisorId && holds(a, 'supervisor'));

/** Renaming or re-coding an agency, or adding one below it. */
export const canManageAgency = (a: Actor | null, agency: AgencyLike) => canManagePeopleIn(a, agency);

/** Only system admins add top-level agencies (ministries, provinces, local governments). */
export const canCreateRootAgency = (a: Actor | null) => isSystemAdmin(a);

/**
 * Moving an agency needs rights over the agency and over its new parent (a top-level move: system admins);
 * HR cannot move its own scope's root, because it has no rights over that root's parent.
 */
export const canMoveAgency = (a: Actor | null, m: { agency: AgencyLike & { parentPath: string | null }; newParent: AgencyLike | null }) =>
  isSystemAdmin(a) ||
  (!!m.agency.parentPath && canManagePeopleIn(a, { path: m.agency.parentPath }) && !!m.newParent && canManagePeopleIn(a, m.newParent));

/** Roles that may list and import personnel at all (the route gates; scopes are checked per agency). */
export const PEOPLE_READERS: readonly Role[] = ['agency_admin', 'agency_executive', 'central_monitor', 'system_admin'];
export const PEOPLE_MANAGERS: readonly Role[] = ['agency_admin', 'system_admin'];
