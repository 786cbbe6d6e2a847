import { useQuery } from '@tanstack/react-query';
import { getSession, type Session } from '../../api/auth.js';

export const SESSION_KEY = ['session'] as const;

const SIGNED_OUT: Session = {
  user: null,
  roles: [],
  csrfToken: null,
  expiresAt: null,
  abilities: { manageUsers: false, readAudit: false, editFramework: false, createApiTokens: false },
};

/** The current visitor; while loading (or if the API is down) the app draws itself for a signed-out visitor. */
export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: getSession, staleTime: 5 * 60_000 });
  return { session: query.data ?? SIGNED_OUT, isPending: query.isPending, isSignedIn: !!query.data?.user };
}
