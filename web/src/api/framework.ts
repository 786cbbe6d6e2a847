import type { z } from 'zod';
import type {
  CreateFrameworkVersionBody,
  FrameworkList,
  FrameworkSummary,
  FrameworkView,
  SetRequiredLevelBody,
  UpdateFrameworkItemBody,
} from '../../../common/contracts/framework.js';
import { api, buildUrl } from './client.js';

export type { FrameworkSummary, FrameworkView };
export type SkillArea = FrameworkView['skillAreas'][number];
export type TargetGroup = FrameworkView['targetGroups'][number];
export type Level = FrameworkView['levels'][number];
export type Unit = FrameworkView['units'][number];
export type MatrixCell = FrameworkView['matrix'][number];
export type ItemUpdate = UpdateFrameworkItemBody;
export type RequiredLevelUpdate = z.infer<typeof SetRequiredLevelBody>;

const base = '/api/frameworks';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listFrameworks = () => api.get<z.infer<typeof FrameworkList>>(base);

/** `id` is a version id or `current`. */
export const getFramework = (id: string) => api.get<FrameworkView>(at(id));

export const createFrameworkVersion = (body: z.infer<typeof CreateFrameworkVersionBody>) => api.post<FrameworkSummary>(base, body);

/** Levels are addressed by rank, every other item by its code. Answers with the whole updated version. */
export const updateFrameworkItem = (id: string, code: string, body: UpdateFrameworkItemBody) =>
  api.put<FrameworkView>(`${at(id)}/items/${encodeURIComponent(code)}`, body);

/** Answers with the whole updated version. */
export const setRequiredLevel = (id: string, targetGroupCode: string, skillAreaCode: string, body: RequiredLevelUpdate) =>
  api.put<FrameworkView>(`${at(id)}/matrix/${encodeURIComponent(targetGroupCode)}/${encodeURIComponent(skillAreaCode)}`, body);

export const publishFramework = (id: string) => api.post<FrameworkSummary>(`${at(id)}/publish`);

export const frameworkExportUrl = (id: string, format: 'csv' | 'json') => buildUrl(`${at(id)}/export`, { format });
