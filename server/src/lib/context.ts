import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../../common/errors.js';
import type { RoleGrant } from '../../../common/permissions.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';

/** Who is calling: a signed-in user (session cookie) or a machine client (API token bound to one role). */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  grants: RoleGrant[];
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

/** Everything a service needs about the request; built once per request by the auth plugin. */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  config: Config;
  requestId: string;
  log: FastifyBaseLogger;
}

/** The signed-in actor, or 401. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw AppError.unauthenticated();
  return ctx.actor;
}

const noop = () => {};
/** A logger that drops everything: for work outside a request whose errors are reported another way, and tests. */
export const silentLog = {
  info: noop,
  warn: noop,
  error: noop,
  debug: noop,
  trace: noop,
  fatal: noop,
  child: () => silentLog,
  level: 'silent',
  silent: noop,
} as unknown as FastifyBaseLogger;
