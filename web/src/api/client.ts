import { AppError, type ErrorCode, type FieldError } from '../../../common/errors.js';

/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF header on
 * state-changing requests, and every failure turned into the shared AppError (code, status, field errors).
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;

/** The session's CSRF token; getSession and login keep it current. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isProblem(body: unknown): body is { code: string; status?: number; detail?: string; errors?: FieldError[] } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

async function toAppError(res: Response): Promise<AppError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await res.json().catch(() => null);
    if (isProblem(body)) {
      return new AppError(body.code as ErrorCode, body.detail, { status: body.status ?? res.status, errors: body.errors });
    }
  }
  // A proxy or a crashed server may answer without problem+json; keep the status so callers can react.
  const code: ErrorCode =
    res.status === 429 ? 'rate_limited' : res.status === 404 ? 'not_found' : res.status >= 500 ? 'internal' : 'validation_failed';
  return new AppError(code, res.statusText, { status: res.status });
}

async function refreshCsrfToken() {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (res.ok) setCsrfToken(((await res.json()) as { csrfToken: string | null }).csrfToken);
}

/** A body sent as it is (a PDF upload) rather than as JSON. */
export interface RawBody {
  raw: Blob | ArrayBuffer;
  contentType: string;
}

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = isRaw(body) ? body.contentType : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isRaw(body) ? body.raw : JSON.stringify(body),
    });
  } catch {
    throw new AppError('internal', 'network', { status: 0 });
  }
}

/** Sends one request and returns the parsed JSON body typed by the caller's contract. */
export async function request<T>(method: Method, path: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
  const url = buildUrl(path, opts.query);
  let res = await send(method, url, opts.body);
  if (res.status === 403 && method !== 'GET') {
    const error = await toAppError(res.clone());
    // The token rotates with each sign-in (another tab may have signed in again): fetch it once and retry.
    if (error.code === 'auth.csrf_invalid') {
      await refreshCsrfToken();
      res = await send(method, url, opts.body);
    }
  }
  if (!res.ok) throw await toAppError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  /** PUT with a raw body (e.g. application/pdf). */
  putRaw: <T>(path: string, raw: Blob | ArrayBuffer, contentType: string) => request<T>('PUT', path, { body: { raw, contentType } }),
  /** POST with a raw body (e.g. a CSV or XLSX file). */
  postRaw: <T>(path: string, raw: Blob | ArrayBuffer, contentType: string) => request<T>('POST', path, { body: { raw, contentType } }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
