import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../server/src/db/client.js';
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

/**
 * Distinct claims are built from nine parts — who, what, how much, for whom, where, what to do, or else, says
 * who, what people add — each one of 53 phrases (a first half of 8 and a second of 7, so phrases share words
 * too), as long chain messages are. Claim k takes part j from the polynomial a + b·j + c·j² over the integers
 * modulo 53 (a, b, c the digits of k), so any two claims share at most two of the nine parts: the word test keeps them apart, as the groups of a real queue are apart. Common
 * words stay common — บาท, เฉพาะ, ผู้ are in every claim, ลงทะเบียน, ช่วยเหลือ, จังหวัด in one in eight or more —
 * so the look-up and the locks meet common words and common word pairs on every claim.
 */
const P = 53;
const PARTS: [string[], string[]][] = [
  [
    ['กรมสรรพากร', 'ธนาคารออมสิน', 'การไฟฟ้าส่วนภูมิภาค', 'กรมการขนส่งทางบก', 'สำนักงานประกันสังคม', 'กระทรวงสาธารณสุข', 'กรมที่ดิน', 'การประปานครหลวง'],
    ['ร่วมกับธนาคารกรุงไทย', 'ผ่านแอปเป๋าตัง', 'โดยอธิบดีคนใหม่', 'ตามมติคณะรัฐมนตรี', 'ร่วมกับองค์การบริหารส่วนตำบล', 'ผ่านไลน์ทางการ', 'ตามคำสั่งนายกรัฐมนตรี'],
  ],
  [
    ['แจกเงินช่วยเหลือ', 'คืนเงินภาษี', 'ยกเลิกสิทธิรักษาพยาบาล', 'เพิ่มเบี้ยยังชีพ', 'ปิดบัญชีธนาคาร', 'อายัดทรัพย์สิน', 'งดจ่ายน้ำประปา', 'ปรับขึ้นค่าไฟฟ้า'],
    ['ของผู้สูงอายุ', 'ของเกษตรกร', 'ของนักเรียน', 'ของผู้พิการ', 'ของแม่ค้าออนไลน์', 'ของผู้ถือบัตรสวัสดิการแห่งรัฐ', 'ของคนว่างงาน'],
  ],
  [
    ['คนละ', 'ครัวเรือนละ', 'รายละ', 'เดือนละ', 'วันละ', 'ครั้งละ', 'ปีละ', 'งวดละ'],
    ['ทุกเดือน', 'เพียงครั้งเดียว', 'ตลอดทั้งปี', 'ย้อนหลังสองปี', 'เป็นเวลาหกเดือน', 'ทุกสัปดาห์', 'จนถึงสิ้นปี'],
  ],
  [
    [
      'ในจังหวัดเชียงใหม่',
      'ในจังหวัดขอนแก่น',
      'ในจังหวัดสงขลา',
      'ในจังหวัดชลบุรี',
      'ในจังหวัดนครราชสีมา',
      'ในจังหวัดอุดรธานี',
      'ในจังหวัดภูเก็ต',
      'ในกรุงเทพมหานคร',
    ],
    [
      'เฉพาะผู้มีทะเบียนบ้าน',
      'เฉพาะผู้ที่ฉีดวัคซีนครบ',
      'เฉพาะผู้มีหนี้นอกระบบ',
      'เฉพาะผู้ที่เกิดก่อนปี 2510',
      'เฉพาะผู้ที่ไม่เคยกู้เงิน',
      'เฉพาะผู้ที่มีบัญชีพร้อมเพย์',
      'เฉพาะผู้ที่ทำประกันชีวิต',
    ],
  ],
  [
    [
      'กดลิงก์ลงทะเบียน',
      'แอดไลน์เจ้าหน้าที่',
      'โทรกลับเบอร์นี้',
      'กรอกเลขบัตรประชาชน',
      'โอนค่าธรรมเนียม',
      'สแกนคิวอาร์โค้ด',
      'ยืนยันตัวตนผ่านแอป',
      'ส่งสำเนาบัตรทางไลน์',
    ],
    ['ภายในวันนี้', 'ก่อนเที่ยงคืน', 'ก่อนสิทธิ์เต็ม', 'ภายในสามวัน', 'ก่อนถูกตัดสิทธิ', 'ก่อนสิ้นเดือนนี้', 'โดยด่วนที่สุด'],
  ],
  [
    [
      'หากไม่ทำจะถูกปรับ',
      'ใครไม่ลงชื่อจะเสียสิทธิ',
      'ผู้ที่พลาดต้องรอปีหน้า',
      'ถ้าช้าเงินจะถูกยึด',
      'คนที่ไม่ยืนยันจะถูกระงับบัตร',
      'ผู้ไม่ทำตามจะถูกดำเนินคดี',
      'หากเพิกเฉยจะโดนตัดน้ำไฟ',
      'ถ้าไม่รีบจะหมดโควตา',
    ],
    ['ตามกฎหมายใหม่', 'ทันทีโดยไม่แจ้งล่วงหน้า', 'ทั้งครอบครัว', 'อย่างถาวร', 'เป็นเวลาห้าปี', 'ตามระเบียบกระทรวง', 'โดยอัตโนมัติ'],
  ],
  [
    [
      'ข้อมูลจากเพจข่าวด่วน',
      'ยืนยันโดยผู้ใหญ่บ้าน',
      'ประกาศในราชกิจจานุเบกษา',
      'แจ้งผ่านหอกระจายข่าว',
      'ส่งต่อจากกลุ่มไลน์ครู',
      'อ้างอิงคลิปติ๊กต็อก',
      'ลงในหนังสือพิมพ์',
      'บอกต่อจากอาสาสมัครหมู่บ้าน',
    ],
    ['เมื่อเช้านี้', 'เมื่อวานเย็น', 'เมื่อสัปดาห์ก่อน', 'เมื่อคืนนี้', 'ตั้งแต่ต้นเดือน', 'เมื่อสองวันก่อน', 'ล่าสุดบ่ายนี้'],
  ],
  [
    [
      'มีคนได้รับแล้วหลายหมื่นราย',
      'ญาติของฉันได้เงินแล้วจริง',
      'เพื่อนบ้านโดนหักเงินไปแล้ว',
      'ครูที่โรงเรียนยืนยันว่าจริง',
      'หมอที่อนามัยเตือนมาแล้ว',
      'ลุงกำนันเพิ่งประกาศ',
      'ป้าข้างบ้านรับซองแล้ว',
      'ลูกสาวเห็นในเฟซบุ๊ก',
    ],
    ['รีบบอกพ่อแม่พี่น้อง', 'อย่าให้ใครรู้ก่อน', 'ช่วยกระจายในกลุ่มหมู่บ้าน', 'เก็บหลักฐานไว้ให้ดี', 'เตรียมเอกสารให้พร้อม', 'ถ่ายรูปบัตรไว้ก่อน', 'จดเบอร์โทรไว้ด้วย'],
  ],
  [
    [
      'สำหรับพื้นที่ภาคเหนือ',
      'สำหรับชาวประมงชายฝั่ง',
      'สำหรับผู้ประกอบการร้านค้า',
      'สำหรับครอบครัวที่มีเด็กเล็ก',
      'สำหรับผู้ปลูกข้าวนาปี',
      'สำหรับคนขับรถรับจ้าง',
      'สำหรับผู้เช่าที่ดินราชพัสดุ',
      'สำหรับพระสงฆ์และสามเณร',
    ],
    ['รอบแรก', 'รอบพิเศษ', 'ระยะที่สอง', 'โครงการนำร่อง', 'กลุ่มสุดท้าย', 'ชุดใหม่ล่าสุด', 'รอบเก็บตก'],
  ],
];

