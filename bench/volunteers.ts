import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/src/db/client.js';
import { seedPlaces } from '../server/src/db/seed/places.js';
import { hashPassword } from '../server/src/lib/crypto.js';
import { issueChallenge, solveChallenge } from '../server/src/modules/factcheck/challenge.js';
import { linkKey } from '../server/src/modules/factcheck/links.js';
import { textKey } from '../server/src/modules/factcheck/similarity.js';
import { freshDatabase, type Measurement, measure, report, startServer } from './lib.js';

/** `BENCH_VOLUNTEERS_SCALE=0.01` for a smoke run; figures go to docs/benchmarks.md only at full scale (1). */
const SCALE = Number(process.env.BENCH_VOLUNTEERS_SCALE ?? '1');
const VILLAGES = Math.round(75_000 * SCALE);
const VOLUNTEERS = Math.round(300_000 * SCALE);
const CLAIMS = Math.round(1_000_000 * SCALE);
/** Distinct claims (each a group); the rest repeat them, as forwarded messages do. */
const VARIANTS = Math.max(200, Math.round(60_000 * SCALE));
const CONNECTIONS = 50;
/** The proof of work is solved by the benchmark beforehand; the server verifies one hash whatever the difficulty. */
const CHALLENGE_BITS = 8;

const PROVINCES = ['กรุงเทพมหานคร', 'เชียงใหม่', 'ขอนแก่น', 'สงขลา', 'ชลบุรี', 'นครราชสีมา', 'อุดรธานี', 'ภูเก็ต', 'สุราษฎร์ธานี', 'พิษณุโลก'];
const AGENCIES = [
  'กรมสรรพากร',
  'ธนาคารแห่งประเทศไทย',
  'การไฟฟ้าส่วนภูมิภาค',
  'กรมการขนส่งทางบก',
  'สำนักงานประกันสังคม',
  'กระทรวงสาธารณสุข',
  'กรมที่ดิน',
  'การประปานครหลวง',
];
const FOODS = ['น้ำมะนาว', 'กระเทียม', 'ขมิ้นชัน', 'น้ำมะพร้าว', 'ใบกะเพรา', 'มะรุม', 'ฟ้าทะลายโจร', 'ชาเขียว'];
const ILLS = ['มะเร็ง', 'เบาหวาน', 'ความดันสูง', 'ไขมันในเลือด', 'โรคไต', 'ไข้หวัดใหญ่', 'ภูมิแพ้', 'โรคหัวใจ'];
const TEMPLATES: ((n: number, a: string, b: string, c: string) => string)[] = [
  (n, a) => `${a}แจกเงินช่วยเหลือคนละ ${n} บาท กดลิงก์ลงทะเบียนภายในวันนี้ก่อนสิทธิ์เต็ม`,
  (n, _a, _b, c) => `ดื่ม${c}ผสมน้ำอุ่นทุกเช้าวันละ ${(n % 5) + 1} แก้ว รักษาโรค${ILLS[n % ILLS.length]}ได้ภายในหนึ่งเดือน`,
  (n, a) => `${a}จะตัดไฟทั่วประเทศ ${(n % 7) + 1} วันตั้งแต่สัปดาห์หน้า ให้เตรียมตุนน้ำและอาหาร`,
  (n, a, b) => `ด่วน ${a}ประกาศปิดบัญชีที่ไม่ยืนยันตัวตนภายใน ${(n % 30) + 1} วัน ที่จังหวัด${b}`,
  (n, _a, b) => `พบผู้ป่วยโรคประหลาดที่จังหวัด${b} ${n} ราย ติดต่อทางอากาศ ห้ามออกจากบ้าน`,
  (n, a) => `${a}เปิดรับสมัครงานออนไลน์ รายได้วันละ ${n} บาท ไม่ต้องมีประสบการณ์ แค่กดไลก์`,
  (n, _a, b) => `แผ่นดินไหวใหญ่จะเกิดที่${b}คืนวันที่ ${(n % 28) + 1} นี้ นักวิทยาศาสตร์ยืนยันแล้ว`,
  (n, a) => `ข้อความจาก${a} บัญชีของคุณถูกระงับ โปรดโอนเงินค่าธรรมเนียม ${n} บาท เพื่อปลดล็อก`,
  (n, _a, _b, c) => `กิน${c}ก่อนนอนทุกคืนช่วยล้างสารพิษในตับ หมอ${n % 3 === 0 ? 'ญี่ปุ่น' : 'เยอรมัน'}ยืนยันผลวิจัย`,
  (n, a, b) => `${a}ขึ้นภาษีป้ายทะเบียนรถในจังหวัด${b}อีก ${(n % 50) + 10} เปอร์เซ็นต์ตั้งแต่เดือนหน้า`,
];

