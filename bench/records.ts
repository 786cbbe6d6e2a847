import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { withCheckDigit } from '../common/citizen-id.js';
import { queryRows } from '../server/src/db/client.js';
import { sha256 } from '../server/src/lib/crypto.js';
import { citizenIdLookupHash } from '../server/src/lib/personal-data.js';
import { freshDatabase, type Measurement, measure, measureSql, report, startServer } from './lib.js';

/**
 * `recordCompletions` at national scale: a provider's LMS reports completions in batches of 1,000 by API
 * token against a realistic table (2,000,000 learning records, 300,000 personnel with accounts, 5,000
 * accredited courses in the catalogue). Every item names a new completion (learner by e-mail or citizen ID,
 * course by id or accreditation number), so each batch inserts 1,000 statements and issues 1,000
 * certificates. BENCH_RECORDS_SCALE (default 1) shrinks the dataset for a smoke run; only a full-scale run
 * writes docs/benchmarks.md. Deterministic: every choice is a hash of a row number.
 */
const SCALE = Number(process.env.BENCH_RECORDS_SCALE ?? '1');
const PERSONS = Math.max(2_000, Math.round(300_000 * SCALE));
const RECORDS = Math.max(10_000, Math.round(2_000_000 * SCALE));
const COURSES = Math.max(200, Math.round(5_000 * SCALE));
const PROVIDERS = 50;
const BATCH = 1_000;
/** Persons whose citizen ID the LMS sends (the rest are named by e-mail). */
const BY_CITIZEN_ID = Math.min(PERSONS, 30_000);
const SECRET = randomBytes(32).toString('hex');
const CONNECTIONS = 4;
const DURATION = SCALE >= 1 ? 30 : 8;

const citizenIdOf = (i: number) => withCheckDigit(`3${String(i).padStart(11, '0')}`);

