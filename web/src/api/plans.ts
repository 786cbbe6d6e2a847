import type { z } from 'zod';
import type {
  AgencyPlanList,
  AgencyPlanView,
  CohortView,
  CompletionResult,
  CreateAgencyPlanBody,
  CreateCohortBody,
  EnrollInCohortBody,
  EnrollmentResult,
  RecordAttendanceBody,
  UpdateAgencyPlanBody,
} from '../../../common/contracts/plans.js';
import { api, buildUrl } from './client.js';

export type { AgencyPlanList, AgencyPlanView, CohortView };
export type Completion = z.infer<typeof CompletionResult>;

const enc = encodeURIComponent;
const plan = (id: string) => `/api/plans/${enc(id)}`;
const cohort = (id: string) => `/api/cohorts/${enc(id)}`;

export const listAgencyPlans = () => api.get<AgencyPlanList>('/api/plans');
export const getAgencyPlan = (id: string) => api.get<AgencyPlanView>(plan(id));
export const createAgencyPlan = (body: z.input<typeof CreateAgencyPlanBody>) => api.post<AgencyPlanView>('/api/plans', body);
export const updateAgencyPlan = (id: string, body: UpdateAgencyPlanBody) => api.put<AgencyPlanView>(plan(id), body);
export const submitAgencyPlan = (id: string) => api.post<AgencyPlanView>(`${plan(id)}/submission`);
export const approveAgencyPlan = (id: string, comment?: string) =>
  api.post<AgencyPlanView>(`${plan(id)}/approval`, { comment: comment || undefined });
export const returnAgencyPlan = (id: string, comment: string) => api.post<AgencyPlanView>(`${plan(id)}/return`, { comment });
export const planReportUrl = (id: string, format: 'pdf' | 'xlsx') => buildUrl(`${plan(id)}/report.${format}`);

export const createCohort = (planId: string, body: z.input<typeof CreateCohortBody>) =>
  api.post<CohortView>(`${plan(planId)}/cohorts`, body);
export const getCohort = (id: string) => api.get<CohortView>(cohort(id));
export const enrollInCohort = (id: string, body: z.input<typeof EnrollInCohortBody>) =>
  api.post<z.infer<typeof EnrollmentResult>>(`${cohort(id)}/enrolments`, body);
export const recordAttendance = (id: string, body: RecordAttendanceBody) => api.put<{ ok: true }>(`${cohort(id)}/attendance`, body);
export const completeCohort = (id: string, completedOn: string) => api.post<Completion>(`${cohort(id)}/completion`, { completedOn });
