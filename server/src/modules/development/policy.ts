import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';
import { agencyScopes } from '../people/policy.js';

/**
 * Who may see and do what in individual development:
 *
 * - the person reads their own skill profile, drafts, edits and submits their own plan;
 * - their supervisor (the person named as supervisor on the record, holding the supervisor role) reads the
 *   profiles and plans of direct reports, approves or returns plans and attests coaching and on-the-job
 *   activities — nobody else attests;
 * - HR (agency_admin) reads profiles and plans in its agency subtree and the subtree's gap heat map;
 *   executives read the heat map of their subtree;
 * - central monitors read profiles and heat maps nationally.
 *
 * `actorPersonId` is the person the signed-in account is linked to (looked up once per request).
 */
export interface PersonSubject {
  personId: string;
  supervisorId: string | null;
  agencyPath: string;
}

const holds = (a: Actor, ...roles: Role[]) => a.grants.some((g) => roles.includes(g.role));
const inSubtreeOf = (ids: string[], path: string) => ids.some((id) => path.includes(`/${id}/`));

export const isSelf = (actorPersonId: string | null, p: PersonSubject) => !!actorPersonId && actorPersonId === p.personId;
export const isSupervisorOf = (a: Actor, actorPersonId: string | null, p: PersonSubject) =>
  !!actorPersonId && actorPersonId === p.supervisorId && holds(a, 'supervisor');
export const isHrOf = (a: Actor, p: { agencyPath: string }) => inSubtreeOf(agencyScopes(a, 'agency_admin'), p.agencyPath);

export const canReadProfile = (a: Actor, s: PersonSubject & { actorPersonId: string | null }) =>
  isSelf(s.actorPersonId, s) || isSupervisorOf(a, s.actorPersonId, s) || isHrOf(a, s) || holds(a, 'central_monitor');

export const canReadDevelopmentPlan = (a: Actor, s: PersonSubject & { actorPersonId: string | null }) =>
  isSelf(s.actorPersonId, s) || isSupervisorOf(a, s.actorPersonId, s) || isHrOf(a, s);

export const canWriteOwnPlan = (_a: Actor, s: PersonSubject & { actorPersonId: string | null }) => isSelf(s.actorPersonId, s);

export const canDecideDevelopmentPlan = (a: Actor, s: PersonSubject & { actorPersonId: string | null }) =>
  isSupervisorOf(a, s.actorPersonId, s);

/** Only the person's supervisor attests their coaching and on-the-job activities. */
export const canAttestActivity = canDecideDevelopmentPlan;

export const canReadHeatmap = (a: Actor, agency: { path: string }) =>
  holds(a, 'central_monitor') || inSubtreeOf(agencyScopes(a, 'agency_admin', 'agency_executive'), agency.path);

/** Providers report completions of their own courses. */
export const providerScopes = (a: Actor) =>
  a.grants.filter((g) => g.role === 'provider_admin' && g.scopeType === 'provider').map((g) => g.scopeId);

export const HEATMAP_READERS: readonly Role[] = ['agency_admin', 'agency_executive', 'central_monitor'];
