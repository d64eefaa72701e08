import { getTranslations } from 'next-intl/server';
import type { RankingResult, RankingRow } from '@/db/queries/rankings';
import { formatNumber, formatPercent } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import {
  childLevel,
  defaultDir,
  isCountMetric,
  rankingQuery,
  type RankingParams,
  type RankingSort,
} from '@/lib/ranking-params';
import styles from './ranking.module.css';

type Column = { sort: RankingSort | null; key: string; num?: boolean };

/** A column header that is a link re-sorting the ranking (works without JavaScript), with aria-sort. */
async function SortHeader({ params, sort, label, num }: { params: RankingParams; sort: RankingSort; label: string; num?: boolean }) {
  const t = await getTranslations('ranking');
  const active = params.sort === sort;
  const nextDir = active ? (params.dir === 'asc' ? 'desc' : 'asc') : defaultDir(sort);
  const ariaSort = active ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={num ? 'num' : undefined}>
      <Link
        href={{ pathname: '/ranking', query: rankingQuery(params, { sort, dir: nextDir, page: 1 }) }}
        title={t(nextDir === 'asc' ? 'table.sortAsc' : 'table.sortDesc', { column: label })}
        data-sort={sort}
      >
        {label}
        {active ? (
          <span className={styles.arrow} aria-hidden="true">
            {params.dir === 'asc' ? '▲' : '▼'}
          </span>
        ) : null}
      </Link>
    </th>
  );
}

function NameCell({ row, params }: { row: RankingRow; params: RankingParams }) {
  if (params.kind === 'agencies') {
    return (
      <td>
        {row.slug ? <Link href={`/agencies/${row.slug}`}>{row.name}</Link> : row.name}
        {row.regionName ? <span className={styles.sub}>{row.regionName}</span> : null}
      </td>
    );
  }
  return (
    <td>
      <Link href={`/regions/${row.key}`}>{row.name}</Link>
    </td>
  );
}

export async function RankingTable({
  result,
  locale,
  caption,
}: {
  result: RankingResult;
  locale: string;
  caption: string;
}) {
  const t = await getTranslations('ranking');
  const { params, rows } = result;
  const count = isCountMetric(params.metric);
  const maxValue = count ? Math.max(1, ...rows.map((r) => r.value ?? 0)) : 1;
  const columns: Column[] = count
    ? [
        { sort: null, key: 'rank', num: true },
        { sort: 'name', key: 'name' },
        { sort: 'value', key: 'count', num: true },
        { sort: 'reports', key: 'reports', num: true },
      ]
    : [
        { sort: null, key: 'rank', num: true },
        { sort: 'name', key: 'name' },
        { sort: 'value', key: 'value', num: true },
        { sort: 'num', key: 'num', num: true },
        { sort: 'den', key: 'den', num: true },
        { sort: 'lower', key: 'interval', num: true },
        { sort: 'reports', key: 'reports', num: true },
      ];
  const firstBelow = rows.findIndex((r) => !r.sufficient);
  const drill = params.kind === 'regions' && params.level !== 'town';

  return (
    <div className="table-scroll">
      <table className={styles.table} data-testid="ranking-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) =>
              c.sort ? (
                <SortHeader key={c.key} params={params} sort={c.sort} label={t(`table.${c.key}`)} num={c.num} />
              ) : (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined}>
                  {t(`table.${c.key}`)}
                </th>
              ),
            )}
            {drill ? <th scope="col">{t('table.drill')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <RowGroup key={row.key} showDivider={i === firstBelow} colSpan={columns.length + (drill ? 1 : 0)} min={params.min}>
              <tr className={row.sufficient ? undefined : styles.below} data-key={row.key}>
                <td className={`num ${styles.rank}`}>{row.rank ?? '—'}</td>
                <NameCell row={row} params={params} />
                {count ? (
                  <td className="num">
                    <span className={styles.bar} style={{ width: `${Math.round(((row.value ?? 0) / maxValue) * 80)}px` }} aria-hidden="true" />
                    {formatNumber(row.value, locale, 0)}
                  </td>
                ) : (
                  <>
                    <td className="num" data-value={row.value ?? ''}>
                      {formatPercent(row.value, locale)}
                      {!row.sufficient ? <span className={styles.badge}>{t('table.belowMin')}</span> : null}
                    </td>
                    <td className="num">{formatNumber(row.num, locale, 0)}</td>
                    <td className="num">{formatNumber(row.den, locale, 0)}</td>
                    <td className={`num ${styles.ci}`}>
                      {row.interval
                        ? `${formatPercent(row.interval.low, locale)}–${formatPercent(row.interval.high, locale)}`
                        : '—'}
                    </td>
                  </>
                )}
                <td className="num">{formatNumber(row.reports, locale, 0)}</td>
                {drill ? (
                  <td>
                    <Link
                      href={{
                        pathname: '/ranking',
                        query: rankingQuery(params, { parent: row.key, level: childLevel(row.key) ?? params.level, page: 1 }),
                      }}
                    >
                      {t('table.drillLink', { name: row.name })}
                    </Link>
                  </td>
                ) : null}
              </tr>
            </RowGroup>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function RowGroup({
  children,
  showDivider,
  colSpan,
  min,
}: {
  children: React.ReactNode;
  showDivider: boolean;
  colSpan: number;
  min: number;
}) {
  const t = await getTranslations('ranking');
  return (
    <>
      {showDivider ? (
        <tr className={styles.divider}>
          <th scope="rowgroup" colSpan={colSpan}>
            {t('table.belowMinDivider', { min })}
          </th>
        </tr>
      ) : null}
      {children}
    </>
  );
}
