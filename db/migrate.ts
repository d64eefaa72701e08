/**
 * Applies db/migrations (drizzle-kit output) with the migrator of the handle's driver.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { dbKind, type Db, type Schema } from './index';

/** db/migrations, found from the working directory upwards (the CLI, tests and `next start` all run in the repo). */
export function migrationsFolder(): string {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'db', 'migrations');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`db/migrations not found above ${process.cwd()}`);
    dir = parent;
  }
}

const done = new WeakSet<Db>();

/** Brings the schema up to date. Safe to call on every start: applied migrations are skipped. */
export async function migrate(db: Db): Promise<void> {
  if (done.has(db)) return;
  const migrationsFolderPath = migrationsFolder();
  if (dbKind(db) === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase<Schema>, { migrationsFolder: migrationsFolderPath });
  } else {
    await migratePostgres(db as unknown as PostgresJsDatabase<Schema>, { migrationsFolder: migrationsFolderPath });
  }
  done.add(db);
}
