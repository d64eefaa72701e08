/**
 * Ingest benchmark: N synthetic reports, generated into a spool file first (untimed), then read, parsed and stored in
 * a stream (memory stays flat), into an
 * embedded PGlite and into a PostgreSQL server started for the run. Every report is its own transaction, as in
 * `gongkai ingest`.
 *
 *   npm run bench:ingest -- --reports 10000 [--seed 1] [--targets pglite,postgres] [--source truth|parser]
 *                            [--concurrency K]
 *
 * --source truth (default): the generator's ground truth is stored (the database path: ingestParsed).
 * --source parser: each report's text goes through parseReport first, as a file would (end to end).
 * --concurrency K (default 4): K reports in flight on K connections, each still its own transaction.
 *   PGlite has one connection, so there they simply queue.
 * --transport tcp|unix (default tcp): reach the server over 127.0.0.1 or over its Unix socket.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, createDb, type Db } from '../db/index';
import { migrate } from '../db/migrate';
import { ingestParsed, loadRegions } from '../lib/ingest/index';
import { parseReport } from '../lib/report-parser/index';
import type { ParseResult } from '../lib/report-parser/types';
import { generateReports, type SyntheticReport } from '../lib/synthetic/index';
import { startPgServer, type PgServer } from '../tests/helpers/pg-server';
import { forEachByAgency } from './grouped';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const N = Number(option('--reports', '1000'));
const SEED = Number(option('--seed', '1'));
const TARGETS = option('--targets', 'pglite,postgres').split(',');
const SOURCE = option('--source', 'truth');
const CONCURRENCY = Math.max(1, Number(option('--concurrency', '4')));
const TRANSPORT = option('--transport', 'tcp');

/**
 * CPU seconds used so far by a server's live processes (Linux /proc): its process group (runuser, postmaster)
 * and their children (backends, which postgres moves into sessions of their own).
 */
