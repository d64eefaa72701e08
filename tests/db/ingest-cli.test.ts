/**
 * The ingest command as a process: killed mid-way (SIGKILL) it leaves no partial report; two at once on one
 * PostgreSQL database serialise without duplicates; on PGlite a second one refuses cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, createDb, rowsOf } from '@/db';
import { reports } from '@/db/schema';
import { pgliteLockPath } from '@/lib/ingest/lock';
import { generateReports } from '@/lib/synthetic';
import { dbTargets, openTestDb, type TestDb } from '../helpers/db-targets';
import { expectNoPartialReports } from './integrity';

const CLI = path.resolve('cli/gongkai.ts');

function runCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

function writeReports(dir: string, n: number, seed: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const r of generateReports(n, { seed, layouts: ['tabs', 'cells-per-line'] })) fs.writeFileSync(path.join(dir, r.fileName), r.bytes);
}

const targets = dbTargets();
const postgresTarget = targets.find((x) => x.kind === 'postgres');
const pgliteTarget = targets.find((x) => x.kind === 'pglite');

describe.runIf(postgresTarget)('ingest command on postgres', () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDb(postgresTarget as NonNullable<typeof postgresTarget>);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
    writeReports(dir, 240, 11);
  });
  afterAll(async () => {
    await t?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('killed with SIGKILL mid-way leaves no partial report, and a rerun completes without duplicates', async () => {
    const { child, done } = runCli(['ingest', '--synthetic', '--quiet', dir], { DATABASE_URL: t.url ?? '' });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [n] = await t.db.select({ n: count() }).from(reports);
      if ((n?.n ?? 0) >= 15) break;
      if (child.exitCode !== null) throw new Error(`ingest ended before it could be killed: ${(await done).err}`);
      if (Date.now() > deadline) throw new Error('ingest made no progress');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const [partial] = await t.db.select({ n: count() }).from(reports);
    expect(partial?.n).toBeLessThan(240);
    await expectNoPartialReports(t);

    const rerun = await runCli(['ingest', '--synthetic', '--quiet', dir], { DATABASE_URL: t.url ?? '' }).done;
    expect([0, 1]).toContain(rerun.code); // 1 when the parser could not read some synthetic layout
    const summary = /new (\d+), updated (\d+), unchanged (\d+), failed (\d+)/.exec(rerun.out);
    expect(summary, rerun.out + rerun.err).not.toBeNull();
    const [, created, updated, unchanged, failed] = (summary ?? []).map(Number);
    expect((created ?? 0) + (updated ?? 0) + (unchanged ?? 0) + (failed ?? 0)).toBe(240);
    expect(unchanged).toBeGreaterThanOrEqual(partial?.n ?? 0);
    const [dups] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from (select sha256 from reports group by sha256 having count(*) > 1) d`),
    );
    expect(Number(dups?.n)).toBe(0);
    await expectNoPartialReports(t);
  });

  it('two ingests at once into one database: both finish, no duplicate or second current report', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli2-'));
    try {
      writeReports(dir2, 60, 12);
      const a = runCli(['ingest', '--synthetic', '--quiet', dir2], { DATABASE_URL: t.url ?? '' });
      const b = runCli(['ingest', '--synthetic', '--quiet', dir2], { DATABASE_URL: t.url ?? '' });
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect([0, 1]).toContain(ra.code);
      expect([0, 1]).toContain(rb.code);
      const [dups] = rowsOf<{ n: number }>(
        await t.db.execute(sql`select count(*)::int as n from (select agency_id, year from reports where is_current
          group by agency_id, year having count(*) > 1) d`),
      );
      expect(Number(dups?.n)).toBe(0);
      const [sha] = rowsOf<{ n: number }>(
        await t.db.execute(sql`select count(*)::int as n from (select sha256 from reports group by sha256 having count(*) > 1) d`),
      );
      expect(Number(sha?.n)).toBe(0);
      // One of them stored the files; the other found them unchanged (or failed the same ones).
      const stored = [ra, rb].map((r) => Number(/unchanged (\d+)/.exec(r.out)?.[1] ?? -1));
      expect(Math.max(...stored)).toBeGreaterThan(0);
      await expectNoPartialReports(t);
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });
});

describe.runIf(pgliteTarget)('ingest command on PGlite', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(pgliteTarget as NonNullable<typeof pgliteTarget>);
    await closeDb(t.db); // one process at a time: the CLI opens it
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('refuses cleanly while another live process holds the ingest lock, and runs once it is gone', async () => {
    const pgliteDir = t.pgliteDir as string;
    const dataDir = path.dirname(pgliteDir);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli3-'));
    const lock = pgliteLockPath(pgliteDir);
    try {
      writeReports(dir, 3, 13);
      // This test process is alive and is not the CLI: the lock is held.
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      const refused = await runCli(['ingest', dir], { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' }).done;
      expect(refused.code).toBe(75);
      expect(refused.err).toMatch(/another ingest \(process \d+/);
      fs.rmSync(lock);
      const ok = await runCli(['ingest', dir], { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' }).done;
      expect([0, 1]).toContain(ok.code);
      expect(ok.out).toMatch(/3\/3 files/);
      expect(fs.existsSync(lock)).toBe(false); // released
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('killed with SIGKILL mid-way: the data dir reopens with no partial report, the stale lock is taken over', async () => {
    const pgliteDir = t.pgliteDir as string;
    const dataDir = path.dirname(pgliteDir);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli4-'));
    try {
      writeReports(dir, 150, 14);
      const { child, done } = runCli(['ingest', '--synthetic', dir], { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' });
      // Plain progress lines (stdout is a pipe): kill once a few reports are in.
      await new Promise<void>((resolve, reject) => {
        let seen = 0;
        child.stdout?.on('data', (d: Buffer) => {
          seen += (d.toString().match(/^\[\d+\/150\] new/gm) ?? []).length;
          if (seen >= 10) resolve();
        });
        child.on('exit', () => reject(new Error('ingest ended before it could be killed')));
      });
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      expect(fs.existsSync(pgliteLockPath(pgliteDir))).toBe(true); // left behind by the dead process

      const db = createDb({ pgliteDir });
      const reopened: TestDb = { ...t, db };
      try {
        const [n] = await db.select({ n: count() }).from(reports);
        expect(n?.n).toBeGreaterThanOrEqual(10);
        expect(n?.n).toBeLessThan(150);
        await expectNoPartialReports(reopened);
      } finally {
        await closeDb(db);
      }
      const rerun = await runCli(['ingest', '--synthetic', '--quiet', dir], { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' }).done;
      expect([0, 1]).toContain(rerun.code);
      expect(rerun.out).toMatch(/150\/150 files/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
