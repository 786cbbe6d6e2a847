import { roleGrants, users } from '../server/src/db/schema/index.js';
import { hashPassword } from '../server/src/lib/crypto.js';
import { freshDatabase, measure, report, startServer } from './lib.js';

/** Public framework reads and an authenticated session read, at 50 connections on PostgreSQL. */
export async function run() {
  const { url, database, drop } = await freshDatabase('foundation');
  const passwordHash = await hashPassword('bench-password-1');
  const [user] = await database.db
    .insert(users)
    .values({ email: 'bench@bench.thaksa.local', displayName: 'Bench', passwordHash })
    .returning();
  await database.db.insert(roleGrants).values({ userId: user.id, role: 'learner', scopeType: 'self', scopeId: '' });
  const server = await startServer(url);
  try {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@bench.thaksa.local', password: 'bench-password-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const rows = [
      await measure('getFramework (current, full matrix)', {
        url: `${server.baseUrl}/api/frameworks/current`,
        connections: 50,
        duration: 10,
      }),
      await measure('listFrameworks', { url: `${server.baseUrl}/api/frameworks`, connections: 50, duration: 10 }),
      await measure('getSession (signed in)', {
        url: `${server.baseUrl}/api/auth/session`,
        connections: 50,
        duration: 10,
        headers: { cookie },
      }),
    ];
    report('foundation', 'seeded framework versions, one signed-in user', rows, [
      'Server and load generator share the 2 cores, so figures are conservative.',
      'getSession resolves the session and the role grants from the database on every request (no in-process cache), so any instance can serve any user.',
    ]);
  } finally {
    await server.stop();
    await drop();
  }
}