function groupCpuSeconds(pgid: number): number {
  const procs: { pid: number; ppid: number; pgrp: number; cpu: number }[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // USER_HZ is 100 on Linux.
      procs.push({ pid: Number(pid), ppid: Number(f[1]), pgrp: Number(f[2]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      /* exited meanwhile */
    }
  }
  const ours = new Set(procs.filter((p) => p.pgrp === pgid).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => ours.has(p.pid)).reduce((s, p) => s + p.cpu, 0);
}

let serverPgid = 0;

interface Result {
  target: string;
  seconds: number;
  rate: number;
  peakRssMb: number;
  counts: Record<string, number>;
  parseSeconds: number;
}

/** Per layout: reports parsed, and how many gave every table-3 total and table-4 figure of the ground truth. */
const agreement = new Map<string, { parsed: number; exact: number }>();

function sameFigures(result: ParseResult, truth: SyntheticReport['truth']): boolean {
  if (!result.ok) return false;
  const got = result.report;
  for (const [row, cells] of Object.entries(truth.applications)) {
    if (got.applications[row as keyof typeof got.applications]?.total !== cells?.total) return false;
  }
  return JSON.stringify(got.reviews) === JSON.stringify(truth.reviews) && got.year === truth.year;
}

async function toResult(r: SyntheticReport): Promise<ParseResult> {
  if (SOURCE === 'truth') return { ok: true, report: r.truth, text: r.text, format: 'text', encoding: 'utf-8' };
  const result = await parseReport(r.bytes, { fileName: r.fileName });
  const a = agreement.get(r.layout) ?? { parsed: 0, exact: 0 };
  a.parsed += 1;
  if (sameFigures(result, r.truth)) a.exact += 1;
  agreement.set(r.layout, a);
  return result;
}

/**
 * Generates the N inputs into a spool file before any clock starts, so that generating them neither counts as
 * nor competes with ingesting them (it takes about half a millisecond of CPU per report, on the same two cores as
 * the client and the server). One report is held at a time, so memory stays flat as N grows. A record is three
 * length-prefixed parts — the rest of the report as JSON, its text as UTF-8, its bytes — so that reading one back
 * costs about what reading its file would (JSON-encoding the text and base64-encoding the bytes cost a quarter of
 * a millisecond per report to read back).
 */
function writeSpool(file: string): number {
  const t = performance.now();
  const fd = fs.openSync(file, 'w');
  const part = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length);
    fs.writeSync(fd, len);
    fs.writeSync(fd, b);
  };
  try {
    for (const r of generateReports(N, { seed: SEED })) {
      const { text, bytes, ...rest } = r;
      part(Buffer.from(JSON.stringify(rest)));
      part(Buffer.from(text, 'utf8'));
      part(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  } finally {
    fs.closeSync(fd);
  }
  return (performance.now() - t) / 1000;
}

/** The spooled reports, one at a time, read synchronously in 1 MB chunks. */
function readSpool(file: string): Iterator<SyntheticReport> {
  const fd = fs.openSync(file, 'r');
  let buf = Buffer.alloc(0);
  let pos = 0;
  let eof = false;
  /** At least n unread bytes in buf from pos, unless the file ends first. */
  const ensure = (n: number): boolean => {
    while (buf.length - pos < n && !eof) {
      const chunk = Buffer.allocUnsafe(Math.max(1 << 20, n));
      const got = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) {
        eof = true;
        fs.closeSync(fd);
        break;
      }
      buf = Buffer.concat([buf.subarray(pos), chunk.subarray(0, got)]);
      pos = 0;
    }
    return buf.length - pos >= n;
  };
  const part = (): Buffer | null => {
    if (!ensure(4)) return null;
    const len = buf.readUInt32LE(pos);
    if (!ensure(4 + len)) throw new Error('spool file ends inside a record');
    const out = buf.subarray(pos + 4, pos + 4 + len);
    pos += 4 + len;
    return out;
  };
  return {
    next: () => {
      const head = part();
      if (head === null) return { done: true, value: undefined };
      const rest = JSON.parse(head.toString('utf8')) as Omit<SyntheticReport, 'text' | 'bytes'>;
      const text = (part() ?? Buffer.alloc(0)).toString('utf8');
      // A copy: the record's bytes outlive the chunk they were read into.
      const bytes = new Uint8Array(part() ?? Buffer.alloc(0));
      return { done: false, value: { ...rest, text, bytes } };
    },
  };
}

/** Set in the child processes that ingest (one per target); the parent writes it. */
const spoolFile = option('--spool', '');

async function run(target: string, db: Db): Promise<Result> {
  await migrate(db);
  await loadRegions(db);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const counts: Record<string, number> = { new: 0, updated: 0, unchanged: 0, failed: 0 };
  let parseMs = 0;
  const failures: string[] = [];
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const server0 = serverPgid ? groupCpuSeconds(serverPgid) : 0;
  // The inputs were generated before the clock started (spool): reading them back is the ingest's file read.
  const timed = readSpool(spoolFile);
  await forEachByAgency(timed, CONCURRENCY, async (r) => {
    const t = performance.now();
    const result = await toResult(r);
    parseMs += performance.now() - t;
    const out = await ingestParsed(db, { fileName: r.fileName, bytes: r.bytes, result, synthetic: true });
    counts[out.status] = (counts[out.status] ?? 0) + 1;
    if (out.status === 'failed' && failures.length < 5) failures.push(`${r.fileName}: ${out.code} ${out.message}`);
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  for (const f of failures) process.stdout.write(`  failed ${f}\n`);
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = serverPgid ? groupCpuSeconds(serverPgid) - server0 : 0;
  process.stdout.write(
    `  CPU per report: this process ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms ` +
      `(system ${(cpu.system / 1000 / N).toFixed(2)} ms)` +
      `${serverPgid ? `, PostgreSQL server ${((serverCpu * 1000) / N).toFixed(2)} ms` : ' (PGlite runs in this process)'}\n`,
  );
  return { target, seconds, rate: N / seconds, peakRssMb: peak / 2 ** 20, counts, parseSeconds: parseMs / 1000 };
}

function print(r: Result): void {
  if (agreement.size > 0) {
    const parts = [...agreement].map(([layout, a]) => `${layout} ${a.exact}/${a.parsed}`);
    process.stdout.write(`parser agreement with ground truth (table 3 totals, table 4, year), by layout: ${parts.join(', ')}\n`);
  }
  process.stdout.write(
    `${r.target}: ${N} reports in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)} reports/s; peak RSS ${r.peakRssMb.toFixed(0)} MB; ` +
      `parse ${r.parseSeconds.toFixed(1)} s; ${Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
  );
}

/** Each target in a child process of its own, reading the spooled inputs. */
async function runInChildren(spool: string): Promise<void> {
  const lines: string[] = [];
  for (const target of TARGETS) {
    const args = process.argv.slice(2).filter((_, i, a) => a[i] !== '--targets' && a[i - 1] !== '--targets');
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, ...args, '--targets', target, '--spool', spool], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d.toString().split('\n').filter((l) => l && !l.startsWith('ingest ') ).map((l) => `${l}\n`).join(''));
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`${target} benchmark failed (exit ${code})`);
    lines.push(...out.split('\n').filter((l) => l.startsWith('ingest ')));
  }
  for (const l of lines) process.stdout.write(`${l}\n`);
}

/**
 * The parent generates the inputs and runs each target in a child process of its own, so that each peak RSS is
 * that target's ingest alone (not the generator's garbage, nor another target's).
 */
async function main(): Promise<void> {
  if (!Number.isInteger(N) || N <= 0) throw new Error('--reports must be a positive whole number');
  if (spoolFile) return runTargets();
  process.stdout.write(
    `benchmark (${TARGETS.join(', ')}): ${N} synthetic reports, seed ${SEED}, source ${SOURCE}, concurrency ${CONCURRENCY}, transport ${TRANSPORT}, ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at start\n`,
  );
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-inputs-'));
  const spool = path.join(spoolDir, 'reports.spool');
  try {
    const genSeconds = writeSpool(spool);
    process.stdout.write(`  generated the inputs in ${genSeconds.toFixed(1)} s (${((genSeconds * 1000) / N).toFixed(2)} ms per report), before timing\n`);
    await runInChildren(spool);
  } finally {
    fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}

async function runTargets(): Promise<void> {
  const results: Result[] = [];
  if (TARGETS.includes('pglite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
    const db = createDb({ pgliteDir: path.join(dir, 'pglite') });
    try {
      const r = await run('pglite', db);
      results.push(r);
      print(r);
    } finally {
      await closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (TARGETS.includes('postgres')) {
    let server: PgServer | undefined;
    try {
      server = await startPgServer();
      serverPgid = server.pgid;
      const db = createDb({
        url: server.url,
        socketPath: TRANSPORT === 'unix' ? server.socketPath : undefined,
        max: Math.max(4, CONCURRENCY + 1),
      });
      try {
        const r = await run('postgres', db);
        results.push(r);
        print(r);
      } finally {
        await closeDb(db);
      }
    } finally {
      await server?.stop();
    }
  }
  for (const r of results) process.stdout.write(`ingest ${r.target}: ${Math.round(r.rate)} reports/s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ingest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
