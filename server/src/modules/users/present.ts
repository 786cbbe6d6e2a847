import type { RoleGrantView } from '../../../../common/contracts/shared.js';
import type { UserAdminView } from '../../../../common/contracts/users.js';
import type { UserRow } from '../auth/repository.js';

export function presentUserAdmin(u: UserRow, roles: RoleGrantView[]): UserAdminView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isLocked: !!u.lockedUntil && u.lockedUntil > new Date(),
    isDisabled: !!u.disabledAt,
    createdAt: u.createdAt.toISOString(),
    roles,
  };
}
