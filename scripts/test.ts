/**
 * `npm test`: every test, for real, in one command.
 *   1. unit tests (vitest, tests/unit)
 *   2. database tests (tests/db) on embedded PGlite, then on a PostgreSQL server started here on a free loopback
 *      port (stopped afterwards, also when the tests fail)
 *   3. browser tests (tests/e2e) in Chromium against `next start`: a build in .next-test, a fresh data dir with the
 *      sample reports, a free port
 * Missing system packages are installed as root or named. Ends with `N passed, N failed`; exit 1 if anything failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { chromiumVersion } from '../tests/helpers/browser';
import { startPgServer, type PgServer } from '../tests/helpers/pg-server';
import { childEnv, startTestPortal, TEST_DIST_DIR, type TestPortal } from '../tests/helpers/server';
import { ensureSystemDeps } from './ensure-system-deps';

interface Stage {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  /** Why the stage could not run its tests (counted as one failure). */
  error?: string;
  /** Full names of the tests that ran (passed or failed), and of those skipped. */
  ran: Set<string>;
  skippedNames: string[];
}

const RESULTS_DIR = path.join('artifacts', 'test-results');
const stages: Stage[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);
const banner = (line: string) => say(`\n━━ ${line}`);

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs vitest with the default reporter for people and the JSON reporter for the totals. */
async function runVitest(
  label: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Stage> {
  const started = Date.now();
  const slug = label.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  const jsonFile = path.join(RESULTS_DIR, `${slug}.json`);
  fs.rmSync(jsonFile, { force: true });
  const vitest = path.join('node_modules', 'vitest', 'vitest.mjs');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`],
      { stdio: ['ignore', 'inherit', 'inherit'], env: childEnv(env) },
    );
    child.on('close', (c) => resolve(c ?? 1));
  });
  const stage: Stage = {
    label,
    passed: 0,
    failed: 0,
    skipped: 0,
    seconds: (Date.now() - started) / 1000,
    ran: new Set(),
    skippedNames: [],
  };
  if (!fs.existsSync(jsonFile)) {
    stage.failed = 1;
    stage.error = `vitest exited with ${code} and wrote no results`;
    return stage;
  }
  const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as VitestJson;
  stage.passed = json.numPassedTests;
  stage.failed = json.numFailedTests;
  stage.skipped = json.numPendingTests + json.numTodoTests;
  // A file that fails to import (or a hook that throws) fails no test by itself: count it.
  const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'));
  stage.failed += brokenFiles.length;
  if (brokenFiles.length) stage.error = `${brokenFiles.length} test file(s) failed outside a test`;
  if (code !== 0 && stage.failed === 0) {
    stage.failed = 1;
    stage.error = `vitest exited with ${code}`;
  }
  for (const f of json.testResults) {
    for (const a of f.assertionResults) {
      if (a.status === 'passed' || a.status === 'failed') stage.ran.add(a.fullName);
      else stage.skippedNames.push(a.fullName);
    }
  }
  return stage;
}

function failedStage(label: string, started: number, err: unknown): Stage {
  const message = err instanceof Error ? err.message : String(err);
  say(`${label}: could not run: ${message}`);
  return {
    label,
    passed: 0,
    failed: 1,
    skipped: 0,
    seconds: (Date.now() - started) / 1000,
    error: message,
    ran: new Set(),
    skippedNames: [],
  };
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`SHOW server_version`;
    return row?.server_version.split(' ')[0] ?? '?';
  } finally {
    await sql.end({ timeout: 2 });
  }
}

async function dbOnPostgres(): Promise<Stage> {
  const started = Date.now();
  let server: PgServer | undefined;
  try {
    server = await startPgServer();
    const version = await serverVersion(server.url);
    const label = `db tests on postgres ${version} at 127.0.0.1:${server.port}`;
    say(`started PostgreSQL ${version} on 127.0.0.1:${server.port}`);
    return await runVitest(label, ['-c', 'vitest.db.config.ts'], {
      GONGKAI_TEST_DB_TARGETS: 'postgres',
      GONGKAI_TEST_PG_URL: server.url,
    });
  } catch (err) {
    return failedStage('db tests on postgres', started, err);
  } finally {
    await server?.stop();
  }
}

async function e2e(): Promise<Stage> {
  const started = Date.now();
  let portal: TestPortal | undefined;
  try {
    const chromium = chromiumVersion().replace(/^Chromium\s+/, '').split(' ')[0];
    say(`building into ${TEST_DIST_DIR} (skipped when current), loading the samples into a fresh data dir…`);
    portal = await startTestPortal();
    say(`next start on ${portal.url} (data ${portal.dataDir}) after ${Math.round((Date.now() - started) / 1000)} s`);
    return await runVitest(`e2e in Chromium ${chromium}`, ['-c', 'vitest.e2e.config.ts'], { BASE_URL: portal.url });
  } catch (err) {
    return failedStage('e2e', started, err);
  } finally {
    await portal?.stop();
  }
}

function summary(s: Stage): string {
  const parts = [`${s.passed} passed`, `${s.failed} failed`];
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  return `${s.label}: ${parts.join(', ')} (${Math.round(s.seconds)} s)${s.error ? ` — ${s.error}` : ''}`;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // Ctrl-C: exit handlers of the helpers kill the PostgreSQL server and next start.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

  banner('system packages');
  try {
    ensureSystemDeps(undefined, say);
    say('chromium, CJK font and PostgreSQL server present');
  } catch (err) {
    say(`npm test: ${(err as Error).message}`);
    say('0 passed, 1 failed');
    process.exit(1);
  }

  banner('unit tests');
  stages.push(await runVitest('unit', ['-c', 'vitest.config.ts', '--project', 'unit']));
  say(summary(stages.at(-1)!));

  banner('database tests on PGlite');
  stages.push(await runVitest('db tests on PGlite', ['-c', 'vitest.db.config.ts'], { GONGKAI_TEST_DB_TARGETS: 'pglite' }));

  banner('database tests on a PostgreSQL server');
  stages.push(await dbOnPostgres());

  // A test written for one database (describe.runIf(postgres)) is skipped in the other's run but not skipped
  // overall: only what ran on neither counts as skipped.
  const [onPglite, onPostgres] = stages.slice(-2) as [Stage, Stage];
  for (const [a, b] of [[onPglite, onPostgres], [onPostgres, onPglite]] as const) {
    a.skippedNames = a.skippedNames.filter((n) => !b.ran.has(n));
    a.skipped = a.skippedNames.length;
  }
  say(summary(onPglite));
  say(summary(onPostgres));

  banner('browser tests');
  stages.push(await e2e());
  say(summary(stages.at(-1)!));

  banner(`summary (${Math.round((Date.now() - t0) / 1000)} s)`);
  for (const s of stages) say(summary(s));
  for (const s of stages) for (const n of s.skippedNames) say(`skipped in ${s.label}: ${n}`);
  const passed = stages.reduce((n, s) => n + s.passed, 0);
  const failed = stages.reduce((n, s) => n + s.failed, 0);
  const skipped = stages.reduce((n, s) => n + s.skipped, 0);
  say(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err: unknown) => {
  say(`npm test: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  say('0 passed, 1 failed');
  process.exit(1);
});
