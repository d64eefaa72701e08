/**
 * The databases every db test runs on (provided by tests/helpers/db-global-setup.ts), and fresh, migrated
 * databases with the regions loaded for each test: copied from a template so the 45k regions load only once.
 *
 *   describe.each(dbTargets())('ingest on $kind', (target) => { … const t = await openTestDb(target); … });
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { closeDb, createDb, type Db } from '@/db';
import { migrate, migrationsFolder } from '@/db/migrate';
import { loadRegions } from '@/lib/ingest/regions';
import type { ProvidedDbTarget } from './db-global-setup';

export type DbTarget = ProvidedDbTarget;

export function dbTargets(): DbTarget[] {
  return inject('dbTargets');
}

export interface TestDb {
  db: Db;
  kind: DbTarget['kind'];
  /** postgres: the database's URL (for spawned CLIs). */
  url?: string;
  /** pglite: the data directory (closed handles only may be reopened by another process). */
  pgliteDir?: string;
  /** Closes the handle and deletes the database. */
  cleanup(): Promise<void>;
}

/** Changes whenever the migrations do, so a stale template is never reused. */
function templateKey(): string {
  const journal = fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'));
  return createHash('sha256').update(journal).digest('hex').slice(0, 12);
}

async function pgliteTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `gongkai-test-template-${templateKey()}`);
  const done = path.join(dir, 'complete');
  if (fs.existsSync(done)) return path.join(dir, 'pglite');
  fs.rmSync(dir, { recursive: true, force: true });
  const db = createDb({ pgliteDir: path.join(dir, 'pglite') });
  try {
    await migrate(db);
    await loadRegions(db);
  } finally {
    await closeDb(db);
  }
  fs.writeFileSync(done, new Date().toISOString());
  return path.join(dir, 'pglite');
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `gongkai_template_${templateKey()}`;
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as ok from pg_database where datname = ${name}`;
    if (row) return name;
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const db = createDb({ url: withDatabase(serverUrl, name), max: 2 });
  try {
    await migrate(db);
    await loadRegions(db);
  } finally {
    await closeDb(db);
  }
  return name;
}

let counter = 0;

/** A fresh database (migrated, regions loaded) on the target. */
export async function openTestDb(target: DbTarget): Promise<TestDb> {
  counter += 1;
  if (target.kind === 'pglite') {
    const template = await pgliteTemplate();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-db-'));
    const pgliteDir = path.join(root, 'pglite');
    fs.cpSync(template, pgliteDir, { recursive: true });
    const db = createDb({ pgliteDir });
    await migrate(db);
    return {
      db,
      kind: 'pglite',
      pgliteDir,
      cleanup: async () => {
        await closeDb(db);
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const template = await postgresTemplate(target.url);
  const name = `gongkai_test_${process.pid}_${counter}_${Date.now() % 100000}`;
  const admin = postgres(withDatabase(target.url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = withDatabase(target.url, name);
  const db = createDb({ url, max: 4 });
  await migrate(db);
  return {
    db,
    kind: 'postgres',
    url,
    cleanup: async () => {
      await closeDb(db);
      const a = postgres(withDatabase(target.url, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end({ timeout: 2 });
      }
    },
  };
}
