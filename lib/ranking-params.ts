/**
 * The state of a ranking, as it lives in the URL (page, API and shared links alike): what is ranked, by which
 * metric, in which year and order, with which minimum sample. Parsing never throws: a bad value falls back to its
 * default and is named in `notices`, so a hand-edited link still shows a ranking.
 */
import { z } from 'zod';
import { DENIED_ROWS } from './report-parser/keys';

export const RANKING_KINDS = ['regions', 'agencies'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

/** GB/T 2260 levels by name; the number is `regions.level`. */
export const REGION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const LEVEL_NUMBER: Record<RegionLevel, 1 | 2 | 3 | 4> = { province: 1, city: 2, county: 3, town: 4 };
/** Code length of each level: 35, 3505, 350502, 350502004. */
export const LEVEL_CODE_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9 };

export function levelOfCode(code: string): RegionLevel | null {
  const found = REGION_LEVELS.find((l) => LEVEL_CODE_LENGTH[l] === code.length);
  return found ?? null;
}

/** The eight 不予公开 rows (exemptions); the ranking metric `exemption.<key>` is that row's share of all refusals. */
export const EXEMPTION_METRIC_KEYS = DENIED_ROWS;
export type ExemptionMetricKey = (typeof EXEMPTION_METRIC_KEYS)[number];

export const RANKING_METRICS = [
  'disclosure',
  'disclosureMerits',
  'refusal',
  ...EXEMPTION_METRIC_KEYS.map((k) => `exemption.${k}` as const),
  'unable',
  'notProcessed',
  'correctionReconsideration',
  'correctionLitigation',
  'dispute',
  'backlog',
  'received',
  'quality',
] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];

/** The metrics of the per-year tables on region and compare pages, in the order they are shown. */
export const HEADLINE_METRICS: readonly RankingMetric[] = [
  'received',
  'disclosure',
  'disclosureMerits',
  'refusal',
  'unable',
  'notProcessed',
  'backlog',
  'dispute',
  'correctionReconsideration',
  'correctionLitigation',
  'quality',
] as const;

/** Metrics that are counts, not proportions: no denominator, no interval, no minimum sample. */
export const COUNT_METRICS: ReadonlySet<RankingMetric> = new Set<RankingMetric>(['received']);
export const isCountMetric = (m: RankingMetric): boolean => COUNT_METRICS.has(m);

/** Sortable columns: the metric's value, its numerator, its denominator, the Wilson lower bound, the name, reports. */
export const RANKING_SORTS = ['value', 'num', 'den', 'lower', 'name', 'reports'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

export const DEFAULT_MIN = 10;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** A region code of any level: 2, 4, 6 or 9 digits. */
export const regionCodeSchema = z.string().regex(/^\d{2}(?:\d{2}(?:\d{2}(?:\d{3})?)?)?$/);

const yearSchema = z.coerce.number().int().min(1990).max(2100);

/** Each field on its own, so that one bad value does not void the others. */
const fieldSchemas = {
  kind: z.enum(RANKING_KINDS),
  level: z.enum(REGION_LEVELS),
  parent: regionCodeSchema,
  metric: z.enum(RANKING_METRICS),
  year: yearSchema,
  sort: z.enum(RANKING_SORTS),
  dir: z.enum(SORT_DIRS),
  min: z.coerce.number().int().min(0).max(1_000_000),
  hide: z.enum(['0', '1']).transform((v) => v === '1'),
  page: z.coerce.number().int().min(1).max(100_000),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE),
} as const;

export type RankingParamName = keyof typeof fieldSchemas;
export const RANKING_PARAM_NAMES = Object.keys(fieldSchemas) as RankingParamName[];

/** The validated state of a ranking. `parent` null = the whole country; `year` null = the latest year with data. */
export interface RankingParams {
  kind: RankingKind;
  level: RegionLevel;
  parent: string | null;
  metric: RankingMetric;
  year: number | null;
  sort: RankingSort;
  dir: SortDir;
  min: number;
  /** Hide the rows below the minimum sample instead of listing them after the others. */
  hide: boolean;
  page: number;
  size: number;
}

