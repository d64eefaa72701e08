/**
 * Building and serving the portal for tests and benchmarks: `next build` into its own dist dir (skipped when the
 * build is current), a data dir prepared by scripts/prepare-data.ts, and `next start` on a free loopback port.
 * The test harness (scripts/test.ts), the e2e global setup and bench/web.ts all go through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isBuildCurrent, markBuildCurrent, sourceHash } from '../../scripts/build-cache';
import { signalGroup, stopGroup } from './process-group';

/** Environment for every child process: the parent's, no telemetry, plus the overrides. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function nextBin(): string {
  return path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
}

function tsxBin(): string {
  return path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
}

/** Runs a command to completion; rejects with its output's tail when it fails. */
export function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      if (opts.echo) process.stdout.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}\n${out.slice(-6000)}`));
    });
  });
}

export interface BuildResult {
  built: boolean;
  ms: number;
}

/** `next build` into distDir unless it already holds a build of the current sources. */
export async function buildNext(distDir: string, opts: { echo?: boolean; env?: Record<string, string> } = {}) {
  const started = Date.now();
  if (isBuildCurrent(distDir)) return { built: false, ms: 0 } satisfies BuildResult;
  const hash = sourceHash();
  await run(process.execPath, [nextBin(), 'build'], {
    env: childEnv({ ...opts.env, GONGKAI_DIST_DIR: distDir, NODE_ENV: 'production' }),
    echo: opts.echo,
  });
  markBuildCurrent(distDir, hash);
  return { built: true, ms: Date.now() - started } satisfies BuildResult;
}

/**
 * Migrates the database and loads the sample reports when it is empty (scripts/prepare-data.ts, in a child
 * process so that its PGlite handle is closed before `next start` opens the same directory).
 */
export async function prepareData(env: Record<string, string | undefined>): Promise<string> {
  return run(process.execPath, [tsxBin(), path.join('scripts', 'prepare-data.ts')], { env: childEnv(env) });
}

export interface NextServer {
  url: string;
  port: number;
  /** The last lines the server printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let hooked = false;
function killLive(): void {
  for (const child of live) signalGroup(child, 'SIGKILL');
  live.clear();
}

/** `next start` on 127.0.0.1; resolves once it answers HTTP. Killed on process exit if stop() is never called. */
export async function startNext(opts: {
  distDir: string;
  env?: Record<string, string | undefined>;
  port?: number;
}): Promise<NextServer> {
  const port = opts.port ?? (await freePort());
  const env = childEnv({ ...opts.env, GONGKAI_DIST_DIR: opts.distDir, NODE_ENV: 'production', PORT: String(port) });
  const child = spawn(process.execPath, [nextBin(), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    detached: true, // own process group: stop() takes any workers with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  if (!hooked) {
    hooked = true;
    process.on('exit', killLive);
  }
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!live.has(child)) return;
    live.delete(child);
    await stopGroup(child, 'SIGTERM');
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      live.delete(child);
      throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    }
    try {
      // Any HTTP answer means it is serving; robots.txt avoids rendering a data page on the way up.
      await fetch(`${url}/robots.txt`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer on ${url} within 60 s:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url, port, output: () => out, stop };
}

/** The dist dir the test harness builds into, apart from the one `npm start` uses. */
export const TEST_DIST_DIR = '.next-test';

export interface TestPortal extends NextServer {
  dataDir: string;
}

/**
 * The portal as the browser tests see it: a current build in .next-test, a fresh temp data dir migrated and loaded
 * with the sample reports, `next start` on a free port. stop() also removes the data dir.
 */
export async function startTestPortal(opts: { echo?: boolean } = {}): Promise<TestPortal> {
  await buildNext(TEST_DIST_DIR, { echo: opts.echo });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  const env = { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: undefined, DATABASE_READ_URL: undefined };
  try {
    await prepareData(env);
    const server = await startNext({ distDir: TEST_DIST_DIR, env });
    return {
      ...server,
      dataDir,
      stop: async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
