import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPglite, fromPglite, openPostgres } from '../src/db/client.js';
import { seedFramework } from '../src/db/seed/framework.js';
import { seedPlaces } from '../src/db/seed/places.js';

/**
 * Migrates and seeds one template database per test run; every test file then gets a private copy
 * (a PGlite data-dir dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL).
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `thaksa_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = openPostgres(withDatabase(url, name), 2);
    await database.migrate();
    await seedFramework(database.db);
    await seedPlaces(database.db);
    await database.close();
    provide('templateDatabase', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'thaksa-test-'));
  const client = createPglite();
  const database = fromPglite(client);
  await database.migrate();
  await seedFramework(database.db);
  await seedPlaces(database.db);
  const dump = await client.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  provide('templateDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}