/** A Thai claim text from the templates, with variation that is and is not the same claim. */
function claimText(i: number): string {
  const n = 100 + ((i * 7919) % 9900);
  const t = TEMPLATES[i % TEMPLATES.length];
  return t(n, AGENCIES[(i >> 3) % AGENCIES.length], PROVINCES[(i >> 5) % PROVINCES.length], FOODS[(i >> 7) % FOODS.length]);
}

type DbOf = Parameters<typeof queryRows>[0];

/** Places, villages and volunteers in set-based statements (the roll-up triggers keep coverage as they go). */
async function generateVolunteers(db: DbOf) {
  const h = (expr: string, mod: number) => sql.raw(`(abs(hashtext(${expr})) % ${mod})`);
  await seedPlaces(db);
  // Villages under the real subdistricts, spread evenly (about ten per subdistrict at full scale).
  await db.execute(sql`
    insert into villages (subdistrict_code, district_code, province_code, moo, name_th)
    select s.code, s.district_code, s.province_code, m, 'บ้านทดสอบ หมู่ ' || m
    from (select code, district_code, province_code, row_number() over (order by code) - 1 as k from place_subdistricts) s
    cross join generate_series(1, 99) m
    where (s.k + (m - 1) * (select count(*) from place_subdistricts)) < ${VILLAGES}`);
  await db.execute(sql`
    insert into volunteers (citizen_id_hash, citizen_id_cipher, citizen_id_last, first_name, last_name, phone, email, village_id,
                            subdistrict_code, district_code, province_code, occupation, consent_version, consented_at, status, level, card_token, decided_at)
    select md5('cid' || g.i), 'bench', lpad((g.i % 10)::text, 1, '0'), 'อาสา' || g.i, 'ทดสอบ', '0810000000', 'vol' || g.i || '@bench.thaksa.local',
           v.id, v.subdistrict_code, v.district_code, v.province_code, 'เกษตรกร', '2569-1', now(),
           case when ${h("'st'||g.i", 100)} < 90 then 'active' when ${h("'st'||g.i", 100)} < 97 then 'pending' else 'inactive' end,
           case when ${h("'lv'||g.i", 100)} < 10 then 'subdistrict' else 'village' end, md5('card' || g.i), now()
    from (select i, ${h("'vi'||i", VILLAGES)} as vk from generate_series(1, ${VOLUNTEERS}) i) g
    join (select id, subdistrict_code, district_code, province_code, row_number() over (order by id) - 1 as k from villages) v on v.k = g.vk`);
  // One leader per district: the first active volunteer of each.
  await db.execute(sql`
    update volunteers set level = 'district_leader'
    where id in (select distinct on (district_code) id from volunteers where status = 'active' order by district_code, id)`);
  await db.execute(sql`
    insert into volunteer_activities (id, volunteer_id, topic, people_helped, village_id, subdistrict_code, district_code, province_code, activity_date)
    select gen_random_uuid(), v.id, (array['ecommerce','eagriculture','mooc','coding','digital_literacy','egovernment','scam_awareness','other'])[1 + ${h('v.id::text', 8)}],
           1 + ${h("v.id::text||'p'", 20)}, v.village_id, v.subdistrict_code, v.district_code, v.province_code,
           (current_date - ${h("v.id::text||'d'", 365)})
    from volunteers v where v.status = 'active'`);
}

