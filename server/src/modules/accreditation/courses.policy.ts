import type { Actor } from '../../lib/context.js';

/** How the actor relates to one course; a course none of these apply to is invisible (404). */
export interface CourseAccess {
  isOfficer: boolean;
  isProvider: boolean;
  isReviewer: boolean;
}

export const isOfficer = (a: Actor | null) => !!a && a.grants.some((g) => g.role === 'accreditation_officer');
export const isProviderAdminOf = (a: Actor | null, providerId: string) =>
  !!a && a.grants.some((g) => g.role === 'provider_admin' && g.scopeType === 'provider' && g.scopeId === providerId);
/** The providers whose courses the actor administers. */
export const adminProviderIds = (a: Actor) =>
  a.grants.filter((g) => g.role === 'provider_admin' && g.scopeType === 'provider').map((g) => g.scopeId);

export const canSee = (access: CourseAccess) => access.isOfficer || access.isProvider || access.isReviewer;
/** Providers edit, upload and submit their own courses. */
export const canEditCourse = (_a: Actor, access: CourseAccess) => access.isProvider;
/** Officers screen, decide and manage accreditations. */
export const canManageCourse = (_a: Actor, access: CourseAccess) => access.isOfficer;
/** Officers and assigned reviewers read reviews; providers never do through this route. */
export const canReadReviews = (_a: Actor, access: CourseAccess) => access.isOfficer || access.isReviewer;
/** The submission history is for the provider and officers. */
export const canReadHistory = (_a: Actor, access: CourseAccess) => access.isOfficer || access.isProvider;
/** The provider and officers download the certificate of an accredited course. */
export const canDownloadCertificate = (_a: Actor, access: CourseAccess) => access.isOfficer || access.isProvider;
/** Officers and central monitors read the accreditation dashboard. */
export const canReadDashboard = (a: Actor) => a.grants.some((g) => g.role === 'accreditation_officer' || g.role === 'central_monitor');
