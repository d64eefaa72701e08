import 'server-only';
import { sql } from 'drizzle-orm';
import { getReadDb, rowsOf } from '@/db/index';

export interface HomeHeadline {
  /** The latest report year with any (non-synthetic, current) report; null when the database is empty. */
  year: number | null;
  reports: number;
  agencies: number;
  newReceived: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  totalHandled: number | null;
  reconsideration: number | null;
  litigation: number | null;
  /** All years together. */
  allReports: number;
  allAgencies: number;
}

export interface NewestReport {
  id: number;
  year: number;
  agencyName: string;
  agencySlug: string;
  regionName: string | null;
  ingestedAt: string;
}

/** Headline figures of the latest year across all real (non-synthetic) current reports. */
export async function getHomeHeadline(): Promise<HomeHeadline> {
  const db = getReadDb();
  const rows = rowsOf<HomeHeadline>(
    await db.execute(sql`
      with latest as (
        select max(year)::int as year from report_totals where is_current and not synthetic
      )
      select latest.year as "year",
        count(t.report_id)::int as "reports",
        count(distinct t.agency_id)::int as "agencies",
        sum(t.new_received)::float8 as "newReceived",
        sum(t.granted)::float8 as "granted",
        sum(t.partially_granted)::float8 as "partiallyGranted",
        sum(t.total_handled)::float8 as "totalHandled",
        sum(t.reconsideration_total)::float8 as "reconsideration",
        sum(t.litigation_total)::float8 as "litigation",
        (select count(*)::int from report_totals where is_current and not synthetic) as "allReports",
        (select count(*)::int from agencies where not synthetic) as "allAgencies"
      from latest
      left join report_totals t on t.year = latest.year and t.is_current and not t.synthetic
      group by latest.year`),
  );
  return (
    rows[0] ?? {
      year: null,
      reports: 0,
      agencies: 0,
      newReceived: null,
      granted: null,
      partiallyGranted: null,
      totalHandled: null,
      reconsideration: null,
      litigation: null,
      allReports: 0,
      allAgencies: 0,
    }
  );
}

/** The most recently ingested real reports. */
export async function listNewestReports(limit = 10): Promise<NewestReport[]> {
  const db = getReadDb();
  return rowsOf<NewestReport>(
    await db.execute(sql`
      select r.id, r.year, a.name as "agencyName", a.slug as "agencySlug",
        coalesce(g.full_name, r.region_name) as "regionName", r.ingested_at::text as "ingestedAt"
      from reports r
      join agencies a on a.id = r.agency_id
      left join regions g on g.code = a.region_code
      where r.is_current and not r.synthetic
      order by r.ingested_at desc, r.id desc
      limit ${Math.max(1, Math.min(50, Math.trunc(limit)))}`),
  );
}
