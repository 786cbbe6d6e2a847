/**
 * The PostgreSQL pool when PostgreSQL ends one of its idle connections (a restart, an administrator, a proxy's idle
 * timeout): the process goes on, the listener hears of it, and the next query connects again. PostgreSQL only
 * (TEST_DATABASE_URL): PGlite has no connections to lose.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { queryRows } from './client.js';

const postgresUrl = process.env.TEST_DATABASE_URL;

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
