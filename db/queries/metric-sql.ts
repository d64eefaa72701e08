/**
 * Every ranking metric as SQL over `report_totals`: a numerator, a denominator and the columns both need. A report
 * counts towards a metric only when all of those columns are printed, so that a blank cell cannot put a numerator
 * in without its denominator (or the reverse). Used by the ranking, the region pages and compare alike, so that a
 * rate reads the same everywhere.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { EXEMPTION_METRIC_KEYS, RANKING_METRICS, type RankingMetric } from '@/lib/ranking-params';
import { reportTotals as T } from '../schema';

interface MetricSql {
  num: SQL;
  /** null for count metrics. */
  den: SQL | null;
  needs: AnyPgColumn[];
}

const col = (c: AnyPgColumn): SQL => sql`${c}`;
const plus = (...cs: AnyPgColumn[]): SQL => sql.join(cs.map(col), sql` + `);

const handledShare = (c: AnyPgColumn): MetricSql => ({ num: col(c), den: col(T.totalHandled), needs: [c, T.totalHandled] });

const exemptions = Object.fromEntries(
  EXEMPTION_METRIC_KEYS.map((k): [string, MetricSql] => [
    `exemption.${k}`,
    { num: col(T[k]), den: col(T.denied), needs: [T[k], T.denied] },
  ]),
) as unknown as Record<`exemption.${(typeof EXEMPTION_METRIC_KEYS)[number]}`, MetricSql>;

export const METRIC_SQL: Record<RankingMetric, MetricSql> = {
  disclosure: {
    num: plus(T.granted, T.partiallyGranted),
    den: col(T.totalHandled),
    needs: [T.granted, T.partiallyGranted, T.totalHandled],
  },
  disclosureMerits: {
    num: plus(T.granted, T.partiallyGranted),
    den: sql`${T.totalHandled} - ${T.notProcessed} - ${T.otherTotal}`,
    needs: [T.granted, T.partiallyGranted, T.totalHandled, T.notProcessed, T.otherTotal],
  },
  refusal: handledShare(T.denied),
  ...exemptions,
  unable: handledShare(T.unable),
  notProcessed: handledShare(T.notProcessed),
  correctionReconsideration: {
    num: col(T.reconsiderationCorrected),
    den: sql`${T.reconsiderationTotal} - ${T.reconsiderationPending}`,
    needs: [T.reconsiderationCorrected, T.reconsiderationTotal, T.reconsiderationPending],
  },
  correctionLitigation: {
    num: col(T.litigationCorrected),
    den: sql`${T.litigationTotal} - ${T.litigationPending}`,
    needs: [T.litigationCorrected, T.litigationTotal, T.litigationPending],
  },
  dispute: {
    num: plus(T.reconsiderationTotal, T.litigationTotal),
    den: col(T.newReceived),
    needs: [T.reconsiderationTotal, T.litigationTotal, T.newReceived],
  },
  backlog: {
    num: col(T.carriedForward),
    den: plus(T.newReceived, T.carriedOver),
    needs: [T.carriedForward, T.newReceived, T.carriedOver],
  },
  received: { num: col(T.newReceived), den: null, needs: [T.newReceived] },
  quality: { num: col(T.checksPassed), den: col(T.checksTotal), needs: [] },
};

function complete(m: MetricSql): SQL {
  if (m.needs.length === 0) return sql`true`;
  return sql.join(
    m.needs.map((c) => sql`${c} IS NOT NULL`),
    sql` AND `,
  );
}

/** `sum(num) FILTER (…) AS <numName>, sum(den) FILTER (…) AS <denName>` for a GROUP BY over report_totals. */
export function metricAggregates(metric: RankingMetric, numName: string, denName: string): SQL {
  const m = METRIC_SQL[metric];
  const where = complete(m);
  const num = sql`(sum(${m.num}) FILTER (WHERE ${where}))::float8 AS ${sql.identifier(numName)}`;
  const den = m.den
    ? sql`(sum(${m.den}) FILTER (WHERE ${where}))::float8 AS ${sql.identifier(denName)}`
    : sql`NULL::float8 AS ${sql.identifier(denName)}`;
  return sql`${num}, ${den}`;
}

/** The aggregates of several metrics at once, aliased m0, m1, … in the order given. */
export function metricsAggregates(metrics: readonly RankingMetric[]): SQL {
  return sql.join(
    metrics.map((m, i) => metricAggregates(m, `m${i}_num`, `m${i}_den`)),
    sql`, `,
  );
}

/** Reads back the `m<i>_num` / `m<i>_den` columns of a row produced with metricsAggregates. */
export function readMetrics(
  row: Record<string, unknown>,
  metrics: readonly RankingMetric[],
): Record<RankingMetric, { num: number | null; den: number | null }> {
  const out = {} as Record<RankingMetric, { num: number | null; den: number | null }>;
  metrics.forEach((m, i) => {
    out[m] = { num: toNum(row[`m${i}_num`]), den: toNum(row[`m${i}_den`]) };
  });
  return out;
}

export function toNum(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Every metric, for pages that show all of them. */
export const ALL_METRICS: readonly RankingMetric[] = RANKING_METRICS;
