import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors.js';
import { enqueue, flush, queuedActivities, resetQueueForTests } from './offline-queue.js';

const body = (id: string) => ({ id, topic: 'mooc' as const, peopleHelped: 2, activityDate: '2026-11-01' });
const offline = () => Promise.reject(new AppError('internal', 'network', { status: 0 }));

describe('the offline activity queue', () => {
  beforeEach(() => resetQueueForTests());

  it('keeps activities while the network is away and sends each once when it returns', async () => {
    const sent: string[] = [];
    expect(await flush(async () => undefined)).toBe(0); // nothing queued yet: must not block later flushes
    enqueue(body('a'));
    enqueue(body('b'));
    expect(await flush(offline)).toBe(0);
    expect(queuedActivities().map((q) => q.state)).toEqual(['queued', 'queued']);
    expect(await flush(async (b) => sent.push(b.id))).toBe(2);
    expect(sent).toEqual(['a', 'b']);
    expect(queuedActivities().map((q) => q.state)).toEqual(['synced', 'synced']);
    expect(await flush(async (b) => sent.push(b.id))).toBe(0);
    expect(sent).toEqual(['a', 'b']);
  });

  it('marks an activity the server refused as failed with its code and goes on with the next', async () => {
    enqueue(body('c'));
    enqueue(body('d'));
    await flush(async (b) => {
      if (b.id === 'c') throw new AppError('validation_failed', 'bad date');
    });
    expect(queuedActivities().map((q) => [q.body.id, q.state, q.error])).toEqual([
      ['c', 'failed', 'validation_failed'],
      ['d', 'synced', undefined],
    ]);
  });

  it('runs one flush at a time', async () => {
    enqueue(body('e'));
    let calls = 0;
    const slow = () => new Promise<void>((r) => setTimeout(() => r(void calls++), 20));
    const [x, y] = await Promise.all([flush(slow), flush(slow)]);
    expect(x).toBe(1);
    expect(y).toBe(1);
    expect(calls).toBe(1);
  });
});
