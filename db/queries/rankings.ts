import 'server-only';
/**
 * Rankings of regions and agencies by one metric: a single aggregate over `report_totals` (current reports only,
 * synthetic ones left out), grouped by the level's region-code column or by agency, filtered by the parent's code
 * column. The partial indexes (year, <level>_code) WHERE is_current serve the filter.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { VersionedCache } from '@/lib/cache';
import { env } from '@/lib/env';
import { rateInterval } from '@/lib/metrics';
import {
  isCountMetric,
  levelOfCode,
  type RankingParams,
  type RankingSort,
  type RegionLevel,
  type SortDir,
} from '@/lib/ranking-params';
import { getReadDb, rowsOf, type Db } from '../index';
import { agencies, regions, reportTotals as T } from '../schema';
import { getDataVersion } from './api';
import { metricAggregates, toNum } from './metric-sql';

/** The code column of each level: a whitelist, so that no input ever names a column. */
export const LEVEL_COLUMN: Record<RegionLevel, AnyPgColumn> = {
  province: T.provinceCode,
  city: T.cityCode,
  county: T.countyCode,
  town: T.townCode,
};

const DIR_SQL: Record<SortDir, SQL> = { asc: sql`ASC`, desc: sql`DESC` };
const SORT_SQL: Record<RankingSort, SQL> = {
  value: sql`value`,
  num: sql`num`,
  den: sql`den`,
  lower: sql`lower_bound`,
  name: sql`sort_name`,
  reports: sql`reports`,
};

// The Wilson lower bound (z = 1.96) in SQL, so that a ranking can be ordered by it before paging.
const WILSON_LOWER = sql`CASE WHEN den > 0 AND num >= 0 AND num <= den THEN
  ((num / den) + 3.8416 / (2 * den) - 1.96 * sqrt((num / den) * (1 - num / den) / den + 3.8416 / (4 * den * den)))
  / (1 + 3.8416 / den) END`;

export interface RankingRow {
  /** Region code, or the agency id as a string. */
  key: string;
  name: string;
  /** Agencies: the slug for links. */
  slug: string | null;
  /** Agencies: the full name of their region. */
  regionName: string | null;
  /** Current reports in the group. */
  reports: number;
  num: number | null;
  den: number | null;
  value: number | null;
  interval: { low: number; high: number } | null;
  /** Denominator at or above the minimum sample (count metrics: always). */
  sufficient: boolean;
  /** Position by value, highest first, among the sufficient rows; null for the others. */
  rank: number | null;
}

export interface RankingResult {
  params: RankingParams;
  /** The year ranked: params.year, or the latest year with data (null when there is no data at all). */
  year: number | null;
  rows: RankingRow[];
  /** Rows over all pages (after hiding, when hidden). */
  total: number;
  /** Rows at or above the minimum sample. */
  sufficientTotal: number;
  pages: number;
}

export interface RankingOptions {
  db?: Db;
  /** Benchmarks rank synthetic reports; pages and the API never do. Default: env().includeSynthetic (bench:web). */
  includeSynthetic?: boolean;
}

const withSynthetic = (opts: RankingOptions): boolean => opts.includeSynthetic ?? env().includeSynthetic;

function baseWhere(year: number, parent: string | null, includeSynthetic: boolean): SQL[] {
  // `is_current` bare (not `= $1`) so that the planner can match the partial indexes.
  const where: SQL[] = [sql`${T.isCurrent}`, sql`${T.year} = ${year}`];
  if (!includeSynthetic) where.push(sql`NOT ${T.synthetic}`);
  if (parent !== null) {
    const pl = levelOfCode(parent);
    if (pl) where.push(sql`${LEVEL_COLUMN[pl]} = ${parent}`);
  }
  return where;
}

/** The latest year with current reports, or null when there are none. */
export async function getLatestYear(opts: RankingOptions = {}): Promise<number | null> {
  const db = opts.db ?? getReadDb();
  const synth = withSynthetic(opts) ? sql`` : sql`AND NOT ${T.synthetic}`;
  const rows = rowsOf<{ y: unknown }>(
    await db.execute(sql`SELECT max(${T.year}) AS y FROM ${T} WHERE ${T.isCurrent} ${synth}`),
  );
  return toNum(rows[0]?.y);
}

