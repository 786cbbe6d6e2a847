import type { z } from 'zod';
import type {
  ActivityView,
  CoverageView,
  CreateVillageBody,
  DecideVolunteerBody,
  LogActivityBody,
  MyVolunteerView,
  PlaceList,
  RegisterVolunteerBody,
  VillageList,
  VillageView,
  VolunteerCardVerification,
  VolunteerLevel,
  VolunteerList,
  VolunteerView,
} from '../../../common/contracts/volunteers.js';
import { api, buildUrl } from './client.js';

export type {
  ActivityView,
  CoverageView,
  LogActivityBody,
  MyVolunteerView,
  VillageView,
  VolunteerCardVerification,
  VolunteerLevel,
  VolunteerView,
};
export type Place = z.infer<typeof PlaceList>['items'][number];
export type VolunteerPage = z.infer<typeof VolunteerList>;

export const listPlaces = async (parent?: string) => (await api.get<z.infer<typeof PlaceList>>('/api/places', { parent })).items;
export const listVillages = async (subdistrict: string) =>
  (await api.get<z.infer<typeof VillageList>>('/api/villages', { subdistrict })).items;
export const createVillage = (body: CreateVillageBody) => api.post<VillageView>('/api/villages', body);

export const registerVolunteer = (body: RegisterVolunteerBody) => api.post<{ id: string; status: 'pending' }>('/api/volunteers', body);
export const listVolunteers = (q: { status?: string; area?: string; page?: number; pageSize?: number }) =>
  api.get<VolunteerPage>('/api/volunteers', q);
export const decideVolunteer = (id: string, body: DecideVolunteerBody) => api.post<VolunteerView>(`/api/volunteers/${id}/decision`, body);
export const setVolunteerLevel = (id: string, level: VolunteerLevel) => api.put<VolunteerView>(`/api/volunteers/${id}/level`, { level });
export const deactivateVolunteer = (id: string, reason: string) => api.post<VolunteerView>(`/api/volunteers/${id}/deactivate`, { reason });
export const getMyVolunteer = () => api.get<MyVolunteerView>('/api/volunteers/me');
export const myCardQrUrl = '/api/volunteers/me/card.svg';
export const verifyVolunteerCard = (token: string) =>
  api.get<VolunteerCardVerification>(`/api/volunteer-cards/${encodeURIComponent(token)}`);
export const logVolunteerActivity = (body: LogActivityBody) => api.post<ActivityView>('/api/volunteer-activities', body);

export const getCoverage = (area?: string) => api.get<CoverageView>('/api/volunteer-coverage', { area });
export const coverageExportUrl = (area: string | undefined, format: 'csv' | 'xlsx') =>
  buildUrl('/api/volunteer-coverage/export', { area, format });
