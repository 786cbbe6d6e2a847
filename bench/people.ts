import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { withCheckDigit } from '../common/citizen-id.js';
import { suggestTargetGroup } from '../common/people-rules.js';
import { hashPassword } from '../server/src/lib/crypto.js';
import { protectCitizenId } from '../server/src/lib/personal-data.js';
import { thaiSortKey } from '../server/src/modules/people/names.js';
import { baselinePool, freshDatabase, type Measurement, measure, measureSql, report, SERVER_ARGS } from './lib.js';

const PERSONS = Number(process.env.BENCH_PEOPLE_PERSONS ?? 3_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_PEOPLE_IMPORT_ROWS ?? 100_000);
/** Keys the citizen-ID ciphertexts the generator writes, so the server can decrypt (mask) them. */
const SECRET = 'bench-people-secret-bench-people-secret-0123456789';
const PASSWORD = 'bench-password-people-1';
const DURATION = Number(process.env.BENCH_PEOPLE_SECONDS ?? 20);
/** `1`: time the import alone (for profiling it against a kept database), report nothing. */
const IMPORT_ONLY = process.env.BENCH_PEOPLE_IMPORT_ONLY === '1';
/** `1`: skip the import and the SQL baseline, time the reads (for profiling them against a kept database), report nothing. */
const LIST_ONLY = process.env.BENCH_PEOPLE_LIST_ONLY === '1';
/** `1`: generate the personnel and stop (with BENCH_KEEP=1, a database for later runs, whose import then creates everyone). */
const GENERATE_ONLY = process.env.BENCH_PEOPLE_GENERATE_ONLY === '1';
/** Requests per second offered in the open-loop rows: several times a plausible national peak of HR officers. */
const PACED_RATE = Number(process.env.BENCH_PEOPLE_RATE ?? 200);
/** People edited per second in the row that measures lists while they change. */
const EDITS_PER_SECOND = Number(process.env.BENCH_PEOPLE_EDITS ?? 10);

// ---------------------------------------------------------------- deterministic data

function rng(seed: number) {
  let s = seed >>> 0;
  return {
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    int(n: number) {
      return Math.floor(this.next() * n);
    },
    pick<T>(xs: readonly T[]): T {
      return xs[this.int(xs.length)];
    },
  };
}

const FIRST_HEADS = [
  'สม',
  'ประ',
  'วิ',
  'ธนา',
  'ณัฐ',
  'กิตติ',
  'อนุ',
  'ชัย',
  'ปิยะ',
  'วีระ',
  'ธีร',
  'พงศ',
  'ศุภ',
  'เกียรติ',
  'ภานุ',
  'วร',
  'สุ',
  'นพ',
  'อดิ',
  'ชาญ',
  'ปรี',
  'อรรถ',
  'วุฒิ',
  'จิร',
  'ภูมิ',
  'กาญ',
  'นภา',
  'ศิริ',
  'พร',
  'อรุ',
  'จิรา',
  'วิไล',
  'กนก',
  'ชนิ',
  'พิมพ์',
  'ธิดา',
  'รัตน',
  'อัญ',
  'เบญ',
  'ปวี',
  'ดวง',
  'ศศิ',
  'มณี',
  'ลัด',
  'จันทร์',
  'พัช',
  'วรา',
  'แสง',
  'โสภ',
  'ไพ',
  'เพ็ญ',
  'ทิพ',
];
const FIRST_TAILS = [
  'ชาย',
  'ศักดิ์',
  'พล',
  'พงษ์',
  'วัฒน์',
  'ชัย',
  'กร',
  'ยา',
  'ดล',
  'นี',
  'พร',
  'ณี',
  'ทิพย์',
  'รัตน์',
  'วรรณ',
  'ดา',
  'ชนก',
  'ลี',
  'ภา',
  'ใจ',
];
const LAST_PARTS = [
  'ใจ',
  'ดี',
  'แสง',
  'ทอง',
  'ศรี',
  'สุข',
  'บุญ',
  'มา',
  'วงศ์',
  'สวัสดิ์',
  'พรหม',
  'แก้ว',
  'มณี',
  'รัตน',
  'พันธ์',
  'สมบูรณ์',
  'ประเสริฐ',
  'มี',
  'เรือง',
  'คำ',
  'เพชร',
  'อินทร์',
  'สาย',
  'ชัย',
  'มงคล',
  'กิตติ',
  'พึ่ง',
  'นาค',
  'ปัญญา',
  'วัฒนา',
  'กุล',
  'อุดม',
  'จันทร์',
  'หอม',
  'สุวรรณ',
  'เจริญ',
  'ผล',
  'อ่อน',
  'นิล',
  'ปาน',
  'รุ่ง',
  'เกษม',
  'ธรรม',
  'สิทธิ์',
  'ศักดิ์',
  'วิจิตร',
  'บำรุง',
  'ทรัพย์',
  'ไพศาล',
  'โชติ',
  'เลิศ',
  'ยิ่ง',
  'ยืน',
  'นาน',
  'สกุล',
  'ภักดี',
  'รักษ์',
  'ถาวร',
  'พิทักษ์',
  'ชื่น',
];