/** The years that have current reports, newest first (a loose index scan: one probe per year). */
export async function listRankingYears(opts: RankingOptions = {}): Promise<number[]> {
  const db = opts.db ?? getReadDb();
  const synth = withSynthetic(opts) ? sql`` : sql`AND NOT ${T.synthetic}`;
  const rows = rowsOf<{ year: unknown }>(
    await db.execute(sql`
      WITH RECURSIVE y(year) AS (
        SELECT max(${T.year}) FROM ${T} WHERE ${T.isCurrent} ${synth}
        UNION ALL
        SELECT (SELECT max(${T.year}) FROM ${T} WHERE ${T.isCurrent} ${synth} AND ${T.year} < y.year)
        FROM y WHERE y.year IS NOT NULL
      )
      SELECT year FROM y WHERE year IS NOT NULL`),
  );
  return rows.map((r) => toNum(r.year)).filter((y): y is number => y !== null);
}

interface RawRow {
  key: unknown;
  name: unknown;
  slug?: unknown;
  region_name?: unknown;
  reports: unknown;
  num: unknown;
  den: unknown;
  value: unknown;
  sufficient: unknown;
  rank: unknown;
  total_rows: unknown;
  sufficient_rows: unknown;
}

async function runRanking(
  params: RankingParams,
  opts: RankingOptions,
  groupCol: AnyPgColumn,
  join: (agg: SQL) => SQL,
  /** Columns looked up for the rows of the page only (after the limit), e.g. a region's full name. */
  pageColumns: SQL = sql``,
): Promise<RankingResult> {
  const db = opts.db ?? getReadDb();
  const year = params.year ?? (await getLatestYear(opts));
  if (year === null) return { params, year: null, rows: [], total: 0, sufficientTotal: 0, pages: 0 };
  const where = sql.join(
    [...baseWhere(year, params.parent, withSynthetic(opts)), sql`${groupCol} IS NOT NULL`],
    sql` AND `,
  );
  const count = isCountMetric(params.metric);
  const value = count ? sql`num` : sql`CASE WHEN den > 0 THEN num / den END`;
  const sufficient = count ? sql`(num IS NOT NULL)` : sql`(den IS NOT NULL AND den > 0 AND den >= ${params.min})`;
  const hide = params.hide ? sql`WHERE sufficient` : sql``;
  const offset = (params.page - 1) * params.size;
  const order = sql`(CASE WHEN sufficient THEN 0 ELSE 1 END), ${SORT_SQL[params.sort]} ${DIR_SQL[params.dir]} NULLS LAST,
      sort_name ASC, key ASC`;

  const query = sql`
    WITH agg AS (
      SELECT ${groupCol} AS key, count(*)::int AS reports, ${metricAggregates(params.metric, 'num', 'den')}
      FROM ${T} WHERE ${where} GROUP BY ${groupCol}
    ), named AS (${join(sql`agg`)}),
    scored AS (
      SELECT named.*, ${value} AS value, ${sufficient} AS sufficient
      FROM named
    ), bounded AS (
      SELECT scored.*, ${WILSON_LOWER} AS lower_bound FROM scored
    ), ranked AS (
      SELECT bounded.*,
        CASE WHEN sufficient AND value IS NOT NULL
          THEN rank() OVER (PARTITION BY (sufficient AND value IS NOT NULL) ORDER BY value DESC) END AS rank,
        count(*) OVER () AS total_rows,
        count(*) FILTER (WHERE sufficient) OVER () AS sufficient_rows
      FROM bounded ${hide}
    )
    SELECT page.* ${pageColumns} FROM (
      SELECT * FROM ranked
      ORDER BY ${order}
      LIMIT ${params.size} OFFSET ${offset}
    ) page
    ORDER BY ${order}`;

  const raw = rowsOf<RawRow>(await db.execute(query));
  let total = toNum(raw[0]?.total_rows) ?? 0;
  let sufficientTotal = toNum(raw[0]?.sufficient_rows) ?? 0;
  if (raw.length === 0 && offset > 0) {
    // Past the last page: count without paging, so that the page can offer a way back.
    const again = await runRanking({ ...params, page: 1, size: 1 }, opts, groupCol, join, pageColumns);
    total = again.total;
    sufficientTotal = again.sufficientTotal;
  }
  const rows = raw.map((r): RankingRow => {
    const num = toNum(r.num);
    const den = toNum(r.den);
    const v = toNum(r.value);
    return {
      key: String(r.key),
      name: String(r.name ?? r.key),
      slug: r.slug === undefined || r.slug === null ? null : String(r.slug),
      regionName: r.region_name === undefined || r.region_name === null ? null : String(r.region_name),
      reports: toNum(r.reports) ?? 0,
      num,
      den,
      value: v,
      interval: count ? null : rateInterval({ numerator: num, denominator: den, value: v }),
      sufficient: r.sufficient === true || r.sufficient === 't',
      rank: toNum(r.rank),
    };
  });
  return { params, year, rows, total, sufficientTotal, pages: Math.ceil(total / params.size) };
}

