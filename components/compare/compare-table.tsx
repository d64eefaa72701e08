import { getTranslations } from 'next-intl/server';
import type { CompareEntry } from '@/db/queries/compare';
import { MetricCell } from '@/components/region/metric-cell';
import { Link } from '@/lib/i18n/navigation';
import { HEADLINE_METRICS } from '@/lib/ranking-params';
import styles from './compare.module.css';

export const COMPARE_METRICS = HEADLINE_METRICS;

/** Metric groups of rows (one row per year, newest first), one column per agency. */
export async function CompareTable({ entries, locale }: { entries: CompareEntry[]; locale: string }) {
  const t = await getTranslations('compare');
  const tr = await getTranslations('ranking');
  const years = [...new Set(entries.flatMap((e) => e.years.map((y) => y.year)))].sort((a, b) => b - a);
  return (
    <div className="table-scroll">
      <table data-testid="compare-table" className={styles.group}>
        <caption>{t('caption', { names: entries.map((e) => e.name).join(t('joiner')) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metricYear')}</th>
            {entries.map((e) => (
              <th key={e.slug} scope="col" className="num">
                <Link href={`/agencies/${e.slug}`}>{e.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        {COMPARE_METRICS.map((m) => (
          <tbody key={m}>
            <tr>
              <th scope="colgroup" colSpan={entries.length + 1}>
                {tr(`metric.${m}`)}
              </th>
            </tr>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row" className={styles.year}>
                  {y}
                </th>
                {entries.map((e) => {
                  const row = e.years.find((r) => r.year === y);
                  return row ? (
                    <MetricCell key={e.slug} metric={m} value={row.metrics[m]} locale={locale} />
                  ) : (
                    <td key={e.slug} className="num muted" title={t('noReport')}>
                      —
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
