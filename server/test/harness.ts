import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import type { Role, ScopeType } from '../../common/permissions.js';
import { ROLE_SCOPE } from '../../common/permissions.js';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { type Database, createPglite, fromPglite, openPostgres } from '../src/db/client.js';
import { roleGrants, users } from '../src/db/schema/index.js';
import { type Actor, type Ctx, silentLog } from '../src/lib/context.js';
import { hashPassword } from '../src/lib/crypto.js';
import { withDatabase } from './global-setup.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | null = null;

/**
 * What to close when the test file ends, last opened first. One hook, registered when the file imports this
 * module: files open their databases and apps inside `beforeAll`, where a hook registered then never runs, so
 * each file's PostgreSQL database used to outlive the run.
 */
const atFileEnd: (() => Promise<void>)[] = [];
afterAll(async () => {
  const errors: unknown[] = [];
  for (const close of atFileEnd.splice(0).reverse()) await close().catch((err) => errors.push(err));
  if (errors.length) throw errors[0];
});

/**
 * Drops a test database once its pool's connections have gone: a closed pool's sockets may still be closing,
 * and forcing the drop then kills them mid-goodbye (an error event nobody listens to). Forced after 5 s.
 */
async function dropWhenFree(admin: pg.Client, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

/** A private, migrated database for this test file, closed (and dropped on PostgreSQL) after the file. */
export async function testDatabase(): Promise<Database> {
  const templateDb = inject('templateDatabase');
  const url = process.env.TEST_DATABASE_URL;
  if (url && templateDb) {
    const name = `thaksa_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDb}`);
    const database = openPostgres(withDatabase(url, name), 4);
    atFileEnd.push(async () => {
      try {
        await database.close();
      } finally {
        await dropWhenFree(admin, name);
        await admin.end();
      }
    });
    return database;
  }
  const dump = readFileSync(inject('templateDump'));
  const database = fromPglite(createPglite({ loadDataDir: new Blob([dump]) }));
  atFileEnd.push(() => database.close());
  return database;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', LOGIN_RATE_PER_MINUTE: '10000', ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
}

/** The real app over a private database; closed after the file. */
export async function testApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, serveWeb: false });
  atFileEnd.push(() => app.close());
  return { app, database, config };
}

let seq = 0;
/** A user holding the given roles (scopes default to what each role takes; pass scopeId for agency/provider/province). */
export async function buildUser(
  database: Database,
  opts: { roles?: (Role | { role: Role; scopeId: string })[]; email?: string; displayName?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  seq++;
  const email = opts.email ?? `user${seq}-${randomBytes(3).toString('hex')}@test.thaksa.local`;
  const [user] = await database.db
    .insert(users)
    .values({ email, displayName: opts.displayName ?? `ผู้ใช้ทดสอบ ${seq}`, passwordHash: await passwordHash })
    .returning();
  for (const r of opts.roles ?? []) {
    const role = typeof r === 'string' ? r : r.role;
    const scopeType: ScopeType = ROLE_SCOPE[role];
    await database.db.insert(roleGrants).values({ userId: user.id, role, scopeType, scopeId: typeof r === 'string' ? '' : r.scopeId });
  }
  return user;
}

/** A signed-in client: injects requests with the session cookie and CSRF header. */
export interface Client {
  userId: string;
  csrfToken: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'thaksa_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return {
    userId: body.user.id,
    csrfToken: body.csrfToken,
    request: (opts) =>
      app.inject({
        ...opts,
        cookies: { ...(opts.cookies ?? {}), thaksa_session: cookie.value },
        headers: { 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}

/** Creates a user with roles and signs them in. */
export async function clientAs(t: TestApp, ...roles: (Role | { role: Role; scopeId: string })[]) {
  const user = await buildUser(t.database, { roles });
  return Object.assign(await signIn(t.app, user.email), { user });
}

/** The database's own message behind a driver error (drizzle wraps it as `cause`). */
export async function dbErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}

/** A service context for calling services directly in tests. */
export function serviceCtx(database: Database, actor: Actor | null, config: Config = testConfig()): Ctx {
  return { actor, db: database.db, config, requestId: `test-${randomBytes(4).toString('hex')}`, log: silentLog };
}
