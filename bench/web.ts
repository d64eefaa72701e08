/**
 * Web benchmark: N synthetic reports in a PostgreSQL server started for the run, `next start` (a build in
 * .next-bench) showing them (GONGKAI_INCLUDE_SYNTHETIC=1), then concurrent load on the agency, report and ranking
 * pages over loopback. Per page: each path's first request (one at a time, on a server with no pages kept: first
 * renders), then p50/p99 latency with one client and req/s (and latency) with --concurrency clients over the same
 * paths (pages as readers mostly get them: kept by the server after a first request), and the gzipped JS the page
 * ships (its <script src> chunks).
 *
 *   npm run bench:web -- --reports 1000 [--seed 1] [--concurrency 8] [--seconds 10] [--max-requests 5000]
 *                        [--ingest-concurrency 4] [--database-url postgres://…]
 *
 * --database-url: use that server instead of starting one. It is loaded only when it holds fewer than N synthetic
 * reports (then with the missing ones, which the hash makes idempotent), so repeated runs at 100,000 reports skip
 * the load. Never point it at a database whose data you want to keep clean of synthetic rows.
 *
 * Every request must answer 200 with HTML: anything else is counted as an error and fails the run.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { desc, eq, sql } from 'drizzle-orm';
import { closeDb, createDb, type Db } from '../db/index';
import { migrate } from '../db/migrate';
import { agencies, reports } from '../db/schema';
import { ingestParsed, loadRegions } from '../lib/ingest/index';
import { generateReports } from '../lib/synthetic/index';
import { startPgServer, type PgServer } from '../tests/helpers/pg-server';
import { forEachByAgency } from './grouped';
import { buildNext, startNext, type NextServer } from '../tests/helpers/server';

function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
}

const N = option('--reports', 1000);
const SEED = option('--seed', 1);
const CONCURRENCY = option('--concurrency', 8);
const SECONDS = option('--seconds', 10);
const MAX_REQUESTS = option('--max-requests', 5000);
const INGEST_CONCURRENCY = option('--ingest-concurrency', 4);
const DATABASE_URL = stringOption('--database-url');
const DIST_DIR = '.next-bench';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function load(db: Db): Promise<void> {
  await migrate(db);
  await loadRegions(db);
  const [have] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(eq(reports.synthetic, true));
  if (Number(have?.n ?? 0) >= N) {
    say(`the database already holds ${have?.n} synthetic reports: not loading`);
    return;
  }
  const started = performance.now();
  const gen = generateReports(N, { seed: SEED });
  let done = 0;
  let failed = 0;
  await forEachByAgency(gen, INGEST_CONCURRENCY, async (r) => {
    // The generator's ground truth: this benchmark measures pages, not the parser (bench:parse does).
    const out = await ingestParsed(db, {
      fileName: r.fileName,
      bytes: r.bytes,
      result: { ok: true, report: r.truth, text: r.text, format: 'text', encoding: 'utf-8' },
      synthetic: true,
    });
    if (out.status === 'failed') failed++;
    if (++done % 10_000 === 0) say(`  ${done} reports loaded`);
  });
  if (failed > 0) throw new Error(`${failed} synthetic reports failed to store`);
  say(`loaded ${N} synthetic reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Fresh statistics, as a server that has been running would have.
  await db.execute(sql`ANALYZE`);
}

interface PageKind {
  name: 'agency' | 'report' | 'ranking';
  paths: string[];
  /** What the first page must show, so that an empty page (synthetic rows hidden) is not what gets measured. */
  mustContain: RegExp;
}

/** URLs spread over the data: agencies with the most reports and a random sample, reports, ranking variants. */
async function pickPaths(db: Db): Promise<PageKind[]> {
  const agencyRows = await db
    .select({ slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.synthetic, true))
    .orderBy(sql`random()`)
    .limit(200);
  const reportRows = await db
    .select({ id: reports.id, agency: agencies.name })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(eq(reports.synthetic, true))
    .orderBy(sql`random()`)
    .limit(200);
  const latest = await db.select({ year: reports.year }).from(reports).orderBy(desc(reports.year)).limit(1);
  if (agencyRows.length === 0 || reportRows.length === 0) throw new Error('no synthetic agencies or reports loaded');
  const year = latest[0]?.year;
  const locales = ['zh', 'en'];
  const rankingQueries = [
    '',
    '?kind=regions&level=city&metric=refusal',
    '?kind=regions&level=county&metric=disclosure&sort=lower',
    '?kind=agencies&metric=correctionReconsideration',
    '?kind=agencies&metric=received&sort=value',
    `?kind=regions&level=province&metric=backlog${year ? `&year=${year - 1}` : ''}`,
  ];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    {
      name: 'agency',
      paths: agencyRows.map((a, i) => `/${locales[i % 2]}/agencies/${a.slug}`),
      mustContain: new RegExp(escape(agencyRows[0]!.name)),
    },
    {
      name: 'report',
      paths: reportRows.map((r, i) => `/${locales[i % 2]}/reports/${r.id}`),
      mustContain: new RegExp(escape(reportRows[0]!.agency)),
    },
    {
      name: 'ranking',
      paths: rankingQueries.flatMap((q) => locales.map((l) => `/${l}/ranking${q}`)),
      mustContain: /<tbody[^>]*>\s*<tr/,
    },
  ];
}

interface Phase {
  clients: number;
  requests: number;
  errors: number;
  firstError?: string;
  p50: number;
  p99: number;
  rps: number;
}