export const DEFAULT_RANKING_PARAMS: RankingParams = {
  kind: 'regions',
  level: 'province',
  parent: null,
  metric: 'disclosure',
  year: null,
  sort: 'value',
  dir: 'desc',
  min: DEFAULT_MIN,
  hide: false,
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

/** Natural direction of a first click on a column: names A→Z, numbers largest first. */
export function defaultDir(sort: RankingSort): SortDir {
  return sort === 'name' ? 'asc' : 'desc';
}

/** The level just below a parent code (country → province). */
export function childLevel(parent: string | null): RegionLevel | null {
  if (parent === null) return 'province';
  const l = levelOfCode(parent);
  if (l === null) return null;
  const i = REGION_LEVELS.indexOf(l);
  return REGION_LEVELS[i + 1] ?? null;
}

export interface ParsedRankingParams {
  params: RankingParams;
  /** Names of the parameters whose values were not valid and were replaced by their defaults. */
  notices: RankingParamName[];
}

type RawQuery = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawQuery, name: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
  const v = raw[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Validates a query (Next searchParams or URLSearchParams); never throws. */
export function parseRankingParams(raw: RawQuery): ParsedRankingParams {
  const notices: RankingParamName[] = [];
  const out: Record<string, unknown> = {};
  for (const name of RANKING_PARAM_NAMES) {
    const value = first(raw, name)?.trim();
    if (value === undefined || value === '') continue;
    const r = fieldSchemas[name].safeParse(value);
    if (r.success) out[name] = r.data;
    else notices.push(name);
  }
  const params: RankingParams = { ...DEFAULT_RANKING_PARAMS, ...(out as Partial<RankingParams>) };
  if (out.sort !== undefined && out.dir === undefined) params.dir = defaultDir(params.sort);

  // A parent must lie above the ranked level (cities within a province, not provinces within a city).
  if (params.kind === 'regions' && params.parent !== null) {
    const parentLevel = levelOfCode(params.parent);
    if (parentLevel === null || LEVEL_NUMBER[parentLevel] >= LEVEL_NUMBER[params.level]) {
      const below = childLevel(params.parent);
      if (below === null) {
        notices.push('parent');
        params.parent = null;
      } else {
        if (out.level !== undefined) notices.push('level');
        params.level = below;
      }
    }
  }
  if (isCountMetric(params.metric) && (params.sort === 'num' || params.sort === 'den' || params.sort === 'lower')) {
    params.sort = 'value';
  }
  return { params, notices };
}

/**
 * The query of a ranking URL with only the values that differ from the defaults, so that links stay short and a
 * shared link means the same ranking tomorrow (an explicit year is kept when given).
 */
export function rankingQuery(params: RankingParams, overrides: Partial<RankingParams> = {}): Record<string, string> {
  const p = { ...params, ...overrides };
  const q: Record<string, string> = {};
  if (p.kind !== DEFAULT_RANKING_PARAMS.kind) q.kind = p.kind;
  if (p.kind === 'regions' && p.level !== DEFAULT_RANKING_PARAMS.level) q.level = p.level;
  if (p.parent !== null) q.parent = p.parent;
  if (p.metric !== DEFAULT_RANKING_PARAMS.metric) q.metric = p.metric;
  if (p.year !== null) q.year = String(p.year);
  if (p.sort !== DEFAULT_RANKING_PARAMS.sort) q.sort = p.sort;
  if (p.dir !== defaultDir(p.sort)) q.dir = p.dir;
  if (p.min !== DEFAULT_MIN) q.min = String(p.min);
  if (p.hide) q.hide = '1';
  if (p.page !== 1) q.page = String(p.page);
  if (p.size !== DEFAULT_PAGE_SIZE) q.size = String(p.size);
  return q;
}

/** A zod schema of the whole query for the API (/api/v1/rankings): invalid values are rejected, not defaulted. */
export const rankingParamsSchema = z
  .object({
    kind: fieldSchemas.kind.optional(),
    level: fieldSchemas.level.optional(),
    parent: fieldSchemas.parent.optional(),
    metric: fieldSchemas.metric.optional(),
    year: fieldSchemas.year.optional(),
    sort: fieldSchemas.sort.optional(),
    dir: fieldSchemas.dir.optional(),
    min: fieldSchemas.min.optional(),
    hide: fieldSchemas.hide.optional(),
    page: fieldSchemas.page.optional(),
    size: fieldSchemas.size.optional(),
  })
  .transform((v): RankingParams => {
    const { params } = parseRankingParams(
      Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .map(([k, x]) => [k, k === 'hide' ? (x ? '1' : '0') : String(x)]),
      ),
    );
    return params;
  });
