import type { z } from 'zod';
import type {
  AssessmentList,
  AssessmentView,
  AttemptResultView,
  AttemptView,
  CreateAssessmentBody,
  CreateItemBody,
  ImportItemsResult,
  ItemList,
  ItemStatsList,
  ItemView,
  MyAssessmentList,
  ReviewItemBody,
  SelfAssessmentView,
  StatementBody,
  StatementView,
  UpdateAssessmentBody,
  UpdateItemBody,
} from '../../../common/contracts/assessment.js';
import { api, buildUrl } from './client.js';

export type { AssessmentView, AttemptResultView, AttemptView, ItemList, ItemStatsList, ItemView, SelfAssessmentView, StatementView };
export type MyAssessment = z.infer<typeof MyAssessmentList>['items'][number];

const enc = encodeURIComponent;
type Query = Record<string, string | number | boolean | undefined>;

export const listItems = (query: Query) => api.get<ItemList>('/api/assessment/items', query);
export const getItem = (id: string) => api.get<ItemView>(`/api/assessment/items/${enc(id)}`);
export const createItem = (body: z.input<typeof CreateItemBody>) => api.post<ItemView>('/api/assessment/items', body);
export const updateItem = (id: string, body: z.input<typeof UpdateItemBody>) => api.put<ItemView>(`/api/assessment/items/${enc(id)}`, body);
export const reviewItem = (id: string, body: ReviewItemBody) => api.post<ItemView>(`/api/assessment/items/${enc(id)}/review`, body);
export const retireItem = (id: string) => api.post<ItemView>(`/api/assessment/items/${enc(id)}/retirement`);
export const importItems = (format: 'json' | 'csv', content: string) =>
  api.post<z.infer<typeof ImportItemsResult>>('/api/assessment/items/import', { format, content });
export const exportItemsUrl = (format: 'json' | 'csv', query: Query = {}) => buildUrl('/api/assessment/items/export', { ...query, format });
export const listItemStats = (query: Query) => api.get<ItemStatsList>('/api/assessment/item-stats', query);

export const listAssessments = (query: Query = {}) => api.get<AssessmentList>('/api/assessments', query);
export const getAssessment = (id: string) => api.get<AssessmentView>(`/api/assessments/${enc(id)}`);
export const createAssessment = (body: z.input<typeof CreateAssessmentBody>) => api.post<AssessmentView>('/api/assessments', body);
export const updateAssessment = (id: string, body: z.input<typeof UpdateAssessmentBody>) =>
  api.put<AssessmentView>(`/api/assessments/${enc(id)}`, body);

export const listMyAssessments = () => api.get<z.infer<typeof MyAssessmentList>>('/api/me/assessments');
export const startAttempt = (assessmentId: string) => api.post<AttemptView>(`/api/assessments/${enc(assessmentId)}/attempts`);
export const getAttempt = (id: string) => api.get<AttemptView>(`/api/attempts/${enc(id)}`);
export const saveAnswer = (id: string, position: number, response: string[]) =>
  api.put<{ position: number; savedAt: string; revision: number }>(`/api/attempts/${enc(id)}/answers/${position}`, { response });
export const submitAttempt = (id: string) => api.post<AttemptResultView>(`/api/attempts/${enc(id)}/submission`);
export const getAttemptResult = (id: string) => api.get<AttemptResultView>(`/api/attempts/${enc(id)}/result`);

export const getSelfAssessment = () => api.get<SelfAssessmentView>('/api/self-assessment');
export const submitSelfAssessment = (ratings: { statementId: string; rating: number }[]) =>
  api.post<SelfAssessmentView>('/api/self-assessment', { ratings });
export const updateStatement = (id: string, body: StatementBody) => api.put<StatementView>(`/api/assessment/statements/${enc(id)}`, body);