/** Regions of `params.level` within `params.parent` (or the whole country), ranked by `params.metric`. */
export async function rankRegions(params: RankingParams, opts: RankingOptions = {}): Promise<RankingResult> {
  return runRanking(
    params,
    opts,
    LEVEL_COLUMN[params.level],
    (agg) => sql`
      SELECT ${agg}.*, ${regions.name} AS name, ${regions.pinyin} AS sort_name
      FROM ${agg} LEFT JOIN ${regions} ON ${regions.code} = ${agg}.key`,
  );
}

/** Agencies within `params.parent` (or everywhere), ranked by `params.metric`. */
export async function rankAgencies(params: RankingParams, opts: RankingOptions = {}): Promise<RankingResult> {
  return runRanking(
    params,
    opts,
    T.agencyId,
    (agg) => sql`
      SELECT ${agg}.*, ${agencies.name} AS name, ${agencies.slug} AS slug, ${agencies.pinyin} AS sort_name,
        ${agencies.regionCode} AS region_code
      FROM ${agg} JOIN ${agencies} ON ${agencies.id} = ${agg}.key`,
    // Only the shown rows need their region's name: joining every agency's region cost a hash of all 44,000.
    sql`, (SELECT r.full_name FROM ${regions} r WHERE r.code = page.region_code) AS region_name`,
  );
}

/** Either ranking, by `params.kind`. */
export async function getRanking(params: RankingParams, opts: RankingOptions = {}): Promise<RankingResult> {
  return params.kind === 'agencies' ? rankAgencies(params, opts) : rankRegions(params, opts);
}

// Rankings as the pages and the API ask for them, kept per data version (lib/cache.ts): an aggregate over every
// current report of a year is the one expensive query of the portal, and its answer changes only with an ingest.
const rankings = new VersionedCache<RankingResult>(500);
const rankingYears = new VersionedCache<number[]>(4);

/**
 * getRanking on the read database, computed once per distinct query and data version (the version is re-read at
 * most once a second, so an ingest shows within a second). Callers that pass their own database use getRanking.
 */
export async function getRankingCached(params: RankingParams): Promise<RankingResult> {
  const version = await getDataVersion();
  return rankings.get(version, JSON.stringify([withSynthetic({}), params]), () => getRanking(params));
}

/** listRankingYears on the read database, once per data version. */
export async function listRankingYearsCached(): Promise<number[]> {
  const version = await getDataVersion();
  return rankingYears.get(version, String(withSynthetic({})), () => listRankingYears());
}

/**
 * A region's place among its siblings (same parent, same level) for one metric and year: its row of the ranking,
 * or null when it has no data.
 */
export async function getRegionRankPosition(
  code: string,
  parent: string | null,
  metric: RankingParams['metric'],
  year: number,
  min: number,
  opts: RankingOptions = {},
): Promise<(RankingRow & { of: number }) | null> {
  const level = levelOfCode(code);
  if (!level) return null;
  // Siblings are few (at most a few hundred towns in a county): rank them all and pick the one.
  const siblings: RankingParams = {
    kind: 'regions',
    level,
    parent,
    metric,
    year,
    sort: 'value',
    dir: 'desc',
    min,
    hide: false,
    page: 1,
    size: 1000,
  };
  // Every sibling's page asks for the same ranking: on the read database it is computed once per data version.
  const all = opts.db ? await rankRegions(siblings, opts) : await getRankingCached(siblings);
  const row = all.rows.find((r) => r.key === code);
  return row ? { ...row, of: all.sufficientTotal } : null;
}
