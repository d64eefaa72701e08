/**
 * The five agency charts as plain series for the embed's own bar drawing (used while the portal's chart
 * components are not available to the embeds): year → value per series, with the label of each series.
 */
import type { AgencyYear } from '@/db/queries/agencies';
import { APPLICANT_PARTS, DENIED_ROWS } from '@/lib/report-parser/keys';

export const EMBED_CHARTS = ['requests', 'outcomes', 'exemptions', 'reviews', 'proactive'] as const;
export type EmbedChartId = (typeof EMBED_CHARTS)[number];

export interface EmbedSeries {
  key: string;
  label: string;
}

export interface EmbedChart {
  id: EmbedChartId;
  series: EmbedSeries[];
  rows: { year: number; values: (number | null)[] }[];
}

type Labels = { charts: (k: string) => string; metrics: (k: string) => string; embed: (k: string) => string };

const APPLICANTS = APPLICANT_PARTS;
const EXEMPTIONS = DENIED_ROWS;

const sum = (...v: (number | null | undefined)[]) =>
  v.every((x) => x === null || x === undefined) ? null : v.reduce<number>((s, x) => s + (x ?? 0), 0);

export function buildEmbedChart(id: EmbedChartId, years: AgencyYear[], l: Labels): EmbedChart {
  const make = (series: EmbedSeries[], pick: (y: AgencyYear) => (number | null)[]): EmbedChart => ({
    id,
    series,
    rows: years.map((y) => ({ year: y.year, values: pick(y) })),
  });
  switch (id) {
    case 'requests':
      return make(
        APPLICANTS.map((k) => ({ key: k, label: l.charts(`series.${k}`) })),
        (y) => APPLICANTS.map((k) => y.requestsByApplicant?.[k] ?? null),
      );
    case 'outcomes':
      return make(
        (['granted', 'partiallyGranted', 'denied', 'unable', 'notProcessed', 'other'] as const).map((k) => ({
          key: k,
          label: l.charts(`series.${k}`),
        })),
        (y) => [y.granted, y.partiallyGranted, y.denied, y.unable, y.notProcessed, y.otherTotal],
      );
    case 'exemptions':
      return make(
        EXEMPTIONS.map((k) => ({ key: k, label: l.metrics(`exemptions.${k}`) })),
        (y) => EXEMPTIONS.map((k) => y[k]),
      );
    case 'reviews': {
      const kinds = ['reconsideration', 'litigation'] as const;
      const results = ['upheld', 'corrected', 'other', 'pending'] as const;
      const label = (r: (typeof results)[number]) => l.charts(`series.${r === 'other' ? 'otherResult' : r}`);
      return make(
        kinds.flatMap((k) => results.map((r) => ({ key: `${k}.${r}`, label: `${l.metrics(k)} · ${label(r)}` }))),
        (y) =>
          kinds.flatMap((k) =>
            results.map((r) =>
              k === 'reconsideration'
                ? (y.reviews.reconsideration?.[r] ?? null)
                : sum(y.reviews.litigationDirect?.[r], y.reviews.litigationAfterReconsideration?.[r]),
            ),
          ),
      );
    }
    case 'proactive': {
      const rows = [
        ['licensing', 'decisions'],
        ['punishment', 'decisions'],
        ['coercion', 'decisions'],
      ] as const;
      return make(
        rows.map(([row]) => ({ key: row, label: l.embed(`proactive.${row}`) })),
        (y) => rows.map(([row, field]) => y.proactive[row]?.[field] ?? null),
      );
    }
  }
}
