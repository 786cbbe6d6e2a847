import { beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, auditEntries } from '../../db/schema/index.js';

let t: TestApp;
let agencyId: string;
beforeAll(async () => {
  t = await testApp();
  const [a] = await t.database.db
    .insert(agencies)
    .values({ code: 'T-MIN', nameTh: 'กระทรวงทดสอบ', nameEn: 'Ministry of Testing', kind: 'ministry', path: '/' })
    .returning();
  agencyId = a.id;
});

describe('listUsers', () => {
  it('is for system admins only: 401 without a session, 403 for other roles', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
  });

  it('pages and filters by text and role, with each user’s grants', async () => {
    const admin = await clientAs(t, 'system_admin');
    await clientAs(t, 'fact_checker');
    const res = await admin.request({ method: 'GET', url: '/api/users?role=fact_checker&pageSize=1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].roles.map((r: { role: string }) => r.role)).toContain('fact_checker');
    const bad = await admin.request({ method: 'GET', url: '/api/users?pageSize=1000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.pageSize');
  });
});

describe('grantRole and revokeRole', () => {
  it('grants a scoped role, audit-logs it, and the grant shows in the user’s session', async () => {
    const admin = await clientAs(t, 'system_admin');
    const target = await clientAs(t, 'learner');
    const res = await admin.request({
      method: 'POST',
      url: `/api/users/${target.userId}/roles`,
      payload: { role: 'agency_admin', scopeType: 'agency', scopeId: agencyId },
    });
    expect(res.statusCode).toBe(201);
    const grant = res.json();
    expect(grant).toMatchObject({ role: 'agency_admin', scopeType: 'agency', scopeId: agencyId, scopeLabel: 'กระทรวงทดสอบ' });
    const again = await admin.request({
      method: 'POST',
      url: `/api/users/${target.userId}/roles`,
      payload: { role: 'agency_admin', scopeType: 'agency', scopeId: agencyId },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(grant.id);

    const session = (await target.request({ method: 'GET', url: '/api/auth/session' })).json();
    expect(session.roles.map((r: { role: string }) => r.role).sort()).toEqual(['agency_admin', 'learner']);

    const entries = await t.database.db.select().from(auditEntries);
    const granted = entries.filter((e) => e.action === 'role.granted' && e.subjectId === target.userId);
    expect(granted).toHaveLength(1);
    expect(granted[0].actorId).toBe(admin.userId);
    expect(granted[0].summary).toMatchObject({ role: 'agency_admin', scopeId: agencyId });

    const revoke = await admin.request({ method: 'DELETE', url: `/api/users/${target.userId}/roles/${grant.id}` });
    expect(revoke.statusCode).toBe(200);
    const after = (await target.request({ method: 'GET', url: '/api/auth/session' })).json();
    expect(after.roles.map((r: { role: string }) => r.role)).toEqual(['learner']);
    const revoked = (await t.database.db.select().from(auditEntries)).filter(
      (e) => e.action === 'role.revoked' && e.subjectId === target.userId,
    );
    expect(revoked).toHaveLength(1);
  });

  it('rejects a scope that does not fit the role or does not exist, naming the field', async () => {
    const admin = await clientAs(t, 'system_admin');
    const target = await clientAs(t, 'learner');
    const wrongType = await admin.request({
      method: 'POST',
      url: `/api/users/${target.userId}/roles`,
      payload: { role: 'agency_admin', scopeType: 'national' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toBe('body.scopeType');
    const unknownAgency = await admin.request({
      method: 'POST',
      url: `/api/users/${target.userId}/roles`,
      payload: { role: 'agency_admin', scopeType: 'agency', scopeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownAgency.statusCode).toBe(400);
    expect(unknownAgency.json().errors[0].path).toBe('body.scopeId');
    const unknownRole = await admin.request({
      method: 'POST',
      url: `/api/users/${target.userId}/roles`,
      payload: { role: 'emperor', scopeType: 'national' },
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().errors[0].path).toBe('body.role');
  });

  it('answers 404 for an unknown user or grant and 403 for non-admins', async () => {
    const admin = await clientAs(t, 'system_admin');
    const missing = await admin.request({
      method: 'POST',
      url: '/api/users/00000000-0000-4000-8000-000000000000/roles',
      payload: { role: 'learner', scopeType: 'self' },
    });
    expect(missing.statusCode).toBe(404);
    const revokeMissing = await admin.request({
      method: 'DELETE',
      url: `/api/users/${admin.userId}/roles/00000000-0000-4000-8000-000000000000`,
    });
    expect(revokeMissing.statusCode).toBe(404);
    const officer = await clientAs(t, 'accreditation_officer');
    const res = await officer.request({
      method: 'POST',
      url: `/api/users/${officer.userId}/roles`,
      payload: { role: 'system_admin', scopeType: 'national' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('does not let a system admin remove their own admin role', async () => {
    const admin = await clientAs(t, 'system_admin');
    const own = (await admin.request({ method: 'GET', url: '/api/auth/session' })).json().roles[0];
    const res = await admin.request({ method: 'DELETE', url: `/api/users/${admin.userId}/roles/${own.id}` });
    expect(res.statusCode).toBe(409);
  });
});

describe('createUser', () => {
  it('creates an account that can sign in; a duplicate e-mail (any case) is 409 on the field', async () => {
    const admin = await clientAs(t, 'system_admin');
    const payload = { email: 'new.person@test.thaksa.local', displayName: 'สมหญิง ใจดี', password: 'long-enough-password' };
    const res = await admin.request({ method: 'POST', url: '/api/users', payload });
    expect(res.statusCode).toBe(201);
    const dup = await admin.request({ method: 'POST', url: '/api/users', payload: { ...payload, email: 'NEW.person@test.thaksa.local' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('body.email');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: payload.email, password: payload.password },
    });
    expect(login.statusCode).toBe(200);
  });
});
