import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../server/src/db/client.js';
import { assessmentItems, assessments, frameworks, roleGrants, sessions, users } from '../server/src/db/schema/index.js';
import { randomToken, sha256 } from '../server/src/lib/crypto.js';
import { upsertAnswer } from '../server/src/modules/assessment/attempts.repository.js';
import { freshDatabase, type Measurement, machine, measureSql, openLoop, report, startServer, summarise } from './lib.js';

/**
 * 2,000 candidates with an attempt in progress save answers at once: `saveAnswer` (PUT
 * /api/attempts/:id/answers/:position) over HTTP with each request from a different candidate's session,
 * a random question and a random option of that question. Open loop at the rate 2,000 people answering one
 * question every 10 seconds offer (200 connections), and closed loop at 50 connections (the server saturated);
 * beside them, the upsert statement alone (no HTTP, no session). `BENCH_ASSESSMENT_SCALE=0.02` for a smoke
 * run (40 candidates); figures go to docs/benchmarks.md only at full scale (1).
 */
const SCALE = Number(process.env.BENCH_ASSESSMENT_SCALE ?? '1');
const CANDIDATES = Math.max(20, Math.round(2000 * SCALE));
const DURATION = SCALE >= 1 ? 20 : 5;
const QUESTIONS = 20;
const BANK = { DL1: 60, DL2: 30, CS1: 30 };

type DbOf = Parameters<typeof queryRows>[0];

/** A bank of active single-choice items and one published assessment drawing 20 of them. */
async function generateBank(db: DbOf) {
  const [fw] = await db.select().from(frameworks).where(eq(frameworks.isCurrent, true));
  const rows = Object.entries(BANK).flatMap(([area, n]) =>
    Array.from({ length: n }, (_, i) => ({
      itemId: randomUUID(),
      version: 1,
      status: 'active',
      kind: 'single',
      frameworkId: fw.id,
      skillAreaCode: area.slice(0, 2),
      level: Number(area.slice(2)),
      difficulty: 1 + (i % 5),
      stemTh: `ข้อสอบทดสอบประสิทธิภาพ ${area} ข้อที่ ${i + 1}`,
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, textTh: `ตัวเลือก ${id}`, textEn: `Option ${id}` })),
      key: [['a', 'b', 'c', 'd'][i % 4]],
    })),
  );
  await db.insert(assessmentItems).values(rows);
  const [a] = await db
    .insert(assessments)
    .values({
      frameworkId: fw.id,
      titleTh: 'แบบทดสอบสำหรับวัดประสิทธิภาพ',
      titleEn: 'Benchmark test',
      status: 'published',
      blueprint: [
        { skillAreaCode: 'DL', level: 1, count: 10 },
        { skillAreaCode: 'DL', level: 2, count: 5 },
        { skillAreaCode: 'CS', level: 1, count: 5 },
      ],
      timeLimitMinutes: 120,
      passMarks: { '1': 60, '2': 60 },
      maxAttempts: 3,
      opensAt: new Date(Date.now() - 3600_000),
      closesAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return a.id;
}

interface Candidate {
  userId: string;
  cookie: string;
  csrf: string;
}

/** Learners with a live session each, inserted directly (signing 2,000 people in would only measure scrypt). */
async function generateCandidates(db: DbOf): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (let start = 0; start < CANDIDATES; start += 500) {
    const n = Math.min(500, CANDIDATES - start);
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, i) => ({
          email: `candidate-${start + i}-${randomBytes(3).toString('hex')}@bench.go.th`,
          displayName: `ผู้สอบ ${start + i}`,
          passwordHash: 'disabled',
        })),
      )
      .returning({ id: users.id });
    await db.insert(roleGrants).values(made.map((u) => ({ userId: u.id, role: 'learner', scopeType: 'self', scopeId: '' })));
    const tokens = made.map((u) => ({ userId: u.id, token: randomToken(), csrf: randomToken(24) }));
    await db
      .insert(sessions)
      .values(
        tokens.map((t) => ({ id: sha256(t.token), userId: t.userId, csrfToken: t.csrf, expiresAt: new Date(Date.now() + 86_400_000) })),
      );
    out.push(...tokens.map((t) => ({ userId: t.userId, cookie: `thaksa_session=${t.token}`, csrf: t.csrf })));
  }
  return out;
}

/** Starts every candidate's attempt through the API (20 at a time); returns attempt ids in candidate order. */
async function startAttempts(baseUrl: string, assessmentId: string, candidates: Candidate[]): Promise<string[]> {
  const ids: string[] = new Array(candidates.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < candidates.length) {
        const i = next++;
        const c = candidates[i];
        const res = await fetch(`${baseUrl}/api/assessments/${assessmentId}/attempts`, {
          method: 'POST',
          headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
          body: '{}',
        });
        if (res.status !== 201) throw new Error(`startAttempt answered ${res.status}: ${await res.text()}`);
        ids[i] = ((await res.json()) as { id: string }).id;
      }
    }),
  );
  return ids;
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;

