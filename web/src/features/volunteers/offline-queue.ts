import type { LogActivityBody } from '../../../../common/contracts/volunteers.js';
import { AppError } from '../../../../common/errors.js';

/**
 * Activities a volunteer logged while the network was away, kept in localStorage until the server has
 * them. Each carries the id the server uses to record it once, so sending again after a lost answer is safe.
 */
export type QueueState = 'queued' | 'syncing' | 'synced' | 'failed';
export interface QueuedActivity {
  body: LogActivityBody;
  state: QueueState;
  /** The error code when the server refused it (a fix is needed; it is not retried). */
  error?: string;
  queuedAt: string;
}

const KEY = 'thaksa.volunteer.activityQueue';
const listeners = new Set<() => void>();
let memory: QueuedActivity[] | null = null;

function read(): QueuedActivity[] {
  if (memory) return memory;
  try {
    memory = JSON.parse(localStorage.getItem(KEY) ?? '[]') as QueuedActivity[];
  } catch {
    memory = [];
  }
  return memory;
}

function write(items: QueuedActivity[]) {
  memory = items;
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Storage full or blocked: the queue still lives for this page.
  }
  for (const l of listeners) l();
}

export function queuedActivities(): QueuedActivity[] {
  return read();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function enqueue(body: LogActivityBody) {
  write([...read().filter((q) => q.body.id !== body.id), { body, state: 'queued', queuedAt: new Date().toISOString() }]);
}

/** Forgets activities the server has (keeps the last few synced ones to show). */
export function clearSynced() {
  write(read().filter((q) => q.state !== 'synced'));
}

/** A network failure (no answer) leaves an item queued; anything the server answered is final. */
export const isOffline = (e: unknown) => e instanceof AppError && e.status === 0;

let flushing: Promise<number> | null = null;

/** Sends every queued item in order; returns how many the server now has. One flush at a time. */
export function flush(send: (body: LogActivityBody) => Promise<unknown>): Promise<number> {
  if (flushing) return flushing;
  const run = async () => {
    let synced = 0;
    for (const item of read().filter((q) => q.state === 'queued' || q.state === 'syncing')) {
      const mark = (patch: Partial<QueuedActivity>) => write(read().map((q) => (q.body.id === item.body.id ? { ...q, ...patch } : q)));
      mark({ state: 'syncing' });
      try {
        await send(item.body);
        mark({ state: 'synced' });
        synced++;
      } catch (e) {
        if (isOffline(e)) {
          mark({ state: 'queued' });
          break;
        }
        mark({ state: 'failed', error: e instanceof AppError ? e.code : 'internal' });
      }
    }
    return synced;
  };
  // Cleared after the assignment, even when there was nothing to send.
  flushing = run().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** For tests. */
export function resetQueueForTests() {
  memory = null;
  listeners.clear();
  flushing = null;
}
