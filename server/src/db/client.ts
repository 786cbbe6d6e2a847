import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { intarray } from '@electric-sql/pglite/contrib/intarray';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { LOCK_KEYS } from './locks.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe to call from several instances at once on PostgreSQL. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Where to report a connection PostgreSQL ended while it sat idle in the pool (a restart, an administrator, a
   * proxy's idle timeout). The pool drops it and connects again when next needed; until a listener is set, such
   * errors are dropped. Never called on PGlite.
   */
  onIdleError(listener: (err: Error) => void): void;
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`, which the shared Db type cannot express. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Independent reads: at once on the pool, a connection each; one after another in a transaction, whose one
 * connection takes one query at a time (pg queues a query sent while another runs, and refuses it from 9.0).
 */
export async function readTogether<T extends unknown[] | []>(db: Db, reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const thunks = reads as readonly (() => PromiseLike<unknown>)[];
  if (!(db instanceof PgTransaction)) return (await Promise.all(thunks.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as T;
}

/** What `queryRowsPlanned` needs of drizzle's handle: the dialect that writes SQL and the session that sends it. */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: false,
    ): { execute(): Promise<unknown> };
  };
}

/**
 * Rows of a raw SQL query sent as a named prepared statement, named after its text (so a name always means
 * the same text). For a large statement built per request whose planning costs more than running it (the
 * personnel list): PostgreSQL plans it a few times per connection, then keeps a generic plan when that plan
 * is no costlier. PGlite runs it as an ordinary query.
 */
export async function queryRowsPlanned<T>(db: Db, query: SQL): Promise<T[]> {
  const internals = db as unknown as DrizzleInternals;
  const built = internals.dialect.sqlToQuery(query);
  const name = `q_${createHash('sha256').update(built.sql).digest('base64url').slice(0, 22)}`;
  const result = await internals.session.prepareQuery(built, undefined, name, false).execute();
  return (result as { rows: T[] }).rows;
}

/**
 * A hot query built once per database handle and sent as a named prepared statement: the SQL text is not
 * rebuilt on each call (the query builder costs more than the query itself on a busy instance), and
 * PostgreSQL parses and plans it once per connection. `name` must be unique and always mean the same text.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byHandle = new WeakMap<Db, Q>();
  return (db) => {
    let query = byHandle.get(db);
    if (!query) {
      query = build(db);
      byHandle.set(db, query);
    }
    return query;
  };
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by another Thaksa process (pid ${pid}). ` +
        'An embedded database can have only one owner: stop that process, or point DATA_DIR elsewhere, ' +
        'or use PostgreSQL (DATABASE_URL) to run several instances.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lockfile or throws DataDirLockedError; a stale lock from a dead process is replaced. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'thaksa.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || isAlive(pid))) {
        throw new DataDirLockedError(resolve(dataDir), pid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock on ${lockPath}`);
}

/** Creates a PGlite instance with the extensions the schema needs. */
export function createPglite(opts: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm, intarray } });
}

/** Wraps an existing PGlite (tests clone one from a migrated template). */
export function fromPglite(client: PGlite, release: () => void = () => {}): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      release();
    },
    onIdleError: () => {},
  };
}

/** The embedded database under dataDir, owned by this process alone. */
export function openPglite(dataDir: string): Database {
  const release = lockDataDir(dataDir);
  const pgdata = join(dataDir, 'pgdata');
  try {
    return fromPglite(createPglite({ dataDir: pgdata }), release);
  } catch (e) {
    release();
    throw e;
  }
}

export function openPostgres(url: string, poolSize = 10): Database {
  // JIT compiles queries whose estimated cost is high; for short interactive reads it costs more than it
  // saves (seen: ~15 ms compiling a query that runs in a few), so it is off for every connection.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // Unheard, the pool would re-emit an idle connection's error as unhandled and stop the process.
  let idleError: (err: Error) => void = () => {};
  pool.on('error', (err) => idleError(err));
  // Timestamps and bigints come back as strings from pg; counts are cast to int in SQL.
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [LOCK_KEYS.migrations]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [LOCK_KEYS.migrations]).catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await pool.end();
    },
    onIdleError: (listener) => {
      idleError = listener;
    },
  };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number }): Database {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize) : openPglite(opts.dataDir);
}

export function dataDirExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}