/** autocannon where every request is a different candidate's answer (path, session cookie, CSRF header and body). */
async function measureAnswers(
  name: string,
  baseUrl: string,
  work: { path: string; cookie: string; csrf: string; body: string }[],
  connections: number,
  rate?: number,
): Promise<Measurement> {
  let turn = 0;
  const requests: autocannon.Request[] = [
    {
      setupRequest: (req) => {
        const w = work[turn++ % work.length];
        return {
          ...req,
          path: w.path,
          body: w.body,
          headers: { ...req.headers, cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
        };
      },
    },
  ];
  const base = { url: baseUrl, connections, method: 'PUT' as const, requests };
  await autocannon({ ...base, duration: 2 });
  if (rate) {
    // Evenly spaced answers, each counted from the instant it was due (see openLoop).
    const run = await openLoop({
      url: baseUrl,
      rate,
      duration: DURATION,
      connections,
      next: (i) => {
        const w = work[(turn + i) % work.length];
        return {
          path: w.path,
          method: 'PUT',
          body: w.body,
          headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
        };
      },
    });
    return summarise(name, connections, DURATION, run.latencies, run.non2xx, run.errors);
  }
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...base, duration: DURATION }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  latencies.sort((a, b) => a - b);
  const m: Measurement = {
    name,
    connections,
    durationSeconds: DURATION,
    requests: latencies.length,
    throughput: Math.round(latencies.length / DURATION),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    non2xx,
    errors: result.errors,
  };
  console.log(`${name}: p50 ${m.p50} ms · p95 ${m.p95} ms · p99 ${m.p99} ms · ${m.throughput} req/s · non-2xx ${m.non2xx}`);
  return m;
}

export async function run() {
  const { url, database, drop } = await freshDatabase('assessment');
  const server = await startServer(url, 3931);
  try {
    const db = database.db;
    const assessmentId = await generateBank(db);
    const candidates = await generateCandidates(db);
    const t0 = Date.now();
    const attemptIds = await startAttempts(server.baseUrl, assessmentId, candidates);
    console.log(`${CANDIDATES} attempts started through the API in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const forms = await queryRows<{ attempt_id: string; position: number; option_ids: string[] }>(
      db,
      sql`select attempt_id, position, option_ids from assessment_attempt_questions where attempt_id = any(${sql.param(attemptIds)}::uuid[])`,
    );
    const byAttempt = new Map<string, { position: number; option_ids: string[] }[]>();
    for (const f of forms) byAttempt.set(f.attempt_id, [...(byAttempt.get(f.attempt_id) ?? []), f]);
    // A fixed pseudo-random walk over candidates, questions and options (seeded, so runs compare).
    let s = 20261130;
    const rnd = (n: number) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s % n;
    };
    const work = Array.from({ length: 50_000 }, () => {
      const i = rnd(CANDIDATES);
      const qs = byAttempt.get(attemptIds[i]) ?? [];
      const q = qs[rnd(qs.length)];
      return {
        path: `/api/attempts/${attemptIds[i]}/answers/${q.position}`,
        cookie: candidates[i].cookie,
        csrf: candidates[i].csrf,
        body: JSON.stringify({ response: [q.option_ids[rnd(q.option_ids.length)]] }),
        attemptId: attemptIds[i],
        userId: candidates[i].userId,
        position: q.position,
      };
    });
    const rows: Measurement[] = [];
    // 2,000 people each answering a question every 10 seconds offer 200 answers a second.
    const offered = Math.round(CANDIDATES / 10);
    rows.push(
      await measureAnswers(
        `saveAnswer, ${CANDIDATES} candidates, open loop at ${offered}/s`,
        server.baseUrl,
        work,
        Math.min(200, CANDIDATES),
        offered,
      ),
    );
    rows.push(
      await measureAnswers(`saveAnswer, ${CANDIDATES} candidates, closed loop (saturated)`, server.baseUrl, work, Math.min(50, CANDIDATES)),
    );
    rows.push(
      await measureSql('baseline: the answer upsert alone (SQL, no HTTP or session)', 8, DURATION, (i) => {
        const w = work[i % work.length];
        return upsertAnswer(db, {
          attemptId: w.attemptId,
          userId: w.userId,
          position: w.position,
          response: (JSON.parse(w.body) as { response: string[] }).response,
          now: new Date(),
        });
      }),
    );
    const [{ answers }] = await queryRows<{ answers: number }>(db, sql`select count(*)::int as answers from assessment_answers`);
    const dataset = `${CANDIDATES} candidates with an attempt in progress (${QUESTIONS} questions each, drawn from ${Object.values(BANK).reduce((a, b) => a + b, 0)} active items); ${answers} answer rows at the end`;
    const notes = [
      'Every request comes from a different session (cookie and CSRF header), to a random question of that candidate’s form, with a random option of it: the session lookup and the one-statement upsert (INSERT … SELECT … ON CONFLICT) are what is measured.',
      'Target: saveAnswer p95 ≤ 50 ms with 2,000 candidates (issue 6).',
    ];
    if (SCALE === 1) report('assessment', dataset, rows, notes);
    else console.log(`smoke run at scale ${SCALE} (${JSON.stringify(machine())}): figures not written to docs/benchmarks.md`);
  } finally {
    await server.stop();
    await drop();
  }
}
