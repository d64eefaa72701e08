import 'server-only';
/**
 * Regions for the region pages: the region and its path, its child regions with report counts, its agencies, and
 * its totals by year (current, non-synthetic reports of agencies in the region and below, from report_totals).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { childLevel, LEVEL_CODE_LENGTH, levelOfCode, type RankingMetric } from '@/lib/ranking-params';
import { getReadDb, rowsOf, type Db } from '../index';
import { agencies, regions, reportTotals as T } from '../schema';
import { ALL_METRICS, metricsAggregates, readMetrics, toNum } from './metric-sql';
import { LEVEL_COLUMN } from './rankings';

export interface RegionLinkItem {
  code: string;
  name: string;
}

export interface RegionDetail {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  fullName: string;
  /** Province first, the region itself last. */
  path: RegionLinkItem[];
}

/** Codes of a region's ancestors and itself by prefix: 350502004 → 35, 3505, 350502, 350502004. */
export function pathCodes(code: string): string[] {
  return Object.values(LEVEL_CODE_LENGTH)
    .filter((len) => len <= code.length)
    .map((len) => code.slice(0, len));
}

/** A region with its path, or null when the code is not in the gazetteer. */
export async function getRegion(code: string, db: Db = getReadDb()): Promise<RegionDetail | null> {
  if (!levelOfCode(code) || !/^\d+$/.test(code)) return null;
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      parentCode: regions.parentCode,
      fullName: regions.fullName,
    })
    .from(regions)
    .where(inArray(regions.code, pathCodes(code)))
    .orderBy(asc(regions.level));
  const self = rows.find((r) => r.code === code);
  if (!self) return null;
  return { ...self, path: rows.map((r) => ({ code: r.code, name: r.name })) };
}

export interface ChildRegion {
  code: string;
  name: string;
  /** Current reports of agencies in the child region and below, all years. */
  reports: number;
  agencies: number;
}

/** The regions directly under `code` (the provinces when null), in gazetteer order, with their report counts. */
export async function listChildRegions(code: string | null, db: Db = getReadDb()): Promise<ChildRegion[]> {
  const level = childLevel(code);
  if (level === null) return [];
  const childCol = LEVEL_COLUMN[level];
  const parentLevel = code === null ? null : levelOfCode(code);
  const parentFilter = code !== null && parentLevel ? sql`AND ${LEVEL_COLUMN[parentLevel]} = ${code}` : sql``;
  const regionFilter = code === null ? sql`${regions.level} = 1` : sql`${regions.parentCode} = ${code}`;
  const rows = rowsOf<{ code: string; name: string; reports: unknown; agencies: unknown }>(
    await db.execute(sql`
      SELECT ${regions.code} AS code, ${regions.name} AS name,
        coalesce(c.reports, 0) AS reports, coalesce(c.agencies, 0) AS agencies
      FROM ${regions}
      LEFT JOIN (
        SELECT ${childCol} AS code, count(*)::int AS reports, count(DISTINCT ${T.agencyId})::int AS agencies
        FROM ${T}
        WHERE ${T.isCurrent} AND NOT ${T.synthetic} AND ${childCol} IS NOT NULL ${parentFilter}
        GROUP BY ${childCol}
      ) c ON c.code = ${regions.code}
      WHERE ${regionFilter}
      ORDER BY ${regions.code}`),
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    reports: toNum(r.reports) ?? 0,
    agencies: toNum(r.agencies) ?? 0,
  }));
}

export interface RegionAgency {
  slug: string;
  name: string;
  reports: number;
  latestYear: number | null;
}

/** The agencies placed in exactly this region (not those below it), with their current reports. */
export async function listRegionAgencies(code: string, db: Db = getReadDb()): Promise<RegionAgency[]> {
  const rows = await db
    .select({
      slug: agencies.slug,
      name: agencies.name,
      reports: sql<number>`count(${T.reportId})::int`,
      latestYear: sql<number | null>`max(${T.year})`,
    })
    .from(agencies)
    .leftJoin(T, and(eq(T.agencyId, agencies.id), sql`${T.isCurrent}`))
    .where(and(eq(agencies.regionCode, code), eq(agencies.synthetic, false)))
    .groupBy(agencies.id)
    .orderBy(asc(agencies.pinyin));
  return rows.map((r) => ({ ...r, reports: toNum(r.reports) ?? 0, latestYear: toNum(r.latestYear) }));
}

export interface RegionYear {
  year: number;
  reports: number;
  agencies: number;
  metrics: Record<RankingMetric, { num: number | null; den: number | null }>;
}

/** The region's totals by year, newest first: every metric's numerator and denominator summed over its reports. */
export async function listRegionYears(code: string, db: Db = getReadDb()): Promise<RegionYear[]> {
  const level = levelOfCode(code);
  if (!level) return [];
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${T.year} AS year, count(*)::int AS reports, count(DISTINCT ${T.agencyId})::int AS agencies,
        ${metricsAggregates(ALL_METRICS)}
      FROM ${T}
      WHERE ${T.isCurrent} AND NOT ${T.synthetic} AND ${LEVEL_COLUMN[level]} = ${code}
      GROUP BY ${T.year}
      ORDER BY ${T.year} DESC`),
  );
  return rows.map((r) => ({
    year: toNum(r.year) ?? 0,
    reports: toNum(r.reports) ?? 0,
    agencies: toNum(r.agencies) ?? 0,
    metrics: readMetrics(r, ALL_METRICS),
  }));
}