const namePools = () => {
  const first = FIRST_HEADS.flatMap((h, i) => FIRST_TAILS.map((t, j) => ({ th: `${h}${t}`, en: `First${i}x${j}` })));
  const last = LAST_PARTS.flatMap((a, i) => LAST_PARTS.filter((b) => b !== a).map((b, j) => ({ th: `${a}${b}`, en: `Last${i}x${j}` })));
  return {
    first: first.map((n, i) => ({ n: i, ...n, key: thaiSortKey(n.th) })),
    last: last.map((n, i) => ({ n: i, ...n, key: thaiSortKey(n.th) })),
  };
};

/** Position lines with how often they occur; groups follow the same rules the app suggests with. */
const POSITION_LINES: { th: string; type: 'executive' | 'director' | 'academic' | 'general'; levels: string[][]; weight: number }[] = [
  { th: 'อธิบดี', type: 'executive', levels: [['higher', '']], weight: 1 },
  { th: 'ผู้อำนวยการกอง', type: 'director', levels: [['primary', '']], weight: 6 },
  {
    th: 'นักวิเคราะห์นโยบายและแผน',
    type: 'academic',
    levels: [
      ['practitioner', 'ปฏิบัติการ'],
      ['professional', 'ชำนาญการ'],
      ['senior_professional', 'ชำนาญการพิเศษ'],
    ],
    weight: 120,
  },
  {
    th: 'นักทรัพยากรบุคคล',
    type: 'academic',
    levels: [
      ['practitioner', 'ปฏิบัติการ'],
      ['professional', 'ชำนาญการ'],
    ],
    weight: 80,
  },
  {
    th: 'นักวิชาการคอมพิวเตอร์',
    type: 'academic',
    levels: [
      ['practitioner', 'ปฏิบัติการ'],
      ['professional', 'ชำนาญการ'],
    ],
    weight: 40,
  },
  {
    th: 'เจ้าพนักงานเครื่องคอมพิวเตอร์',
    type: 'general',
    levels: [
      ['operational', 'ปฏิบัติงาน'],
      ['experienced', 'ชำนาญงาน'],
    ],
    weight: 10,
  },
  {
    th: 'พยาบาลวิชาชีพ',
    type: 'academic',
    levels: [
      ['practitioner', 'ปฏิบัติการ'],
      ['professional', 'ชำนาญการ'],
    ],
    weight: 150,
  },
  {
    th: 'เจ้าพนักงานปกครอง',
    type: 'general',
    levels: [
      ['operational', 'ปฏิบัติงาน'],
      ['experienced', 'ชำนาญงาน'],
    ],
    weight: 100,
  },
  {
    th: 'นักวิชาการภาษี',
    type: 'academic',
    levels: [
      ['practitioner', 'ปฏิบัติการ'],
      ['professional', 'ชำนาญการ'],
    ],
    weight: 80,
  },
  {
    th: 'เจ้าพนักงานธุรการ',
    type: 'general',
    levels: [
      ['operational', 'ปฏิบัติงาน'],
      ['experienced', 'ชำนาญงาน'],
      ['senior', 'อาวุโส'],
    ],
    weight: 250,
  },
  {
    th: 'เจ้าพนักงานพัสดุ',
    type: 'general',
    levels: [
      ['operational', 'ปฏิบัติงาน'],
      ['experienced', 'ชำนาญงาน'],
    ],
    weight: 60,
  },
  { th: 'ครู', type: 'academic', levels: [['professional', 'ชำนาญการ']], weight: 100 },
];

