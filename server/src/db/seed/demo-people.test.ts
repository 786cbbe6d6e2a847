import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TestApp, testApp } from '../../../test/harness.js';
import { agencies, persons } from '../schema/index.js';
import { seedDemo } from './demo.js';
import { DEMO_AGENCIES, DEMO_PASSWORD } from './demo-data.js';
import { peopleDemoSeeder } from './demo-people.js';

let t: TestApp;
let hr: Client;
const fixture = (name: string) => readFileSync(new URL(`../../../../e2e/fixtures/${name}`, import.meta.url));

/** The agencies of a subtree in the demo tree, by code. */
function subtree(code: string): string[] {
  const children = DEMO_AGENCIES.filter((a) => a.parentCode === code).flatMap((a) => subtree(a.code));
  return [code, ...children];
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders: [peopleDemoSeeder] });
  await seedDemo(t.database.db, { secret: t.config.sessionSecret, seeders: [peopleDemoSeeder] });
  hr = await signIn(t.app, 'agency_admin@demo.thaksa.local', DEMO_PASSWORD);
});

async function settle(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await hr.request({ url: `/api/people/imports/${id}?errorsPageSize=100` })).json();
    if (job.status !== 'validating') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('validation did not finish');
}

describe('the demo agency HR (Revenue Department)', () => {
  it('sees every person of its department’s subtree and nobody else', async () => {
    const expected = DEMO_AGENCIES.filter((a) => subtree('MOF-RD').includes(a.code)).reduce((s, a) => s + a.headcount, 0);
    const page = (await hr.request({ url: '/api/people?limit=100' })).json();
    expect(page.total).toBe(expected);
    expect(page.items).toHaveLength(expected);
    const codes = new Set(page.items.map((p: { agency: { code: string } }) => p.agency.code));
    expect([...codes].sort()).toEqual(subtree('MOF-RD').sort());
    const [cgd] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'MOF-CGD'));
    expect((await hr.request({ url: `/api/people?agencyId=${cgd.id}` })).statusCode).toBe(403);
  });

  it('finds the demo history once: a group set by HR, a transfer and a study leave, with reasons', async () => {
    const overridden = (await hr.request({ url: '/api/people?targetGroup=TECHNOLOGY&limit=100' }))
      .json()
      .items.filter((p: { targetGroupSource: string }) => p.targetGroupSource === 'hr');
    expect(overridden).toHaveLength(1);
    const history = (await hr.request({ url: `/api/people/${overridden[0].id}/history` })).json().items;
    expect(history).toMatchObject([{ kind: 'target_group', toValue: 'TECHNOLOGY', source: 'manual' }]);
    expect(history[0].reason).toContain('e-Filing');
    const onLeave = (await hr.request({ url: '/api/people?status=on_leave' })).json();
    expect(onLeave.total).toBe(1);
    const [unit] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'MOF-RD-HR-DEV'));
    const moved = await t.database.db.select().from(persons).where(eq(persons.agencyId, unit.id));
    expect(moved.length).toBe((DEMO_AGENCIES.find((a) => a.code === 'MOF-RD-HR-DEV')?.headcount as number) + 1);
  });

  it('imports the demo personnel file: the two bad rows are reported, the fixed file commits', async () => {
    const upload = (name: string) =>
      hr.request({
        method: 'POST',
        url: `/api/people/imports?fileName=${name}`,
        headers: { 'content-type': 'text/csv' },
        payload: fixture(name),
      });
    const bad = await settle((await upload('personnel-demo.csv')).json().id);
    expect(bad).toMatchObject({ status: 'invalid', totalRows: 8, errorRows: 2, fileName: 'personnel-demo.csv' });
    expect(bad.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [6, 'citizen_id.invalid'],
      [8, 'agency.unknown'],
    ]);
    const good = await settle((await upload('personnel-demo-fixed.csv')).json().id);
    expect(good).toMatchObject({ status: 'validated', toCreate: 8, errorCount: 0 });
    const committed = (await hr.request({ method: 'POST', url: `/api/people/imports/${good.id}/commit` })).json();
    expect(committed).toMatchObject({ status: 'committed', created: 8, invited: 8 });
  });
});
