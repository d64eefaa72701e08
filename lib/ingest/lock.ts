/**
 * One ingest at a time per database. PostgreSQL: a session advisory lock on a reserved connection (released when
 * the process dies). PGlite: a lock file beside the data directory, since PGlite is single-process anyway.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dbKind, dbLocation, postgresClient, type Db } from '@/db';

/** Arbitrary but fixed: the advisory lock key of "gongkai ingest". */
const ADVISORY_KEY = 4_711_2019;

export class IngestLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestLockedError';
  }
}

export interface IngestLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for the other ingest to finish (PostgreSQL only); otherwise refuse at once. */
  wait?: boolean;
  onWait?: () => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function pgliteLockPath(pgliteDir: string): string {
  return path.join(path.dirname(pgliteDir), `${path.basename(pgliteDir)}.ingest.lock`);
}

function lockFile(pgliteDir: string): IngestLock {
  const file = pgliteLockPath(pgliteDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { flag: 'wx' });
      return {
        release: async () => {
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; startedAt?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        /* half-written by a process that died: stale */
      }
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new IngestLockedError(
          `another ingest (process ${holder.pid}, started ${holder.startedAt ?? '?'}) is writing to ${pgliteDir}. ` +
            'The embedded database allows one process at a time: wait for it to finish, or use a PostgreSQL server (DATABASE_URL).',
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new IngestLockedError(`could not take the ingest lock ${file}`);
}

async function advisoryLock(db: Db, opts: LockOptions): Promise<IngestLock> {
  const client = postgresClient(db);
  if (!client) throw new Error('no postgres client');
  const conn = await client.reserve();
  try {
    const [got] = await conn`select pg_try_advisory_lock(${ADVISORY_KEY}) as ok`;
    if (!got?.ok) {
      if (!opts.wait) {
        throw new IngestLockedError(`another ingest is running on ${dbLocation(db)}; try again when it has finished`);
      }
      opts.onWait?.();
      await conn`select pg_advisory_lock(${ADVISORY_KEY})`;
    }
  } catch (err) {
    conn.release();
    throw err;
  }
  return {
    release: async () => {
      try {
        await conn`select pg_advisory_unlock(${ADVISORY_KEY})`;
      } finally {
        conn.release();
      }
    },
  };
}

/** Takes the ingest lock of this database. */
export async function acquireIngestLock(db: Db, opts: LockOptions = {}): Promise<IngestLock> {
  if (dbKind(db) === 'postgres') return advisoryLock(db, { wait: opts.wait ?? true, onWait: opts.onWait });
  const dir = dbLocation(db);
  if (dir.startsWith('memory://')) return { release: async () => {} }; // private to this process
  return lockFile(dir);
}