/** Claim groups (one per distinct claim) and claims repeating them, skewed as spreading messages are. */
async function generateClaims(db: DbOf) {
  const texts: string[] = [];
  const keys: string[] = [];
  const links: (string | null)[] = [];
  const linkKeys: (string | null)[] = [];
  for (let i = 0; i < VARIANTS; i++) {
    const text = claimText(i);
    texts.push(text);
    keys.push(textKey(text));
    const link = i % 5 === 0 ? `https://news-${i % 997}.example.com/story/${i}` : null;
    links.push(link);
    linkKeys.push(linkKey(link));
  }
  await db.execute(
    sql`create temporary table bench_variants (k int primary key, text text, text_key text, link text, link_key text, group_id uuid)`,
  );
  for (let at = 0; at < VARIANTS; at += 5000) {
    const slice = (xs: unknown[]) => JSON.stringify(xs.slice(at, at + 5000));
    await db.execute(sql`
      insert into bench_variants (k, text, text_key, link, link_key)
      select k - 1 + ${at}, t, tk, l, lk from rows from (
        json_array_elements_text(${slice(texts)}::json), json_array_elements_text(${slice(keys)}::json),
        json_array_elements_text(${slice(links)}::json), json_array_elements_text(${slice(linkKeys)}::json)
      ) with ordinality as x(t, tk, l, lk, k)`);
  }
  await db.execute(sql`update bench_variants set group_id = gen_random_uuid()`);
  await db.execute(sql`
    insert into claim_groups (id, sample_text, text_key, status, request_count, first_seen_at, last_seen_at)
    select group_id, text, text_key, 'new', 0, now() - interval '180 days', now() from bench_variants`);
  // Claim i repeats variant v(i): a power law, so some claims spread widely and most are seen a few times.
  await db.execute(sql`
    insert into claims (group_id, tracking_code, text, link, link_key, text_key, platform, province_code, submitted_at)
    select v.group_id, 'BN' || lpad(g.i::text, 10, '0'), v.text, v.link, v.link_key, v.text_key,
           (array['line','facebook','tiktok','x','youtube','website','sms','other'])[1 + (abs(hashtext('pf'||g.i)) % 8)],
           lpad((10 + abs(hashtext('pv'||g.i)) % 87)::text, 2, '0'),
           now() - make_interval(secs => abs(hashtext('at'||g.i)) % (180 * 86400))
    from generate_series(1, ${CLAIMS}) g(i)
    join bench_variants v on v.k = least(${VARIANTS - 1}, floor(${VARIANTS} * power((abs(hashtext('vr'||g.i)) % 1000000) / 1000000.0, 2.5))::int)`);
  await db.execute(sql`
    update claim_groups g set request_count = c.n, first_seen_at = c.first, last_seen_at = c.last
    from (select group_id, count(*)::int as n, min(submitted_at) as first, max(submitted_at) as last from claims group by group_id) c
    where c.group_id = g.id`);
}

/**
 * `getCoverage` (nation and provinces) and `submitClaim` with grouping, at 300,000 volunteers in 75,000 villages
 * and 1,000,000 claims, 50 connections, PostgreSQL (scaled by BENCH_VOLUNTEERS_SCALE).
 */
