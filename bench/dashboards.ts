import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openPostgres, queryRows } from '../server/src/db/client.js';
import { hashPassword } from '../server/src/lib/crypto.js';
import { fiscalYearBe } from '../server/src/lib/thai-text.js';
import { naiveFigures } from '../server/src/modules/dashboards/naive.js';
import { refreshDashboards } from '../server/src/modules/dashboards/refresh.js';
import type { ScopeRef } from '../server/src/modules/dashboards/repository.js';
import { freshDatabase, type Measurement, measure, measureSql, report, startServer } from './lib.js';

/**
 * Executive dashboards at national scale (decision 014): a generated nation of 3,000,000 personnel in about
 * 8,000 agency units, 30,000,000 learning records and 1,000,000 test results (as learning records), built
 * set-based with generate_series. Measures getDashboard over HTTP at the nation and at departments with 20
 * connections, against the same headline figures counted with GROUP BY over the base tables; the first
 * full build of the roll-ups; and the refresh after 10,000 new records. BENCH_DASHBOARDS_SCALE (default 1)
 * shrinks everything for a smoke run, whose figures are printed but never written to docs/benchmarks.md.
 */
const SCALE = Number(process.env.BENCH_DASHBOARDS_SCALE ?? 1);
const PERSONS = Math.round(3_000_000 * SCALE);
const RECORDS = Math.round(30_000_000 * SCALE);
const ATTEMPTS = Math.round(1_000_000 * SCALE);
const NEW_RECORDS = 10_000;
const DURATION = Number(process.env.BENCH_DASHBOARDS_SECONDS ?? 20);
const CONNECTIONS = 20;
const PASSWORD = 'bench-password-dashboards-1';
const GROUPS = ['EXECUTIVE', 'MANAGEMENT', 'ACADEMIC', 'SERVICE', 'TECHNOLOGY', 'OTHERS'];

interface Agency {
  id: string;
  code: string;
  kind: string;
  parent_id: string | null;
  path: string;
}

