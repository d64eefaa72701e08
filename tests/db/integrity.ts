/** Invariants of stored data that every ingest, finished or interrupted, must keep. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rowsOf } from '@/db';
import type { TestDb } from '../helpers/db-targets';

/**
 * Every stored report has all its parts (its totals row, its tables row with table 3's rows, as many checks as it counts), and no
 * per-report row exists without its report.
 */
export async function expectNoPartialReports(t: TestDb): Promise<void> {
  const rows = rowsOf<{ id: number; apps: number; table_rows: number; totals: number; checks: number; check_rows: number; checks_total: number }>(
    await t.db.execute(sql`select r.id,
        (select count(*)::int from report_tables a, json_object_keys(a.applications) k where a.report_id = r.id) as apps,
        (select count(*)::int from report_tables a where a.report_id = r.id) as table_rows,
        (select count(*)::int from report_totals t where t.report_id = r.id) as totals,
        (select json_array_length(c.checks) from check_results c where c.report_id = r.id) as checks,
        (select count(*)::int from check_results c where c.report_id = r.id) as check_rows,
        r.checks_total
      from reports r`),
  );
  for (const r of rows) {
    expect(Number(r.totals), `report ${r.id} totals`).toBe(1);
    expect(Number(r.table_rows), `report ${r.id} tables row`).toBe(1);
    expect(Number(r.apps), `report ${r.id} table 3 rows`).toBeGreaterThan(0);
    expect(Number(r.check_rows), `report ${r.id} check results row`).toBe(1);
    expect(Number(r.checks), `report ${r.id} checks`).toBe(Number(r.checks_total));
  }
  // The child tables have no foreign key (db/schema.ts, CHILD_ROWS_NOTE): no row may outlive or precede its report.
  const [orphans] = rowsOf<Record<string, number>>(
    await t.db.execute(sql`select
        (select count(*)::int from report_tables x where not exists (select 1 from reports r where r.id = x.report_id)) as report_tables,
        (select count(*)::int from check_results x where not exists (select 1 from reports r where r.id = x.report_id)) as check_results`),
  );
  expect(orphans).toEqual({ report_tables: 0, check_results: 0 });
}
