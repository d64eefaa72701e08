import 'server-only';
/**
 * Regions for the open-data API: a division's children (or one level), and one division with its path and
 * counts. Counts include every division inside (GB/T 2260 codes nest by prefix) and leave out synthetic rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getReadDb, rowsOf, type Db } from '../index';
import { regionCodeChain } from './api';

export interface RegionItem {
  code: string;
  name: string;
  fullName: string;
  level: number;
  parentCode: string | null;
  slug: string;
  agencyCount: number;
  reportCount: number;
  latestYear: number | null;
}

const counted = sql`g.code, g.name, g.full_name as "fullName", g.level::int as level, g.parent_code as "parentCode",
  g.slug,
  (select count(*)::int from agencies a where not a.synthetic and a.region_code like g.code || '%') as "agencyCount",
  (select count(*)::int from reports r join agencies a on a.id = r.agency_id
    where r.is_current and not a.synthetic and a.region_code like g.code || '%') as "reportCount",
  (select max(r.year)::int from reports r join agencies a on a.id = r.agency_id
    where r.is_current and not a.synthetic and a.region_code like g.code || '%') as "latestYear"`;

export interface RegionListFilter {
  /** Children of this division; without it, the divisions of `level` (default 1, the provinces). */
  parent?: string | undefined;
  level?: number | undefined;
  /** Only divisions that have at least one agency. */
  withData?: boolean | undefined;
  limit: number;
  offset: number;
}

/** A page of divisions ordered by code, with the filter's total. */
export async function listRegions(
  f: RegionListFilter,
  db: Db = getReadDb(),
): Promise<{ total: number; items: RegionItem[] }> {
  const parts: SQL[] = [];
  if (f.parent !== undefined) parts.push(sql`g.parent_code = ${f.parent}`);
  if (f.level !== undefined || f.parent === undefined) parts.push(sql`g.level = ${f.level ?? 1}`);
  if (f.withData)
    parts.push(sql`exists (select 1 from agencies a where not a.synthetic and a.region_code like g.code || '%')`);
  const where = sql.join(parts, sql` and `);
  const [countRows, itemRows] = await Promise.all([
    db.execute(sql`select count(*)::int as n from regions g where ${where}`),
    db.execute(sql`select ${counted} from regions g where ${where} order by g.code limit ${f.limit} offset ${f.offset}`),
  ]);
  return { total: rowsOf<{ n: number }>(countRows)[0]?.n ?? 0, items: rowsOf<RegionItem>(itemRows) };
}

export interface RegionDetail extends RegionItem {
  /** Province first, ending with this division. */
  path: { code: string; name: string }[];
  childCount: number;
}

/** One division with its path and counts, or null. */
export async function getRegionDetail(code: string, db: Db = getReadDb()): Promise<RegionDetail | null> {
  const chain = regionCodeChain(code);
  const [rows, pathRows, childRows] = await Promise.all([
    db.execute(sql`select ${counted} from regions g where g.code = ${code}`),
    db.execute(sql`select code, name from regions where code in (${sql.join(
      chain.map((c) => sql`${c}`),
      sql`, `,
    )}) order by length(code)`),
    db.execute(sql`select count(*)::int as n from regions where parent_code = ${code}`),
  ]);
  const region = rowsOf<RegionItem>(rows)[0];
  if (!region) return null;
  return {
    ...region,
    path: rowsOf<{ code: string; name: string }>(pathRows),
    childCount: rowsOf<{ n: number }>(childRows)[0]?.n ?? 0,
  };
}