/** The people benchmark's tree: 20 ministries → 8 departments → 8 divisions → 5 units, and 77 provinces with 10 offices (fewer when scaled). */
function agencyTree(): Agency[] {
  const out: Agency[] = [];
  const add = (code: string, kind: string, parent: Agency | null) => {
    const id = randomUUID();
    const a = { id, code, kind, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    out.push(a);
    return a;
  };
  const ministries = Math.max(1, Math.round(20 * Math.min(1, SCALE * 10)));
  const provinces = Math.max(1, Math.round(77 * Math.min(1, SCALE * 10)));
  for (let m = 1; m <= ministries; m++) {
    const ministry = add(`M${m}`, 'ministry', null);
    for (let d = 1; d <= 8; d++) {
      const dept = add(`M${m}-D${d}`, 'department', ministry);
      for (let v = 1; v <= 8; v++) {
        const division = add(`M${m}-D${d}-V${v}`, 'division', dept);
        for (let u = 1; u <= 5; u++) add(`M${m}-D${d}-V${v}-U${u}`, 'unit', division);
      }
    }
  }
  for (let p = 1; p <= provinces; p++) {
    const province = add(`P${p}`, 'province', null);
    for (let o = 1; o <= 10; o++) add(`P${p}-O${o}`, 'division', province);
  }
  return out;
}

async function timed<T>(label: string, f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = Date.now();
  const value = await f();
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  console.log(`  ${label}: ${seconds} s`);
  return { value, seconds };
}

/** Agencies, personnel (60% with accounts), learning records and test results, set-based on one connection. */
async function generate(client: pg.Client, fy: number) {
  const tree = agencyTree();
  for (const kind of ['ministry', 'province', 'department', 'division', 'unit']) {
    const level = tree.filter((a) => a.kind === kind);
    for (let i = 0; i < level.length; i += 2000) {
      await client.query(
        `insert into agencies (id, code, name_th, name_en, kind, parent_id, path, province_code)
         select id, code, 'หน่วยงาน ' || code, code, kind, parent_id, path, '10'
         from json_to_recordset($1::json) as x(id uuid, code text, kind text, parent_id uuid, path text)`,
        [JSON.stringify(level.slice(i, i + 2000))],
      );
    }
  }
  await client.query(
    `create temp table bench_slot as select (row_number() over (order by tree_key) - 1)::int as n, id, tree_key from agencies where kind <> 'ministry'`,
  );
  await client.query('create unique index on bench_slot (n)');
  const slots = (await client.query('select count(*)::int as n from bench_slot')).rows[0].n as number;
  const CHUNK = 250_000;
  await timed(`${PERSONS.toLocaleString('en')} personnel`, async () => {
    for (let from = 1; from <= PERSONS; from += CHUNK) {
      const to = Math.min(PERSONS, from + CHUNK - 1);
      await client.query(
        `insert into persons (citizen_id_hash, citizen_id_cipher, citizen_id_last, title_th, first_name_th, last_name_th, position_th,
           position_type, agency_id, agency_key, target_group_code, is_it, employment_status, sort_name, search_text)
         select md5('bench-' || g), 'x', '0', 'นาย', 'ทดสอบ', 'ที่ ' || g, 'นักวิชาการ', 'academic', s.id, s.tree_key,
           ($4::text[])[1 + (h % 6)], case when h % 17 = 0 then 'it' else 'non_it' end,
           case when h % 100 < 95 then 'active' else 'on_leave' end, 'ทดสอบ ' || g, 'ทดสอบ ' || g
         from (select g, abs(hashint8extended(g, 7)) as h from generate_series($1::bigint, $2::bigint) g) x
         join bench_slot s on s.n = (abs(hashint8extended(g, 13)) % $3)`,
        [from, to, slots, GROUPS],
      );
    }
  });
  await timed('learner accounts (60%)', () =>
    client.query(
      `insert into users (email, display_name, password_hash, person_id)
       select 'p' || id || '@bench.go.th', 'ทดสอบ', '!invited', id from persons where abs(hashtext(id::text)) % 10 < 6`,
    ),
  );
  await client.query(
    `create temp table bench_user as select (row_number() over () - 1)::int as n, id from users where person_id is not null`,
  );
  await client.query('create unique index on bench_user (n)');
  const accounts = (await client.query('select count(*)::int as n from bench_user')).rows[0].n as number;
  // Built once after the load, as a restore would.
  const indexes = (
    await client.query(
      `select indexname, indexdef from pg_indexes where tablename = 'learning_records' and indexname <> 'learning_records_pkey'`,
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of indexes) await client.query(`drop index ${ix.indexname}`);
  const start = `${fy - 544 - 1}-09-30T17:00:00Z`;
  await timed(`${RECORDS.toLocaleString('en')} learning records`, async () => {
    for (let from = 1; from <= RECORDS; from += 1_000_000) {
      const to = Math.min(RECORDS, from + 1_000_000 - 1);
      // Two fiscal years up to now, three kinds (70:20:10).
      await client.query(
        `insert into learning_records (actor_user_id, verb, object_type, object_id, result, context, authority, occurred_at)
         select u.id, 'completed', case when h % 10 < 2 then 'course' else 'development_activity' end, gen_random_uuid(),
           jsonb_build_object('completion', true, 'hours', 2 + h % 30),
           jsonb_build_object('activityType', case when h % 10 < 2 then 'formal' when h % 10 < 4 then 'coaching' else 'on_the_job' end),
           'bench', $4::timestamptz + ((h % 1000) / 1000.0) * (now() - $4::timestamptz)
         from (select g, abs(hashint8extended(g, 3)) as h from generate_series($1::bigint, $2::bigint) g) x
         join bench_user u on u.n = (abs(hashint8extended(g, 5)) % $3)`,
        [from, to, accounts, start],
      );
    }
  });
  await timed(`${ATTEMPTS.toLocaleString('en')} test results`, () =>
    client.query(
      `insert into learning_records (actor_user_id, verb, object_type, object_id, result, authority, occurred_at)
       select u.id, case when h % 3 = 0 then 'failed' else 'passed' end, 'assessment_attempt', gen_random_uuid(),
         jsonb_build_object('extensions', jsonb_build_object('skillLevels', jsonb_build_object('DL', h % 4, 'DG', (h / 4) % 4, 'DLD', (h / 16) % 4))),
         'bench', $3::timestamptz + ((h % 1000) / 1000.0) * (now() - $3::timestamptz)
       from (select g, abs(hashint8extended(g, 9)) as h from generate_series(1::bigint, $1::bigint) g) x
       join bench_user u on u.n = (abs(hashint8extended(g, 11)) % $2)`,
      [ATTEMPTS, accounts, start],
    ),
  );
  await client.query(`set maintenance_work_mem = '1GB'`);
  for (const ix of indexes) await timed(`index ${ix.indexname}`, () => client.query(ix.indexdef));
  await timed('vacuum analyze', () => client.query('vacuum analyze'));
  return { tree, accounts };
}

/** People and agencies queued for the roll-ups. */
async function queued(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    'select ((select count(*) from dashboard_dirty_persons) + (select count(*) from dashboard_dirty_agencies))::int as n',
  );
  return rows[0].n;
}

/** Stops the benchmark when the roll-ups of a scope disagree with the base tables (a wrong figure is not fast). */
async function checkAgainstBase(db: Db, scope: ScopeRef | null, fy: number) {
  const [rolled] = await queryRows<{ personnel: number; learners: number; completions: number; tested: number; idps: number }>(
    db,
    sql`select coalesce(sum(personnel), 0)::int as personnel, coalesce(sum(learners), 0)::int as learners,
               coalesce(sum(completions), 0)::int as completions, coalesce(sum(tested), 0)::int as tested, coalesce(sum(idps), 0)::int as idps
        from dashboard_tree_facts
        where fiscal_year = ${fy} and ${scope ? sql`agency_id = ${scope.id}` : sql`agency_id in (select id from agencies where parent_id is null)`}`,
  );
  const base = await naiveFigures(db, scope?.treeKey ?? null, fy, null);
  const expected = {
    personnel: base.personnel,
    learners: base.learners,
    completions: base.completions,
    tested: base.tested,
    idps: base.idps,
  };
  if (JSON.stringify(rolled) !== JSON.stringify(expected)) {
    throw new Error(
      `roll-ups disagree with the base tables for ${scope ? scope.id : 'the nation'}: ${JSON.stringify({ rolled, expected })}`,
    );
  }
  console.log(`  roll-ups of ${scope ? 'the department' : 'the nation'} agree with the base tables`);
}

async function createUser(client: pg.Client, email: string, grants: { role: string; scopeType: string; scopeId: string }[]) {
  const hash = await hashPassword(PASSWORD);
  const { rows } = await client.query(`insert into users (email, display_name, password_hash) values ($1, $1, $2) returning id`, [
    email,
    hash,
  ]);
  for (const g of grants) {
    await client.query(`insert into role_grants (user_id, role, scope_type, scope_id) values ($1, $2, $3, $4)`, [
      rows[0].id,
      g.role,
      g.scopeType,
      g.scopeId,
    ]);
  }
}

async function signIn(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

export async function run() {
  // BENCH_DASHBOARDS_DATABASE_URL: measure a nation generated by an earlier run (kept with BENCH_KEEP=1, or
  // made with BENCH_DASHBOARDS_GENERATE_ONLY=1), skipping the generation; it is migrated first.
  // BENCH_DASHBOARDS_BUILD_ONLY=1 stops after the first build of the roll-ups.
  const reuse = process.env.BENCH_DASHBOARDS_DATABASE_URL;
  const fresh = reuse ? { url: reuse, drop: async () => {} } : await freshDatabase('dashboards');
  const fy = fiscalYearBe();
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  const database = openPostgres(fresh.url, CONNECTIONS);
  const notes: string[] = [];
  try {
    let generatedIn: number;
    if (!reuse) {
      ({ seconds: generatedIn } = await timed('generation', () => generate(client, fy)));
      // Kept in the database, so that a run that reuses it reports how it was made.
      await client.query(
        `create table bench_generation as select $1::float8 as generated_in, null::float8 as built_in, null::int as built_people, null::int as built_agencies`,
        [generatedIn],
      );
      if (process.env.BENCH_DASHBOARDS_GENERATE_ONLY === '1') {
        process.env.BENCH_KEEP = '1';
        console.log(`generated in ${generatedIn} s; kept ${fresh.url}`);
        return;
      }
    } else {
      await database.migrate();
      generatedIn = (await client.query('select generated_in from bench_generation')).rows[0].generated_in;
    }
    await client.query(
      `create temp table if not exists bench_user as select (row_number() over (order by id) - 1)::int as n, id from users where person_id is not null`,
    );
    await client.query('create unique index if not exists bench_user_n on bench_user (n)');
    // The first full build: everyone the triggers (or a migration that rebuilds the roll-ups) queued.
    if (await queued(client)) {
      const { value: built, seconds } = await timed('first full build of the roll-ups', () =>
        refreshDashboards(database.db, { batch: 10_000, maxBatches: 1_000_000 }),
      );
      await client.query('vacuum analyze');
      await client.query('update bench_generation set built_in = $1, built_people = $2, built_agencies = $3', [
        seconds,
        built.people,
        built.agencies,
      ]);
    }
    if (process.env.BENCH_DASHBOARDS_BUILD_ONLY === '1') return;
    const made = (await client.query('select * from bench_generation')).rows[0] as {
      built_in: number;
      built_people: number;
      built_agencies: number;
    };
    const counts = (
      await client.query(
        `select (select count(*)::int from agencies) as agencies, (select count(*)::int from bench_user) as accounts,
                (select count(*)::int from persons) as persons`,
      )
    ).rows[0] as { agencies: number; accounts: number; persons: number };
    const gen = { accounts: counts.accounts };
    const departments = (await client.query(`select id from agencies where kind = 'department' order by code`)).rows as { id: string }[];
    const suffix = randomUUID().slice(0, 6);
    await createUser(client, `monitor-${suffix}@bench.go.th`, [{ role: 'central_monitor', scopeType: 'national', scopeId: '' }]);

    const rows: Measurement[] = [];
    const groups = ['', ...GROUPS.map((g) => `&targetGroup=${g}`)];
    const nationPaths = groups.map((g) => `/api/dashboards?fiscalYear=${fy}${g}`);
    const departmentPaths = departments
      .slice(0, 60)
      .map((d, i) => `/api/dashboards?agencyId=${d.id}&fiscalYear=${fy}${groups[i % groups.length]}`);
    // As served (each scope read once per refresh and kept), then with the scope cache off: every request
    // reads the roll-ups, as the first reader of a scope after each refresh does.
    for (const [cacheEntries, label] of [
      ['1000', 'read once per refresh'],
      ['0', 'cache off, roll-ups read on every request'],
    ]) {
      const server = await startServer(fresh.url, 3933, { JOBS_INTERVAL_SECONDS: '0', DASHBOARD_CACHE_ENTRIES: cacheEntries });
      try {
        const monitor = await signIn(server.baseUrl, `monitor-${suffix}@bench.go.th`);
        for (const [scope, paths] of [
          ['nation', nationPaths],
          ['a department', departmentPaths],
        ] as const) {
          rows.push(
            await measure(`getDashboard, ${scope} (${label})`, {
              url: `${server.baseUrl}/api/dashboards`,
              connections: CONNECTIONS,
              duration: DURATION,
              headers: { cookie: monitor },
              paths,
            }),
          );
        }
      } finally {
        await server.stop();
      }
    }
    const keys = (await client.query(`select tree_key from agencies where kind = 'department' order by code limit 60`)).rows.map(
      (r) => r.tree_key as string,
    );
    rows.push(
      await measureSql('naive GROUP BY over the base tables, nation', Math.min(4, CONNECTIONS), DURATION, () =>
        naiveFigures(database.db, null, fy, null),
      ),
    );
    rows.push(
      await measureSql('naive GROUP BY over the base tables, a department', CONNECTIONS, DURATION, (i) =>
        naiveFigures(database.db, keys[i % keys.length], fy, null),
      ),
    );

    // 10,000 new records from the people of one department (a cohort, a provider's report), then the refresh the job would run.
    const dept = departments[0];
    await client.query(
      `insert into learning_records (actor_user_id, verb, object_type, object_id, result, context, authority, occurred_at)
       select u.id, 'completed', 'development_activity', gen_random_uuid(), '{"hours": 3}', '{"activityType": "coaching"}', 'bench', now()
       from (select u.id from users u join persons p on p.id = u.person_id
             where p.agency_key collate "C" >= $2 and p.agency_key collate "C" < left($2, -1) || '/') u
       cross join generate_series(1, greatest(1, ceil($1::float / greatest(1, (select count(*) from users u join persons p on p.id = u.person_id
             where p.agency_key collate "C" >= $2 and p.agency_key collate "C" < left($2, -1) || '/')))::int)) g
       limit $1`,
      [NEW_RECORDS, (await client.query('select tree_key from agencies where id = $1', [dept.id])).rows[0].tree_key],
    );
    const markedDept = await queued(client);
    const { seconds: refreshDeptIn } = await timed('refresh after new records of one department', () =>
      refreshDashboards(database.db, { maxBatches: 1_000_000 }),
    );
    const deptKey = (await client.query('select tree_key from agencies where id = $1', [dept.id])).rows[0].tree_key as string;
    await checkAgainstBase(database.db, { id: dept.id, treeKey: deptKey }, fy);
    // The same number from people all over the country.
    await client.query(
      `insert into learning_records (actor_user_id, verb, object_type, object_id, result, context, authority, occurred_at)
       select u.id, 'completed', 'development_activity', gen_random_uuid(), '{"hours": 3}', '{"activityType": "coaching"}', 'bench', now()
       from bench_user u where u.n in (select (abs(hashint8extended(g, 21)) % $2)::int from generate_series(1, $1) g)`,
      [NEW_RECORDS, gen.accounts],
    );
    const marked = await queued(client);
    const markedAgencies = (
      await client.query('select count(distinct p.agency_id)::int as n from dashboard_dirty_persons d join persons p on p.id = d.person_id')
    ).rows[0].n as number;
    const { seconds: refreshIn } = await timed('refresh after new records all over the country', () =>
      refreshDashboards(database.db, { maxBatches: 1_000_000 }),
    );
    await checkAgainstBase(database.db, { id: dept.id, treeKey: deptKey }, fy);
    await checkAgainstBase(database.db, null, fy);
    notes.push(
      `Generated ${counts.persons.toLocaleString('en')} personnel in ${counts.agencies.toLocaleString('en')} agencies, ${gen.accounts.toLocaleString('en')} learner accounts, ` +
        `${RECORDS.toLocaleString('en')} learning records (70:20:10) and ${ATTEMPTS.toLocaleString('en')} test results over two fiscal years in ${generatedIn} s.`,
      `First full build of the roll-ups (${made.built_people.toLocaleString('en')} people with accounts or plans and ${made.built_agencies.toLocaleString('en')} agencies, queued by the migration that creates them, 10,000 people a batch): ${made.built_in} s.`,
      `Refresh after ${NEW_RECORDS.toLocaleString('en')} new learning records of the people of one department (${markedDept.toLocaleString('en')} people queued): ${refreshDeptIn} s; ` +
        `after ${NEW_RECORDS.toLocaleString('en')} of people spread over the country (${marked.toLocaleString('en')} people queued, in ${markedAgencies.toLocaleString('en')} agencies): ${refreshIn} s. ` +
        'After each refresh the department and the nation were checked against GROUP BY over the base tables.',
      'The naive rows count the same headline figures (personnel, learners, completions, hours, self-assessed, tested, passed, IDPs) with GROUP BY over persons, users and learning records, called directly (no HTTP); the nation with 4 workers.',
      'The jobs tick is off during the HTTP rows, so no refresh happens: after its first read each of the 67 scopes (7 national, 60 departmental) is served from the scope cache. In production every refresh (each tick, a minute by default) moves the version, and the first reader of each scope after it pays what the cache-off rows show.',
      'Targets: getDashboard p95 ≤ 100 ms at the nation and ≤ 50 ms at a department with 20 connections.',
    );
    const dataset = `${PERSONS.toLocaleString('en')} personnel, ${counts.agencies.toLocaleString('en')} agencies, ${(RECORDS + ATTEMPTS).toLocaleString('en')} learning records`;
    if (SCALE === 1) report('dashboards', dataset, rows, notes);
    else {
      console.log(`BENCH_DASHBOARDS_SCALE=${SCALE}: a smoke run, not written to docs/benchmarks.md`);
      for (const n of notes) console.log(`  ${n}`);
    }
  } finally {
    await client.end();
    await database.close();
    // The pool's sockets close a moment after end() resolves; dropping the database at once would reset them.
    await new Promise((r) => setTimeout(r, 1000));
    await fresh.drop();
  }
}
