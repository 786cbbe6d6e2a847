import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';

/**
 * Who may do what in the volunteer network (decision 010). A volunteer coordinator is granted in a
 * province scope whose id is an area code: a province (2 digits) or one district of it (4 digits).
 *
 * - volunteer_coordinator: approves, rejects, sets levels and deactivates the volunteers whose home village
 *   is in its area, adds villages there, and reads coverage (aggregates) for the nation and any area.
 * - central_monitor, system_admin: read coverage and volunteers everywhere; system admins also manage them.
 * - volunteer: their own record and activities.
 * - anyone: registers (a public form), verifies a volunteer card.
 */

export interface PlaceLike {
  provinceCode: string;
  districtCode: string;
}

const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

/** Area codes (provinces and districts) the actor coordinates. */
export const coordinatorAreas = (a: Actor | null): string[] =>
  a ? a.grants.filter((g) => g.role === 'volunteer_coordinator').map((g) => g.scopeId) : [];

export const inAreas = (areas: string[], p: PlaceLike) => areas.some((c) => c === p.provinceCode || c === p.districtCode);

export const isSystemAdmin = (a: Actor | null) => holds(a, 'system_admin');

/** Approve, reject, set the level, deactivate, add a village. */
export const canManageVolunteersIn = (a: Actor | null, p: PlaceLike) => isSystemAdmin(a) || inAreas(coordinatorAreas(a), p);

/** Read volunteers' records (IDs always masked). */
export const canReadVolunteersIn = (a: Actor | null, p: PlaceLike) => holds(a, 'central_monitor') || canManageVolunteersIn(a, p);

export const readsAllVolunteers = (a: Actor | null) => holds(a, 'central_monitor', 'system_admin');

/** Coverage is aggregate: every coordinator, monitor and admin reads it for any area. */
export const canReadCoverage = (a: Actor | null) => holds(a, 'volunteer_coordinator', 'central_monitor', 'system_admin');

/** A volunteer's own record. */
export const isSelf = (a: Actor | null, v: { userId: string | null }) => !!a && !!v.userId && a.userId === v.userId;

export const VOLUNTEER_MANAGERS: readonly Role[] = ['volunteer_coordinator', 'system_admin'];
export const VOLUNTEER_READERS: readonly Role[] = ['volunteer_coordinator', 'central_monitor', 'system_admin'];
export const COVERAGE_READERS: readonly Role[] = ['volunteer_coordinator', 'central_monitor', 'system_admin'];