function positions() {
  return POSITION_LINES.flatMap((line) =>
    line.levels.flatMap(([level, levelTh]) => {
      const th = `${line.th}${levelTh}`;
      const isIt = /คอมพิวเตอร์/.test(th);
      const row = {
        th,
        type: line.type,
        level,
        group: suggestTargetGroup({ positionType: line.type, positionTh: th, isIt }),
        is_it: isIt ? 'it' : 'non_it',
      };
      return Array.from({ length: Math.ceil(line.weight / line.levels.length) }, () => row);
    }),
  ).map((p, n) => ({ n, ...p }));
}

interface Agency {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  kind: string;
  parentId: string | null;
  path: string;
  provinceCode: string;
}

/** About 8,000 units: 20 ministries → 8 departments → 8 divisions → 5 units, and 76 provinces and Bangkok with 10 offices each. */
function agencyTree(): Agency[] {
  const out: Agency[] = [];
  const add = (code: string, nameTh: string, kind: string, parent: Agency | null) => {
    const id = randomUUID();
    const a = {
      id,
      code,
      nameTh,
      nameEn: code,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      provinceCode: '10',
    };
    out.push(a);
    return a;
  };
  for (let m = 1; m <= 20; m++) {
    const ministry = add(`M${m}`, `กระทรวงที่ ${m}`, 'ministry', null);
    for (let d = 1; d <= 8; d++) {
      const dept = add(`M${m}-D${d}`, `กรมที่ ${d} กระทรวงที่ ${m}`, 'department', ministry);
      for (let v = 1; v <= 8; v++) {
        const division = add(`M${m}-D${d}-V${v}`, `กองที่ ${v} กรม ${m}-${d}`, 'division', dept);
        for (let u = 1; u <= 5; u++) add(`M${m}-D${d}-V${v}-U${u}`, `กลุ่มงานที่ ${u} กอง ${m}-${d}-${v}`, 'unit', division);
      }
    }
  }
  for (let p = 1; p <= 77; p++) {
    const province = add(`P${p}`, p === 77 ? 'กรุงเทพมหานคร' : `จังหวัดที่ ${p}`, p === 77 ? 'local' : 'province', null);
    for (let o = 1; o <= 10; o++) add(`P${p}-O${o}`, `สำนักงานที่ ${o} จังหวัด ${p}`, 'division', province);
  }
  return out;
}

// ---------------------------------------------------------------- generation (SQL on one connection)

