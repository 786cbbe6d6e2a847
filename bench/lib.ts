import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Database, openPostgres } from '../server/src/db/client.js';
import { seedFramework } from '../server/src/db/seed/framework.js';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated PostgreSQL database for one benchmark; dropped by the returned cleanup. */
export async function freshDatabase(label: string): Promise<{ url: string; database: Database; drop: () => Promise<void> }> {
  const name = `thaksa_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(BENCH_DATABASE_URL, name);
  const database = openPostgres(url, 8);
  await database.migrate();
  await seedFramework(database.db);
  return {
    url,
    database,
    drop: async () => {
      await database.close();
      if (process.env.BENCH_KEEP === '1') {
        console.log(`BENCH_KEEP=1: kept ${url}`);
        await admin.end();
        return;
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A pool for a baseline's statements sent straight to PostgreSQL. `pool.end()` resolves before its sockets have
 * closed, and the database's drop (`WITH (FORCE)`) may then end them: the pool would re-emit that as an unhandled
 * error and stop the run, so its idle connections' errors are not errors of the run.
 */
export function baselinePool(url: string, options?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 50, options });
  pool.on('error', () => {});
  return pool;
}

/** How `npm start` runs the server: its heap sized like a production instance's (see the README's configuration). */
export const SERVER_ARGS = ['--max-old-space-size=320', '--import', 'tsx', 'server/src/main.ts'];

/** Runs the real server (a separate process, as in production) against the database and waits until it is ready. */
export async function startServer(
  databaseUrl: string,
  port = 3917,
  env: Record<string, string> = {},
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  // BENCH_SERVER_NODE_ARGS: options for the server's Node only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...SERVER_ARGS], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATABASE_POOL_SIZE: '20',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Starting compiles the TypeScript first; on a busy 2-core machine that can take a while.
  let ready = false;
  for (let i = 0; i < 480 && !ready; i++) {
    try {
      ready = (await fetch(`${baseUrl}/readyz`)).ok;
    } catch {}
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  if (!ready) {
    child.kill('SIGTERM');
    throw new Error(`the server on ${baseUrl} was not ready within 2 minutes`);
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface Measurement {
  name: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One request of an open-loop run. */
export interface OpenLoopRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Open loop: requests start at evenly spaced instants (`rate` a second) whatever the answers do, over at most
 * `connections` kept-alive sockets; a request waiting for a free socket waits on the clock, so each latency is
 * counted from the instant it was due (no coordinated omission). autocannon's own rate limit starts every
 * connection on the same timer, which sends bursts instead.
 */
export async function openLoop(opts: {
  url: string;
  rate: number;
  duration: number;
  connections: number;
  next: (i: number) => OpenLoopRequest;
}): Promise<{ latencies: number[]; non2xx: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const base = new URL(opts.url);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = (r: OpenLoopRequest, due: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { agent, host: base.hostname, port: base.port, path: r.path, method: r.method ?? 'GET', headers: r.headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      if (r.body) req.write(r.body);
      req.end();
    });
  const total = Math.round(opts.rate * opts.duration);
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(opts.next(i), due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies, non2xx, errors };
}

/** Loads one endpoint with autocannon on loopback for a bounded time and reports exact percentiles of every response. */
export async function measure(
  name: string,
  opts: {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    /** Paths requested in turn (instead of the URL's own path), so one hot row does not flatter the figures. */
    paths?: string[];
    /** Bodies sent in turn, one per request (the warm-up takes the first ones), e.g. single-use challenges. */
    bodies?: string[];
    /**
     * Requests per second offered over all connections (open loop, as users arrive), instead of each connection
     * sending its next request the moment an answer comes (closed loop, which measures the saturated server).
     */
    rate?: number;
    /** Seconds of load before measuring (2 unless given). */
    warmup?: number;
  },
): Promise<Measurement> {
  const latencies: number[] = [];
  let non2xx = 0;
  let turn = 0;
  const paths = opts.paths;
  const bodies = opts.bodies;
  let bodyTurn = 0;
  const requests: autocannon.Request[] | undefined = paths?.length
    ? [{ setupRequest: (req) => ({ ...req, path: paths[turn++ % paths.length] }) }]
    : bodies?.length
      ? [{ setupRequest: (req) => ({ ...req, body: bodies[bodyTurn++ % bodies.length] }) }]
      : undefined;
  const base = {
    url: opts.url,
    connections: opts.connections,
    headers: opts.headers,
    method: opts.method ?? 'GET',
    body: opts.body,
    requests,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
  };
  // A warm-up so JIT and connection pools are steady before measuring.
  await autocannon({ ...base, duration: opts.warmup ?? 2 });
  if (opts.rate) {
    const rate = opts.rate;
    const headers = { ...opts.headers, ...(opts.body || bodies ? { 'content-type': 'application/json' } : {}) };
    const run = await openLoop({
      url: opts.url,
      rate,
      duration: opts.duration,
      connections: opts.connections,
      next: (i) => ({
        path: paths?.length ? paths[i % paths.length] : new URL(opts.url).pathname,
        method: opts.method ?? 'GET',
        headers,
        body: bodies?.length ? bodies[bodyTurn++ % bodies.length] : opts.body,
      }),
    });
    return summarise(name, opts.connections, opts.duration, run.latencies, run.non2xx, run.errors);
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...base, duration: opts.duration }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  return summarise(name, opts.connections, opts.duration, latencies, non2xx, result.errors);
}

/** Exact percentiles of every latency of a run, printed and returned as a table row. */
export function summarise(
  name: string,
  connections: number,
  duration: number,
  latencies: number[],
  non2xx: number,
  errors: number,
): Measurement {
  latencies.sort((a, b) => a - b);
  const m: Measurement = {
    name,
    connections,
    durationSeconds: duration,
    requests: latencies.length,
    throughput: Math.round(latencies.length / duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    non2xx,
    errors,
  };
  console.log(`${name}: p50 ${m.p50} ms · p95 ${m.p95} ms · p99 ${m.p99} ms · ${m.throughput} req/s · non-2xx ${m.non2xx}`);
  return m;
}

/** Latencies of a function run by `connections` workers for `duration` seconds (for the SQL baseline, no HTTP). */
export async function measureSql(
  name: string,
  connections: number,
  duration: number,
  run: (i: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let turn = 0;
  const until = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await run(turn++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const m = {
    name,
    connections,
    durationSeconds: duration,
    requests: latencies.length,
    throughput: Math.round(latencies.length / duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    non2xx: 0,
    errors: 0,
  };
  console.log(`${name}: p50 ${m.p50} ms · p95 ${m.p95} ms · p99 ${m.p99} ms · ${m.throughput} req/s`);
  return m;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The 1-minute load average when the benchmark started, before it added load of its own: other work on the machine skews every figure. */
const loadBefore = loadavg()[0];

let postgres = 'PostgreSQL';

/** Reads the server's version and the settings that matter at this scale, for every report of this run. */
export async function recordPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
              current_setting('effective_cache_size') as effective_cache_size, current_setting('work_mem') as work_mem,
              current_setting('max_wal_size') as max_wal_size`,
    );
    const { version, ...settings } = rows[0];
    postgres = `PostgreSQL ${version.split(' ')[0]} (${Object.entries(settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}${await sharedMemoryPages(client)})`;
    calibration = await calibrate(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether PostgreSQL's shared memory is on huge pages (`scripts/tune-postgres.sh` reserves them when it can),
 * read from its checkpointer's memory map when the server runs on this machine; empty when it cannot be told.
 */
async function sharedMemoryPages(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ pid: number }>(`select pid from pg_stat_activity where backend_type = 'checkpointer'`);
  const pid = rows[0]?.pid;
  const local = ['127.0.0.1', 'localhost', '[::1]', ''].includes(new URL(BENCH_DATABASE_URL).hostname);
  try {
    if (!local || !pid || readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return '';
    return readFileSync(`/proc/${pid}/maps`, 'utf8').includes('anon_hugepage')
      ? ', shared memory on huge pages'
      : ', shared memory on 4 KB pages';
  } catch {
    return '';
  }
}

let calibration = '';

/**
 * The machine's own speed, for comparing runs on different machines (sessions land on different ones): the best of
 * five rounds of a fixed single-threaded workload in Node (20,000 SHA-256 digests of 64 bytes in a chain) and of
 * 1,000 one-row primary-key reads from PostgreSQL in a row over one connection (a round trip each). Measured before
 * the benchmark's own data is generated, so nothing else of the benchmark runs meanwhile.
 */
async function calibrate(client: pg.Client): Promise<string> {
  const best = async (round: () => Promise<void> | void) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      await round();
      min = Math.min(min, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return min;
  };
  const cpu = await best(() => {
    let digest = Buffer.alloc(64);
    for (let i = 0; i < 20_000; i++) digest = createHash('sha256').update(digest).digest();
  });
  await client.query('create temporary table bench_calibration (id integer primary key, v text)');
  await client.query(`insert into bench_calibration select i, md5(i::text) from generate_series(1, 1000) i`);
  const read = await best(async () => {
    for (let i = 1; i <= 1000; i++)
      await client.query({ name: 'calibration', text: 'select v from bench_calibration where id = $1', values: [i] });
  });
  return `machine calibration: 20,000 SHA-256 digests ${cpu.toFixed(1)} ms, a one-row read from PostgreSQL ${read.toFixed(0)} µs`;
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    loadBefore: round(loadBefore),
    calibration,
  };
}

/** Writes bench/results/<name>.json and replaces this benchmark's table in docs/benchmarks.md. */
export function report(name: string, dataset: string, rows: Measurement[], notes: string[] = []) {
  const at = new Date().toISOString();
  const m = machine();
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ name, at, machine: m, dataset, rows }, null, 2)}\n`);
  const table = [
    `<!-- bench:${name}:start -->`,
    `Run ${at.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.postgres}; 1-minute load average before the run ${m.loadBefore}${m.calibration ? `; ${m.calibration}` : ''}. Dataset: ${dataset}.`,
    '',
    '| operation | connections | p50 ms | p95 ms | p99 ms | requests/s | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.connections} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.throughput} | ${r.non2xx} |`),
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    `<!-- bench:${name}:end -->`,
  ].join('\n');
  const path = 'docs/benchmarks.md';
  const doc = readFileSync(path, 'utf8');
  const re = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*?<!-- bench:${name}:end -->`);
  writeFileSync(path, re.test(doc) ? doc.replace(re, table) : `${doc.trimEnd()}\n\n### ${name}\n\n${table}\n`);
}
