import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, testDatabase } from '../../../test/harness.js';
import { type Database, queryRows } from '../../db/client.js';
import { reviewerExpertise, reviewers, users } from '../../db/schema/index.js';
import { reviewerRegistry } from './registry-cache.js';

let database: Database;
let reviewerId: string;
let userId: string;
beforeAll(async () => {
  database = await testDatabase();
  userId = (await buildUser(database, { displayName: 'ผู้ทรงคุณวุฒิ ทดสอบ' })).id;
  const [r] = await database.db.insert(reviewers).values({ userId, status: 'approved', qualifications: 'ปริญญาเอก' }).returning();
  reviewerId = r.id;
});

/** The version as a request reads it (with the course, in the service). */
async function version() {
  const [row] = await queryRows<{ version: number }>(database.db, sql`select version from reviewer_registry_version where id = 1`);
  return Number(row.version);
}

const expertiseOf = async () => [...((await reviewerRegistry(database.db, await version())).byId.get(reviewerId)?.expertise ?? [])];

describe('reviewerRegistry', () => {
  it('serves the loaded registry while the version stands and reloads when a change moves it', async () => {
    expect(await expertiseOf()).toEqual([]);
    const first = await reviewerRegistry(database.db, await version());
    expect(await reviewerRegistry(database.db, await version())).toBe(first);

    await database.db.insert(reviewerExpertise).values({ reviewerId, skillAreaCode: 'DL', levelRank: 2 });
    expect(await expertiseOf()).toEqual([['DL', 2]]);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    expect((await reviewerRegistry(database.db, await version())).byId.has(reviewerId)).toBe(false);
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
  });

  it('never keeps what a rolled-back transaction wrote, even when a later commit reaches the same version', async () => {
    const before = await version();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(reviewerExpertise).values({ reviewerId, skillAreaCode: 'CS', levelRank: 3 });
        // Inside the transaction the registry may not be read through the shared cache.
        await expect(reviewerRegistry(tx, before + 1)).rejects.toThrow(/outside transactions/);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await database.db.insert(reviewerExpertise).values({ reviewerId, skillAreaCode: 'DT', levelRank: 1 });
    expect(await version()).toBe(before + 1);
    expect(await expertiseOf()).toEqual([
      ['DL', 2],
      ['DT', 1],
    ]);
  });
});
