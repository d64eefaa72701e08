/**
 * Planner statistics that keep up with a bulk load. Autovacuum first looks at a database up to a minute after a
 * load starts (autovacuum_naptime), and analyzes a table only after it grew by a tenth. Until then the planner
 * sizes the tables as they were when the ingest's prepared statements were planned — nearly empty — and their
 * cached plans scan tables that have meanwhile grown by a million rows: at 30,000 reports the server spent 2.3 ms
 * per report instead of 0.7 (bench:ingest, with and without this). So each time this process has stored four
 * times as many reports as at the last time (100, 400, 1,600, …) it analyzes the tables it writes. ANALYZE reads a
 * sample of at most 30,000 rows per table, does not block writers, and makes the cached plans be planned again.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, checkResults, reports, reportTables, reportTotals } from '@/db/schema';

const FIRST = 100;
const FACTOR = 4;

const progress = new WeakMap<Db, { stored: number; next: number }>();

/** Call after each stored report; now and then it runs ANALYZE on the ingest's tables. */
export async function noteStored(db: Db): Promise<void> {
  let p = progress.get(db);
  if (!p) progress.set(db, (p = { stored: 0, next: FIRST }));
  p.stored += 1;
  if (p.stored < p.next) return;
  p.next *= FACTOR;
  try {
    await db.execute(
      sql`analyze ${reports}, ${reportTotals}, ${reportTables}, ${checkResults}, ${agencies}`,
    );
  } catch {
    // Only speed depends on it: the report is stored either way, and autovacuum will analyze later.
  }
}
