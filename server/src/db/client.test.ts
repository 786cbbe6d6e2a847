/**
 * The database handle's own behaviour: independent reads at once on the pool and one after another in a
 * transaction; and, on PostgreSQL only (TEST_DATABASE_URL, PGlite has no connections to lose), the pool when
 * PostgreSQL ends one of its idle connections.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { queryRows, readTogether } from './client.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

describe('readTogether', () => {
  it('starts the reads at once on the pool, and one after the other in a transaction', async () => {
    const database = await testDatabase();
    const steps: string[] = [];
    const read = (name: string) => async () => {
      steps.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      steps.push(`end ${name}`);
      return name;
    };
    expect(await readTogether(database.db, [read('a'), read('b')])).toEqual(['a', 'b']);
    expect(steps).toEqual(['start a', 'start b', 'end a', 'end b']);

    steps.length = 0;
    const inTransaction = await database.db.transaction((tx) =>
      readTogether(tx, [() => tx.execute(sql`select 1`).then(read('a')), read('b')]),
    );
    expect(inTransaction).toEqual(['a', 'b']);
    expect(steps).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});

describe.runIf(postgresUrl)('the PostgreSQL pool', () => {
  it('survives PostgreSQL ending an idle connection, reports it and connects again', async () => {
    const database = await testDatabase();
    const heard: Error[] = [];
    database.onIdleError((err) => heard.push(err));
    const backend = async () => (await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`))[0].pid;
    const idle = await backend();

    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      const [ended] = (await admin.query('select pg_terminate_backend($1) as ended', [idle])).rows;
      expect(ended.ended).toBe(true);
    } finally {
      await admin.end();
    }

    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect((heard[0] as Error & { code?: string }).code).toBe('57P01'); // admin_shutdown
    const next = await backend();
    expect(next).not.toBe(idle);
  });
});
