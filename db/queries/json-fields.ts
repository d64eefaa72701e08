import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** A GB/T 2260 division on an agency's or report's path, province first. */
export interface RegionLink {
  code: string;
  name: string;
  level: number;
}

/** JSON from a sub-select: both drivers parse json, but be safe against a driver that hands back text. */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/**
 * The region path (province, city, county, town) of a region code column, as a JSON array. Codes are prefixes of
 * one another (35 → 3505 → 350502 → 350502004), so the path is one indexed IN over the primary key.
 */
export function regionPathJson(codeColumn: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('code', g.code, 'name', g.name, 'level', g.level) order by g.level)
    from regions g where g.code in (left(${codeColumn}, 2), left(${codeColumn}, 4), left(${codeColumn}, 6), ${codeColumn})), '[]'::json)`;
}
