import type { z } from 'zod';
import type { DashboardView, SubscriptionBody, SubscriptionList } from '../../../common/contracts/dashboards.js';
import { api, buildUrl } from './client.js';

export type { DashboardView };
export type Subscriptions = z.infer<typeof SubscriptionList>;

export interface DashboardFilters {
  agencyId?: string;
  fiscalYear?: number;
  targetGroup?: string;
}

const query = (f: DashboardFilters) => ({ agencyId: f.agencyId, fiscalYear: f.fiscalYear, targetGroup: f.targetGroup });

export const getDashboard = (f: DashboardFilters) => api.get<DashboardView>('/api/dashboards', query(f));
export const dashboardReportUrl = (f: DashboardFilters, format: 'xlsx' | 'pdf') =>
  buildUrl('/api/dashboards/report', { ...query(f), format });
export const listSubscriptions = () => api.get<Subscriptions>('/api/dashboards/subscriptions');
export const subscribe = (body: z.input<typeof SubscriptionBody>) => api.post<Subscriptions>('/api/dashboards/subscriptions', body);
export const unsubscribe = (id: string) => api.delete<{ ok: true }>(`/api/dashboards/subscriptions/${encodeURIComponent(id)}`);