interface LoadResult {
  page: string;
  /** Each path asked for once, one at a time, on a fresh server: first renders (agency and report pages are then
   * kept by the server; a ranking's figures are kept per data version). */
  first: Phase;
  /** One client at a time: the latency a reader sees. */
  single: Phase;
  /** CONCURRENCY clients: throughput, and latency under load. */
  loaded: Phase;
  jsGzipKb: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Sum of the gzip sizes of the <script src> chunks the page's HTML loads in a current browser. `noModule` scripts
 * (Next's legacy polyfills) are left out: browsers that run modules never download them.
 */
async function shippedJsGzipKb(base: string, path: string): Promise<number> {
  const html = await (await fetch(base + path)).text();
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const srcs = new Set(tags.map((m) => m[1]!.replace(/&amp;/g, '&')));
  let total = 0;
  for (const src of srcs) {
    const res = await fetch(new URL(src, base));
    if (!res.ok) throw new Error(`${src}: ${res.status}`);
    total += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return total / 1024;
}

/** `clients` concurrent clients cycling through `paths` until `seconds` or `maxRequests` (each its own fetch). */
async function phase(
  server: NextServer,
  paths: string[],
  clients: number,
  seconds: number,
  maxRequests = MAX_REQUESTS,
): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (issued < maxRequests && performance.now() < deadline) {
      const path = paths[issued++ % paths.length]!;
      const t = performance.now();
      try {
        const res = await fetch(server.url + path);
        const body = await res.text();
        latencies.push(performance.now() - t);
        if (res.status !== 200 || !body.includes('</html>')) {
          errors++;
          firstError ??= `${path}: HTTP ${res.status}`;
        }
      } catch (err) {
        errors++;
        firstError ??= `${path}: ${(err as Error).message}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    requests: latencies.length,
    errors,
    firstError,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
  };
}

async function drive(server: NextServer, kind: PageKind): Promise<LoadResult> {
  const check = await fetch(server.url + kind.paths[0]);
  const checkBody = await check.text();
  if (check.status !== 200 || !kind.mustContain.test(checkBody)) {
    throw new Error(`${kind.paths[0]}: HTTP ${check.status}, does not show ${kind.mustContain} — is the page hiding synthetic data?`);
  }
  // Every path once, timed on its own: the first renders. What follows measures pages as readers mostly get them,
  // after someone has asked for them before (within the five minutes a page is kept).
  // paths[0] left out: the check above has asked for it already.
  const rest = kind.paths.slice(1);
  const first = await phase(server, rest, 1, Infinity, rest.length);
  const single = await phase(server, kind.paths, 1, SECONDS / 2);
  const loaded = await phase(server, kind.paths, CONCURRENCY, SECONDS);
  return { page: kind.name, first, single, loaded, jsGzipKb: await shippedJsGzipKb(server.url, kind.paths[0]!) };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function describePhase(p: Phase): string {
  return (
    `${p.clients} client${p.clients > 1 ? 's' : ''}: ${p.requests} requests, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, ` +
    `${p.rps.toFixed(0)} req/s, ${p.errors} errors${p.firstError ? ` (first: ${p.firstError})` : ''}`
  );
}

async function main(): Promise<void> {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
  say(`web benchmark: ${N} synthetic reports (seed ${SEED}), ${CONCURRENCY} concurrent clients, ≤${SECONDS} s / ≤${MAX_REQUESTS} requests per page, ${os.cpus().length} cores`);
  let pg: PgServer | undefined;
  let server: NextServer | undefined;
  try {
    let url = DATABASE_URL;
    if (!url) {
      pg = await startPgServer();
      url = pg.url;
      say(`PostgreSQL on 127.0.0.1:${pg.port}`);
    }
    const db = createDb({ url, max: INGEST_CONCURRENCY + 1 });
    let kinds: PageKind[];
    try {
      await load(db);
      kinds = await pickPaths(db);
    } finally {
      await closeDb(db);
    }
    const t = Date.now();
    const build = await buildNext(DIST_DIR);
    say(build.built ? `built ${DIST_DIR} in ${Math.round((Date.now() - t) / 1000)} s` : `${DIST_DIR} is current`);
    // Pages kept by an earlier run would be served as if rendered: every run starts with none.
    rmSync(join(DIST_DIR, 'server', 'route-cache'), { recursive: true, force: true });
    server = await startNext({
      distDir: DIST_DIR,
      env: { DATABASE_URL: url, DATABASE_READ_URL: undefined, GONGKAI_INCLUDE_SYNTHETIC: '1' },
    });
    say(`next start on ${server.url}`);
    const results: LoadResult[] = [];
    for (const kind of kinds) {
      let r: LoadResult;
      try {
        r = await drive(server, kind);
      } catch (err) {
        say(`${kind.name}: not measured: ${(err as Error).message}`);
        process.exitCode = 1;
        continue;
      }
      results.push(r);
      say(`${r.page}: first requests, ${describePhase(r.first)}`);
      say(`${r.page}: ${describePhase(r.single)}`);
      say(`${r.page}: ${describePhase(r.loaded)}`);
      say(`${r.page}: ${r.jsGzipKb.toFixed(1)} KB gz JS`);
    }
    say(`\nsummary (${N} reports; p50/p99 with 1 client; req/s with ${CONCURRENCY}; first: each page's first request):`);
    for (const r of results) {
      const errors = r.first.errors + r.single.errors + r.loaded.errors;
      say(
        `web ${r.page}: p50 ${ms(r.single.p50)}, p99 ${ms(r.single.p99)}, ${r.loaded.rps.toFixed(0)} req/s ` +
          `(p50 ${ms(r.loaded.p50)} under load), first p50 ${ms(r.first.p50)} p99 ${ms(r.first.p99)}, ` +
          `${r.jsGzipKb.toFixed(1)} KB gz JS, ${errors} errors`,
      );
    }
    if (results.some((r) => r.first.errors + r.single.errors + r.loaded.errors > 0)) process.exitCode = 1;
  } finally {
    await server?.stop();
    await pg?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:web failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