async function generate(db: Parameters<typeof queryRows>[0], frameworkId: string) {
  const h = (expr: string, mod: number) => sql.raw(`(abs(hashtext(${expr})) % ${mod})`);
  await db.execute(
    sql`insert into agencies (code, name_th, name_en, kind, path) values ('BENCH', 'กรมทดสอบ', 'Bench department', 'department', '/')`,
  );
  await db.execute(sql`update agencies set path = '/' || id || '/' where code = 'BENCH'`);
  await db.execute(sql`
    insert into providers (name_th, name_en, kind, tax_id, status, province_code)
    select 'ผู้ให้บริการ ' || i, 'Provider ' || i, 'company', lpad(i::text, 13, '0'), 'verified', '10' from generate_series(1, ${PROVIDERS}) i`);
  await db.execute(sql`
    insert into courses (provider_id, state, framework_id, title_th, title_en, accreditation_number, accredited_at, valid_from, valid_until)
    select p.id, 'accredited', ${frameworkId}, 'หลักสูตรดิจิทัล ' || g.i, 'Digital course ' || g.i, 'สดช.-2569-' || lpad(g.i::text, 5, '0'),
           now() - interval '30 days', current_date - 30, current_date + 700
    from generate_series(1, ${COURSES}) g(i)
    join lateral (select id from providers order by id offset ${h("'p'||g.i", PROVIDERS)} limit 1) p on true`);
  await db.execute(sql`
    insert into catalog_entries (course_id, provider_id, status, accreditation_number, accredited_at, valid_from, valid_until, framework_id,
      title_th, title_en, summary_th, summary_en, provider_name_th, provider_name_en, target_groups, skill_areas, skill_levels, levels,
      unit_codes, hours, delivery, language, fee_baht, provinces, is_online, search_vector, title_terms, related_terms, search_text)
    select c.id, c.provider_id, 'accredited', c.accreditation_number, c.accredited_at, c.valid_from, c.valid_until, c.framework_id,
      c.title_th, c.title_en, '', '', p.name_th, p.name_en, array['ACADEMIC'], array[a.code], array[a.code || ':' || (1 + ${h('c.id::text', 3)})],
      array[1 + ${h('c.id::text', 3)}], '{}', 6 + ${h("c.id::text||'h'", 24)}, 'online', 'th', 0, array['10'], true,
      to_tsvector('simple', c.title_en), '{}', '{}', lower(c.title_en)
    from courses c join providers p on p.id = c.provider_id
    join lateral (select (array['DL','DG','DLD','DT','DS','DU','CS'])[1 + ${h("c.id::text||'a'", 7)}] as code) a on true`);
  const [agency] = await queryRows<{ id: string; tree_key: string }>(db, sql`select id, tree_key from agencies where code = 'BENCH'`);
  for (let from = 1; from <= PERSONS; from += 50_000) {
    const to = Math.min(PERSONS, from + 49_999);
    await db.execute(sql`
      insert into persons (citizen_id_hash, citizen_id_cipher, citizen_id_last, title_th, first_name_th, last_name_th, email, position_th,
        agency_id, agency_key, target_group_code, sort_name, search_text)
      select 'bench-' || g, 'x', '0', 'นาย', 'ทดสอบ' || g, 'บุคลากร', 'p' || g || '@bench.go.th', 'นักวิชาการ', ${agency.id}, ${agency.tree_key},
             'ACADEMIC', 'ทดสอบ' || g, 'p' || g
      from generate_series(${from}::int, ${to}::int) g`);
    await db.execute(sql`
      insert into users (email, display_name, password_hash, person_id)
      select p.email, p.first_name_th, '!bench', p.id from persons p where p.citizen_id_hash = any(array(select 'bench-' || g from generate_series(${from}::int, ${to}::int) g))`);
  }
  // The persons the LMS names by citizen ID carry the real keyed hash of that ID.
  const hashes = Array.from({ length: BY_CITIZEN_ID }, (_, k) => ({ n: k + 1, h: citizenIdLookupHash(SECRET, citizenIdOf(k + 1)) }));
  for (let i = 0; i < hashes.length; i += 10_000) {
    await db.execute(sql`
      update persons p set citizen_id_hash = x.h from jsonb_to_recordset(${JSON.stringify(hashes.slice(i, i + 10_000))}::jsonb) as x(n int, h text)
      where p.citizen_id_hash = 'bench-' || x.n`);
  }
  // Learners and courses are picked by position in arrays built once per statement (an init plan), not by a
  // per-row lookup, so two million rows take seconds.
  await db.execute(sql`create temp table bench_ids as
    select (select array_agg(u.id order by substring(u.email from 2 for position('@' in u.email) - 2)::int)
              from users u where u.email like 'p%@bench.go.th') as users,
           (select array_agg(id order by id) from courses) as courses,
           (select array_agg(provider_id order by id) from courses) as providers`);
  for (let from = 1; from <= RECORDS; from += 250_000) {
    const to = Math.min(RECORDS, from + 249_999);
    await db.execute(sql`
      insert into learning_records (actor_user_id, verb, object_type, object_id, result, context, authority, occurred_at)
      select b.users[1 + abs(hashint4(g)) % ${PERSONS}], 'completed', 'course', b.courses[1 + x.c], '{"completion":true}', '{}',
             'provider:' || b.providers[1 + x.c], now() - make_interval(days => g % 700)
      from generate_series(${from}::int, ${to}::int) g
      cross join bench_ids b
      cross join lateral (select abs(hashint4(g + 7)) % ${COURSES} as c) x
      on conflict do nothing`);
  }
  await db.execute(sql`analyze`);
}

/** `count` batches of 1,000 new completions of the provider's courses (none repeats another or the generated table's). */
function batches(count: number, courses: { id: string; accreditation_number: string }[]): string[] {
  const out: string[] = [];
  let k = 0;
  for (let b = 0; b < count; b++) {
    const completions = [];
    for (let i = 0; i < BATCH; i++, k++) {
      const person = 1 + ((k * 7919) % PERSONS);
      const course = courses[Math.floor(k / PERSONS) % courses.length];
      const byId = person <= BY_CITIZEN_ID && k % 3 === 0;
      completions.push({
        ...(byId ? { citizenId: citizenIdOf(person) } : { email: `p${person}@bench.go.th` }),
        ...(k % 2 === 0 ? { courseId: course.id } : { accreditationNumber: course.accreditation_number }),
        // Within the last hours; the statement key (learner, course) rarely meets a generated record's.
        completedAt: new Date(Date.now() - (k % 3) * 3_600_000).toISOString(),
        score: 60 + (k % 41),
      });
    }
    out.push(JSON.stringify({ completions }));
  }
  return out;
}

