import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './harness.js';

let t: TestApp;
let doc: {
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; tags?: string[] }>>;
  components: { securitySchemes: Record<string, unknown> };
};
beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** Fills path parameters with values that pass validation, so the access gate is what answers. */
function concrete(path: string) {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => (/code$/i.test(name) ? 'DL' : '00000000-0000-4000-8000-000000000000'));
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with both security schemes', () => {
    expect((doc as unknown as { openapi: string }).openapi).toMatch(/^3\./);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('gives every operation a unique camelCase operationId and a tag', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of operations()) expect(op.tags?.length).toBeGreaterThan(0);
  });

  it('names the operations the foundation promises', () => {
    const ids = new Set(operations().map(({ op }) => op.operationId));
    for (const id of [
      'login', 'logout', 'getSession', 'changePassword', 'createApiToken', 'revokeApiToken', 'listUsers', 'grantRole', 'revokeRole',
      'listAuditEntries', 'listFrameworks', 'getFramework', 'createFrameworkVersion', 'updateFrameworkItem', 'setRequiredLevel',
      'publishFramework', 'exportFramework',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});

describe('deny by default', () => {
  it('every operation is either declared public (security: []) or answers 401 without a session', async () => {
    const checked: string[] = [];
    for (const { path, method, op } of operations()) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (isPublic) continue;
      expect(op.security, `${op.operationId} names its security schemes`).toEqual([{ session: [] }, { bearer: [] }]);
      const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url: concrete(path), payload: method === 'get' ? undefined : {} });
      expect(res.statusCode, `${method.toUpperCase()} ${path}`).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
      checked.push(op.operationId ?? path);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it('an unknown bearer token is 401 even on public operations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/frameworks', headers: { authorization: 'Bearer thk_nonsense' } });
    expect(res.statusCode).toBe(401);
  });

  it('unknown API paths are problem+json 404s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('operations endpoints', () => {
  it('serves health, readiness with the database and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
    await t.app.inject({ method: 'GET', url: '/api/frameworks' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('thaksa_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/frameworks"');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/frameworks' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
    // HSTS only in production (the tests' configuration is not).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves interactive docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('getPlatformInfo', () => {
  it('lists no demo accounts when the demo dataset is not loaded', async () => {
    const res = await t.app.inject({ url: '/api/info' });
    expect(res.json()).toMatchObject({ demoAccounts: null, demoPassword: null });
  });
});
