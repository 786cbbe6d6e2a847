import type { z } from 'zod';
import type { ProviderList, ProviderView } from '../../../common/contracts/accreditation.js';
import type { AgencyList, AgencyView } from '../../../common/contracts/people.js';
import { api } from './client.js';

export type Agency = AgencyView;
export type Provider = ProviderView;

/** listAgencies: the agency tree searched by Thai or English name or code (public). */
export const listAgencies = (query: { q?: string; parentId?: string; page?: number; pageSize?: number }) =>
  api.get<z.infer<typeof AgencyList>>('/api/agencies', query);

/** listProviders: training providers by name; the public sees verified ones, officers and system admins all. */
export const listProviders = (query: { q?: string; status?: ProviderView['status']; page?: number; pageSize?: number }) =>
  api.get<z.infer<typeof ProviderList>>('/api/providers', query);
