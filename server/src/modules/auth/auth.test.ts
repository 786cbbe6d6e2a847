import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, clientAs, signIn, TEST_PASSWORD, type TestApp, testApp } from '../../../test/harness.js';
import { auditEntries } from '../../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_MINUTE: '1000' });
});

describe('login', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and returns roles and a CSRF token', async () => {
    const user = await buildUser(t.database, { roles: ['learner'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'thaksa_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.email).toBe(user.email);
    expect(body.roles.map((r: { role: string }) => r.role)).toEqual(['learner']);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const user = await buildUser(t.database);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.thaksa.local', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('auth.invalid_credentials');
  });

  it('locks the account after repeated failures, even for the right password, and audits the lock', async () => {
    const user = await buildUser(t.database);
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong-password' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('auth.account_locked');
    const entries = await t.database.db.select().from(auditEntries);
    expect(entries.some((e) => e.action === 'user.locked' && e.subjectId === user.id)).toBe(true);
  });

  it('rejects a malformed body with 400 naming the field, and unknown fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.email');
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co', password: 'x', admin: true } });
    expect(extra.statusCode).toBe(400);
  });

  it('rejects a wrong content type with 415 and an oversize body with 413', async () => {
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });
});

describe('session and CSRF', () => {
  it('getSession is public and empty without a cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: null, roles: [], csrfToken: null });
  });

  it('requires the CSRF header on state-changing cookie requests', async () => {
    const c = await clientAs(t, 'learner');
    const without = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': '' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf_invalid');
    const session = await c.request({ method: 'GET', url: '/api/auth/session' });
    expect(session.json().csrfToken).toBe(c.csrfToken);
    const ok = await c.request({ method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await c.request({ method: 'GET', url: '/api/auth/session' });
    expect(after.json().user).toBeNull();
  });
});

describe('changePassword', () => {
  it('needs the current password, names the field, and ends other sessions', async () => {
    const user = await buildUser(t.database);
    const a = await signIn(t.app, user.email);
    const b = await signIn(t.app, user.email);
    const wrong = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'bad', newPassword: 'a-new-long-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.currentPassword');
    const short = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');
    const ok = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await b.request({ method: 'GET', url: '/api/auth/tokens' })).statusCode).toBe(401);
    expect((await a.request({ method: 'GET', url: '/api/auth/tokens' })).statusCode).toBe(200);
    await expect(signIn(t.app, user.email)).rejects.toThrow();
    await signIn(t.app, user.email, 'a-new-long-password');
  });
});

describe('API tokens', () => {
  it('are bound to one of the caller’s grants, work as Bearer, and stop working when revoked', async () => {
    const c = await clientAs(t, 'learner', 'system_admin');
    const session = (await c.request({ method: 'GET', url: '/api/auth/session' })).json();
    const learnerGrant = session.roles.find((r: { role: string }) => r.role === 'learner');
    const created = await c.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'HR system', roleGrantId: learnerGrant.id },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^thk_/);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().roles.map((r: { role: string }) => r.role)).toEqual(['learner']);
    // The token carries only the learner role, so the system-admin list is forbidden.
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect(users.statusCode).toBe(403);
    // A token cannot mint more tokens.
    const mint = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'x', roleGrantId: learnerGrant.id },
    });
    expect(mint.statusCode).toBe(403);

    const list = await c.request({ method: 'GET', url: '/api/auth/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await c.request({ method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('cannot be bound to someone else’s grant, and someone else’s token is 404', async () => {
    const owner = await clientAs(t, 'learner');
    const other = await clientAs(t, 'learner');
    const ownerGrant = (await owner.request({ method: 'GET', url: '/api/auth/session' })).json().roles[0];
    const steal = await other.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x', roleGrantId: ownerGrant.id } });
    expect(steal.statusCode).toBe(400);
    expect(steal.json().errors[0].path).toBe('body.roleGrantId');
    const { id } = (
      await owner.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'mine', roleGrantId: ownerGrant.id } })
    ).json();
    expect((await other.request({ method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(404);
  });
});

describe('login rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await testApp({ LOGIN_RATE_PER_MINUTE: '3' });
  });

  it('answers 429 past the configured attempts per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@test.thaksa.local', password: 'whatever' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('updateLocale', () => {
  it('saves the language on the account; getSession returns it', async () => {
    const c = await clientAs(t, 'learner');
    const res = await c.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' } });
    expect(res.statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/auth/session' })).json().user.locale).toBe('en');
    const bad = await c.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.locale');
  });
});
