import type { Session } from '../api/auth.js';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Match only the exact path (the landing page would otherwise match everything). */
  end?: boolean;
}

/** Navigation for this visitor. Admin entries follow the abilities the server computed; no rule is repeated here. */
export function navItemsFor(session: Session): NavItem[] {
  const items: NavItem[] = [];
  if (session.user) items.push({ to: '/home', label: 'nav.home' });
  else items.push({ to: '/', label: 'nav.landing', end: true });
  items.push({ to: '/framework', label: 'nav.framework' });
  items.push({ to: '/catalog', label: 'nav.catalog' });
  items.push({ to: '/factcheck', label: 'nav.factcheck' });
  items.push({ to: '/hub', label: 'nav.hub' });
  const roles = new Set(session.roles.map((r) => r.role));
  if (roles.has('learner')) {
    items.push({ to: '/me/skills', label: 'nav.mySkills' });
    items.push({ to: '/me/development-plan', label: 'nav.myPlan' });
    items.push({ to: '/assessments', label: 'nav.assessments' });
  }
  if (roles.has('supervisor')) items.push({ to: '/supervisor', label: 'nav.supervisor' });
  if (roles.has('assessment_author')) items.push({ to: '/assessment/items', label: 'nav.itemBank' });
  if (roles.has('agency_admin') || roles.has('agency_executive')) items.push({ to: '/agency/skill-gaps', label: 'nav.skillGaps' });
  if (roles.has('agency_admin')) items.push({ to: '/agency/shortlist', label: 'nav.shortlist' });
  if (roles.has('agency_admin') || roles.has('agency_executive') || roles.has('central_monitor'))
    items.push({ to: '/dashboards', label: 'nav.dashboards' }, { to: '/plans', label: 'nav.plans' });
  if (roles.has('agency_admin') || roles.has('agency_executive') || roles.has('central_monitor') || roles.has('system_admin')) {
    items.push({ to: '/people', label: 'nav.people' });
    // System admins import rarely: they reach it from the personnel page, which keeps their long menu shorter.
    if (roles.has('agency_admin')) items.push({ to: '/people/imports', label: 'nav.peopleImport' });
    items.push({ to: '/agencies', label: 'nav.agencies' });
  }
  if (roles.has('provider_admin')) items.push({ to: '/provider', label: 'nav.provider' });
  if (roles.has('accreditation_officer')) items.push({ to: '/officer', label: 'nav.officer' });
  if (roles.has('accreditation_officer')) items.push({ to: '/officer/catalog-import', label: 'nav.catalogImport' });
  if (roles.has('reviewer')) items.push({ to: '/reviewer', label: 'nav.reviewer' });
  if (roles.has('fact_checker')) items.push({ to: '/factcheck/queue', label: 'nav.factcheckQueue' });
  if (roles.has('volunteer')) items.push({ to: '/volunteer', label: 'nav.volunteer' });
  if (roles.has('volunteer_coordinator')) items.push({ to: '/volunteers/queue', label: 'nav.volunteerQueue' });
  if (roles.has('volunteer_coordinator') || roles.has('central_monitor') || roles.has('system_admin'))
    items.push({ to: '/volunteers/coverage', label: 'nav.volunteerCoverage' });
  if (roles.has('volunteer_coordinator') || roles.has('central_monitor') || roles.has('system_admin'))
    items.push({ to: '/volunteers/onboarding', label: 'nav.volunteerOnboarding' });
  if (!session.user) {
    items.push({ to: '/verify', label: 'nav.verify' });
    items.push({ to: '/volunteers/register', label: 'nav.volunteerRegister' });
    items.push({ to: '/provider/register', label: 'nav.providerRegister' });
  }
  if (session.abilities.editFramework) items.push({ to: '/admin/framework', label: 'nav.adminFramework' });
  if (session.abilities.manageUsers) items.push({ to: '/admin/users', label: 'nav.adminUsers' });
  if (session.abilities.readAudit) items.push({ to: '/admin/audit', label: 'nav.adminAudit' });
  return items;
}
