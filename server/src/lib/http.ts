import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../../common/contracts/shared.js';

/** The typed router every module's routes.ts uses. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Error responses every operation may give, documented once. */
export const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
} as const;

export const IdParams = z.object({ id: z.uuid() });
export { z };

const serialized = new WeakMap<object, string | ArrayBuffer | Buffer>();

/**
 * Sends a response object that a service keeps and hands out again (a cached result) as JSON,
 * serialised by the route's response schema the first time only.
 */
export function sendShared(reply: FastifyReply, value: object) {
  let body = serialized.get(value);
  if (body === undefined) {
    body = reply.serialize(value);
    serialized.set(value, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
