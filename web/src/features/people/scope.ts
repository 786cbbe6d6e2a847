import type { Session } from '../../api/auth.js';

export interface ScopeRoot {
  id: string;
  label: string;
}

/**
 * What the signed-in person may do with agencies and personnel, read from their role grants (the server
 * checks every rule again): the agencies at the top of their reach, whether they reach the whole nation,
 * and whether they manage (HR, system admin) or only read (executives, central monitors).
 */
export function peopleScope(session: Session) {
  const roles = new Set(session.roles.map((r) => r.role));
  const grants = (...names: string[]) =>
    session.roles
      .filter((r) => names.includes(r.role) && r.scopeType === 'agency')
      .map((r) => ({ id: r.scopeId, label: r.scopeLabel || r.scopeId }));
  const unique = (list: ScopeRoot[]) => list.filter((r, i) => list.findIndex((o) => o.id === r.id) === i);
  const national = roles.has('system_admin') || roles.has('central_monitor');
  return {
    /** Agencies at the top of the caller's reach; empty for national readers (the whole tree). */
    roots: national ? [] : unique(grants('agency_admin', 'agency_executive')),
    /** Agencies where the caller is HR (may import, edit, reveal citizen IDs). */
    hrRoots: unique(grants('agency_admin')),
    national,
    manages: roles.has('agency_admin') || roles.has('system_admin'),
    reads: roles.has('agency_admin') || roles.has('agency_executive') || national,
    isHr: roles.has('agency_admin'),
  };
}

export type PeopleScope = ReturnType<typeof peopleScope>;
