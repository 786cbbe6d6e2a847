import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers (CSP, HSTS, nosniff, frame and referrer policies) on every response. The options are
 * static (no directive computed per request), so the headers are the same for every response: Helmet runs once,
 * here, and each request only sets the headers it wrote (`@fastify/helmet` built Helmet's middleware again for each
 * request, parsing the CSP directives every time; running its twelve middlewares per request still cost about 5% of
 * the server's CPU at load). Helmet's one removal, `X-Powered-By`, is of a header nothing has set at `onRequest`.
 */
export function securityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/** The headers Helmet sets with these options, in its order. */
function helmetHeaders(options: HelmetOptions): [string, string | string[]][] {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((d) => typeof d === 'function' || (Array.isArray(d) && d.some((v) => typeof v === 'function')))) {
    throw new Error('security headers: a CSP directive computed per request cannot be set once for every response');
  }
  const written = new Map<string, string | string[]>();
  const recorder = {
    setHeader: (name: string, value: string | string[]) => written.set(name, value),
    removeHeader: () => {},
  };
  let finished = false;
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    finished = true;
    failure = err;
  });
  if (failure || !finished) throw failure ?? new Error('security headers: Helmet did not finish at once');
  return [...written];
}