export async function run() {
  const { url, database, drop } = await freshDatabase('volunteers');
  try {
    const started = Date.now();
    await generateVolunteers(database.db);
    const volunteersIn = Math.round((Date.now() - started) / 1000);
    await generateClaims(database.db);
    await database.db.execute(sql`vacuum analyze`);
    const generatedIn = Math.round((Date.now() - started) / 1000);
    const passwordHash = await hashPassword('bench-password-1');
    const [{ id: coordinatorId }] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, display_name, password_hash) values ('coordinator@bench.thaksa.local', 'Coordinator', ${passwordHash}) returning id`,
    );
    await database.db.execute(
      sql`insert into role_grants (user_id, role, scope_type, scope_id) values (${coordinatorId}, 'volunteer_coordinator', 'province', '50')`,
    );
    const [counts] = await queryRows<{ villages: number; volunteers: number; claims: number; groups: number }>(
      database.db,
      sql`select (select count(*)::int from villages) as villages, (select count(*)::int from volunteers) as volunteers,
                 (select count(*)::int from claims) as claims, (select count(*)::int from claim_groups) as groups`,
    );
    console.log(`generated in ${generatedIn} s (volunteers ${volunteersIn} s):`, counts);
    const provinces = (await queryRows<{ code: string }>(database.db, sql`select code from place_provinces order by code`)).map(
      (r) => r.code,
    );

    const secret = randomBytes(32).toString('hex');
    const server = await startServer(url, 3921, {
      SESSION_SECRET: secret,
      CLAIM_CHALLENGE_BITS: String(CHALLENGE_BITS),
      CLAIM_RATE_PER_MINUTE: '100000000',
    });
    try {
      const login = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@bench.thaksa.local', password: 'bench-password-1' }),
      });
      const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] };
      const rows: Measurement[] = [];
      rows.push(
        await measure('getCoverage (nation)', {
          url: `${server.baseUrl}/api/volunteer-coverage`,
          connections: CONNECTIONS,
          duration: 10,
          headers,
        }),
      );
      rows.push(
        await measure('getCoverage (a province, 77 in turn)', {
          url: `${server.baseUrl}/api/volunteer-coverage`,
          connections: CONNECTIONS,
          duration: 10,
          headers,
          paths: provinces.map((p) => `/api/volunteer-coverage?area=${p}`),
        }),
      );
      // Anonymous claims, each with its own solved challenge: half repeat a known claim with new wording
      // around it (they join its group), half are new variants (they open a group after the look-up).
      const solveStarted = Date.now();
      const bodies: string[] = [];
      for (let i = 0; i < 40_000 * Math.max(SCALE, 0.25); i++) {
        const { token } = issueChallenge(secret, CHALLENGE_BITS);
        const known = i % 2 === 0;
        const text = known ? `แชร์ด่วน ${claimText((i * 31) % VARIANTS)} จริงไหม` : claimText(VARIANTS + i);
        bodies.push(
          JSON.stringify({
            text,
            platform: 'line',
            provinceCode: provinces[i % provinces.length],
            ...(i % 10 === 1 ? { link: `https://news-${i % 997}.example.com/story/${(i * 31) % VARIANTS}` } : {}),
            challenge: { token, counter: solveChallenge(token, CHALLENGE_BITS) },
          }),
        );
      }
      console.log(`${bodies.length} challenges solved in ${Math.round((Date.now() - solveStarted) / 1000)} s`);
      rows.push(
        await measure('submitClaim (anonymous, with grouping)', {
          url: `${server.baseUrl}/api/factcheck/claims`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: 10,
          headers: { 'content-type': 'application/json' },
          bodies,
        }),
      );
      const dataset = `${counts.villages.toLocaleString('en')} villages under the real subdistricts, ${counts.volunteers.toLocaleString('en')} volunteers, ${counts.claims.toLocaleString('en')} claims in ${counts.groups.toLocaleString('en')} groups (generated in ${generatedIn} s)`;
      const notes = [
        'Targets: getCoverage p95 ≤ 50 ms, submitClaim p95 ≤ 100 ms at 50 connections.',
        `Each claim answers its own proof-of-work challenge, solved before the run at ${CHALLENGE_BITS} bits (the server checks one hash whatever the difficulty); half repeat a known claim, half are new.`,
      ];
      if (SCALE === 1) report('volunteers', dataset, rows, notes);
      else console.log(`smoke scale ${SCALE}: ${dataset}; not written to docs/benchmarks.md`);
    } finally {
      await server.stop();
    }
  } finally {
    await drop();
  }
}
