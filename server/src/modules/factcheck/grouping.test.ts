import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { type Database, queryRows } from '../../db/client.js';
import { findGroupFor } from './claims.service.js';
import { DIFFERENT, SAME } from './grouping.fixtures.js';
import * as repo from './repository.js';
import { isSameClaim, keyHashes, keySimilarity, textKey } from './similarity.js';

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
      together = (await findGroupFor(tx, textKey(second), null)).groupId === group.id;
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

/** Whether the database's grouping tokens (`claim_grouping_tokens`) of each pair of keys meet, in one statement. */
async function tokensMeet(pairs: [string, string][]): Promise<boolean[]> {
  const rows = await queryRows<{ meet: boolean }>(
    database.db,
    sql`select claim_grouping_tokens(e->>0) && claim_grouping_tokens(e->>1) as meet
        from json_array_elements(${JSON.stringify(pairs)}::json) with ordinality as x(e, n) order by n`,
  );
  return rows.map((r) => r.meet);
}

describe('grouping tokens', () => {
  it('meet for every pair of claims the word test groups, and for near-duplicates of the test set', async () => {
    expect(await tokensMeet(SAME.map(([a, b]) => [textKey(a), textKey(b)]))).toEqual(SAME.map(() => true));
    // Random keys and edits of them (words dropped, replaced, added, moved): wherever the word test says
    // "same", the tokens — what the look-up reads and the grouping locks — must meet.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const pairs: [string, string][] = [];
    while (pairs.length < 1500) {
      const a = Array.from({ length: 1 + random(30) }, () => vocabulary[random(vocabulary.length)]);
      const b = [...a];
      for (let edits = random(8); edits > 0; edits--) {
        const at = random(b.length + 1);
        const kind = random(4);
        if (kind === 0 && b.length > 1) b.splice(at, 1);
        else if (kind === 1) b.splice(at, 1, vocabulary[random(vocabulary.length)]);
        else if (kind === 2) b.splice(at, 0, vocabulary[random(vocabulary.length)]);
        else b.push(...b.splice(0, at));
      }
      const [x, y] = [a.join(' '), b.join(' ')];
      if (isSameClaim(x, y)) pairs.push([x, y]);
    }
    const meet = await tokensMeet(pairs);
    expect(pairs.filter((_, i) => !meet[i])).toEqual([]);
  });
});

/** The database's word test (`claim_same` over hashed features, what placing a claim uses) on each pair. */
async function sameInDatabase(pairs: [string, string][]): Promise<boolean[]> {
  const rows = await queryRows<{ same: boolean }>(
    database.db,
    sql`select claim_same((claim_key_hashes(e->>0)).features, (claim_key_hashes(e->>1)).features) as same
        from json_array_elements(${JSON.stringify(pairs)}::json) with ordinality as x(e, n) order by n`,
  );
  return rows.map((r) => r.same);
}

