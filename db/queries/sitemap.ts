import 'server-only';
/**
 * Entries of the sitemap parts: every public agency, report and region page, with lastmod taken from the data
 * (the newest ingest that touched it). Ordered by a stable key so that parts split deterministically.
 */
import { sql } from 'drizzle-orm';
import { getReadDb, rowsOf, type Db } from '../index';

export interface SitemapEntry {
  /** agency slug, report id or region code */
  key: string;
  /** ISO 8601 UTC timestamp */
  lastmod: string;
}

export type SitemapKind = 'agencies' | 'reports' | 'regions';

const iso = (expr: ReturnType<typeof sql>) =>
  sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// Regions with data: every level of the region path of every non-synthetic report (report_totals carries it).
const regionsWithData = sql`with t as (
    select rt.province_code as p, rt.city_code as c, rt.county_code as k, rt.town_code as w, r.ingested_at as at
    from report_totals rt join reports r on r.id = rt.report_id where not rt.synthetic),
  u as (select p as code, at from t union all select c, at from t union all select k, at from t
    union all select w, at from t)
  select u.code as key, ${iso(sql`max(u.at)`)} as lastmod
  from u join regions g on g.code = u.code group by u.code`;

/** How many entries of each kind there are, to plan the parts. */
export async function countSitemapEntries(db: Db = getReadDb()): Promise<Record<SitemapKind, number>> {
  const rows = rowsOf<{ a: number; r: number; g: number }>(
    await db.execute(sql`select (select count(*)::int from agencies where not synthetic) as a,
      (select count(*)::int from reports where not synthetic) as r,
      (select count(*)::int from (${regionsWithData}) x) as g`),
  );
  const row = rows[0];
  return { agencies: row?.a ?? 0, reports: row?.r ?? 0, regions: row?.g ?? 0 };
}

/** One slice of one kind, ordered by key. */
export async function listSitemapEntries(
  kind: SitemapKind,
  offset: number,
  limit: number,
  db: Db = getReadDb(),
): Promise<SitemapEntry[]> {
  const query =
    kind === 'agencies'
      ? sql`select a.slug as key, ${iso(sql`coalesce(max(r.ingested_at), a.created_at)`)} as lastmod
          from agencies a left join reports r on r.agency_id = a.id
          where not a.synthetic group by a.id order by a.slug limit ${limit} offset ${offset}`
      : kind === 'reports'
        ? sql`select r.id::text as key, ${iso(sql`r.ingested_at`)} as lastmod
            from reports r where not r.synthetic order by r.id limit ${limit} offset ${offset}`
        : sql`${regionsWithData} order by u.code limit ${limit} offset ${offset}`;
  return rowsOf<SitemapEntry>(await db.execute(query));
}

/** The newest ingest of any public report (lastmod of the static pages), or null on an empty database. */
export async function getLastIngest(db: Db = getReadDb()): Promise<string | null> {
  const rows = rowsOf<{ t: string | null }>(
    await db.execute(sql`select ${iso(sql`max(ingested_at)`)} as t from reports where not synthetic`),
  );
  return rows[0]?.t ?? null;
}