async function generate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tree = agencyTree();
    for (const kind of ['ministry', 'province', 'local', 'department', 'division', 'unit']) {
      const level = tree.filter((a) => a.kind === kind);
      for (let i = 0; i < level.length; i += 2000) {
        await client.query(
          `insert into agencies (id, code, name_th, name_en, kind, parent_id, path, province_code)
           select id, code, name_th, name_en, kind, parent_id, path, province_code
           from json_to_recordset($1::json) as x(id uuid, code text, name_th text, name_en text, kind text, parent_id uuid, path text, province_code text)`,
          [
            JSON.stringify(
              level.slice(i, i + 2000).map((a) => ({
                id: a.id,
                code: a.code,
                name_th: a.nameTh,
                name_en: a.nameEn,
                kind: a.kind,
                parent_id: a.parentId,
                path: a.path,
                province_code: a.provinceCode,
              })),
            ),
          ],
        );
      }
    }
    const { first, last } = namePools();
    const r = rng(11);
    // Ten thousand valid, encrypted citizen IDs, shared round-robin (each person's hash stays unique).
    const ids = Array.from({ length: 10_000 }, () => protectCitizenId(SECRET, withCheckDigit(`3${String(r.int(1e11)).padStart(11, '0')}`)));
    await client.query(
      `create temp table bench_first as select * from json_to_recordset($1::json) as x(n int, th text, en text, key text)`,
      [JSON.stringify(first)],
    );
    await client.query(
      `create temp table bench_last as select * from json_to_recordset($1::json) as x(n int, th text, en text, key text)`,
      [JSON.stringify(last)],
    );
    await client.query(
      `create temp table bench_pos as select * from json_to_recordset($1::json) as x(n int, th text, type text, level text, "group" text, is_it text)`,
      [JSON.stringify(positions())],
    );
    await client.query(
      `create temp table bench_cipher as select (ordinality - 1)::int as n, c, m from unnest($1::text[], $2::text[]) with ordinality as x(c, m)`,
      [ids.map((id) => id.cipher), ids.map((id) => id.masked)],
    );
    await client.query(
      `create temp table bench_slot as select (row_number() over (order by tree_key) - 1)::int as n, id, tree_key from agencies where kind <> 'ministry'`,
    );
    for (const t of ['bench_first', 'bench_last', 'bench_pos', 'bench_cipher', 'bench_slot'])
      await client.query(`create unique index on ${t} (n)`);
    const counts = (
      await client.query(
        `select (select count(*) from bench_first)::int f, (select count(*) from bench_last)::int l, (select count(*) from bench_pos)::int p,
              (select count(*) from bench_slot)::int s`,
      )
    ).rows[0];

    // Secondary indexes are built once after the load (as a restore would), from their own definitions.
    const indexes = (
      await client.query(
        `select indexname, indexdef from pg_indexes where tablename = 'persons' and indexname not in ('persons_pkey', 'persons_citizen_hash_key')`,
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const ix of indexes) await client.query(`drop index ${ix.indexname}`);
    const CHUNK = 250_000;
    for (let from = 1; from <= PERSONS; from += CHUNK) {
      const to = Math.min(PERSONS, from + CHUNK - 1);
      await client.query(
        `insert into persons (citizen_id_hash, citizen_id_cipher, citizen_id_last, citizen_id_masked, title_th, first_name_th, last_name_th, title_en, first_name_en,
           last_name_en, email, position_th, position_type, position_level, agency_id, agency_key, target_group_code, target_group_source,
           is_it, employment_status, sort_name, search_text)
         select encode(sha256(convert_to('bench-' || g, 'UTF8')), 'hex'), c.c, right(c.m, 1), c.m, case when g % 2 = 0 then 'นาย' else 'นางสาว' end,
           f.th, l.th, case when g % 2 = 0 then 'Mr.' else 'Ms.' end, f.en, l.en, 'p' || g || '@bench.go.th',
           p.th, p.type, nullif(p.level, ''), s.id, s.tree_key, p."group", 'suggested', p.is_it,
           case when h % 100 < 95 then 'active' when h % 100 < 97 then 'on_leave' when h % 100 < 98 then 'suspended'
                when h % 100 < 99 then 'retired' else 'left' end,
           f.key || ' ' || l.key, lower(f.th || ' ' || l.th || ' ' || f.en || ' ' || l.en || ' p' || g || '@bench.go.th')
         from (select g, abs(hashint8extended(g, 7)) as h from generate_series($1::bigint, $2::bigint) g) x
         join bench_first f on f.n = (x.h % $3)
         join bench_last l on l.n = ((x.h / $3) % $4)
         join bench_pos p on p.n = ((x.h / 7919) % $5)
         join bench_slot s on s.n = (abs(hashint8extended(g, 13)) % $6)
         join bench_cipher c on c.n = (g % 10000)`,
        [from, to, counts.f, counts.l, counts.p, counts.s],
      );
      console.log(`  generated ${to.toLocaleString('en')} personnel`);
    }
    await client.query(`set maintenance_work_mem = '1GB'`);
    for (const ix of indexes) {
      const t0 = Date.now();
      await client.query(ix.indexdef);
      console.log(`  built ${ix.indexname} in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    // Loading in chunks rewrote every roll-up row a dozen times; rewrite the table compact, as a restore would.
    await client.query('vacuum full person_rollup');
    await client.query('vacuum analyze');
    return tree;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the server, with its process id (for memory)

async function startServer(url: string, port: number, env: Record<string, string> = {}) {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...SERVER_ARGS], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      NODE_ENV: 'production',
      SESSION_SECRET: SECRET,
      DATABASE_POOL_SIZE: '20',
      JOBS_INTERVAL_SECONDS: '0',
      LOGIN_RATE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  const peakRssMb = () => {
    const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
  };
  return {
    baseUrl,
    peakRssMb,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function signIn(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: csrfToken };
}

async function createUser(url: string, email: string, grants: { role: string; scopeType: string; scopeId: string }[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- import

/** A personnel file of new people for one department's subtree; every 50th row supervises the next 49. */
function importFile(dept: Agency, tree: Agency[]): string {
  const units = tree.filter((a) => a.path.startsWith(dept.path)).map((a) => a.code);
  const { first, last } = namePools();
  const r = rng(2024);
  const pos = positions();
  const header =
    'citizenId,titleTh,firstNameTh,lastNameTh,titleEn,firstNameEn,lastNameEn,email,positionTh,positionType,positionLevel,isIt,agencyCode,supervisorCitizenId,targetGroup,employmentStatus';
  const lines = [header];
  let supervisor = '';
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const id = withCheckDigit(`4${String(i).padStart(11, '0')}`);
    const f = r.pick(first);
    const l = r.pick(last);
    const p = r.pick(pos);
    lines.push(
      [
        id,
        i % 2 ? 'นางสาว' : 'นาย',
        f.th,
        l.th,
        i % 2 ? 'Ms.' : 'Mr.',
        f.en,
        l.en,
        `import${i}@dept.bench.go.th`,
        p.th,
        p.type,
        p.level,
        '',
        r.pick(units),
        i % 50 ? supervisor : '',
        '',
        '',
      ].join(','),
    );
    if (i % 50 === 0) supervisor = id;
  }
  return `${lines.join('\n')}\n`;
}

async function benchImport(baseUrl: string, session: { cookie: string; csrf: string }, file: string) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const t0 = performance.now();
  const upload = await fetch(`${baseUrl}/api/people/imports?fileName=bench.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: readFileSync(file),
  });
  if (upload.status !== 202) throw new Error(`upload ${upload.status} ${await upload.text()}`);
  const { id } = (await upload.json()) as { id: string };
  const uploaded = performance.now();
  let job: { status: string; progress: number; errorCount: number; toCreate: number; toUpdate: number } = {
    status: 'validating',
    progress: 0,
    errorCount: 0,
    toCreate: 0,
    toUpdate: 0,
  };
  let lastProgress = -1;
  while (job.status === 'validating') {
    await new Promise((r) => setTimeout(r, 250));
    job = (await (await fetch(`${baseUrl}/api/people/imports/${id}?errorsPageSize=5`, { headers })).json()) as typeof job;
    if (job.progress !== lastProgress && job.progress % 10 < 3) console.log(`  validating: ${job.progress}%`);
    lastProgress = job.progress;
  }
  if (job.status !== 'validated') throw new Error(`import ${job.status}: ${JSON.stringify(job).slice(0, 500)}`);
  const validated = performance.now();
  const commit = await fetch(`${baseUrl}/api/people/imports/${id}/commit`, { method: 'POST', headers });
  const done = (await commit.json()) as { status: string; created: number; updated: number; invited: number };
  if (done.status !== 'committed') throw new Error(`commit ${commit.status} ${JSON.stringify(done)}`);
  const committed = performance.now();
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return {
    upload: s(uploaded - t0),
    validation: s(validated - uploaded),
    commit: s(committed - validated),
    total: s(committed - t0),
    created: done.created,
    updated: done.updated,
    invited: done.invited,
  };
}

