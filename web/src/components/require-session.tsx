import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Session } from '../api/auth.js';
import { useSession } from '../features/auth/use-session.js';
import { PageLoader } from './page-loader.js';
import { StatusPage } from './status-page.js';

type Ability = keyof Session['abilities'];

/**
 * Signed-out visitors go to the login page and come back afterwards. A page that needs an ability the
 * server did not grant says so; the server still enforces every rule.
 */
export function RequireSession({ ability, hasRole, children }: { ability?: Ability; hasRole?: string | string[]; children: ReactNode }) {
  const { session, isPending, isSignedIn } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (!isSignedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (ability && !session.abilities[ability]) return <StatusPage kind="forbidden" />;
  const roles = typeof hasRole === 'string' ? [hasRole] : hasRole;
  if (roles && !session.roles.some((r) => roles.includes(r.role))) return <StatusPage kind="forbidden" />;
  return <>{children}</>;
}
