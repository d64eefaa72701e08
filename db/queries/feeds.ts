import 'server-only';
/**
 * Newly ingested reports for the Atom feeds, newest first, optionally within one region (by code prefix).
 */
import { sql } from 'drizzle-orm';
import { getReadDb, rowsOf, type Db } from '../index';

export interface FeedEntry {
  reportId: number;
  year: number;
  revision: number;
  ingestedAt: string;
  publishedOn: string | null;
  agencySlug: string;
  agencyName: string;
  regionName: string | null;
  newReceived: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  totalHandled: number | null;
  checksPassed: number;
  checksTotal: number;
}

/** The `limit` most recently ingested public reports, within `regionCode` when given. */
export async function listRecentReports(
  opts: { regionCode?: string | undefined; limit: number },
  db: Db = getReadDb(),
): Promise<FeedEntry[]> {
  const region = opts.regionCode ? sql`and a.region_code like ${`${opts.regionCode}%`}` : sql``;
  const rows = await db.execute(sql`select r.id as "reportId", r.year::int as year,
      r.revision::int as revision,
      to_char(r.ingested_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "ingestedAt",
      r.published_on::text as "publishedOn", a.slug as "agencySlug", a.name as "agencyName",
      g.full_name as "regionName", t.new_received as "newReceived", t.granted,
      t.partially_granted as "partiallyGranted", t.total_handled as "totalHandled",
      r.checks_passed::int as "checksPassed", r.checks_total::int as "checksTotal"
    from reports r
    join agencies a on a.id = r.agency_id
    left join regions g on g.code = a.region_code
    left join report_totals t on t.report_id = r.id
    where not r.synthetic and not a.synthetic ${region}
    order by r.ingested_at desc, r.id desc
    limit ${opts.limit}`);
  return rowsOf<FeedEntry>(rows);
}

/** A division's name and full name, or null when the code is unknown. */
export async function getRegionName(
  code: string,
  db: Db = getReadDb(),
): Promise<{ name: string; fullName: string } | null> {
  const rows = await db.execute(
    sql`select name, full_name as "fullName" from regions where code = ${code} limit 1`,
  );
  return rowsOf<{ name: string; fullName: string }>(rows)[0] ?? null;
}
