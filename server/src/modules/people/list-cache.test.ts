import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, persons, users } from '../../db/schema/index.js';
import { buildPerson, buildTree, type Tree } from './people.fixtures.js';
import { listVersion } from './persons.repository.js';

// Pages of personnel lists are kept per instance under their subtree's list version (decision 017): these tests
// show that every change a list shows moves the version of each subtree that shows it, and only those.

let t: TestApp;
let tree: Tree;
let hrM1: Client;
let sysadmin: Client;

const keyOf = async (code: string) => {
  const [a] = await t.database.db
    .select({ key: agencies.treeKey })
    .from(agencies)
    .where(eq(agencies.id, tree.id(code)));
  return a.key;
};

/** Each subtree's list version now. */
async function versions(...codes: string[]) {
  const out: Record<string, number> = {};
  for (const code of codes) out[code] = await listVersion(t.database.db, code === 'nation' ? '' : await keyOf(code));
  return out;
}

/** Runs `change` and tells which of the subtrees' versions moved (each must only ever grow). */
async function moved(codes: string[], change: () => Promise<unknown>) {
  const before = await versions(...codes);
  await change();
  const after = await versions(...codes);
  for (const c of codes) expect(after[c], c).toBeGreaterThanOrEqual(before[c]);
  return codes.filter((c) => after[c] > before[c]);
}

