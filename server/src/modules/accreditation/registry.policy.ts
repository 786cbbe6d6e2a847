import type { Actor } from '../../lib/context.js';

/**
 * Who may do what in the provider and reviewer registries and with review assignments. Plain predicates;
 * services call them through `authorize` right after loading the record.
 */
const holds = (a: Actor | null, ...roles: string[]) => !!a && a.grants.some((g) => roles.includes(g.role));

export const isOfficer = (a: Actor | null) => holds(a, 'accreditation_officer');

/** Officers and system admins list providers in every state; everyone else sees verified providers only. */
export const seesAllProviders = (a: Actor | null) => holds(a, 'accreditation_officer', 'system_admin');

export const isAdminOfProvider = (a: Actor | null, providerId: string) =>
  !!a && a.grants.some((g) => g.role === 'provider_admin' && g.scopeType === 'provider' && g.scopeId === providerId);

/** Verified providers are public; pending and rejected ones only for their own admins and officers. */
export const canViewProvider = (a: Actor | null, p: { id: string; status: string }) =>
  p.status === 'verified' || holds(a, 'accreditation_officer', 'system_admin') || isAdminOfProvider(a, p.id);

export const canSeeProviderContacts = (a: Actor | null, p: { id: string }) =>
  holds(a, 'accreditation_officer', 'system_admin') || isAdminOfProvider(a, p.id);

export const canVerifyProvider = (a: Actor, _p: { id: string }) => isOfficer(a);

export const canInviteProviderMember = (a: Actor, p: { id: string }) => isAdminOfProvider(a, p.id);

export const canDecideReviewer = (a: Actor) => isOfficer(a);

/** Officers read every reviewer profile; a reviewer reads their own. */
export const canViewReviewer = (a: Actor | null, r: { userId: string }) => isOfficer(a) || (!!a && a.userId === r.userId);

export const canManageAssignments = (a: Actor, _subject: unknown) => isOfficer(a);

/** Only the assigned reviewer answers an assignment. */
export const canRespondToAssignment = (a: Actor, x: { reviewerUserId: string }) => a.userId === x.reviewerUserId;

/** Open (pending or accepted), past its due date and without a submitted review. */
export function isOverdue(a: { state: string; dueAt: Date }, hasReview: boolean, now: Date): boolean {
  return (a.state === 'pending' || a.state === 'accepted') && a.dueAt < now && !hasReview;
}
