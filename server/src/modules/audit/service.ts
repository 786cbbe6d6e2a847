import type { Db } from '../../db/client.js';
import { authorize, type Policy } from '../../lib/authorize.js';
import type { Ctx } from '../../lib/context.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import * as repo from './repository.js';

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId: string;
  /** What changed: `{ before, after }` summaries or the facts of the event. Never secrets. */
  summary?: Record<string, unknown>;
}

const canReadAudit: Policy = (actor) => actor.grants.some((g) => g.role === 'system_admin');

/**
 * Appends one entry to the audit chain inside the caller's transaction, so the entry exists exactly
 * when the change it records does.
 */
export async function recordAudit(tx: Db, ctx: Pick<Ctx, 'actor' | 'requestId'>, event: AuditEvent): Promise<void> {
  await repo.lockAuditChain(tx);
  const prevHash = (await repo.findLastAuditHash(tx)) ?? GENESIS_HASH;
  const at = new Date();
  const fields = {
    at,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor ? `${ctx.actor.email}${ctx.actor.via === 'token' ? ' (token)' : ''}` : 'system',
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    summary: event.summary ?? {},
    requestId: ctx.requestId ?? null,
  };
  await repo.insertAuditEntry(tx, { ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

/** Lists entries newest first, for system admins only; filterable by subject and actor. */
export async function listAuditEntries(
  ctx: Ctx,
  q: { subjectType?: string; subjectId?: string; actorId?: string; before?: number; limit: number },
) {
  authorize(ctx, canReadAudit, undefined);
  const rows = await repo.listAuditEntries(ctx.db, { ...q, limit: q.limit + 1 });
  const hasMore = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  return { items, nextBefore: hasMore ? items[items.length - 1].seq : null };
}

/**
 * The history of one record, oldest first, for a module that has already decided the caller may see that
 * record; the module presents it (and hides what its audience must not see).
 */
export async function historyOf(db: Db, subjectType: string, subjectId: string) {
  return repo.listEntriesAbout(db, subjectType, subjectId);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain and reports the first entry whose hash or link does not match. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const row of repo.scanAuditEntries(db)) {
    checked++;
    if (row.prevHash !== prev) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'link' };
    const expected = entryHash(prev, { ...row, at: new Date(row.at) });
    if (expected !== row.hash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'content' };
    prev = row.hash;
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
