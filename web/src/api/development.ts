import type { z } from 'zod';
import type {
  AttestActivityBody,
  DevelopmentActivityInput,
  DevelopmentPlanView,
  GapHeatmapView,
  LearningRecordList,
  MyPlanResult,
  SkillProfileView,
  SupervisorQueueView,
} from '../../../common/contracts/development.js';
import { api, buildUrl } from './client.js';

export type { DevelopmentActivityInput, DevelopmentPlanView, GapHeatmapView, LearningRecordList, SkillProfileView, SupervisorQueueView };
export type MyPlan = z.infer<typeof MyPlanResult>;

const enc = encodeURIComponent;
const plan = (id: string) => `/api/development-plans/${enc(id)}`;

export const getMySkillProfile = () => api.get<SkillProfileView>('/api/me/skill-profile');
export const getSkillProfile = (personId: string) => api.get<SkillProfileView>(`/api/people/${enc(personId)}/skill-profile`);
export const getGapHeatmap = (agencyId: string) => api.get<GapHeatmapView>('/api/skill-gaps', { agencyId });

export const getMyDevelopmentPlan = (fiscalYear?: number) => api.get<MyPlan>('/api/me/development-plan', { fiscalYear });
export const getDevelopmentPlan = (id: string) => api.get<DevelopmentPlanView>(plan(id));
export const draftDevelopmentPlan = (fiscalYear: number) => api.post<DevelopmentPlanView>('/api/development-plans', { fiscalYear });
export const updateDevelopmentPlan = (id: string, body: { version: number; goal?: string; activities: DevelopmentActivityInput[] }) =>
  api.put<DevelopmentPlanView>(plan(id), body);
export const submitDevelopmentPlan = (id: string) => api.post<DevelopmentPlanView>(`${plan(id)}/submission`);
export const approveDevelopmentPlan = (id: string, comment?: string) =>
  api.post<DevelopmentPlanView>(`${plan(id)}/approval`, { comment: comment || undefined });
export const returnDevelopmentPlan = (id: string, comment: string) => api.post<DevelopmentPlanView>(`${plan(id)}/return`, { comment });
export const attestActivity = (id: string, body: z.input<typeof AttestActivityBody>) =>
  api.post<DevelopmentPlanView>(`/api/development-activities/${enc(id)}/attestation`, body);
export const evidenceFileUrl = (id: string) => `/api/development-evidence/${enc(id)}`;
export const getSupervisorQueue = () => api.get<SupervisorQueueView>('/api/supervisor/queue');

export const listMyLearningRecords = (q: { page: number; pageSize?: number; objectType?: string }) =>
  api.get<LearningRecordList>('/api/me/learning-records', q);
export const learningRecordsCsvUrl = () => buildUrl('/api/me/learning-records.csv');
