import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { seedSampleStatements } from './db/seed/assessment-statements.js';
import { seedDemo } from './db/seed/demo.js';
import { seedFramework } from './db/seed/framework.js';
import { seedPlaces } from './db/seed/places.js';
import { startJobs } from './jobs.js';
import { refreshCatalog } from './modules/catalog/service.js';

/** Opens the database, brings it up to date (migrations, reference data, demo data if configured) and returns it. */
export async function prepareDatabase(config: Config): Promise<Database> {
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  try {
    await database.migrate();
    await seedFramework(database.db);
    await seedSampleStatements(database.db);
    await seedPlaces(database.db);
    if (config.loadDemoData) await seedDemo(database.db, { secret: config.sessionSecret });
    // Entries for courses accredited before the catalogue existed, or loaded directly; idempotent.
    await refreshCatalog(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** How long a shutdown waits for handlers still running before it closes the database regardless. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Tracks requests from their arrival until their handler has produced the reply (Fastify's onSend) or, for
 * replies Fastify writes itself (503 while closing), until the response is finished. `app.close()` waits
 * for connections, not handlers: a client that hangs up mid-request (a load generator stopping, a proxy
 * timing out) leaves its handler running against the database. Returns a wait for none to be running.
 */
function trackRequests(app: FastifyInstance): (timeoutMs: number) => Promise<void> {
  const running = new Set<IncomingMessage>();
  let onIdle: (() => void) | undefined;
  const settle = (req: IncomingMessage) => {
    running.delete(req);
    if (running.size === 0) onIdle?.();
  };
  // The raw event, not an onRequest hook: it fires before any hook (the session look-up already queries).
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    running.add(req);
    res.once('finish', () => settle(req));
  });
  app.addHook('onSend', (req, _reply, payload, done) => {
    settle(req.raw);
    done(null, payload);
  });
  return (timeoutMs) =>
    new Promise((resolve) => {
      if (running.size === 0) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
}

/**
 * Starts listening. SIGTERM and SIGINT stop the jobs, close the server (no new connections; open ones
 * finish their requests), wait for handlers whose client has gone, and only then close the database.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  database.onIdleError((err) => app.log.warn({ err }, 'PostgreSQL closed an idle connection; the pool opens another when needed'));
  const requestsDone = trackRequests(app);
  const stopJobs = startJobs(database, config, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopJobs();
    await app.close();
    await requestsDone(DRAIN_TIMEOUT_MS);
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ url: config.BASE_URL, database: database.kind, demoData: config.loadDemoData }, 'Thaksa is ready');
  return app;
}
