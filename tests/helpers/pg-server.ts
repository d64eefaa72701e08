/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a temp data dir, a free loopback
 * port, fsync off. Stopped by stop(), and killed on process exit if the caller never got that far.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { signalGroup, stopGroup } from './process-group';

export interface PgServer {
  /** postgres://postgres@127.0.0.1:PORT/gongkai */
  url: string;
  port: number;
  /** The server's Unix socket (createDb's socketPath): no TCP stack, cheaper per query on one machine. */
  socketPath: string;
  /** Process group of the server (postmaster and backends), e.g. to read their CPU time from /proc. */
  pgid: number;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function findBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

function ensureBinDir(): string {
  let bin = findBinDir();
  if (bin) return bin;
  if (!isRoot) {
    throw new Error(
      'PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin. Install them (Debian: `sudo apt-get install -y postgresql`) and run the tests again.',
    );
  }
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  bin = findBinDir();
  if (!bin) throw new Error('apt-get install postgresql finished but no initdb was found in /usr/lib/postgresql');
  return bin;
}

/** initdb and postgres refuse to run as root: drop to the postgres user. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function freePort(): Promise<number> {
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

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const running = new Set<{ child: ChildProcess; dir: string }>();
let exitHookInstalled = false;

function killAll(): void {
  for (const r of running) {
    // The server runs in its own process group (detached): kill the postmaster and its backends together.
    signalGroup(r.child, 'SIGKILL');
    fs.rmSync(r.dir, { recursive: true, force: true });
  }
  running.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

/** Starts a server; resolves once it accepts connections and the `gongkai` database exists. */
export async function startPgServer(): Promise<PgServer> {
  const bin = ensureBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-'));
  const dataDir = path.join(dir, 'data');
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);

  const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  }

  const port = await freePort();
  const [cmd, args] = asPostgres(path.join(bin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=200', '-c', 'shared_buffers=256MB',
  ]);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const entry = { child, dir };
  running.add(entry);
  installExitHook();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });

  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killAll();
      throw new Error(`PostgreSQL did not start on port ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const createDatabase = async (name: string): Promise<string> => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
    const { default: postgres } = await import('postgres');
    // Right after the port opens the server may still be starting up: retry briefly.
    for (let attempt = 0; ; attempt++) {
      const sql = postgres(admin, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`CREATE DATABASE ${name}`);
        break;
      } catch (err) {
        if (attempt > 50 || !/starting up/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await sql.end({ timeout: 1 });
      }
    }
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  const url = await createDatabase('gongkai');

  const stop = async (): Promise<void> => {
    if (!running.has(entry)) return;
    running.delete(entry);
    await stopGroup(child, 'SIGINT'); // SIGINT: PostgreSQL's fast shutdown
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const socketPath = path.join(dir, `.s.PGSQL.${port}`);
  return { url, port, socketPath, pgid: child.pid ?? 0, createDatabase, stop };
}
