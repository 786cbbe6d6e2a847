import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { seedDemo } from './db/seed/demo.js';
import { seedFramework } from './db/seed/framework.js';
import { startJobs } from './jobs.js';

/** Opens the database, brings it up to date (migrations, reference data, demo data if configured) and returns it. */
export async function prepareDatabase(config: Config): Promise<Database> {
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  try {
    await database.migrate();
    await seedFramework(database.db);
    if (config.loadDemoData) await seedDemo(database.db, { secret: config.sessionSecret });
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Starts listening; SIGTERM and SIGINT close the server (finishing in-flight requests) and then the database. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  const stopJobs = startJobs(database, config, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ url: config.BASE_URL, database: database.kind, demoData: config.loadDemoData }, 'Thaksa is ready');
  return app;
}
