import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../common/errors.js';
import type { Role } from '../../../common/permissions.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Actor, Ctx } from '../lib/context.js';
import { safeEqual } from '../lib/crypto.js';
import { resolveSessionActor, resolveTokenActor, SESSION_COOKIE } from '../modules/auth/service.js';

/**
 * Who may call a route. Every API route must declare one; a route without it stops the server at boot.
 * - `public`: anyone; an actor is attached if the caller is signed in.
 * - `authenticated`: any signed-in user or token.
 * - `{ roles }`: a caller holding at least one of these roles (in any scope; policies check the scope).
 */
export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** State-changing cookie requests need the session's CSRF token unless this is false (login). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    /** The session row and user behind the cookie, when the caller signed in with one. */
    signedIn: SignedIn | null;
  }
}

type SignedIn = NonNullable<Awaited<ReturnType<typeof resolveSessionActor>>>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const [scheme, value] = h.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : null;
}

export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
  bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (thk_…), bound to one role' },
} as const;

/** Attaches `req.ctx` and enforces each route's declared access before the body is even parsed. */
export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config }) {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (!access) {
      if (isApi) throw new Error(`route ${route.method} ${route.url} declares no access`);
      return;
    }
    if (route.schema) {
      route.schema.security = access === 'public' ? [] : [{ session: [] }, { bearer: [] }];
    }
  });

  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('signedIn', null);

  app.addHook('onRequest', async (req) => {
    const ctx: Ctx = { actor: null, db: deps.db, config: deps.config, requestId: req.id, log: req.log };
    req.ctx = ctx;
    const config = req.routeOptions.config;
    const access = config?.access;
    if (!access) return; // static files, health and docs

    const bearer = bearerOf(req);
    let sessionCsrf: string | null = null;
    let actor: Actor | null = null;
    if (bearer) {
      actor = await resolveTokenActor(ctx, bearer);
      if (!actor) throw new AppError('unauthenticated', 'the API token is unknown, expired or revoked');
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const found = await resolveSessionActor(ctx, cookie);
        if (found) {
          actor = found.actor;
          sessionCsrf = found.session.csrfToken;
          req.signedIn = found;
        }
      }
    }
    ctx.actor = actor;

    if (access === 'public') {
      if (actor?.via === 'session') checkCsrf(req, sessionCsrf, config.csrf);
      return;
    }
    if (!actor) throw AppError.unauthenticated();
    if (actor.via === 'session') checkCsrf(req, sessionCsrf, config.csrf);
    if (access !== 'authenticated' && !actor.grants.some((g) => access.roles.includes(g.role))) {
      throw AppError.forbidden('your roles do not allow this operation');
    }
  });
}

function checkCsrf(req: FastifyRequest, expected: string | null, enabled: boolean | undefined) {
  if (enabled === false || SAFE_METHODS.has(req.method) || !expected) return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
    throw new AppError('auth.csrf_invalid', 'missing or wrong x-csrf-token header');
  }
}
