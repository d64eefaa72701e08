/**
 * The CSV layouts of the API: one row per item, headers in English keys (the same names as the JSON fields), so
 * that a CSV column and a JSON field always mean the same figure.
 */
import type { CsvColumn } from './csv';

type Figures = Record<string, unknown>;

/** The per-year totals every agency row carries (names of report_totals / the JSON `figures`). */
export const FIGURE_KEYS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'denied',
  'unable',
  'notProcessed',
  'otherTotal',
  'totalHandled',
  'carriedForward',
  'reconsiderationTotal',
  'reconsiderationCorrected',
  'litigationTotal',
  'litigationCorrected',
  'feesCollectedYuan',
  'checksPassed',
  'checksTotal',
] as const;

const num = (v: unknown): number | null => (typeof v === 'number' ? v : v == null ? null : Number(v));

export function figureColumns<T>(pick: (row: T) => object | null | undefined): CsvColumn<T>[] {
  return FIGURE_KEYS.map((key) => ({
    header: key,
    value: (row: T) => num((pick(row) as Figures | null | undefined)?.[key]),
  }));
}

export interface AgencyCsvRow {
  slug: string;
  name: string;
  kind: string;
  regionCode: string | null;
  regionName: string | null;
  years: number[];
  figures: { year: number; reportId: number } | null;
}

export const AGENCY_LIST_COLUMNS: CsvColumn<AgencyCsvRow>[] = [
  { header: 'slug', value: (r) => r.slug },
  { header: 'name', value: (r) => r.name },
  { header: 'kind', value: (r) => r.kind },
  { header: 'regionCode', value: (r) => r.regionCode },
  { header: 'regionName', value: (r) => r.regionName },
  { header: 'years', value: (r) => r.years.join(' ') },
  { header: 'year', value: (r) => r.figures?.year ?? null },
  { header: 'reportId', value: (r) => r.figures?.reportId ?? null },
  ...figureColumns<AgencyCsvRow>((r) => r.figures),
];

export interface YearCsvRow {
  year: number;
  reportId: number;
  revision: number;
  template: string;
}

export const AGENCY_YEAR_COLUMNS: CsvColumn<YearCsvRow>[] = [
  { header: 'year', value: (r) => r.year },
  { header: 'reportId', value: (r) => r.reportId },
  { header: 'revision', value: (r) => r.revision },
  { header: 'template', value: (r) => r.template },
  ...figureColumns<YearCsvRow>((r) => r),
];

/** One printed number of a report, in long form. */
export interface FigureCsvRow {
  table: 'applications' | 'reviews' | 'proactive' | 'fees';
  row: string;
  column: string;
  value: number | null;
  sourceLine: number | null;
}

export const REPORT_FIGURE_COLUMNS: CsvColumn<FigureCsvRow>[] = [
  { header: 'table', value: (r) => r.table },
  { header: 'row', value: (r) => r.row },
  { header: 'column', value: (r) => r.column },
  { header: 'value', value: (r) => r.value },
  { header: 'sourceLine', value: (r) => r.sourceLine },
];

/** Flattens a report's tables into FigureCsvRow, with the source line of each number where it is known. */
export function reportFigureRows(r: {
  applications: Record<string, object>;
  reviews: Partial<Record<string, object>>;
  proactive: Record<string, object>;
  feesCollectedYuan: number | null;
  sources: Record<string, { line: number }>;
}): FigureCsvRow[] {
  const out: FigureCsvRow[] = [];
  const push = (table: FigureCsvRow['table'], row: string, column: string, value: number | null, path: string) =>
    out.push({ table, row, column, value, sourceLine: r.sources[path]?.line ?? null });
  const tables = [
    ['applications', r.applications],
    ['reviews', r.reviews],
    ['proactive', r.proactive],
  ] as const;
  for (const [table, rows] of tables)
    for (const [row, cells] of Object.entries(rows))
      for (const [col, v] of Object.entries(cells ?? {})) push(table, row, col, num(v), `${table}.${row}.${col}`);
  push('fees', 'feesCollectedYuan', 'yuan', r.feesCollectedYuan, 'feesCollectedYuan');
  return out;
}

export interface RegionCsvRow {
  code: string;
  name: string;
  fullName: string;
  level: number;
  parentCode: string | null;
  agencyCount: number;
  reportCount: number;
  latestYear: number | null;
}

export const REGION_COLUMNS: CsvColumn<RegionCsvRow>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name', value: (r) => r.name },
  { header: 'fullName', value: (r) => r.fullName },
  { header: 'level', value: (r) => r.level },
  { header: 'parentCode', value: (r) => r.parentCode },
  { header: 'agencyCount', value: (r) => r.agencyCount },
  { header: 'reportCount', value: (r) => r.reportCount },
  { header: 'latestYear', value: (r) => r.latestYear },
];

export interface RankingCsvRow {
  rank: number | null;
  key: string;
  name: string;
  slug: string | null;
  regionName: string | null;
  reports: number;
  num: number | null;
  den: number | null;
  value: number | null;
  interval: { low: number; high: number } | null;
  sufficient: boolean;
}

export const RANKING_COLUMNS: CsvColumn<RankingCsvRow>[] = [
  { header: 'rank', value: (r) => r.rank },
  { header: 'key', value: (r) => r.key },
  { header: 'name', value: (r) => r.name },
  { header: 'slug', value: (r) => r.slug },
  { header: 'regionName', value: (r) => r.regionName },
  { header: 'reports', value: (r) => r.reports },
  { header: 'numerator', value: (r) => r.num },
  { header: 'denominator', value: (r) => r.den },
  { header: 'value', value: (r) => r.value },
  { header: 'intervalLow', value: (r) => r.interval?.low ?? null },
  { header: 'intervalHigh', value: (r) => r.interval?.high ?? null },
  { header: 'sufficientSample', value: (r) => r.sufficient },
];
