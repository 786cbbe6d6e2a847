import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';

/** /healthz (process up), /readyz (database answers) and Prometheus /metrics. */
export function registerObservability(app: FastifyInstance, database: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'thaksa_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'thaksa_http_server_errors_total',
    help: 'Responses with status 500 or above',
    labelNames: ['route'],
    registers: [registry],
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  const op = (operationId: string, summary: string) => ({
    logLevel: 'warn' as const,
    config: { access: 'public' as const },
    schema: { operationId, summary, tags: ['operations'] },
  });
  app.get('/healthz', op('getHealth', 'The process is up'), async () => ({ status: 'ok' }));
  app.get('/readyz', op('getReadiness', 'The database answers'), async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.kind };
    } catch (err) {
      app.log.error({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  app.get('/metrics', op('getMetrics', 'Prometheus metrics'), async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
