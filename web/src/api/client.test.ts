import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { api, buildUrl, setCsrfToken } from './client.js';

type Call = { url: string; init: RequestInit };

function mockFetch(responses: Response[]) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = responses.shift();
      if (!next) throw new Error('unexpected fetch');
      return next;
    }),
  );
  return calls;
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const problem = (status: number, code: string, errors?: unknown[]) =>
  json({ type: `about:blank#${code}`, title: 'x', status, code, detail: 'd', errors }, status, 'application/problem+json; charset=utf-8');

const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends a raw body with its own content type (PDF upload)', async () => {
    setCsrfToken('tok');
    const calls = mockFetch([json({ id: 'c1' })]);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]).buffer;
    await expect(api.putRaw('/api/courses/c1/syllabus', bytes, 'application/pdf')).resolves.toEqual({ id: 'c1' });
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.init.body).toBe(bytes);
    expect(header(calls[0] as Call, 'content-type')).toBe('application/pdf');
    expect(header(calls[0] as Call, 'x-csrf-token')).toBe('tok');
  });

  it('drops empty query values', () => {
    expect(buildUrl('/api/users', { q: '', role: undefined, page: 2 })).toBe('/api/users?page=2');
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    setCsrfToken('tok');
    const calls = mockFetch([json({ ok: true }), json({ items: [] })]);
    await api.post('/api/auth/logout');
    await api.get('/api/auth/tokens');
    expect(header(calls[0], 'x-csrf-token')).toBe('tok');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(header(calls[1], 'x-csrf-token')).toBeUndefined();
  });

  it('turns problem+json into an AppError with code, status and field errors', async () => {
    mockFetch([problem(409, 'user.email_taken', [{ path: 'body.email', message: 'already registered' }])]);
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'user.email_taken', status: 409, errors: [{ path: 'body.email', message: 'already registered' }] });
  });

  it('fetches a fresh CSRF token once and retries when the old one was rejected', async () => {
    setCsrfToken('stale');
    const calls = mockFetch([problem(403, 'auth.csrf_invalid'), json({ csrfToken: 'fresh' }), json({ ok: true })]);
    await expect(api.post('/api/auth/password', { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/password', '/api/auth/session', '/api/auth/password']);
    expect(header(calls[2], 'x-csrf-token')).toBe('fresh');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/api/frameworks')).rejects.toMatchObject({ code: 'internal', status: 0 });
  });
});
