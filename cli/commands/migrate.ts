/**
 * `gongkai migrate`: applies db/migrations and loads the regions table.
 */
import { closeDb, createDb, dbKind, dbLocation } from '../../db/index';
import { migrate } from '../../db/migrate';
import { loadRegions } from '../../lib/ingest/regions';
import { envOrExit } from '../../lib/env';

export const summary = 'apply database migrations and load the regions table';
export const usage = [
  'Usage: gongkai migrate',
  '',
  'Applies db/migrations to the database (DATABASE_URL, or the embedded one in GONGKAI_DATA_DIR) and fills the',
  'regions table from the gazetteer when it is empty. Safe to run repeatedly.',
].join('\n');

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(`gongkai migrate: unexpected argument ${args[0]}\n${usage}\n`);
    return 2;
  }
  const e = envOrExit();
  const db = createDb({ url: e.databaseUrl, pgliteDir: e.pgliteDir });
  try {
    await migrate(db);
    const regions = await loadRegions(db);
    process.stdout.write(
      `migrations applied (${dbKind(db)}: ${dbLocation(db)}); ${regions > 0 ? `${regions} regions loaded` : 'regions already loaded'}\n`,
    );
    return 0;
  } finally {
    await closeDb(db);
  }
}
