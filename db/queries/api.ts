import 'server-only';
/**
 * Queries of the open-data API (/api/v1) that the pages' queries do not answer: the filtered agency list and the
 * data version that keys ETags and in-process caches (lib/cache.ts).
 * Synthetic (benchmark) rows are always left out.
 */
import { sql, type SQL } from 'drizzle-orm';
import { memoize } from '@/lib/cache';
import { getReadDb, rowsOf, type Db } from '../index';
import { agencies, reports } from '../schema';

const iso = (col: SQL | string) =>
  sql<string>`to_char(${typeof col === 'string' ? sql.identifier(col) : col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The data version, read now: counts of reports and agencies and the newest ingest time. */
export async function readDataVersion(db: Db = getReadDb()): Promise<string> {
  const [row] = rowsOf<{ n: number; a: number; t: string | null }>(
    await db.execute(sql`select (select count(*)::int from ${reports}) as n,
      (select count(*)::int from ${agencies}) as a,
      (select ${iso(sql`max(${reports.ingestedAt})`)} from ${reports}) as t`),
  );
  return `${row?.n ?? 0}.${row?.a ?? 0}.${row?.t ?? '-'}`;
}

/** Changes whenever an ingest adds, revises or removes a report (or an agency). Read at most once a second. */
export const getDataVersion: () => Promise<string> = memoize(() => readDataVersion(), 1000);

/** The per-report figures the API lists for every year (report_totals, plus the report's own columns). */
export interface YearFigures {
  reportId: number;
  year: number;
  revision: number;
  template: '2019' | '2021';
  publishedOn: string | null;
  ingestedAt: string;
  newReceived: number | null;
  carriedOver: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  denied: number | null;
  unable: number | null;
  notProcessed: number | null;
  otherTotal: number | null;
  totalHandled: number | null;
  carriedForward: number | null;
  reconsiderationTotal: number | null;
  reconsiderationCorrected: number | null;
  litigationTotal: number | null;
  litigationCorrected: number | null;
  feesCollectedYuan: number | null;
  checksPassed: number;
  checksTotal: number;
}

const yearFigureColumns = sql`r.id as "reportId", r.year::int as year, r.revision::int as revision, r.template,
  r.published_on::text as "publishedOn", ${iso(sql`r.ingested_at`)} as "ingestedAt",
  t.new_received as "newReceived", t.carried_over as "carriedOver", t.granted, t.partially_granted as "partiallyGranted",
  t.denied, t.unable, t.not_processed as "notProcessed", t.other_total as "otherTotal",
  t.total_handled as "totalHandled", t.carried_forward as "carriedForward",
  t.reconsideration_total as "reconsiderationTotal", t.reconsideration_corrected as "reconsiderationCorrected",
  t.litigation_total as "litigationTotal", t.litigation_corrected as "litigationCorrected",
  r.fees_collected_yuan as "feesCollectedYuan", r.checks_passed::int as "checksPassed", r.checks_total::int as "checksTotal"`;

export interface AgencyListFilter {
  /** GB/T 2260 code: the agencies of this division and every division inside it. */
  region?: string | undefined;
  kind?: string | undefined;
  /** Part of the name, pinyin, or pinyin initials. */
  q?: string | undefined;
  /** Only agencies with a report for this year; their figures are that year's. */
  year?: number | undefined;
  limit: number;
  offset: number;
}

export interface AgencyListItem {
  slug: string;
  name: string;
  kind: string;
  regionCode: string | null;
  regionName: string | null;
  years: number[];
  /** The figures of `year` when filtered by year, otherwise of the latest year. */
  figures: YearFigures | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function agencyWhere(f: AgencyListFilter): SQL {
  const parts: SQL[] = [sql`not a.synthetic`];
  if (f.region) parts.push(sql`a.region_code like ${`${f.region}%`}`);
  if (f.kind) parts.push(sql`a.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const ascii = f.q.toLowerCase().replace(/[^a-z0-9]/g, '');
    parts.push(
      ascii
        ? sql`(a.name ilike ${like} or a.pinyin like ${`%${ascii}%`} or a.initials like ${`${ascii}%`})`
        : sql`a.name ilike ${like}`,
    );
  }
  if (f.year !== undefined)
    parts.push(sql`exists (select 1 from reports r where r.agency_id = a.id and r.is_current and r.year = ${f.year})`);
  return sql.join(parts, sql` and `);
}

/** A page of agencies, ordered by pinyin, with the total count of the filter. */
export async function listAgencies(
  f: AgencyListFilter,
  db: Db = getReadDb(),
): Promise<{ total: number; items: AgencyListItem[] }> {
  const where = agencyWhere(f);
  const yearPick =
    f.year !== undefined
      ? sql`r.year = ${f.year}`
      : sql`r.year = (select max(year) from reports m where m.agency_id = a.id and m.is_current)`;
  const [countRows, itemRows] = await Promise.all([
    db.execute(sql`select count(*)::int as n from agencies a where ${where}`),
    db.execute(sql`select a.slug, a.name, a.kind, a.region_code as "regionCode", g.full_name as "regionName",
        (select string_agg(y.year::text, ',' order by y.year) from reports y
          where y.agency_id = a.id and y.is_current) as years,
        ${yearFigureColumns}
      from agencies a
      left join regions g on g.code = a.region_code
      left join reports r on r.agency_id = a.id and r.is_current and ${yearPick}
      left join report_totals t on t.report_id = r.id
      where ${where}
      order by a.pinyin, a.id
      limit ${f.limit} offset ${f.offset}`),
  ]);
  const total = rowsOf<{ n: number }>(countRows)[0]?.n ?? 0;
  const items = rowsOf<Record<string, unknown>>(itemRows).map((row) => {
    const { slug, name, kind, regionCode, regionName, years, ...figures } = row;
    return {
      slug: slug as string,
      name: name as string,
      kind: kind as string,
      regionCode: (regionCode as string | null) ?? null,
      regionName: (regionName as string | null) ?? null,
      years: typeof years === 'string' && years ? years.split(',').map(Number) : [],
      figures: figures.reportId == null ? null : (figures as unknown as YearFigures),
    };
  });
  return { total, items };
}

/** The ancestors of a GB/T 2260 code, province first, including the code itself: 350502 → 35, 3505, 350502. */
export function regionCodeChain(code: string): string[] {
  return [2, 4, 6, 9].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}
