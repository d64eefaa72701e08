import { formatNumber, formatPercent } from '@/lib/format';
import { isCountMetric, type RankingMetric } from '@/lib/ranking-params';
import styles from './region.module.css';

/** A rate with its counts under it (or a plain count), as every table of the region and compare pages shows it. */
export function MetricCell({
  metric,
  value,
  locale,
}: {
  metric: RankingMetric;
  value: { num: number | null; den: number | null } | undefined;
  locale: string;
}) {
  if (!value) return <td className="num">—</td>;
  if (isCountMetric(metric)) return <td className="num">{formatNumber(value.num, locale, 0)}</td>;
  const rate = value.num !== null && value.den !== null && value.den > 0 ? value.num / value.den : null;
  return (
    <td className={`num ${styles.cell}`}>
      {formatPercent(rate, locale)}
      <span className={styles.counts}>
        {formatNumber(value.num, locale, 0)} / {formatNumber(value.den, locale, 0)}
      </span>
    </td>
  );
}