export async function run() {
  const t0 = Date.now();
  const { url, database, drop } = await freshDatabase('records');
  const [fw] = await queryRows<{ id: string }>(database.db, sql`select id from frameworks where is_current limit 1`);
  await generate(database.db, fw.id);
  const generatedIn = Math.round((Date.now() - t0) / 1000);
  // The provider with the most courses reports; its admin's token is bound to its provider_admin grant.
  const [provider] = await queryRows<{ provider_id: string }>(
    database.db,
    sql`select provider_id from courses group by provider_id order by count(*) desc limit 1`,
  );
  const courses = await queryRows<{ id: string; accreditation_number: string }>(
    database.db,
    sql`select id, accreditation_number from courses where provider_id = ${provider.provider_id} order by id`,
  );
  const [admin] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into users (email, display_name, password_hash) values ('lms@bench.thaksa.local', 'LMS', '!bench') returning id`,
  );
  const [grant] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into role_grants (user_id, role, scope_type, scope_id) values (${admin.id}, 'provider_admin', 'provider', ${provider.provider_id}) returning id`,
  );
  const token = `thk_${randomBytes(24).toString('base64url')}`;
  await database.db.execute(
    sql`insert into api_tokens (user_id, role_grant_id, name, token_hash, prefix) values (${admin.id}, ${grant.id}, 'LMS', ${sha256(token)}, ${token.slice(0, 10)})`,
  );
  const [{ n: before }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from learning_records`);

  const server = await startServer(url, 3931, { SESSION_SECRET: SECRET });
  const rows: Measurement[] = [];
  try {
    const bodies = batches(Math.ceil((DURATION + 4) * 12 * CONNECTIONS), courses);
    const http = await measure('recordCompletions, 1,000 new completions per call (API token)', {
      url: `${server.baseUrl}/api/learning-records/completions`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      bodies,
    });
    rows.push(http);
    // The same insert without HTTP, validation or certificates: one multi-row statement of 1,000 rows.
    const users = await queryRows<{ id: string }>(
      database.db,
      sql`select id from users where email like 'p%@bench.go.th' order by id limit 20000`,
    );
    rows.push(
      await measureSql('SQL baseline: one 1,000-row insert … on conflict do nothing', CONNECTIONS, Math.min(DURATION, 10), async (i) => {
        const items = Array.from({ length: BATCH }, (_, j) => ({
          u: users[(i * BATCH + j) % users.length].id,
          c: courses[(i + j) % courses.length].id,
        }));
        await database.db.execute(sql`
          insert into learning_records (actor_user_id, verb, object_type, object_id, result, context, authority, occurred_at)
          select x.u, 'passed', 'course', x.c, '{}', '{}', 'bench', now() from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(u uuid, c uuid)
          on conflict do nothing`);
      }),
    );
  } finally {
    await server.stop();
  }
  const [{ n: after }] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from learning_records where verb = 'completed'`,
  );
  const [{ n: certs }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from certificates`);
  const recordsPerSecond = rows[0].non2xx === 0 ? rows[0].throughput * BATCH : 0;
  console.log(
    `records: ${before.toLocaleString('en')} before, ${(after - before).toLocaleString('en')} new completions, ${certs.toLocaleString('en')} certificates; ≈ ${recordsPerSecond.toLocaleString('en')} records/s`,
  );
  const dataset = `${RECORDS.toLocaleString('en')} learning records, ${PERSONS.toLocaleString('en')} personnel with accounts, ${COURSES.toLocaleString('en')} accredited courses in the catalogue (generated in ${generatedIn} s); the reporting provider owns ${courses.length} of them`;
  const notes = [
    `recordCompletions: ${recordsPerSecond.toLocaleString('en')} records/s (${rows[0].throughput} calls/s × 1,000); each call resolved its learners (a third by citizen ID) and courses (half by accreditation number) in one query each, inserted 1,000 statements in one statement and issued their 1,000 certificates (gap-free numbers) in another. Target ≥ 5,000 records/s.`,
    `${(after - before).toLocaleString('en')} new completions and ${certs.toLocaleString('en')} certificates were written during the run.`,
  ];
  if (SCALE === 1) report('records', dataset, rows, notes);
  else console.log(`BENCH_RECORDS_SCALE=${SCALE}: a smoke run; docs/benchmarks.md and bench/results are left alone`);
  await drop();
}
