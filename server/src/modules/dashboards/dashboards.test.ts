import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../../../common/contracts/dashboards.js';
import { type Client, clientAs, type TestApp, testApp } from '../../../test/harness.js';
import { queryRows } from '../../db/client.js';
import {
  developmentPlans,
  emailOutbox,
  learningRecords,
  persons,
  selfAssessmentLevels,
  selfAssessments,
  users,
} from '../../db/schema/index.js';
import { closePdfBrowser } from '../../lib/pdf.js';
import { fiscalYearBe } from '../../lib/thai-text.js';
import { buildPerson, buildTree, type Tree } from '../people/people.fixtures.js';
import { naiveFigures } from './naive.js';
import { secondarySuppress } from './privacy.js';
import { refreshDashboards } from './refresh.js';
import { queueMonthlyReports } from './subscriptions.service.js';

let t: TestApp;
let tree: Tree;
let monitor: Client & { user: { email: string } };
let execM1: Client;
let execD1: Client;
let execD3: Client;
const fy = fiscalYearBe();
let frameworkId: string;
const inYear = (y: number, month = 3) => new Date(Date.UTC(y - 543 - (month >= 10 ? 1 : 0), month - 1, 15, 5));
const people: { id: string; userId: string; agency: string; group: string }[] = [];

afterAll(() => closePdfBrowser());

/** People with accounts: `n` of a target group in an agency. */
async function staff(agency: string, group: string, n: number) {
  for (let i = 0; i < n; i++) {
    const p = await buildPerson(t, tree.id(agency), { targetGroupCode: group });
    const [u] = await t.database.db
      .insert(users)
      .values({ email: `staff-${randomUUID()}@agency.go.th`, displayName: p.firstNameTh, passwordHash: '!invited', personId: p.id })
      .returning();
    people.push({ id: p.id, userId: u.id, agency, group });
  }
}

const completion = (userId: string, at: Date, hours: number, activityType?: string) => ({
  actorUserId: userId,
  verb: 'completed',
  objectType: 'course',
  objectId: randomUUID(),
  result: { completion: true, hours },
  context: activityType ? { activityType } : {},
  authority: 'agency:test',
  occurredAt: at,
});
const attempt = (userId: string, at: Date, passed: boolean, levels: Record<string, number>) => ({
  actorUserId: userId,
  verb: passed ? 'passed' : 'failed',
  objectType: 'assessment_attempt',
  objectId: randomUUID(),
  result: { success: passed, extensions: { skillLevels: levels } },
  authority: 'thaksa:assessment',
  occurredAt: at,
});

const get = async (c: Client, query: string) => {
  const res = await c.request({ method: 'GET', url: `/api/dashboards?${query}` });
  return { status: res.statusCode, body: res.json() as DashboardView };
};

beforeAll(async () => {
  t = await testApp();
  tree = await buildTree(t);
  monitor = await clientAs(t, 'central_monitor');
  execM1 = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('M1') });
  execD1 = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('D1') });
  execD3 = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('D3') });
  [{ id: frameworkId }] = await queryRows<{ id: string }>(t.database.db, sql`select id from frameworks where is_current`);
  await staff('D1-A', 'ACADEMIC', 8);
  await staff('D1-A', 'TECHNOLOGY', 3);
  await staff('D1-B-U', 'SERVICE', 6);
  await staff('D2', 'ACADEMIC', 2);
  await staff('D3', 'OTHERS', 7);
  await staff('BKK-01', 'ACADEMIC', 4);
  const db = t.database.db;
  const records: (typeof learningRecords.$inferInsert)[] = [];
  people.forEach((p, i) => {
    if (i % 2 === 0) records.push(completion(p.userId, inYear(fy), 6));
    if (i % 3 === 0) records.push(completion(p.userId, inYear(fy, 11), 10, i % 2 ? 'on_the_job' : 'coaching'));
    if (i % 4 === 0) records.push(completion(p.userId, inYear(fy - 1), 3));
    if (i % 3 === 1) records.push(attempt(p.userId, inYear(fy, 2), i % 2 === 0, { DL: 2, DG: i % 5 }));
    if (i % 5 === 0) records.push(attempt(p.userId, inYear(fy - 1), true, { DL: 1 }));
  });
  await db.insert(learningRecords).values(records);
  for (const [i, p] of people.entries()) {
    if (i % 2 !== 1) continue;
    const [sa] = await db
      .insert(selfAssessments)
      .values({ userId: p.userId, frameworkId, ratings: {}, submittedAt: inYear(fy, 1) })
      .returning();
    await db
      .insert(selfAssessmentLevels)
      .values({ selfAssessmentId: sa.id, skillAreaCode: 'DL', userId: p.userId, level: 1 + (i % 3), at: inYear(fy, 1) });
  }
  await db.insert(developmentPlans).values(
    people
      .filter((_, i) => i % 3 === 2)
      .map((p, i) => ({
        personId: p.id,
        userId: p.userId,
        fiscalYear: fy,
        frameworkId,
        targetGroupCode: p.group,
        state: ['draft', 'approved', 'completed'][i % 3],
      })),
  );
  await refreshDashboards(db);
});

