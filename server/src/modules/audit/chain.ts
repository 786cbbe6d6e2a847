import { sha256 } from '../../lib/crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: unknown;
  requestId: string | null;
}

export function entryHash(prevHash: string, e: HashedFields): string {
  return sha256(
    `${prevHash}\n${canonicalJson({
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      summary: e.summary,
      requestId: e.requestId,
    })}`,
  );
}