describe('hashed features and tokens', () => {
  it('are the sorted, distinct hashes of the features, and of the pairs (or of all features for a short key)', async () => {
    const keys = ['', 'w1', 'w1 w1', 'w1 w2', 'w1 w2 w1 w2', ...SAME.flat().map(textKey), ...DIFFERENT.flat().map(textKey)];
    for (let i = 0; i < 200; i++) keys.push(Array.from({ length: 1 + (i % 40) }, (_, j) => `w${(i * 7 + j * j) % 30}`).join(' '));
    const rows = await queryRows<{ key: string; features: number[]; expectedFeatures: number[]; tokens: number[]; expectedTokens: number[] }>(
      database.db,
      sql`select k as key, (claim_key_hashes(k)).features, (claim_key_hashes(k)).tokens,
                 array(select distinct hashtext(f) from unnest(claim_features(k)) f order by 1) as "expectedFeatures",
                 -- claim_grouping_tokens as first defined (20261130074134_claim_grouping_tokens_cached)
                 case when 0.325 * cardinality(claim_features(k))
                           - 0.35 * (select count(distinct w) from unnest(array_remove(string_to_array(k, ' '), '')) w) - 0.325 > 0
                      then array(select distinct hashtext(f) from unnest(claim_features(k)) f where strpos(f, '_') > 0 order by 1)
                      else array(select distinct hashtext(f) from unnest(claim_features(k)) f order by 1) end as "expectedTokens"
          from json_array_elements_text(${JSON.stringify(keys)}::json) k`,
    );
    expect(rows.length).toBe(keys.length);
    for (const r of rows) {
      expect({ key: r.key, features: r.features.map(Number) }).toEqual({ key: r.key, features: r.expectedFeatures.map(Number) });
      expect({ key: r.key, tokens: r.tokens.map(Number) }).toEqual({ key: r.key, tokens: r.expectedTokens.map(Number) });
    }
    expect(rows.find((r) => r.key === 'w1 w2 w1 w2')?.features.length).toBe(4); // w1, w2, w1_w2, w2_w1
  });

  it('are computed by the application as by the database (keyHashes, PostgreSQL’s hashtext in TypeScript)', async () => {
    // Words of every byte length from 0 to 40 (each tail of the hash), Thai (3 bytes a letter), mixed and
    // four-byte characters, the test set's keys, and keys long enough to cross the short-key rule either way.
    const alphabet = ['a', 'ก', 'é', '😀', '1', '_'];
    const keys = [...SAME.flat().map(textKey), ...DIFFERENT.flat().map(textKey), '', ' ', 'w1', 'w1  w2', 'w1 w1 w1'];
    for (let n = 0; n < 60; n++) {
      const word = (j: number) => Array.from({ length: 1 + ((n + j) % 41) }, (_, c) => alphabet[(n * 7 + j * 3 + c) % alphabet.length]).join('');
      keys.push(Array.from({ length: 1 + (n % 13) }, (_, j) => word(j)).join(' '));
    }
    const rows = await queryRows<{ features: number[]; tokens: number[] }>(
      database.db,
      sql`select h.features, h.tokens from json_array_elements_text(${JSON.stringify(keys)}::json) with ordinality as x(k, n),
            claim_key_hashes(k) h order by n`,
    );
    const app = keys.map((k) => keyHashes(k));
    const db = rows.map((r) => ({ features: r.features.map(Number), tokens: r.tokens.map(Number) }));
    expect(keys.filter((_, i) => JSON.stringify(app[i]) !== JSON.stringify(db[i]))).toEqual([]);
    expect(db.filter((h) => h.tokens.length < h.features.length).length).toBeGreaterThan(20);
    expect(db.filter((h) => h.tokens.length === h.features.length && h.features.length > 0).length).toBeGreaterThan(5);
  });
});

describe('the word test in the database', () => {
  it('agrees with the application on the test set and on random keys and edits, either side of the threshold', async () => {
    const fixtures = [...SAME, ...DIFFERENT].map(([a, b]) => [textKey(a), textKey(b)] as [string, string]);
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const vocabulary = Array.from({ length: 25 }, (_, i) => `w${i}`);
    const pairs: [string, string][] = [...fixtures, ['', ''], ['w1', ''], ['w1 w1 w2', 'w1 w2 w2']];
    for (let i = 0; i < 2000; i++) {
      const a = Array.from({ length: 1 + random(25) }, () => vocabulary[random(vocabulary.length)]);
      const b = [...a];
      for (let edits = random(10); edits > 0; edits--) {
        const at = random(b.length + 1);
        if (random(2) === 0 && b.length > 1) b.splice(at, 1);
        else b.splice(at, 0, vocabulary[random(vocabulary.length)]);
      }
      pairs.push([a.join(' '), b.join('  ')]);
    }
    const expected = pairs.map(([a, b]) => isSameClaim(a, b));
    expect(expected.filter(Boolean).length).toBeGreaterThan(200);
    expect(expected.filter((x) => !x).length).toBeGreaterThan(200);
    const actual = await sameInDatabase(pairs);
    expect(pairs.filter((_, i) => actual[i] !== expected[i])).toEqual([]);
  });
});

