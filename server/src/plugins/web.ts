import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './errors.js';

/** Serves the built single-page app; unknown non-API paths get index.html so client routes load directly. */
export async function registerWeb(app: FastifyInstance, webDist: string) {
  const root = resolve(webDist);
  const hasWeb = existsSync(resolve(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, not the app shell: a browser holding an old page after a deploy must not get HTML for JS.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !hasWeb || req.method !== 'GET') {
      return sendProblem(req, reply, { status: 404, code: 'not_found', detail: `no route ${req.method} ${req.url.split('?')[0]}` });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
