import { getTranslations } from 'next-intl/server';
import type { RankingRow } from '@/db/queries/rankings';
import { formatNumber, formatPercent } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { DEFAULT_MIN, isCountMetric, rankingQuery, DEFAULT_RANKING_PARAMS, type RankingMetric, type RegionLevel } from '@/lib/ranking-params';
import styles from './region.module.css';

/** "No. 2 of 5 cities in 福建省 by disclosure rate", each linking to that ranking. */
export async function RegionRankFacts({
  positions,
  level,
  parentCode,
  parentName,
  year,
  locale,
}: {
  positions: { metric: RankingMetric; row: (RankingRow & { of: number }) | null }[];
  level: RegionLevel;
  parentCode: string | null;
  parentName: string | null;
  year: number;
  locale: string;
}) {
  const t = await getTranslations('regions');
  const tr = await getTranslations('ranking');
  const where = parentName ?? tr('country');
  return (
    <ul className={styles.facts} data-testid="region-rank">
      {positions.map(({ metric, row }) => {
        const query = rankingQuery({ ...DEFAULT_RANKING_PARAMS, level, parent: parentCode, metric, year });
        const value = row
          ? isCountMetric(metric)
            ? formatNumber(row.value, locale, 0)
            : `${formatPercent(row.value, locale)} (${formatNumber(row.num, locale, 0)}/${formatNumber(row.den, locale, 0)})`
          : '—';
        return (
          <li key={metric}>
            <strong>{tr(`metric.${metric}`)}</strong>: {value}
            <br />
            <Link href={{ pathname: '/ranking', query }}>
              {row && row.rank !== null
                ? t('rankOf', { rank: row.rank, of: row.of, unit: t(`levelUnit.${level}`), where })
                : t('notRanked', { min: DEFAULT_MIN, siblings: tr(`levelPlural.${level}`), where })}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