describe('common tokens', () => {
  it('are recorded at 20 groups; the quick pass skips them, the full pass still finds a group that shares only them', async () => {
    const isCommon = async (pair: string) =>
      (
        await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from claim_common_tokens where token = hashtext(${pair})`)
      )[0].n === 1;
    // Twenty claims that share the phrase "qa qb qc qd" and say otherwise different things.
    for (let i = 0; i < 20; i++) {
      expect(await isCommon('qa_qb')).toBe(false);
      await repo.insertGroup(database.db, {
        sampleText: `claim ${i}`,
        textKey: `qa qb qc qd u${i} v${i} w${i} x${i} y${i}`,
      });
    }
    expect(await isCommon('qa_qb')).toBe(true);
    expect(await isCommon('qc_qd')).toBe(true);
    expect(await isCommon('qd_u3')).toBe(false);

    // A group whose key is the common phrase alone, and a claim that adds one word to it: the same claim,
    // sharing only common pairs with the group, its one uncommon pair new.
    const group = await repo.insertGroup(database.db, { sampleText: 'qa qb qc qd', textKey: 'qa qb qc qd' });
    const key = 'qa qb qc qd qz';
    expect(isSameClaim('qa qb qc qd', key)).toBe(true);
    const quick = await findGroupFor(database.db, key, null, true);
    expect(quick.groupId).toBeNull();
    const [locked] = await queryRows<{ tokens: number[] }>(database.db, sql`select array[hashtext('qd_qz')] as tokens`);
    expect(quick.lockTokens).toEqual(locked.tokens);
    expect((await findGroupFor(database.db, key, null)).groupId).toBe(group.id);

    // A claim repeating one of the twenty finds it on the quick pass, through its uncommon pairs.
    const seventh = await queryRows<{ id: string }>(database.db, sql`select id from claim_groups where text_key like '% u7 v7 %'`);
    expect((await findGroupFor(database.db, 'qa qb qc qd u7 v7 w7 x7 y7 z7', null, true)).groupId).toBe(seventh[0].id);
  });
});

describe('stored features', () => {
  it('are each group’s key’s features, written with the key and rewritten with it; the look-up tests candidates by them', async () => {
    const featuresOf = async (id: string) =>
      (
        await queryRows<{ stored: number[] | null; computed: number[]; pair: number }>(
          database.db,
          sql`select f.features as stored, (claim_key_hashes(g.text_key)).features as computed, hashtext(split_part(g.text_key, ' ', 1) || '_' || split_part(g.text_key, ' ', 2)) as pair
              from claim_groups g left join claim_group_features f on f.group_id = g.id where g.id = ${id}`,
        )
      )[0];
    const group = await repo.insertGroup(database.db, { sampleText: 'sf', textKey: 'sf1 sf2 sf3 sf4 sf5 sf6' });
    let row = await featuresOf(group.id);
    expect(row.stored).not.toBeNull();
    expect(row.stored).toEqual(row.computed);
    expect(row.computed).toContain(row.pair); // sf1_sf2

    await database.db.execute(sql`update claim_groups set text_key = 'sf7 sf8 sf9 sf10 sf11 sf12' where id = ${group.id}`);
    row = await featuresOf(group.id);
    expect(row.stored).toEqual(row.computed);
    expect(row.stored).toContain(row.pair); // sf7_sf8

    // The word test reads the stored features: with them emptied, the group is no longer the same claim.
    expect((await findGroupFor(database.db, 'sf7 sf8 sf9 sf10 sf11 sf12 sf13', null)).groupId).toBe(group.id);
    await database.db.execute(sql`update claim_group_features set features = '{}' where group_id = ${group.id}`);
    expect((await findGroupFor(database.db, 'sf7 sf8 sf9 sf10 sf11 sf12 sf13', null)).groupId).toBeNull();
  });
});
