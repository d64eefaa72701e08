import 'server-only';
/**
 * Site search: agencies and regions by name, pinyin or pinyin initials, and report text. Each group is ordered by
 * how well it matched (exact, then prefix, then contains), so that typing a full name puts that entity first.
 * The query is always a bound parameter; LIKE wildcards in it are escaped so that `%` and `_` match themselves.
 */
import { sql, type SQL } from 'drizzle-orm';
import { env } from '@/lib/env';
import { getReadDb, rowsOf, type Db } from '../index';
import { agencies, regions, reports } from '../schema';
import { toNum } from './metric-sql';

export const SEARCH_MAX_LENGTH = 100;
/** Report text is only searched from this many characters on: one character matches nearly every report. */
export const TEXT_MIN_LENGTH = 2;
const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 120;

export type MatchKind = 'exact' | 'prefix' | 'contains';

export interface AgencyHit {
  slug: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  reports: number;
  match: MatchKind;
}

export interface RegionHit {
  code: string;
  name: string;
  fullName: string;
  level: number;
  reports: number;
  match: MatchKind;
}

export interface ReportTextHit {
  reportId: number;
  agencySlug: string;
  agencyName: string;
  year: number;
  /** 1-based line of the first match, for the report page's #L anchors. */
  line: number;
  /** Plain text around the first match (rendered escaped by React). */
  before: string;
  match: string;
  after: string;
}

export interface SearchResults {
  query: string;
  agencies: AgencyHit[];
  regions: RegionHit[];
  reports: ReportTextHit[];
  /** False when the query was too short for report text. */
  textSearched: boolean;
}

/** Trims, collapses whitespace and caps the length; '' means no search. */
export function normalizeQuery(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  return s.replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH);
}

/** `a%b_c\` → `a\%b\_c\\`: the text matches literally inside a LIKE pattern (ESCAPE '\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Pinyin and initials are stored lower-case without spaces or apostrophes: `Li Cheng` and `li'cheng` match too. */
function pinyinKey(q: string): string | null {
  const k = q.toLowerCase().replace(/[\s'’-]+/g, '');
  return /^[a-z]+$/.test(k) ? k : null;
}

/** 0 exact, 1 prefix, 2 contains, 3 no match, over name and (for ASCII queries) pinyin and initials. */
function matchRank(name: SQL, pinyin: SQL, initials: SQL, q: string): SQL {
  const like = escapeLike(q);
  const key = pinyinKey(q);
  const k = key ? escapeLike(key) : null;
  const exact = k
    ? sql`${name} = ${q} OR ${pinyin} = ${key} OR ${initials} = ${key}`
    : sql`${name} = ${q}`;
  const prefix = k
    ? sql`${name} ILIKE ${like + '%'} OR ${pinyin} LIKE ${k + '%'} OR ${initials} LIKE ${k + '%'}`
    : sql`${name} ILIKE ${like + '%'}`;
  const contains = k
    ? sql`${name} ILIKE ${'%' + like + '%'} OR ${pinyin} LIKE ${'%' + k + '%'}`
    : sql`${name} ILIKE ${'%' + like + '%'}`;
  return sql`CASE WHEN ${exact} THEN 0 WHEN ${prefix} THEN 1 WHEN ${contains} THEN 2 ELSE 3 END`;
}

const MATCH: MatchKind[] = ['exact', 'prefix', 'contains'];

export async function searchAgencies(q: string, limit = 30, db: Db = getReadDb()): Promise<AgencyHit[]> {
  if (!q) return [];
  const rank = matchRank(sql`a.name`, sql`a.pinyin`, sql`a.initials`, q);
  const synthetic = env().includeSynthetic ? sql`true` : sql`NOT a.synthetic`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT * FROM (
        SELECT a.slug, a.name, a.region_code, r.full_name AS region_name, ${rank} AS rank,
          (SELECT count(*)::int FROM ${reports} p WHERE p.agency_id = a.id AND p.is_current) AS reports
        FROM ${agencies} a LEFT JOIN ${regions} r ON r.code = a.region_code
        WHERE ${synthetic}
      ) x
      WHERE rank < 3
      ORDER BY rank, reports DESC, length(name), name
      LIMIT ${limit}`),
  );
  return rows.map((r) => ({
    slug: String(r.slug),
    name: String(r.name),
    regionCode: r.region_code === null ? null : String(r.region_code),
    regionName: r.region_name === null ? null : String(r.region_name),
    reports: toNum(r.reports) ?? 0,
    match: MATCH[toNum(r.rank) ?? 2] ?? 'contains',
  }));
}

export async function searchRegions(q: string, limit = 30, db: Db = getReadDb()): Promise<RegionHit[]> {
  if (!q) return [];
  const rank = matchRank(sql`g.name`, sql`g.pinyin`, sql`g.initials`, q);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT * FROM (
        SELECT g.code, g.name, g.full_name, g.level, ${rank} AS rank
        FROM ${regions} g
      ) x
      WHERE rank < 3
      ORDER BY rank, level, code
      LIMIT ${limit}`),
  );
  // Report counts only for the regions shown: a count over every matching town would cost more than the search.
  const codes = rows.map((r) => String(r.code));
  const counts = new Map<string, number>();
  if (codes.length > 0) {
    const c = rowsOf<{ code: string; n: unknown }>(
      await db.execute(sql`
        SELECT g.code, count(t.report_id)::int AS n
        FROM ${regions} g
        JOIN report_totals t ON t.is_current AND NOT t.synthetic AND g.code IN (t.province_code, t.city_code, t.county_code, t.town_code)
        WHERE g.code IN (${sql.join(codes.map((x) => sql`${x}`), sql`, `)})
        GROUP BY g.code`),
    );
    for (const r of c) counts.set(r.code, toNum(r.n) ?? 0);
  }
  const hits = rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    fullName: String(r.full_name),
    level: toNum(r.level) ?? 0,
    reports: counts.get(String(r.code)) ?? 0,
    match: MATCH[toNum(r.rank) ?? 2] ?? 'contains',
  }));
  // Within one match kind, regions with reports first (stable: gazetteer order otherwise).
  const order = (h: RegionHit) => MATCH.indexOf(h.match) * 2 + (h.reports > 0 ? 0 : 1);
  return hits.map((h, i) => ({ h, i })).sort((a, b) => order(a.h) - order(b.h) || a.i - b.i).map((x) => x.h);
}