/** Distinct claim k (k < 53³): any two share at most two of their nine parts. */
export function claimText(k: number): string {
  const [a, b, c] = [k % P, Math.floor(k / P) % P, Math.floor(k / (P * P)) % P];
  const part = (j: number) => {
    const v = (a + b * j + c * j * j) % P;
    const [first, second] = PARTS[j];
    // An amount of its own, as real messages have (about six claims share each); the rest are common phrases.
    const amount = j === 2 ? ` ${100 + ((k * 7919) % 9900)} บาท` : '';
    return `${first[v % first.length]}${amount}${second[Math.floor(v / first.length)]}`;
  };
  return `${part(0)}${part(1)} ${part(2)} ${part(8)} ${part(3)} ${part(4)} ${part(5)} ${part(6)} ${part(7)}`;
}

/** How people forward a claim they received: the same message with a few words around it. */
export const FORWARDS = [
  (t: string) => `แชร์ด่วน ${t} จริงไหม`,
  (t: string) => t,
  (t: string) => `ด่วน ${t} นะครับ`,
  (t: string) => `${t} จริงหรือเปล่าคะ`,
];

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
  // Loaded as the migrations load existing groups: the groups, then their postings in one statement (in the
  // order the groups were made), their features and the tokens they make common, instead of the trigger group by
  // group.
  await db.execute(sql`alter table claim_groups disable trigger claim_group_tokens_sync`);
  await db.execute(sql`
    insert into claim_groups (id, sample_text, text_key, status, request_count, first_seen_at, last_seen_at)
    select group_id, text, text_key, 'new', 0, now() - interval '180 days', now() from bench_variants`);
  await db.execute(sql`alter table claim_groups enable trigger claim_group_tokens_sync`);
  await db.execute(sql`
    insert into claim_group_tokens (token, group_id)
    select t, v.group_id from (select group_id, text_key from bench_variants order by k) v, unnest(claim_grouping_tokens(v.text_key)) t`);
  await db.execute(
    sql`insert into claim_group_features (group_id, features) select group_id, (claim_key_hashes(text_key)).features from bench_variants`,
  );
  await db.execute(sql`
    insert into claim_common_tokens (token) select token from claim_group_tokens group by token having count(*) >= 20`);
  // Tracking codes and challenge nonces shaped as the service makes them (random Crockford base32 in three groups
  // of four; 12 random bytes in base64url), so that their unique indexes are spread as in a live database: sequential
  // codes and no nonces would put every new claim's entries at one or two leaf pages of each index.
  const trackingCode = sql.raw(`(select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + get_byte(d, n) % 32, 1)
      || case when n in (3, 7) then '-' else '' end, '' order by n)
    from (select decode(md5('tc' || g.i), 'hex') as d) b, generate_series(0, 11) n)`);
  const challengeNonce = sql.raw(`translate(substr(encode(decode(md5('nc' || g.i), 'hex'), 'base64'), 1, 16), '+/', '-_')`);
  // Claim i repeats variant v(i): a power law, so some claims spread widely and most are seen a few times.
  await db.execute(sql`
    insert into claims (group_id, tracking_code, text, link, link_key, text_key, platform, province_code, challenge_nonce, submitted_at)
    select v.group_id, ${trackingCode}, v.text, v.link, v.link_key, v.text_key,
           (array['line','facebook','tiktok','x','youtube','website','sms','other'])[1 + (abs(hashtext('pf'||g.i)) % 8)],
           lpad((10 + abs(hashtext('pv'||g.i)) % 87)::text, 2, '0'),
           ${challengeNonce},
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
  // BENCH_VOLUNTEERS_DATABASE_URL: measure data generated by an earlier run (kept with BENCH_KEEP=1), migrated
  // first; the claims submitted by that run stay in it.
  const reuse = process.env.BENCH_VOLUNTEERS_DATABASE_URL;
  const { url, database, drop } = reuse
    ? await (async () => {
        const database = openPostgres(reuse, 8);
        await database.migrate();
        return { url: reuse, database, drop: () => database.close() };
      })()
    : await freshDatabase('volunteers');
  try {
    let generatedIn: number;
    if (!reuse) {
      const started = Date.now();
      await generateVolunteers(database.db);
      const volunteersIn = Math.round((Date.now() - started) / 1000);
      await generateClaims(database.db);
      await database.db.execute(sql`vacuum analyze`);
      // The generator writes gigabytes: flushed now, not by a checkpoint spread over the measured rows.
      await database.db.execute(sql`checkpoint`);
      generatedIn = Math.round((Date.now() - started) / 1000);
      console.log(`generated in ${generatedIn} s (volunteers ${volunteersIn} s)`);
      await database.db.execute(sql`create table bench_generation as select ${generatedIn}::int as generated_in`);
      const passwordHash = await hashPassword('bench-password-1');
      const [{ id: coordinatorId }] = await queryRows<{ id: string }>(
        database.db,
        sql`insert into users (email, display_name, password_hash) values ('coordinator@bench.thaksa.local', 'Coordinator', ${passwordHash}) returning id`,
      );
      await database.db.execute(
        sql`insert into role_grants (user_id, role, scope_type, scope_id) values (${coordinatorId}, 'volunteer_coordinator', 'province', '50')`,
      );
    } else {
      [{ generatedIn }] = await queryRows<{ generatedIn: number }>(
        database.db,
        sql`select generated_in as "generatedIn" from bench_generation`,
      );
    }
    if (reuse) {
      // Runs on kept data: vacuumed between runs, as autovacuum keeps a live database, so that one run's dead row
      // versions do not slow the next.
      await database.db.execute(sql`vacuum analyze claim_groups, claims, claim_group_tokens, claim_group_features`);
      await database.db.execute(sql`checkpoint`);
    }
    const [counts] = await queryRows<{ villages: number; volunteers: number; claims: number; groups: number }>(
      database.db,
      sql`select (select count(*)::int from villages) as villages, (select count(*)::int from volunteers) as volunteers,
                 (select count(*)::int from claims) as claims, (select count(*)::int from claim_groups) as groups`,
    );
    console.log('data:', counts);
    const provinces = (await queryRows<{ code: string }>(database.db, sql`select code from place_provinces order by code`)).map(
      (r) => r.code,
    );

    const secret = randomBytes(32).toString('hex');
    // The production default pool (README: DATABASE_POOL_SIZE 10): on two cores, more connections only queue
    // in PostgreSQL instead of in the pool.
    const server = await startServer(url, 3921, {
      DATABASE_POOL_SIZE: '10',
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
      // BENCH_VOLUNTEERS_ONLY=coverage or claims measures one of the two (figures are then not written).
      const only = process.env.BENCH_VOLUNTEERS_ONLY;
      let loadBeforeClaims = 0;
      let solvedIn = 0;
      if (only !== 'claims') {
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
      }
      if (only !== 'coverage') {
        // Anonymous claims, each with its own solved challenge: half forward a known claim (they join its group),
        // half are new claims (numbered from the groups there are, so that a run on kept data has new ones too),
        // each arriving as four forwards in a row from different people — the first to be
        // placed opens its group, the others wait for it and join it (the race the grouping locks settle).
        const solveStarted = Date.now();
        const bodies: string[] = [];
        for (let i = 0; i < 40_000 * Math.max(SCALE, 0.25); i++) {
          const { token } = issueChallenge(secret, CHALLENGE_BITS);
          const forward = FORWARDS[(i >> 1) % FORWARDS.length];
          const text = i % 2 === 0 ? forward(claimText((i * 31) % VARIANTS)) : forward(claimText(counts.groups + (i >> 3)));
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
        solvedIn = Math.round((Date.now() - solveStarted) / 1000);
        console.log(`${bodies.length} challenges solved in ${solvedIn} s`);
        loadBeforeClaims = loadavg()[0];
        rows.push(
          await measure('submitClaim (anonymous, with grouping)', {
            url: `${server.baseUrl}/api/factcheck/claims`,
            method: 'POST',
            connections: CONNECTIONS,
            duration: 10,
            // Long enough for the JIT to finish compiling the submission path (Thai segmentation, hashing).
            warmup: 5,
            headers: { 'content-type': 'application/json' },
            bodies,
          }),
        );
      }
      const [after] = await queryRows<{ claims: number; groups: number }>(
        database.db,
        sql`select (select count(*)::int from claims) as claims, (select count(*)::int from claim_groups) as groups`,
      );
      const submitted = after.claims - counts.claims;
      const opened = after.groups - counts.groups;
      console.log(`${submitted} claims submitted (warm-up included), ${opened} groups opened`);
      const dataset = `${counts.villages.toLocaleString('en')} villages under the real subdistricts, ${counts.volunteers.toLocaleString('en')} volunteers, ${counts.claims.toLocaleString('en')} claims in ${counts.groups.toLocaleString('en')} groups (generated in ${generatedIn} s)`;
      const notes = [
        'Targets: getCoverage p95 ≤ 50 ms, submitClaim p95 ≤ 100 ms at 50 connections.',
        `1-minute load average before the submitClaim run ${loadBeforeClaims.toFixed(2)}, after it ${loadavg()[0].toFixed(2)} (the machine's two cores run the server, PostgreSQL and the load generator).`,
        `Each claim answers its own proof-of-work challenge, solved before the run at ${CHALLENGE_BITS} bits (the server checks one hash whatever the difficulty). Solving them took ${solvedIn} s, a fixed workload that shows how fast the machine was just before the claims were measured.`,
        `The ${counts.groups.toLocaleString('en')} groups are distinct claims by the word test (built from nine parts of 53 phrases each, any two sharing at most two parts), all with the same common words (บาท, เฉพาะ, ผู้ in every one, จังหวัด in most). Half the submissions forward a known claim; half are new claims, each arriving as four forwards in a row: ${submitted.toLocaleString('en')} claims were submitted (warm-up included) and ${opened.toLocaleString('en')} groups opened.`,
        "getCoverage serves views kept per instance under coverage's version (decision 010, amended), already written out as JSON: a request reads the session and the version (the version's read shared by the requests asking at once, decision 019), and the roll-ups only when the version moved. Nothing changes during the run, so every view is read once.",
        'submitClaim is one statement, `claim_place` (decision 016, amended four times), sent as a named prepared statement: the look-up skips the postings of common word pairs and tests candidates by their stored features; the word test, the locks and the writes run in the database. The server runs as `npm start` runs it (old generation 320 MB) with the production pool of 10 connections (README); the row is measured after a 5-s warm-up. The generated data is vacuumed and checkpointed before the rows are measured.',
      ];
      if (SCALE === 1 && !only) report('volunteers', dataset, rows, notes);
      else console.log(`smoke scale ${SCALE}: ${dataset}; not written to docs/benchmarks.md`);
    } finally {
      await server.stop();
    }
  } finally {
    await drop();
  }
}
