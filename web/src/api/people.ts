import type { z } from 'zod';
import type { AcceptInvitationBody, InvitationView, SessionView } from '../../../common/contracts/auth.js';
import type {
  AgencyDetailView,
  AgencyImportReport,
  AgencyList,
  AgencyView,
  CreateAgencyBody,
  ImportColumnsView,
  MoveAgencyBody,
  MyPersonView,
  PersonHistory,
  PersonImportList,
  PersonImportView,
  PersonList,
  PersonSummary,
  PersonView,
  TransferPersonBody,
  UpdateAgencyBody,
  UpdatePersonBody,
} from '../../../common/contracts/people.js';
import { api, buildUrl, setCsrfToken } from './client.js';

export type {
  AgencyDetailView,
  AgencyImportReport,
  AgencyView,
  CreateAgencyBody,
  MoveAgencyBody,
  PersonImportView,
  PersonList,
  PersonSummary,
  PersonView,
  TransferPersonBody,
  UpdateAgencyBody,
  UpdatePersonBody,
};
export type AgencyPage = z.infer<typeof AgencyList>;
export type HistoryEntry = z.infer<typeof PersonHistory>['items'][number];
export type MyPerson = z.infer<typeof MyPersonView>;
export type ImportColumns = z.infer<typeof ImportColumnsView>;
export type ImportSummary = z.infer<typeof PersonImportList>['items'][number];
export type Invitation = InvitationView;

const enc = encodeURIComponent;

// ---- agencies
export interface AgencyQuery {
  q?: string;
  parentId?: string;
  within?: string;
  page?: number;
  pageSize?: number;
}
export const listAgencies = (query: AgencyQuery) => api.get<AgencyPage>('/api/agencies', { ...query });
export const getAgency = (id: string) => api.get<AgencyDetailView>(`/api/agencies/${enc(id)}`);
export const createAgency = (body: CreateAgencyBody) => api.post<AgencyDetailView>('/api/agencies', body);
export const updateAgency = (id: string, body: UpdateAgencyBody) => api.put<AgencyDetailView>(`/api/agencies/${enc(id)}`, body);
export const moveAgency = (id: string, body: MoveAgencyBody) => api.post<AgencyDetailView>(`/api/agencies/${enc(id)}/move`, body);
export const importAgencies = (file: Blob, contentType: string, dryRun: boolean) =>
  api.postRaw<AgencyImportReport>(buildUrl('/api/agencies/imports', { dryRun: String(dryRun) }), file, contentType);
export const getImportColumns = () => api.get<ImportColumns>('/api/people/import-columns');

// ---- personnel
export interface PersonnelFilters {
  agencyId?: string;
  q?: string;
  targetGroup?: string;
  isIt?: 'true' | 'false';
  status?: string;
  positionType?: string;
}
export const listPersonnel = (filters: PersonnelFilters & { cursor?: string; limit?: number }) =>
  api.get<PersonList>('/api/people', { ...filters });
/** The CSV of the same filters (a plain link: the browser downloads it with the session cookie). */
export const personnelExportUrl = (filters: PersonnelFilters, includeCitizenId = false) =>
  buildUrl('/api/people/export', { ...filters, includeCitizenId: includeCitizenId ? 'true' : undefined });
export const getPerson = (id: string) => api.get<PersonView>(`/api/people/${enc(id)}`);
export const updatePerson = (id: string, body: UpdatePersonBody) => api.put<PersonView>(`/api/people/${enc(id)}`, body);
export const transferPerson = (id: string, body: TransferPersonBody) => api.post<PersonView>(`/api/people/${enc(id)}/transfer`, body);
export const getPersonHistory = (id: string) => api.get<z.infer<typeof PersonHistory>>(`/api/people/${enc(id)}/history`);
export const revealCitizenId = (id: string) => api.get<{ citizenId: string }>(`/api/people/${enc(id)}/citizen-id`);
export const resendInvitation = (id: string) => api.post<{ ok: true }>(`/api/people/${enc(id)}/invitation`);

// ---- personnel imports
export const uploadPersonnel = (file: Blob, contentType: string, opts: { agencyId?: string; fileName?: string }) =>
  api.postRaw<PersonImportView>(buildUrl('/api/people/imports', opts), file, contentType);
export const listPersonImports = () => api.get<z.infer<typeof PersonImportList>>('/api/people/imports');
export const getPersonImport = (id: string, errorsPage = 1, errorsPageSize = 20) =>
  api.get<PersonImportView>(`/api/people/imports/${enc(id)}`, { errorsPage, errorsPageSize });
export const commitPersonImport = (id: string) => api.post<PersonImportView>(`/api/people/imports/${enc(id)}/commit`);
export const importErrorsUrl = (id: string) => `/api/people/imports/${enc(id)}/errors.csv`;

// ---- a person's own data
export const getMyPerson = () => api.get<MyPerson>('/api/me/person');
export const MY_DATA_URL = '/api/me/person/export';

// ---- invitations (public: the token is the credential)
export const inspectInvitation = (token: string) => api.post<InvitationView>('/api/auth/invitations/inspect', { token });
export async function acceptInvitation(body: z.infer<typeof AcceptInvitationBody>): Promise<SessionView> {
  const session = await api.post<SessionView>('/api/auth/invitations/accept', body);
  setCsrfToken(session.csrfToken);
  return session;
}