export async function searchReportText(q: string, limit = 20, db: Db = getReadDb()): Promise<ReportTextHit[]> {
  if (q.length < TEXT_MIN_LENGTH) return [];
  const pattern = `%${escapeLike(q)}%`;
  const synthetic = env().includeSynthetic ? sql`true` : sql`NOT p.synthetic`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT p.id, p.year, a.slug, a.name, x.pos,
        substr(p.source_text, greatest(x.pos - ${SNIPPET_BEFORE}, 1), ${SNIPPET_LENGTH}) AS snippet,
        greatest(x.pos - ${SNIPPET_BEFORE}, 1) AS snippet_start,
        1 + length(substr(p.source_text, 1, x.pos)) - length(replace(substr(p.source_text, 1, x.pos), E'\n', '')) AS line
      FROM ${reports} p
      JOIN ${agencies} a ON a.id = p.agency_id
      CROSS JOIN LATERAL (SELECT strpos(lower(p.source_text), lower(${q})) AS pos) x
      WHERE p.is_current AND ${synthetic} AND p.source_text ILIKE ${pattern}
      ORDER BY p.year DESC, a.name
      LIMIT ${limit}`),
  );
  return rows.map((r) => {
    const snippet = String(r.snippet ?? '').replace(/\s+/g, ' ');
    const pos = toNum(r.pos) ?? 0;
    const start = toNum(r.snippet_start) ?? 1;
    // Positions are in characters on both sides (PostgreSQL strpos/substr and JS strings of BMP CJK text).
    const raw = String(r.snippet ?? '');
    const at = Math.max(0, pos - start);
    const found = pos > 0 && raw.slice(at, at + q.length).toLowerCase() === q.toLowerCase();
    return {
      reportId: toNum(r.id) ?? 0,
      agencySlug: String(r.slug),
      agencyName: String(r.name),
      year: toNum(r.year) ?? 0,
      line: toNum(r.line) ?? 1,
      before: found ? raw.slice(0, at).replace(/\s+/g, ' ') : snippet,
      match: found ? raw.slice(at, at + q.length) : '',
      after: found ? raw.slice(at + q.length).replace(/\s+/g, ' ') : '',
    };
  });
}

/** All three groups for the search page. */
export async function search(rawQuery: unknown, db: Db = getReadDb()): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  if (!query) return { query, agencies: [], regions: [], reports: [], textSearched: false };
  const [a, g, t] = await Promise.all([searchAgencies(query, 30, db), searchRegions(query, 30, db), searchReportText(query, 20, db)]);
  return { query, agencies: a, regions: g, reports: t, textSearched: query.length >= TEXT_MIN_LENGTH };
}
