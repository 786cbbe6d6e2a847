import type { z } from 'zod';
import type {
  ClaimChallenge,
  ClaimGroupList,
  ClaimGroupView,
  FactCheckerList,
  FactCheckSearchResult,
  FactCheckView,
  ListClaimsQuery,
  PublishVerdictBody,
  SearchFactChecksQuery,
  SubmitClaimBody,
  SubmittedClaim,
  TrackedClaim,
} from '../../../common/contracts/factcheck.js';
import { api } from './client.js';

// Types only: public pages must not pull the Zod schemas into their bundle unless they validate with them.
export type { ClaimChallenge, ClaimGroupView, FactCheckSearchResult, FactCheckView, PublishVerdictBody, SubmitClaimBody };
export type ClaimGroupSummary = z.infer<typeof ClaimGroupList>['items'][number];
export type ClaimGroupPage = z.infer<typeof ClaimGroupList>;
export type Submitted = z.infer<typeof SubmittedClaim>;
export type Tracked = z.infer<typeof TrackedClaim>;
export type FactChecker = z.infer<typeof FactCheckerList>['items'][number];
export type SearchChecksParams = Partial<Omit<SearchFactChecksQuery, 'verdict' | 'province' | 'platform'>> & {
  verdict?: string;
  province?: string;
  platform?: string;
};
export type ListClaimsParams = Partial<Omit<ListClaimsQuery, 'status' | 'province' | 'platform'>> & {
  status?: string;
  province?: string;
  platform?: string;
};

const enc = encodeURIComponent;
const group = (id: string) => `/api/factcheck/groups/${enc(id)}`;

export const getClaimChallenge = () => api.get<ClaimChallenge>('/api/factcheck/challenge');
export const submitClaim = (body: SubmitClaimBody) => api.post<Submitted>('/api/factcheck/claims', body);
export const trackClaim = (code: string) => api.get<Tracked>(`/api/factcheck/track/${enc(code)}`);
export const searchFactChecks = (q: SearchChecksParams) => api.get<FactCheckSearchResult>('/api/factcheck/checks', q);
export const getFactCheck = (id: string) => api.get<FactCheckView>(`/api/factcheck/checks/${enc(id)}`);
export const listClaims = (q: ListClaimsParams) => api.get<ClaimGroupPage>('/api/factcheck/groups', q);
export const getClaimGroup = (id: string) => api.get<ClaimGroupView>(group(id));
export const listFactCheckers = () => api.get<z.infer<typeof FactCheckerList>>('/api/factcheck/checkers');
export const assignClaim = (id: string, assigneeId: string) => api.post<ClaimGroupView>(`${group(id)}/assignment`, { assigneeId });
export const startClaimReview = (id: string) => api.post<ClaimGroupView>(`${group(id)}/review`);
export const publishVerdict = (id: string, body: PublishVerdictBody) => api.post<ClaimGroupView>(`${group(id)}/verdict`, body);
export const mergeClaimGroups = (id: string, sourceGroupId: string) => api.post<ClaimGroupView>(`${group(id)}/merge`, { sourceGroupId });
export const splitClaimGroup = (id: string, claimIds: string[]) =>
  api.post<{ from: ClaimGroupView; created: ClaimGroupView }>(`${group(id)}/split`, { claimIds });
export const claimImageUrl = (claimId: string) => `/api/factcheck/claims/${enc(claimId)}/image`;
