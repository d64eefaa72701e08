/**
 * Shapes an agency's years into the five chart specs (plain arrays for the chart leaves). Used by the agency page
 * and by the embeds (/embed/{locale}/agencies/{slug}/{chart}).
 */
import type { AgencyYear, ReviewFigures } from '@/db/queries/agencies';
import { PALETTE } from '@/lib/chart-scale';
import { correctionRate, EXEMPTION_KEYS, sumOrNull } from '@/lib/metrics';
import type { ChartSpec } from '@/components/charts/types';

export const AGENCY_CHARTS = ['requests', 'outcomes', 'exemptions', 'reviews', 'proactive'] as const;
export type AgencyChartId = (typeof AGENCY_CHARTS)[number];

/** Translators for the `charts` and `metrics` namespaces (next-intl's t, narrowed). */
export interface ChartLabels {
  charts: (key: string) => string;
  metrics: (key: string) => string;
}

const APPLICANT_KEYS = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
] as const;

function addReviews(a: ReviewFigures | undefined, b: ReviewFigures | undefined): ReviewFigures | undefined {
  if (!a && !b) return undefined;
  const f = (k: keyof ReviewFigures) => sumOrNull(a?.[k] ?? 0, b?.[k] ?? 0);
  return { upheld: f('upheld'), corrected: f('corrected'), other: f('other'), pending: f('pending'), total: f('total') };
}

/** Both kinds of litigation added together. */
export function litigationOf(y: Pick<AgencyYear, 'reviews'>): ReviewFigures | undefined {
  return addReviews(y.reviews.litigationDirect, y.reviews.litigationAfterReconsideration);
}

/** One chart spec by id. */
export function buildAgencyChart(id: AgencyChartId, years: AgencyYear[], l: ChartLabels, locale: string): ChartSpec {
  const base = {
    id,
    title: l.charts(`titles.${id}`),
    description: l.charts(`descriptions.${id}`),
    locale,
    categoryLabel: l.charts('year'),
  };
  const series = (keys: readonly string[], label: (k: string) => string) =>
    keys.map((key, i) => ({ key, label: label(key), color: PALETTE[i % PALETTE.length] ?? '#000' }));

  switch (id) {
    case 'requests':
      return {
        ...base,
        mode: 'stacked',
        series: series(APPLICANT_KEYS, (k) => l.charts(`series.${k}`)),
        rows: years.map((y) => ({
          category: String(y.year),
          values: Object.fromEntries(
            APPLICANT_KEYS.map((k) => [k, y.requestsByApplicant ? y.requestsByApplicant[k] : k === 'naturalPerson' ? y.naturalPerson : null]),
          ),
        })),
      };
    case 'outcomes': {
      const keys = ['granted', 'partiallyGranted', 'denied', 'unable', 'notProcessed', 'otherTotal'] as const;
      return {
        ...base,
        mode: 'stacked',
        series: series(keys, (k) => l.charts(`series.${k === 'otherTotal' ? 'other' : k}`)),
        rows: years.map((y) => ({ category: String(y.year), values: Object.fromEntries(keys.map((k) => [k, y[k]])) })),
      };
    }
    case 'exemptions':
      return {
        ...base,
        mode: 'stacked',
        series: series(EXEMPTION_KEYS, (k) => l.metrics(`exemptions.${k}`)),
        rows: years.map((y) => ({
          category: String(y.year),
          values: Object.fromEntries(EXEMPTION_KEYS.map((k) => [k, y[k]])),
        })),
      };
    case 'reviews': {
      const keys = ['upheld', 'corrected', 'other', 'pending'] as const;
      const rows: ChartSpec['rows'] = [];
      const rates: (number | null)[] = [];
      for (const y of years) {
        const kinds: [string, ReviewFigures | undefined][] = [
          [l.metrics('reconsideration'), y.reviews.reconsideration],
          [l.metrics('litigation'), litigationOf(y)],
        ];
        for (const [label, r] of kinds) {
          rows.push({
            category: `${y.year} ${label}`,
            values: Object.fromEntries(keys.map((k) => [k, r ? r[k] : null])),
          });
          rates.push(r ? correctionRate(r).value : null);
        }
      }
      return {
        ...base,
        mode: 'stacked',
        series: series(keys, (k) => l.charts(`series.${k === 'other' ? 'otherResult' : k}`)),
        rows,
        line: { key: 'correctionRate', label: l.charts('series.correctionRate'), color: '#a51d1d', values: rates },
      };
    }
    case 'proactive': {
      const picks = [
        ['normativeDocuments', ['issued', 'made']],
        ['licensing', ['decisions']],
        ['punishment', ['decisions']],
        ['coercion', ['decisions']],
      ] as const;
      return {
        ...base,
        mode: 'grouped',
        series: picks.map(([row], i) => ({
          key: row,
          label: l.charts(`proactiveSeries.${row}`),
          color: PALETTE[i] ?? '#000',
        })),
        rows: years.map((y) => ({
          category: String(y.year),
          values: Object.fromEntries(
            picks.map(([row, fields]) => {
              const r = y.proactive[row];
              const v = r ? fields.map((f) => r[f]).find((x) => x !== undefined) : undefined;
              return [row, v ?? null];
            }),
          ),
        })),
      };
    }
  }
}

/** All five charts, in page order. */
export function buildAgencyCharts(years: AgencyYear[], l: ChartLabels, locale: string): ChartSpec[] {
  return AGENCY_CHARTS.map((id) => buildAgencyChart(id, years, l, locale));
}
