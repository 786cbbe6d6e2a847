import { AppError } from '../../../common/errors.js';
import type { Role } from '../../../common/permissions.js';
import { type Actor, type Ctx, requireActor } from './context.js';

/** A policy answers one question about one actor (and usually one record). */
export type Policy<T = void> = (actor: Actor, subject: T) => boolean;

/**
 * The first statement of a service after it loads its record: the signed-in actor passes the policy or
 * the call ends with 403. Returns the actor for convenience.
 */
export function authorize<T>(ctx: Ctx, policy: Policy<T>, subject: T): Actor {
  const actor = requireActor(ctx);
  if (!policy(actor, subject)) throw AppError.forbidden();
  return actor;
}

export function actorHasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role));
}
