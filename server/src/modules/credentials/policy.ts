import type { Actor } from '../../lib/context.js';
import { agencyScopes } from '../people/policy.js';

/**
 * Who may see a certificate: its holder, and HR (agency_admin) of the holder's agency subtree. Anyone may
 * verify one by its number (the public page shows the name partly masked). System admins revoke.
 */
export interface CertificateLike {
  user_id: string;
  person_agency_path: string | null;
}

export const canReadCertificate = (a: Actor, c: CertificateLike) =>
  a.userId === c.user_id ||
  (!!c.person_agency_path && agencyScopes(a, 'agency_admin').some((id) => (c.person_agency_path as string).includes(`/${id}/`)));

export const canRevokeCertificate = (a: Actor) => a.grants.some((g) => g.role === 'system_admin');
