import type { z } from 'zod';
import type {
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiTokenView,
  LoginBody,
  SessionView,
} from '../../../common/contracts/auth.js';
import type { Language } from '../lib/i18n.js';
import { api, setCsrfToken } from './client.js';

export type Session = SessionView;
export type ApiToken = ApiTokenView;
export type CreatedApiToken = z.infer<typeof CreatedApiTokenView>;

/** getSession: who is signed in (if anyone), their role grants, abilities and the CSRF token. */
export async function getSession(): Promise<SessionView> {
  const session = await api.get<SessionView>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function login(body: LoginBody): Promise<SessionView> {
  const session = await api.post<SessionView>('/api/auth/login', body);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await api.post('/api/auth/logout');
  setCsrfToken(null);
}

/** updateLocale: remembers the language the signed-in user reads the platform in, for every device. */
export const updateLocale = (locale: Language) => api.put<{ ok: true }>('/api/auth/locale', { locale });

export const changePassword = (body: z.infer<typeof ChangePasswordBody>) => api.post<{ ok: true }>('/api/auth/password', body);

export const listApiTokens = () => api.get<{ items: ApiTokenView[] }>('/api/auth/tokens');

export const createApiToken = (body: z.infer<typeof CreateApiTokenBody>) => api.post<CreatedApiToken>('/api/auth/tokens', body);

export const revokeApiToken = (id: string) => api.delete<{ ok: true }>(`/api/auth/tokens/${encodeURIComponent(id)}`);
