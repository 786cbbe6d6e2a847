/** Every role a person can hold (product.md). Public visitors hold none. */
export const ROLES = [
  'learner',
  'supervisor',
  'agency_admin',
  'agency_executive',
  'provider_admin',
  'reviewer',
  'accreditation_officer',
  'framework_admin',
  'assessment_author',
  'central_monitor',
  'volunteer',
  'volunteer_coordinator',
  'fact_checker',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** What a grant's scope points at. `national` and `self` carry no id. */
export const SCOPE_TYPES = ['national', 'self', 'agency', 'provider', 'province'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** The one scope type each role is granted in. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  learner: 'self',
  supervisor: 'self',
  agency_admin: 'agency',
  agency_executive: 'agency',
  provider_admin: 'provider',
  reviewer: 'self',
  accreditation_officer: 'national',
  framework_admin: 'national',
  assessment_author: 'national',
  central_monitor: 'national',
  volunteer: 'self',
  volunteer_coordinator: 'province',
  fact_checker: 'national',
  system_admin: 'national',
};

export interface RoleGrant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  /** Agency id, provider id or province code; empty for national and self. */
  scopeId: string;
  /** Human label of the scope (agency or provider name), filled in by the server for display. */
  scopeLabel?: string | null;
}

/** Things an actor may be allowed to do; policies decide per record. */
export type Action =
  | 'users.list'
  | 'users.manage'
  | 'roles.grant'
  | 'audit.read'
  | 'framework.edit'
  | 'framework.publish'
  | 'tokens.create';

export function hasRole(grants: readonly RoleGrant[], ...roles: Role[]): boolean {
  return grants.some((g) => roles.includes(g.role));
}
