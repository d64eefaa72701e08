/**
 * The database steps of `npm start` (and of the test and benchmark harnesses, via scripts/prepare-data.ts):
 * bring the schema up to date, load the sample reports into an empty database, close the handle so that the
 * next process (PGlite: one per data dir) can open it.
 */
import { closeDb, dbKind, dbLocation, getDb } from '@/db';
import { migrate } from '@/db/migrate';
import { loadSamplesIfEmpty } from '@/lib/ingest';

export interface SetupResult {
  where: string;
  /** Sample files stored; null when the database already had reports. */
  samplesLoaded: number | null;
  samplesFailed: number;
}

/** Migrates and seeds the configured database (env()), printing one short line per step through `say`. */
export async function setUpDatabase(say: (line: string) => void): Promise<SetupResult> {
  const db = getDb();
  try {
    const where = `${dbKind(db) === 'pglite' ? 'PGlite' : 'PostgreSQL'} at ${dbLocation(db)}`;
    say(`database: ${where}`);
    let t = Date.now();
    await migrate(db);
    say(`database: schema up to date (${Date.now() - t} ms)`);
    t = Date.now();
    const summary = await loadSamplesIfEmpty(db);
    if (!summary) {
      say('database: has reports, samples not loaded');
      return { where, samplesLoaded: null, samplesFailed: 0 };
    }
    say(
      `database: loaded ${summary.new + summary.updated + summary.unchanged} sample reports` +
        `${summary.failed ? `, ${summary.failed} failed` : ''} (${Date.now() - t} ms)`,
    );
    for (const f of summary.failures) say(`  failed: ${f.file}: ${f.code} ${f.message}`);
    return { where, samplesLoaded: summary.new + summary.updated + summary.unchanged, samplesFailed: summary.failed };
  } finally {
    await closeDb();
  }
}
