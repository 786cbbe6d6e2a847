import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DataDirLockedError, lockDataDir } from '../src/db/client.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'thaksa-boot-'));
  dirs.push(d);
  return d;
}

describe('configuration', () => {
  it('has development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', isProduction: false, loadDemoData: true });
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', BASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*BASE_URL|BASE_URL[\s\S]*PORT/);
  });

  it('refuses production without a session secret, and never loads demo data there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' })).toThrow(/DEMO_DATA/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).loadDemoData).toBe(false);
  });

  it('loads no demo data on PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).loadDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', DEMO_DATA: 'true' }).loadDemoData).toBe(true);
  });
});

describe('the data-directory lock', () => {
  it('refuses a second owner, in this process or another live one, and replaces a dead owner’s lock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    writeFileSync(join(dir, 'thaksa.lock'), String(dead.pid));
    const again = lockDataDir(dir);
    again();
  });
});

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    // Vitest puts Vite's BASE_URL ('/') in process.env; the server's BASE_URL is a full URL.
    env: { ...process.env, BASE_URL: 'http://127.0.0.1:3000', LOG_LEVEL: 'info', DEMO_DATA: 'false', HOST: '127.0.0.1', PORT: '0', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('Thaksa is ready') && resolve());
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  // A server expected to refuse never becomes ready; that rejection is handled by whoever awaits `ready`.
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => out };
}

describe('npm start on the embedded database', () => {
  it('migrates a new data directory, refuses a second server on it, and restarts cleanly after SIGTERM', async () => {
    const dataDir = tempDir();
    const first = startServer({ DATA_DIR: dataDir });
    await first.ready;
    expect(existsSync(join(dataDir, 'thaksa.lock'))).toBe(true);

    const second = startServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already in use by another Thaksa process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'thaksa.lock'))).toBe(false);

    const third = startServer({ DATA_DIR: dataDir });
    await third.ready;
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 90_000);

  it('stops with a clear message when production has no session secret', async () => {
    const run = startServer({ DATA_DIR: tempDir(), NODE_ENV: 'production' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/SESSION_SECRET: is required in production/);
  }, 30_000);
});
