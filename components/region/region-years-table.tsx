import { getTranslations } from 'next-intl/server';
import type { RegionYear } from '@/db/queries/regions';
import { formatNumber } from '@/lib/format';
import { EXEMPTION_METRIC_KEYS, HEADLINE_METRICS, type RankingMetric } from '@/lib/ranking-params';
import { MetricCell } from './metric-cell';

export const REGION_TABLE_METRICS = HEADLINE_METRICS;

/** Metrics as rows, years as columns (newest first), every rate with its numerator and denominator. */
export async function RegionYearsTable({ years, locale, name }: { years: RegionYear[]; locale: string; name: string }) {
  const t = await getTranslations('regions');
  const tr = await getTranslations('ranking');
  const exemptionMetrics = EXEMPTION_METRIC_KEYS.map((k) => `exemption.${k}` as RankingMetric);
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('years.metric')}</th>
        {years.map((y) => (
          <th key={y.year} scope="col" className="num">
            {y.year}
          </th>
        ))}
      </tr>
    </thead>
  );
  const metricRow = (m: RankingMetric) => (
    <tr key={m}>
      <th scope="row">{tr(`metric.${m}`)}</th>
      {years.map((y) => (
        <MetricCell key={y.year} metric={m} value={y.metrics[m]} locale={locale} />
      ))}
    </tr>
  );
  return (
    <>
      <div className="table-scroll">
        <table data-testid="region-years">
          <caption>{t('years.caption', { name })}</caption>
          {head}
          <tbody>
            <tr>
              <th scope="row">{t('years.reports')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {formatNumber(y.reports, locale, 0)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('years.agencies')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {formatNumber(y.agencies, locale, 0)}
                </td>
              ))}
            </tr>
            {REGION_TABLE_METRICS.map(metricRow)}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t('years.exemptions')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t('years.exemptionsCaption', { name })}</caption>
            {head}
            <tbody>
              {exemptionMetrics.map(metricRow)}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