const toFigures = (v: DashboardView) => ({
  personnel: v.people.total.personnel,
  learners: v.development.learners,
  completions: v.development.completions,
  hours: (v.development.hours.formal ?? 0) + (v.development.hours.on_the_job ?? 0) + (v.development.hours.coaching ?? 0),
  self_assessed: v.people.total.selfAssessed,
  tested: v.people.total.tested,
  passed: v.people.total.passed,
  idps: v.development.idps.all,
});

describe('figures agree with the base tables', () => {
  const cases: [string, () => Client, string | null, string | null][] = [
    ['nation', () => monitor, null, null],
    ['a ministry', () => execM1, 'M1', null],
    ['a department', () => execD1, 'D1', null],
    ['a ministry, one target group', () => execM1, 'M1', 'ACADEMIC'],
    ['the nation, one target group', () => monitor, null, 'ACADEMIC'],
  ];
  for (const [name, who, code, group] of cases) {
    it(name, async () => {
      const q = new URLSearchParams({ fiscalYear: String(fy) });
      if (code) q.set('agencyId', tree.id(code));
      if (group) q.set('targetGroup', group);
      const { status, body } = await get(who(), q.toString());
      expect(status).toBe(200);
      const [agency] = code
        ? await queryRows<{ tree_key: string }>(t.database.db, sql`select tree_key from agencies where id = ${tree.id(code)}`)
        : [];
      const expected = await naiveFigures(t.database.db, agency?.tree_key ?? null, fy, group);
      expect(expected.personnel).toBeGreaterThan(0);
      expect(expected.learners).toBeGreaterThan(0);
      expect(toFigures(body)).toEqual(expected);
      expect(body.asOf).not.toBeNull();
    });
  }

  it('splits hours by 70:20:10 type and reads levels against the required ones', async () => {
    const { body } = await get(monitor, `fiscalYear=${fy}`);
    const [h] = await queryRows<{ otj: number; coaching: number }>(
      t.database.db,
      sql`select coalesce(sum((result->>'hours')::numeric) filter (where context->>'activityType' = 'on_the_job'), 0)::float8 as otj,
                 coalesce(sum((result->>'hours')::numeric) filter (where context->>'activityType' = 'coaching'), 0)::float8 as coaching
          from learning_records where thai_fiscal_year(occurred_at) = ${fy}`,
    );
    expect(body.development.hours.on_the_job).toBe(h.otj);
    expect(body.development.hours.coaching).toBe(h.coaching);
    const mix = body.development.mix;
    expect(mix && Math.round(mix.on_the_job + mix.coaching + mix.formal)).toBe(100);
    // DL: the latest test wins over a self-assessment; everyone with a DL level is counted once.
    const dl = body.people.distribution.find((d) => d.skillAreaCode === 'DL');
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(distinct u.person_id)::int as n from users u where u.person_id is not null and (
            exists (select 1 from learning_records r where r.actor_user_id = u.id and r.object_type = 'assessment_attempt' and r.result->'extensions'->'skillLevels' ? 'DL')
            or exists (select 1 from self_assessment_levels s where s.user_id = u.id and s.skill_area_code = 'DL'))`,
    );
    expect(dl?.levels.reduce((s, l) => s + (l.people ?? 0), 0)).toBe(n.n);
    expect(body.people.heatMap.length).toBeGreaterThan(0);
  });

  it('counts only the earlier year in the previous fiscal year', async () => {
    const { body } = await get(monitor, `fiscalYear=${fy - 1}`);
    const expected = await naiveFigures(t.database.db, null, fy - 1, null);
    expect(toFigures(body)).toEqual(expected);
    expect(body.development.learners).toBe(people.filter((_, i) => i % 4 === 0).length);
  });
});

describe('privacy', () => {
  it('suppresses small counts below the reader’s own level, and a second cell that would give one away', async () => {
    // The monitor at the nation: M1, M2 and BKK are below its level; BKK has 4 people (< 5).
    const { body } = await get(monitor, `fiscalYear=${fy}`);
    expect(body.privacy.scopeSuppressed).toBe(false);
    expect(body.people.total.personnel).toBe(people.length);
    const bkk = body.children.find((c) => c.agency.code === 'BKK');
    expect(bkk?.personnel).toBeNull();
    expect(bkk?.hoursPerPerson).toBeNull();
    // The total is shown, so a second ministry row is withheld too (the smallest other one: M2 with 7).
    const m2 = body.children.find((c) => c.agency.code === 'M2');
    expect(m2?.personnel).toBeNull();
    expect(body.children.find((c) => c.agency.code === 'M1')?.personnel).toBe(19);
  });

  it('an executive sees its own agency whole but a small group of a department below it withheld', async () => {
    const own = await get(execD1, `agencyId=${tree.id('D1')}&fiscalYear=${fy}`);
    expect(own.body.privacy.scopeSuppressed).toBe(false);
    expect(own.body.people.byTargetGroup.find((g) => g.targetGroupCode === 'TECHNOLOGY')?.personnel).toBe(3);
    const below = await get(execM1, `agencyId=${tree.id('D1')}&fiscalYear=${fy}`);
    expect(below.body.privacy.scopeSuppressed).toBe(true);
    const tech = below.body.people.byTargetGroup.find((g) => g.targetGroupCode === 'TECHNOLOGY');
    expect(tech?.personnel).toBeNull();
    expect(tech?.testedPct).toBeNull();
    // D2 has 2 people: the whole department view is withheld for the ministry's executive.
    const d2 = await get(execM1, `agencyId=${tree.id('D2')}&fiscalYear=${fy}`);
    expect(d2.body.people.total.personnel).toBeNull();
    expect(d2.body.development.learners).toBeNull();
  });

  it('the threshold is a setting', async () => {
    await t.database.db.execute(sql`insert into settings (key, value) values ('dashboards.minCellSize', '3'::jsonb)`);
    const { body } = await get(monitor, `fiscalYear=${fy}`);
    expect(body.privacy.minCellSize).toBe(3);
    expect(body.children.find((c) => c.agency.code === 'BKK')?.personnel).toBe(4);
    await t.database.db.execute(sql`delete from settings where key = 'dashboards.minCellSize'`);
  });

  it('secondary suppression withholds the next smallest cell only when one is withheld', () => {
    expect(secondarySuppress([10, 3, 8, 0], 5)).toEqual([10, null, null, 0]);
    expect(secondarySuppress([10, 3, 2, 8], 5)).toEqual([10, null, null, 8]);
    expect(secondarySuppress([10, 6, 8], 5)).toEqual([10, 6, 8]);
  });
});

describe('scoping', () => {
  it('an executive cannot see another agency’s subtree nor the nation', async () => {
    expect((await get(execM1, `agencyId=${tree.id('D3')}`)).status).toBe(403);
    expect((await get(execD1, `agencyId=${tree.id('M1')}`)).status).toBe(403);
    // Without an agency an executive starts at its own agency, not the nation.
    const own = await get(execD1, '');
    expect(own.status).toBe(200);
    expect(own.body.scope.agency?.code).toBe('D1');
    expect(own.body.scope.canSeeNation).toBe(false);
    // The ministry above is named in the breadcrumb but not offered as a link.
    expect(own.body.scope.breadcrumbs.map((b) => [b.code, b.canOpen])).toEqual([['M1', false]]);
    const learner = await clientAs(t, 'learner');
    expect((await learner.request({ method: 'GET', url: '/api/dashboards' })).statusCode).toBe(403);
  });

  it('drills down with breadcrumbs and lists the agencies below', async () => {
    const { body } = await get(monitor, `agencyId=${tree.id('D1-B')}`);
    expect(body.scope.breadcrumbs.map((b) => b.code)).toEqual(['M1', 'D1']);
    expect(body.children.map((c) => c.agency.code)).toEqual(['D1-B-U']);
    expect(body.scope.canListPeople).toBe(true);
    const nation = await get(monitor, '');
    expect(nation.body.children.map((c) => c.agency.code).sort()).toEqual(['BKK', 'M1', 'M2']);
  });
});

describe('scope figures kept per instance', () => {
  it('are kept across a refresh that found nothing to do, and read again at once when a plan changes', async () => {
    const db = t.database.db;
    const q = `agencyId=${tree.id('D1')}&fiscalYear=${fy}`;
    await refreshDashboards(db);
    const before = (await get(execD1, q)).body;
    expect(before.people.total.personnel).toBeGreaterThan(0);
    // Behind the refresh's back: the roll-up changes, the version does not, so the kept figures are served.
    const tamper = (by: number) =>
      db.execute(sql`update dashboard_tree_facts set personnel = personnel + ${by} where agency_id = ${tree.id('D1')} and fiscal_year = ${fy}`);
    await tamper(1000);
    try {
      expect((await refreshDashboards(db)).people).toBe(0);
      expect((await get(execD1, q)).body.people.total.personnel).toBe(before.people.total.personnel);
    } finally {
      await tamper(-1000);
    }
    // A plan submitted below: no refresh needed.
    const submitted = (v: DashboardView) => v.development.plans.byState.find((x) => x.state === 'submitted')?.count ?? 0;
    const [plan] = await queryRows<{ id: string }>(
      db,
      sql`insert into agency_plans (agency_id, fiscal_year, state, phase) values (${tree.id('D1-A')}, ${fy}, 'submitted', 'early') returning id`,
    );
    try {
      expect(submitted((await get(execD1, q)).body)).toBe(submitted(before) + 1);
    } finally {
      await db.execute(sql`delete from agency_plans where id = ${plan.id}`);
    }
    expect(submitted((await get(execD1, q)).body)).toBe(submitted(before));
  });
});

describe('roll-ups follow the base tables', () => {
  it('after inserts, updates, deletes, transfers and a refresh (read at each agency’s own level, nothing withheld)', async () => {
    const db = t.database.db;
    const q = `agencyId=${tree.id('D3')}&fiscalYear=${fy}`;
    const before = (await get(execD3, q)).body;
    const p = people.find((x) => x.agency === 'D3');
    if (!p) throw new Error('no D3 person');
    const [rec] = await db
      .insert(learningRecords)
      .values(completion(p.userId, inYear(fy), 5))
      .returning();
    await refreshDashboards(db);
    const inserted = (await get(execD3, q)).body;
    expect(inserted.development.completions).toBe((before.development.completions ?? 0) + 1);
    await db
      .update(learningRecords)
      .set({ occurredAt: inYear(fy - 1) })
      .where(eq(learningRecords.id, rec.id));
    await refreshDashboards(db);
    expect((await get(execD3, q)).body.development.completions).toBe(before.development.completions);
    await db.delete(learningRecords).where(eq(learningRecords.id, rec.id));
    // A transfer moves the person's figures from D3 to D2 (and from M2 to M1).
    await db
      .update(persons)
      .set({ agencyId: tree.id('D2') })
      .where(eq(persons.id, p.id));
    await refreshDashboards(db);
    const after = (await get(execD3, q)).body;
    expect(after.people.total.personnel).toBe((before.people.total.personnel ?? 0) - 1);
    const [key] = await queryRows<{ tree_key: string }>(db, sql`select tree_key from agencies where id = ${tree.id('M1')}`);
    const m1 = (await get(execM1, `agencyId=${tree.id('M1')}&fiscalYear=${fy}`)).body;
    expect(toFigures(m1)).toEqual(await naiveFigures(db, key.tree_key, fy, null));
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`select ((select count(*) from dashboard_dirty_persons) + (select count(*) from dashboard_dirty_agencies))::int as n`,
    );
    expect(n).toBe(0);
  });
});

/** Every non-zero row of the agency roll-ups, in one order (differences may leave rows at zero behind). */
async function rollupSnapshot() {
  const db = t.database.db;
  const measures = sql.raw(
    'personnel, learners, completions, hours_formal::float8 as hf, hours_on_the_job::float8 as ho, hours_coaching::float8 as hc, self_assessed, tested, passed, assessed, idps, idps_approved, idps_completed',
  );
  const nonZero = sql.raw(
    'personnel <> 0 or learners <> 0 or completions <> 0 or hours_formal <> 0 or hours_on_the_job <> 0 or hours_coaching <> 0 or self_assessed <> 0 or tested <> 0 or passed <> 0 or assessed <> 0 or idps <> 0 or idps_approved <> 0 or idps_completed <> 0',
  );
  return {
    own: await queryRows(
      db,
      sql`select agency_id, agency_key, fiscal_year, target_group_code, ${measures} from dashboard_own_facts where ${nonZero} order by 1, 3, 4`,
    ),
    tree: await queryRows(
      db,
      sql`select agency_id, agency_key, fiscal_year, target_group_code, ${measures} from dashboard_tree_facts where ${nonZero} order by 1, 3, 4`,
    ),
    ownLevels: await queryRows(
      db,
      sql`select agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end
          from dashboard_own_levels where people_start <> 0 or people_end <> 0 order by 1, 3, 4, 5, 6`,
    ),
    treeLevels: await queryRows(
      db,
      sql`select agency_id, agency_key, fiscal_year, target_group_code, skill_area_code, level, people_start, people_end
          from dashboard_tree_levels where people_start <> 0 or people_end <> 0 order by 1, 3, 4, 5, 6`,
    ),
  };
}

/** The roll-ups built from nothing: everything emptied, everyone queued, one refresh. */
async function rebuildSnapshot() {
  const db = t.database.db;
  await db.execute(sql`truncate dashboard_own_facts, dashboard_tree_facts, dashboard_own_levels, dashboard_tree_levels,
                                dashboard_person_facts, dashboard_person_levels`);
  await db.execute(sql`insert into dashboard_dirty_persons (person_id) select id from persons`);
  await db.execute(sql`insert into dashboard_dirty_agencies (agency_id) select id from agencies`);
  const result = await refreshDashboards(db, { maxBatches: 1000 });
  expect(result.remaining).toBe(0);
  return rollupSnapshot();
}

describe('roll-ups kept by differences', () => {
  it('equal a rebuild from nothing after every kind of change, moves of agencies included', async () => {
    const db = t.database.db;
    const admin = await clientAs(t, 'system_admin');
    const [a, b, c, d] = people.filter((p) => p.agency === 'D1-A' || p.agency === 'D1-B-U');
    // A self-assessment with a level, a later test that overrides it, and a record of last year.
    const [sa] = await db
      .insert(selfAssessments)
      .values({ userId: a.userId, frameworkId, ratings: {}, submittedAt: inYear(fy, 2) })
      .returning();
    await db
      .insert(selfAssessmentLevels)
      .values({ selfAssessmentId: sa.id, skillAreaCode: 'DG', userId: a.userId, level: 3, at: inYear(fy, 2) });
    await db
      .insert(learningRecords)
      .values([attempt(a.userId, inYear(fy, 4), true, { DG: 1, DT: 2 }), completion(b.userId, inYear(fy - 1, 6), 4)]);
    // A plan approved, a target group changed, an account unlinked from its person.
    await db
      .insert(developmentPlans)
      .values({ personId: c.id, userId: c.userId, fiscalYear: fy - 1, frameworkId, targetGroupCode: c.group, state: 'approved' });
    await db.update(persons).set({ targetGroupCode: 'EXECUTIVE' }).where(eq(persons.id, b.id));
    await db.update(users).set({ personId: null }).where(eq(users.id, d.userId));
    await refreshDashboards(db);
    expect(await rollupSnapshot()).toEqual(await rebuildSnapshot());

    // A unit with its people moves to another ministry, then back; a self-assessment level is withdrawn.
    const move = (parent: string) =>
      admin.request({ method: 'POST', url: `/api/agencies/${tree.id('D1-B-U')}/move`, payload: { parentId: tree.id(parent) } });
    expect((await move('D3')).statusCode).toBe(200);
    await db.delete(selfAssessmentLevels).where(eq(selfAssessmentLevels.selfAssessmentId, sa.id));
    await refreshDashboards(db);
    const moved = await rollupSnapshot();
    expect(moved).toEqual(await rebuildSnapshot());
    const [m2] = await queryRows<{ tree_key: string }>(db, sql`select tree_key from agencies where id = ${tree.id('M2')}`);
    const execM2 = await clientAs(t, { role: 'agency_executive', scopeId: tree.id('M2') });
    const m2View = (await get(execM2, `agencyId=${tree.id('M2')}&fiscalYear=${fy}`)).body;
    expect(toFigures(m2View)).toEqual(await naiveFigures(db, m2.tree_key, fy, null));
    expect((await move('D1-B')).statusCode).toBe(200);
    await db.update(users).set({ personId: d.id }).where(eq(users.id, d.userId));
    await db.update(persons).set({ targetGroupCode: b.group }).where(eq(persons.id, b.id));
    await refreshDashboards(db);
    expect(await rollupSnapshot()).toEqual(await rebuildSnapshot());
    const negative = await queryRows(
      db,
      sql`select 1 from dashboard_tree_facts where learners < 0 or completions < 0 or tested < 0 or assessed < 0
          union all select 1 from dashboard_tree_levels where people_start < 0 or people_end < 0`,
    );
    expect(negative).toEqual([]);
  });

  it('drop the oldest year and carry levels into the new one when the fiscal year turns', async () => {
    const db = t.database.db;
    const nextYear = new Date(Date.UTC(fy - 543, 9, 2)); // 2 October: fiscal year fy + 1
    const result = await refreshDashboards(db, { now: nextYear, maxBatches: 1000 });
    expect(result.remaining).toBe(0);
    const [years] = await queryRows<{ min: number; max: number }>(
      db,
      sql`select min(fiscal_year)::int as min, max(fiscal_year)::int as max from dashboard_person_levels`,
    );
    expect(years.max).toBe(fy + 1);
    expect(years.min).toBeGreaterThanOrEqual(fy + 1 - 4);
    // Everyone assessed by the end of this year starts the next one at that level.
    const [carried] = await queryRows<{ end_now: number; start_next: number }>(
      db,
      sql`select (select coalesce(sum(people_end), 0) from dashboard_own_levels where fiscal_year = ${fy})::int as end_now,
                 (select coalesce(sum(people_start), 0) from dashboard_own_levels where fiscal_year = ${fy + 1})::int as start_next`,
    );
    expect(carried.start_next).toBeGreaterThan(0);
    expect(carried.start_next).toBe(carried.end_now);
    // Back to the real year for the tests after this one.
    await db.execute(sql`update dashboard_refresh_state set current_fiscal_year = ${fy}`);
    await rebuildSnapshot();
  });
});

describe('reports', () => {
  it('exports the figures as a workbook and a Thai PDF', async () => {
    const xlsx = await monitor.request({ method: 'GET', url: `/api/dashboards/report?format=xlsx&fiscalYear=${fy}` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ppl = wb.getWorksheet('people');
    const totalRow = ppl?.getRows(2, ppl.rowCount - 1)?.find((r) => r.getCell(1).value === 'ALL');
    const { body } = await get(monitor, `fiscalYear=${fy}`);
    expect(totalRow?.getCell(3).value).toBe(body.people.total.personnel);
    const agencies = wb.getWorksheet('agencies');
    expect(agencies?.rowCount).toBe(1 + body.children.length);
    const pdf = await monitor.request({
      method: 'GET',
      url: `/api/dashboards/report?format=pdf&agencyId=${tree.id('M1')}&fiscalYear=${fy}`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const denied = await execD1.request({ method: 'GET', url: `/api/dashboards/report?format=xlsx&agencyId=${tree.id('D3')}` });
    expect(denied.statusCode).toBe(403);
  });

  it('queues the monthly report once a month per subscription', async () => {
    const res = await monitor.request({
      method: 'POST',
      url: '/api/dashboards/subscriptions',
      payload: { agencyId: null, targetGroup: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    const again = await monitor.request({
      method: 'POST',
      url: '/api/dashboards/subscriptions',
      payload: { agencyId: null, targetGroup: null },
    });
    expect(again.json().items).toHaveLength(1);
    const refused = await execD1.request({
      method: 'POST',
      url: '/api/dashboards/subscriptions',
      payload: { agencyId: null, targetGroup: null },
    });
    expect(refused.statusCode).toBe(403);
    const db = t.database.db;
    const count = async () => (await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, monitor.user.email))).length;
    expect(await queueMonthlyReports(db, t.config, new Date('2026-12-01T01:00:00Z'))).toBe(1);
    expect(await queueMonthlyReports(db, t.config, new Date('2026-12-20T01:00:00Z'))).toBe(0);
    expect(await count()).toBe(1);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, monitor.user.email));
    expect(mail.bodyText).toContain(`บุคลากร: ${people.length - 1 + 1} คน`);
    expect(await queueMonthlyReports(db, t.config, new Date('2027-01-01T00:30:00Z'))).toBe(1);
    expect(await count()).toBe(2);
  });
});