// ---------------------------------------------------------------- reads

/**
 * Runs `during` while people are edited at `perSecond` (their position level, in turn), straight in SQL: the same
 * triggers move the lists' versions as for an edit through the API. Returns what `during` gave and the edits made.
 */
async function whileEditing<T>(url: string, personIds: string[], perSecond: number, during: () => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let edits = 0;
  let stop = false;
  const editing = (async () => {
    const started = performance.now();
    while (!stop) {
      const id = personIds[edits % personIds.length];
      await client.query(`update persons set position_level = $2, updated_at = now() where id = $1`, [
        id,
        edits % 2 ? 'ชำนาญการ' : 'ปฏิบัติการ',
      ]);
      edits++;
      const due = started + (edits * 1000) / perSecond;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    }
  })();
  try {
    return { result: await during(), edits };
  } finally {
    stop = true;
    await editing;
    await client.end();
  }
}

async function firstPages(baseUrl: string, cookie: string, paths: string[]): Promise<string[]> {
  const next: string[] = [];
  for (const p of paths) {
    const res = (await (await fetch(`${baseUrl}${p}`, { headers: { cookie } })).json()) as { nextCursor: string | null };
    if (res.nextCursor) next.push(`${p.replace(/&cursor=[^&]*/, '')}&cursor=${res.nextCursor}`);
  }
  return next;
}

