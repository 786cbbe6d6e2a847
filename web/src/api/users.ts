import type { z } from 'zod';
import type { RoleGrantView } from '../../../common/contracts/shared.js';
import type { CreateUserBody, GrantRoleBody, ListUsersQuery, UserAdminView, UserListView } from '../../../common/contracts/users.js';
import { api } from './client.js';

export type UserAdmin = UserAdminView;
export type UserList = z.infer<typeof UserListView>;
export type ListUsersParams = Partial<z.infer<typeof ListUsersQuery>>;

export const listUsers = (query: ListUsersParams) => api.get<UserList>('/api/users', query);

export const createUser = (body: z.input<typeof CreateUserBody>) => api.post<UserAdminView>('/api/users', body);

export const grantRole = (userId: string, body: z.input<typeof GrantRoleBody>) =>
  api.post<RoleGrantView>(`/api/users/${encodeURIComponent(userId)}/roles`, body);

export const revokeRole = (userId: string, grantId: string) =>
  api.delete<{ ok: true }>(`/api/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(grantId)}`);
