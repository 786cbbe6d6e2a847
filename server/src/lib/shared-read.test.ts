import { describe, expect, it } from 'vitest';
import { SharedRead, SharedReads } from './shared-read.js';

/** A read of `value` that the test ends by hand, counting the reads started. */
function manualRead() {
  let value = 0;
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void; started: number }[] = [];
  const shared = new SharedRead(
    () =>
      new Promise<number>((resolve, reject) => {
        // What the read sees is the value when it starts, as a database read sees what was committed then.
        const started = value;
        pending.push({ resolve: () => resolve(started), reject, started });
      }),
  );
  return {
    shared,
    write: (v: number) => {
      value = v;
    },
    reads: () => pending.length,
    finish: async (i: number) => {
      pending[i].resolve(pending[i].started);
      await new Promise((r) => setImmediate(r));
    },
    fail: async (i: number) => {
      pending[i].reject(new Error('connection lost'));
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('a shared read', () => {
  it('is shared by the callers asking while it waits to start, and run again only once for all of them', async () => {
    const r = manualRead();
    const first = r.shared.get();
    const during = [r.shared.get(), r.shared.get(), r.shared.get()];
    expect(r.reads()).toBe(1);
    await r.finish(0);
    expect(await first).toBe(0);
    // The three who asked during the first read share the second one.
    expect(r.reads()).toBe(2);
    await r.finish(1);
    expect(await Promise.all(during)).toEqual([0, 0, 0]);
    expect(r.reads()).toBe(2);
  });

  it('never answers a caller with a read started before it asked', async () => {
    const r = manualRead();
    const before = r.shared.get(); // starts a read of 0
    r.write(1); // committed after that read started…
    const after = r.shared.get(); // …and before this caller asked
    await r.finish(0);
    expect(await before).toBe(0);
    await r.finish(1);
    expect(await after).toBe(1);
  });

  it('starts afresh once nothing runs, and passes a failed read’s error to its callers only', async () => {
    const r = manualRead();
    const failing = r.shared.get();
    const next = r.shared.get();
    await r.fail(0);
    await expect(failing).rejects.toThrow('connection lost');
    r.write(5);
    await r.finish(1);
    expect(await next).toBe(0); // started before the write, after the caller asked
    const later = r.shared.get();
    expect(r.reads()).toBe(3);
    await r.finish(2);
    expect(await later).toBe(5);
  });
});

describe('shared reads by key', () => {
  it('shares a read among callers asking for the same key only, per owner', async () => {
    const reads = new SharedReads<string>();
    const owner = {};
    const started: string[] = [];
    const release: (() => void)[] = [];
    const read = (key: string) => () =>
      new Promise<string>((resolve) => {
        started.push(key);
        release.push(() => resolve(key));
      });
    const a1 = reads.get(owner, read('a'), 'a');
    const a2 = reads.get(owner, read('a'), 'a');
    const b = reads.get(owner, read('b'), 'b');
    const otherOwner = reads.get({}, read('a'), 'a');
    expect(started).toEqual(['a', 'b', 'a']);
    for (const r of release.splice(0)) r();
    expect(await Promise.all([a1, b, otherOwner])).toEqual(['a', 'b', 'a']);
    // The second caller for `a` asked while the first read ran, so it waits for the next one, its own.
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b', 'a', 'a']);
    for (const r of release.splice(0)) r();
    expect(await a2).toBe('a');
  });
});