const list = async (client: Client, query: string) => {
  const res = await client.request({ method: 'GET', url: `/api/people${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; firstNameTh: string; accountStatus: string; agency: { nameTh: string; code: string } }[];
    total: number;
  };
};

const ALL = ['nation', 'M1', 'D1', 'D1-A', 'D1-B', 'D2', 'M2', 'D3'];

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  hrM1 = await clientAs(t, { role: 'agency_admin', scopeId: tree.id('M1') });
  sysadmin = await clientAs(t, 'system_admin');
});

describe('list versions', () => {
  it('move for the subtrees of a person written, and no others', async () => {
    let person: Awaited<ReturnType<typeof buildPerson>> | undefined;
    expect(
      await moved(ALL, async () => {
        person = await buildPerson(t, tree.id('D1-A'), { firstNameTh: 'อรุณ' });
      }),
    ).toEqual(['nation', 'M1', 'D1', 'D1-A']);
    const id = person?.id as string;
    // A name edited leaves every count as it was; the row in the list still changes.
    expect(await moved(ALL, () => t.database.db.update(persons).set({ firstNameTh: 'อรุณี' }).where(eq(persons.id, id)))).toEqual([
      'nation',
      'M1',
      'D1',
      'D1-A',
    ]);
    // A transfer changes the lists of both places.
    expect(
      await moved(ALL, () =>
        t.database.db
          .update(persons)
          .set({ agencyId: tree.id('D2') })
          .where(eq(persons.id, id)),
      ),
    ).toEqual(['nation', 'M1', 'D1', 'D1-A', 'D2']);
    expect(await moved(ALL, () => t.database.db.delete(persons).where(eq(persons.id, id)))).toEqual(['nation', 'M1', 'D2']);
  });

  it('move when a person’s account is created, activated or disabled, not when someone fails to sign in', async () => {
    const person = await buildPerson(t, tree.id('D3'));
    const email = `list-cache-${person.id}@agency.go.th`;
    expect(
      await moved(ALL, () =>
        t.database.db.insert(users).values({ email, displayName: 'บัญชี', passwordHash: '!invited', personId: person.id }),
      ),
    ).toEqual(['nation', 'M2', 'D3']);
    const byEmail = eq(users.email, email);
    expect(await moved(ALL, () => t.database.db.update(users).set({ failedLogins: 3 }).where(byEmail))).toEqual([]);
    expect(await moved(ALL, () => t.database.db.update(users).set({ passwordHash: 'scrypt$x' }).where(byEmail))).toEqual([
      'nation',
      'M2',
      'D3',
    ]);
    expect(await moved(ALL, () => t.database.db.update(users).set({ disabledAt: new Date() }).where(byEmail))).toEqual([
      'nation',
      'M2',
      'D3',
    ]);
  });

  it('move when an agency is renamed or re-coded, not for other edits of it', async () => {
    await buildPerson(t, tree.id('D1-B'));
    expect(
      await moved(ALL, () =>
        hrM1.request({ method: 'PUT', url: `/api/agencies/${tree.id('D1-B')}`, payload: { nameTh: 'กองบีใหม่', code: 'D1-BB' } }),
      ),
    ).toEqual(['nation', 'M1', 'D1', 'D1-B']);
    expect(
      await moved(ALL, () =>
        t.database.db
          .update(agencies)
          .set({ provinceCode: '11' })
          .where(eq(agencies.id, tree.id('D1-B'))),
      ),
    ).toEqual([]);
  });

  it('move for the subtree an agency leaves as well as the one it joins, though the first loses its rows', async () => {
    await buildPerson(t, tree.id('D1-B-U'));
    expect(
      await moved(ALL, async () => {
        const res = await sysadmin.request({
          method: 'POST',
          url: `/api/agencies/${tree.id('D1-B')}/move`,
          payload: { parentId: tree.id('D3') },
        });
        expect(res.statusCode, res.body).toBe(200);
      }),
    ).toEqual(['nation', 'M1', 'D1', 'D1-B', 'M2', 'D3']);
    // Moving back: D3 loses the rows it gained and must still see a version it never had.
    const d3Seen = new Set([(await versions('D3')).D3]);
    const res = await sysadmin.request({
      method: 'POST',
      url: `/api/agencies/${tree.id('D1-B')}/move`,
      payload: { parentId: tree.id('D1') },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(d3Seen.has((await versions('D3')).D3)).toBe(false);
  });
});

describe('listPersonnel from the cache', () => {
  it('answers a page again from the cache while its subtree’s version stands', async () => {
    const person = await buildPerson(t, tree.id('D2'), { firstNameTh: 'ก่อนแก้' });
    expect((await list(hrM1, `?agencyId=${tree.id('D2')}`)).items.map((p) => p.firstNameTh)).toContain('ก่อนแก้');
    // A change the triggers do not see (they are switched off for this one statement) is not read again, which
    // shows the page came from the cache; the version is all that guards it.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table persons disable trigger persons_rollup_upd`);
      await tx.update(persons).set({ firstNameTh: 'แก้ลับ' }).where(eq(persons.id, person.id));
      await tx.execute(sql`alter table persons enable trigger persons_rollup_upd`);
    });
    expect((await list(hrM1, `?agencyId=${tree.id('D2')}`)).items.map((p) => p.firstNameTh)).toContain('ก่อนแก้');
  });

  it('reads a page again once anything it shows changed: names, accounts, the agency’s names, a move', async () => {
    const person = await buildPerson(t, tree.id('D1-A'), { firstNameTh: 'ชื่อเดิม', email: 'cache-d1a@agency.go.th' });
    const inD1 = () => list(hrM1, `?agencyId=${tree.id('D1')}`);
    const row = async () => (await inD1()).items.find((p) => p.id === person.id);
    expect(await row()).toMatchObject({ firstNameTh: 'ชื่อเดิม', accountStatus: 'none', agency: { code: 'D1-A' } });

    const edit = await hrM1.request({ method: 'PUT', url: `/api/people/${person.id}`, payload: { firstNameTh: 'ชื่อใหม่' } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await row()).toMatchObject({ firstNameTh: 'ชื่อใหม่' });

    await t.database.db.insert(users).values({ email: 'cache-d1a@agency.go.th', displayName: 'x', passwordHash: '!', personId: person.id });
    expect(await row()).toMatchObject({ accountStatus: 'invited' });
    await t.database.db.update(users).set({ passwordHash: 'scrypt$y' }).where(eq(users.personId, person.id));
    expect(await row()).toMatchObject({ accountStatus: 'active' });

    const rename = await hrM1.request({ method: 'PUT', url: `/api/agencies/${tree.id('D1-A')}`, payload: { nameTh: 'กองเอสอง' } });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(await row()).toMatchObject({ agency: { nameTh: 'กองเอสอง' } });

    const before = (await inD1()).total;
    const move = await sysadmin.request({
      method: 'POST',
      url: `/api/agencies/${tree.id('D1-A')}/move`,
      payload: { parentId: tree.id('D2') },
    });
    expect(move.statusCode, move.body).toBe(200);
    const after = await inD1();
    expect(after.items.map((p) => p.id)).not.toContain(person.id);
    expect(after.total).toBeLessThan(before);
    expect((await list(hrM1, `?agencyId=${tree.id('D2')}`)).items.map((p) => p.id)).toContain(person.id);
  });
});
