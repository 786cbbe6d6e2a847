import type { Role } from '../../../../common/permissions.js';
import type { Actor } from '../../lib/context.js';
import { agencyScopes } from '../people/policy.js';

/**
 * Who may do what with agency development plans and their cohorts. Agency-scoped roles reach the subtree
 * of the agency they are granted in (`path` is "/a/b/c/"):
 *
 * - agency_admin (HR) of the plan's agency or an ancestor writes and submits the plan and runs its cohorts;
 * - agency_executive of the agency or an ancestor reads the plan and approves or returns it;
 * - central_monitor reads approved plans nationally.
 *
 * Lists apply the same scopes in SQL (repository `visibleTo`).
 */

export interface PlanLike {
  state: string;
  agency: { path: string };
}

const inSubtreeOf = (ids: string[], agency: { path: string }) => ids.some((id) => agency.path.includes(`/${id}/`));
const holds = (a: Actor | null, ...roles: Role[]) => !!a && a.grants.some((g) => roles.includes(g.role));

/** HR of the agency's subtree: starts and writes plans and runs cohorts there. */
export const canWritePlansIn = (a: Actor | null, agency: { path: string }) => inSubtreeOf(agencyScopes(a, 'agency_admin'), agency);

/** Executives of the agency (or an ancestor) decide its plans. */
export const canDecidePlansIn = (a: Actor | null, agency: { path: string }) => inSubtreeOf(agencyScopes(a, 'agency_executive'), agency);

export const canReadPlan = (a: Actor | null, p: PlanLike) =>
  canWritePlansIn(a, p.agency) || canDecidePlansIn(a, p.agency) || (p.state === 'approved' && holds(a, 'central_monitor'));

export const canEditPlan = (a: Actor, p: PlanLike) => canWritePlansIn(a, p.agency);
export const canDecidePlan = (a: Actor, p: PlanLike) => canDecidePlansIn(a, p.agency);
export const canManageCohorts = (a: Actor, p: { agency: { path: string } }) => canWritePlansIn(a, p.agency);

/** Route gates; record-level checks above decide per plan. */
export const PLAN_READERS: readonly Role[] = ['agency_admin', 'agency_executive', 'central_monitor'];
export const PLAN_WRITERS: readonly Role[] = ['agency_admin'];
export const PLAN_DECIDERS: readonly Role[] = ['agency_executive'];
