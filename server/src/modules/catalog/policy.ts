import type { Actor } from '../../lib/context.js';

/** Provider admins schedule runs of, and report completions for, their own provider's accredited courses. */
export const canManageRuns = (a: Actor, course: { providerId: string; state: string }) =>
  a.grants.some((g) => g.role === 'provider_admin' && g.scopeType === 'provider' && g.scopeId === course.providerId) &&
  (course.state === 'accredited' || course.state === 'accredited_with_conditions');

/** A learner rates a course once, after completing it. */
export const canRate = (_a: Actor, s: { hasCompleted: boolean; hasRated: boolean }) => s.hasCompleted && !s.hasRated;

/** The agencies at the top of the actor's agency-HR scopes. */
export const hrAgencyIds = (a: Actor | null) =>
  a ? a.grants.filter((g) => g.role === 'agency_admin' && g.scopeType === 'agency').map((g) => g.scopeId) : [];

/** Agency HR keeps the shortlist of any agency in its subtree (`path` is the chain of ids, "/a/b/c/"). */
export const canShortlistFor = (a: Actor, agency: { path: string }) => hrAgencyIds(a).some((id) => agency.path.includes(`/${id}/`));

/** Accreditation officers bring in courses accredited in the system the platform replaces. */
export const canImportCourses = (a: Actor) => a.grants.some((g) => g.role === 'accreditation_officer');