/** 3,000,000 personnel in ~8,000 agencies on PostgreSQL: a 100,000-row import, then listPersonnel at 50 connections. */
export async function run() {
  const reuse = process.env.BENCH_PEOPLE_DATABASE_URL;
  const fresh = reuse ? null : await freshDatabase('people');
  const url = reuse ?? (fresh?.url as string);
  try {
    const started = Date.now();
    let tree: Agency[];
    if (reuse) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      tree = (
        await client.query(
          `select id, code, name_th as "nameTh", name_en as "nameEn", kind, parent_id as "parentId", path, province_code as "provinceCode" from agencies`,
        )
      ).rows;
      await client.end();
    } else {
      tree = await generate(url);
    }
    const generatedIn = Math.round((Date.now() - started) / 1000);
    if (GENERATE_ONLY) {
      console.log(`  generated in ${generatedIn} s`);
      return;
    }
    const departments = tree.filter((a) => a.kind === 'department');
    // People are spread evenly over every agency below the ministries; a department's subtree has 49 agencies.
    const perDepartment = Math.round(((PERSONS / tree.filter((a) => a.kind !== 'ministry').length) * 49) / 100) * 100;
    const ministries = tree.filter((a) => a.kind === 'ministry');
    const importDept = departments[departments.length - 1];
    const suffix = randomUUID().slice(0, 6);
    await createUser(
      url,
      `hr-${suffix}@bench.go.th`,
      ministries.map((m) => ({ role: 'agency_admin', scopeType: 'agency', scopeId: m.id })),
    );
    await createUser(url, `import-${suffix}@bench.go.th`, [{ role: 'agency_admin', scopeType: 'agency', scopeId: importDept.id }]);
    await createUser(url, `monitor-${suffix}@bench.go.th`, [{ role: 'central_monitor', scopeType: 'national', scopeId: '' }]);
    const file = join(tmpdir(), `thaksa-bench-people-${suffix}.csv`);
    writeFileSync(file, importFile(importDept, tree));

    const server = await startServer(url, 3931);
    const rows: Measurement[] = [];
    const notes: string[] = [];
    try {
      const rssBefore = server.peakRssMb();
      if (!LIST_ONLY) {
        const imported = await benchImport(server.baseUrl, await signIn(server.baseUrl, `import-${suffix}@bench.go.th`), file);
        const peak = server.peakRssMb();
        console.log(`  import: ${JSON.stringify(imported)}, peak RSS ${peak} MB (before ${rssBefore} MB)`);
        notes.push(
          `importPersonnel + commitPersonImport, ${IMPORT_ROWS.toLocaleString('en')} new people (CSV, ${Math.round(readFileSync(file).length / 1024 / 1024)} MB) into one department over ${PERSONS.toLocaleString('en')} existing: ` +
            `${imported.total} s in all (upload ${imported.upload} s, background validation ${imported.validation} s, commit ${imported.commit} s, which created ${imported.created.toLocaleString('en')} people and ${imported.invited.toLocaleString('en')} learner accounts with invitations); ` +
            `peak resident memory of the server process ${peak} MB (${rssBefore} MB after start). Target: ≤ 30 s and < 500 MB.`,
        );
      }
      if (IMPORT_ONLY) return;
      const hr = (await signIn(server.baseUrl, `hr-${suffix}@bench.go.th`)).cookie;
      const monitor = (await signIn(server.baseUrl, `monitor-${suffix}@bench.go.th`)).cookie;
      const r = rng(5);
      const depts = Array.from({ length: 60 }, () => r.pick(departments));
      const inMinistries = tree.filter((a) => (a.kind === 'division' || a.kind === 'unit') && a.code.startsWith('M'));
      const divisions = Array.from({ length: 100 }, () => r.pick(inMinistries));
      const deptPage1 = depts.map((d) => `/api/people?agencyId=${d.id}`);
      const filters = [
        'targetGroup=TECHNOLOGY',
        'targetGroup=MANAGEMENT',
        'isIt=true',
        'status=on_leave',
        'targetGroup=SERVICE&status=active',
        'positionType=general',
      ];
      const filtered = depts.map((d, i) => `/api/people?agencyId=${d.id}&${filters[i % filters.length]}`);
      const { first, last } = namePools();
      const texts = depts.map(
        (d, i) => `/api/people?agencyId=${d.id}&q=${encodeURIComponent(i % 2 ? r.pick(first).th : r.pick(last).th.slice(0, 6))}`,
      );
      const later = await firstPages(server.baseUrl, hr, await firstPages(server.baseUrl, hr, deptPage1));
      const smaller = divisions.map((d) => `/api/people?agencyId=${d.id}`);
      const wide = [...ministries.map((m) => `/api/people?agencyId=${m.id}`), '/api/people?', '/api/people?targetGroup=EXECUTIVE'];
      const mix = [...deptPage1, ...filtered, ...texts, ...later, ...smaller];
      const load = (name: string, paths: string[], cookie = hr, rate?: number) =>
        measure(name, { url: server.baseUrl, paths, headers: { cookie }, connections: 50, duration: DURATION, rate });
      rows.push(await load(`listPersonnel: department (~${perDepartment.toLocaleString('en')} people), page 1 (60 in turn)`, deptPage1));
      rows.push(await load('listPersonnel: department, filtered by group, IT, status or type (60 in turn)', filtered));
      rows.push(await load('listPersonnel: department, name search (60 in turn)', texts));
      rows.push(await load(`listPersonnel: department, page 3 by cursor (${later.length} in turn)`, later));
      rows.push(await load('listPersonnel: division or unit, page 1 (100 in turn)', smaller));
      rows.push(await load(`listPersonnel: all of the above in turn (${mix.length} requests)`, mix));
      rows.push(await load('listPersonnel: ministry (~150,000) or national (3,000,000), page 1', wide.slice(0, 20)));
      rows.push(await load('listPersonnel: national, central monitor (all, and executives only)', wide.slice(20), monitor));
      const ids = (await (
        await fetch(`${server.baseUrl}/api/people?agencyId=${depts[0].id}&limit=100`, { headers: { cookie: hr } })
      ).json()) as { items: { id: string }[] };
      const personPaths = ids.items.map((p) => `/api/people/${p.id}`);
      rows.push(await load('getPerson (100 people in turn)', personPaths));
      // Pages are kept per instance under their subtree's list version (decision 017): the rows above read kept
      // pages once each page has been read. The cost when pages must be read again: people of the same 60
      // departments edited while they are listed, and every page read from the database.
      const edited: string[] = [];
      for (const p of deptPage1) {
        const page = (await (await fetch(`${server.baseUrl}${p}&limit=5`, { headers: { cookie: hr } })).json()) as {
          items: { id: string }[];
        };
        edited.push(...page.items.map((x) => x.id));
      }
      const { result: whileEdited, edits } = await whileEditing(url, edited, EDITS_PER_SECOND, () =>
        load(`listPersonnel: department, page 1, while ${EDITS_PER_SECOND} people a second of those departments are edited`, deptPage1),
      );
      rows.push(whileEdited);
      notes.push(
        `While edited: ${edits.toLocaleString('en')} edits during the row (warm-up included), each moving the version of its department, ministry and the nation, so the next request for that department's page reads it again.`,
      );
      // Open loop: 50 connections offering a fixed rate between them, as people arrive, rather than each
      // connection asking again the moment it is answered (the rows above, which measure the saturated server).
      rows.push(await load(`listPersonnel: the mix above, offered at ${PACED_RATE} requests/s (open loop)`, mix, hr, PACED_RATE));
      rows.push(
        await load(`listPersonnel: ministry page 1, offered at ${PACED_RATE} requests/s (open loop)`, wide.slice(0, 20), hr, PACED_RATE),
      );
      rows.push(await load(`getPerson, offered at ${PACED_RATE} requests/s (open loop)`, personPaths, hr, PACED_RATE));
      // The same reads with every page read from the database (no kept pages), for comparison.
      const uncached = await startServer(url, 3932, { PEOPLE_LIST_CACHE_ENTRIES: '0' });
      try {
        const loadUncached = (name: string, paths: string[], cookie = hr) =>
          measure(name, { url: uncached.baseUrl, paths, headers: { cookie }, connections: 50, duration: DURATION });
        rows.push(await loadUncached('listPersonnel, no kept pages: department, page 1 (60 in turn)', deptPage1));
        rows.push(await loadUncached('listPersonnel, no kept pages: department, name search (60 in turn)', texts));
        rows.push(await loadUncached(`listPersonnel, no kept pages: all of the above in turn (${mix.length} requests)`, mix));
        rows.push(await loadUncached('listPersonnel, no kept pages: ministry or national, page 1', wide.slice(0, 20)));
      } finally {
        await uncached.stop();
      }
    } finally {
      await server.stop();
    }
    if (LIST_ONLY) return;
    // The naive way, straight to the database: a subtree by path prefix, sorted by name, offset paging, count(*).
    const pool = baselinePool(url, '-c jit=off');
    try {
      const r = rng(9);
      const prefixes = Array.from({ length: 60 }, () => r.pick(departments).path);
      rows.push(
        await measureSql('baseline: path LIKE prefix, ORDER BY name OFFSET 40, count(*) (SQL only)', 50, DURATION, async (i) => {
          const like = `${prefixes[i % prefixes.length]}%`;
          await pool.query(
            `select p.id, p.first_name_th, p.last_name_th from persons p join agencies a on a.id = p.agency_id
             where a.path like $1 order by p.first_name_th, p.last_name_th, p.id offset 40 limit 20`,
            [like],
          );
          await pool.query(`select count(*)::int from persons p join agencies a on a.id = p.agency_id where a.path like $1`, [like]);
        }),
      );
    } finally {
      await pool.end();
    }

    report(
      'people',
      `${PERSONS.toLocaleString('en')} personnel in ${tree.length.toLocaleString('en')} agencies (${reuse ? 'generated by an earlier run with the same seed and kept' : `generated in ${generatedIn} s`}), then a ${IMPORT_ROWS.toLocaleString('en')}-row import`,
      rows,
      [
        'Issue targets: listPersonnel p95 ≤ 50 ms at 50 connections over 3,000,000 personnel; a 100,000-row import (validation + commit) in ≤ 30 s with the server under 500 MB.',
        ...notes,
        'HR holds agency_admin in 20 ministries, so every department, division and unit below is in scope; pages are 20 people in Thai name order, citizen IDs masked (from the stored masked form, nothing decrypted); totals exact from the roll-up, or counted up to 10,000 for text searches and position types.',
        "Each list request reads the session, the agency and the subtree's list version (decision 017: a sum over the subtree's roll-up rows of counters that the triggers move with every change a list shows). Each instance keeps the pages it read under that version, so a page asked for again is answered without its statement. Only when the version moved is the page read: one statement that sums the subtree’s roll-up rows for the exact total and reads the page the cheapest of four ways it estimates from them (name walk, per agency, per agency and cell, per cell); text and position-type filters gather their matches and the page in one statement.",
        'The closed-loop list rows above the "no kept pages" rows therefore measure pages already kept: each of the 340 distinct pages is read from the database in the warm-up, and again only after a change. The "while edited" row moves versions during the run (10 people a second of the same 60 departments, each edit sending the next request for its department\'s page to the database). The "no kept pages" rows run a second server with `PEOPLE_LIST_CACHE_ENTRIES=0` on the same data in the same run: every request reads its page, which is the cost of a page after a change.',
        'Closed-loop rows: each of the 50 connections asks again the moment it is answered (the saturated server). Open-loop rows: requests start at evenly spaced instants at the rate given, over at most 50 connections, each latency counted from when the request was due.',
        'The baseline runs its two statements straight on PostgreSQL with 50 clients (no HTTP, no masking), so it is flattered.',
        'Server, database and load generator share the 2 cores.',
      ],
    );
  } finally {
    await fresh?.drop();
  }
}
