import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import type { Database } from '../../db/client.js';
import { findGroupFor } from './claims.service.js';
import { DIFFERENT, SAME } from './grouping.fixtures.js';
import * as repo from './repository.js';
import { isSameClaim, keySimilarity, textKey } from './similarity.js';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});

class Rollback extends Error {}

/** Puts `first` in a group of its own, then asks where `second` belongs; nothing stays in the database. */
async function groupsTogether(first: string, second: string): Promise<boolean> {
  let together = false;
  await database.db
    .transaction(async (tx) => {
      const group = await repo.insertGroup(tx, { sampleText: first, textKey: textKey(first) });
      await repo.insertClaim(tx, {
        groupId: group.id,
        trackingCode: `T-${crypto.randomUUID()}`,
        text: first,
        textKey: textKey(first),
        platform: 'line',
        provinceCode: '10',
      });
      together = (await findGroupFor(tx, textKey(second), null)) === group.id;
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return together;
}

describe('grouping test set', () => {
  it('has at least 20 pairs of both kinds together', () => {
    expect(SAME.length + DIFFERENT.length).toBeGreaterThanOrEqual(20);
    expect(SAME.length).toBeGreaterThanOrEqual(10);
    expect(DIFFERENT.length).toBeGreaterThanOrEqual(10);
  });

  it.each(SAME)('groups near-duplicates: %s', async (a, b) => {
    expect(isSameClaim(textKey(a), textKey(b))).toBe(true);
    expect(await groupsTogether(a, b)).toBe(true);
  });

  it.each(DIFFERENT)('keeps apart claims that only share a topic: %s', async (a, b) => {
    expect(isSameClaim(textKey(a), textKey(b))).toBe(false);
    expect(await groupsTogether(a, b)).toBe(false);
  });

  it('leaves a margin on both sides of the threshold', () => {
    const same = SAME.map(([a, b]) => keySimilarity(textKey(a), textKey(b)).dice);
    const different = DIFFERENT.map(([a, b]) => keySimilarity(textKey(a), textKey(b)).dice);
    expect(Math.min(...same)).toBeGreaterThan(0.7);
    expect(Math.max(...different)).toBeLessThan(0.6);
  });
});
