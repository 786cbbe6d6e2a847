import { loadConfig } from '../config.js';
import { DataDirLockedError, openDatabase } from '../db/client.js';
import { seedDemo } from '../db/seed/demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-data.js';
import { seedFramework } from '../db/seed/framework.js';
import { seedPlaces } from '../db/seed/places.js';
import { refreshCatalog } from '../modules/catalog/service.js';

/**
 * `npm run seed:demo`: loads the framework reference data and the demo dataset into the configured
 * database (DATA_DIR or DATABASE_URL), whatever DEMO_DATA says, because running it is the request. Never in production.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (config.isProduction) {
    console.error('Refusing to load demo data: NODE_ENV is production, and demo accounts share a published password.');
    return 1;
  }
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await database.migrate();
    await seedFramework(database.db);
    await seedPlaces(database.db);
    const result = await seedDemo(database.db, { secret: config.sessionSecret });
    await refreshCatalog(database.db);
    const target = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.DATA_DIR}`;
    console.log(result.created ? `Demo data loaded into ${target}.` : `Demo data was already present in ${target}; nothing changed.`);
    const c = result.counts;
    console.log(
      `  ${c.agencies} agencies, ${c.persons} personnel, ${c.providers} providers, ${c.users} accounts, ${c.roleGrants} role grants`,
    );
    for (const m of result.modules) {
      const counts = Object.entries(m.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      console.log(`  ${m.name}: ${m.ran ? counts || 'done' : 'already present'}`);
    }
    console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}):`);
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(width)}  ${a.descriptionEn}`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof DataDirLockedError || (err instanceof Error && err.message.startsWith('Invalid configuration'))) {
    console.error(`\nDemo data was not loaded.\n${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
