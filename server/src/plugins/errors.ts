import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, type Problem } from '../../../common/errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Omit<Problem, 'type' | 'title'>) {
  const body: Problem = {
    type: `about:blank#${p.code}`,
    title: TITLES[p.status] ?? 'Error',
    ...p,
    requestId: req.id,
  };
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(body);
}

function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof err?.cause?.code === 'string' ? err.cause.code : err?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Maps every failure to application/problem+json with a stable code; only the unexpected become 500. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      return sendProblem(req, reply, { status: error.status, code: error.code, detail: error.message, errors: error.errors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const errors: FieldError[] = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: field ? `${where}.${field}` : where, message: v.message ?? 'invalid', code: String(v.keyword) };
      });
      const first = errors[0];
      return sendProblem(req, reply, {
        status: 400,
        code: 'validation_failed',
        detail: first ? `${first.path}: ${first.message}` : 'invalid request',
        errors,
      });
    }
    const pgCode = pgErrorCode(error);
    if (pgCode === '23505') {
      return sendProblem(req, reply, { status: 409, code: 'conflict', detail: 'a record with the same key already exists' });
    }
    if (pgCode === '40001' || pgCode === '40P01') {
      return sendProblem(req, reply, { status: 409, code: 'conflict', detail: 'a concurrent change won; try again' });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(req, reply, { status, code: 'payload_too_large', detail: 'the request body is too large' });
    if (status === 415)
      return sendProblem(req, reply, {
        status,
        code: 'unsupported_media_type',
        detail: `unsupported content type ${req.headers['content-type'] ?? ''}`.trim(),
      });
    if (status === 429) return sendProblem(req, reply, { status, code: 'rate_limited', detail: 'too many requests; try again later' });
    if (status >= 400 && status < 500) {
      return sendProblem(req, reply, {
        status,
        code: 'validation_failed',
        detail: error.message,
        errors: [{ path: 'body', message: error.message }],
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, { status: 500, code: 'internal', detail: 'an unexpected error occurred; quote the request id' });
  });
}
