import 'server-only';
/**
 * Compare: a few agencies side by side, every metric per year, from report_totals (current, non-synthetic reports),
 * with the same metric SQL as the ranking and the region pages so that a rate reads the same everywhere.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RankingMetric } from '@/lib/ranking-params';
import { getReadDb, rowsOf, type Db } from '../index';
import { agencies, regions, reportTotals as T } from '../schema';
import { ALL_METRICS, metricsAggregates, readMetrics, toNum } from './metric-sql';
import { searchAgencies } from './search';

export const COMPARE_MAX = 4;

export interface CompareAgency {
  id: number;
  slug: string;
  name: string;
  regionName: string | null;
}

export interface CompareYear {
  year: number;
  template: string | null;
  reportId: number;
  metrics: Record<RankingMetric, { num: number | null; den: number | null }>;
}

export interface CompareEntry extends CompareAgency {
  years: CompareYear[];
}

/** The agencies with these slugs, in the order given; unknown and synthetic slugs are left out. */
export async function getAgenciesBySlugs(slugs: string[], db: Db = getReadDb()): Promise<CompareAgency[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name, regionName: regions.fullName })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(and(inArray(agencies.slug, slugs), eq(agencies.synthetic, false)));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.flatMap((s) => {
    const r = bySlug.get(s);
    return r ? [r] : [];
  });
}

/** Each agency with its metrics by year, newest first. */
export async function compareAgencies(slugs: string[], db: Db = getReadDb()): Promise<CompareEntry[]> {
  const list = await getAgenciesBySlugs(slugs.slice(0, COMPARE_MAX), db);
  if (list.length === 0) return [];
  const ids = list.map((a) => a.id);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${T.agencyId} AS agency_id, ${T.year} AS year, max(${T.reportId}) AS report_id,
        (SELECT r.template FROM reports r WHERE r.id = max(${T.reportId})) AS template,
        ${metricsAggregates(ALL_METRICS)}
      FROM ${T}
      WHERE ${T.isCurrent} AND NOT ${T.synthetic} AND ${T.agencyId} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})
      GROUP BY ${T.agencyId}, ${T.year}
      ORDER BY ${T.year} DESC`),
  );
  return list.map((a) => ({
    ...a,
    years: rows
      .filter((r) => toNum(r.agency_id) === a.id)
      .map((r) => ({
        year: toNum(r.year) ?? 0,
        template: r.template === null || r.template === undefined ? null : String(r.template),
        reportId: toNum(r.report_id) ?? 0,
        metrics: readMetrics(r, ALL_METRICS),
      })),
  }));
}

/** What the "add" box resolves to: an exact slug, else the best name/pinyin match (exact or prefix only). */
export async function resolveAgency(input: string, db: Db = getReadDb()): Promise<string | null> {
  const q = input.trim().slice(0, 100);
  if (!q) return null;
  const [bySlug] = await getAgenciesBySlugs([q], db);
  if (bySlug) return bySlug.slug;
  const [hit] = await searchAgencies(q, 1, db);
  return hit && hit.match !== 'contains' ? hit.slug : null;
}

/** Names of real agencies for the add box's suggestions. */
export async function listAgencyNames(limit = 300, db: Db = getReadDb()): Promise<{ slug: string; name: string }[]> {
  return db
    .select({ slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.synthetic, false))
    .orderBy(asc(agencies.pinyin))
    .limit(limit);
}
