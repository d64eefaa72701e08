import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { rankingQuery, type RankingParams } from '@/lib/ranking-params';
import styles from './ranking.module.css';

/** Previous / next links that keep every other part of the ranking's state. */
export async function RankingPagination({ params, pages }: { params: RankingParams; pages: number }) {
  const t = await getTranslations('ranking');
  if (pages <= 1 && params.page === 1) return null;
  const page = Math.min(params.page, Math.max(pages, 1));
  return (
    <nav aria-label={t('pagination.label')}>
      <ul className={styles.pager}>
        <li>
          {page > 1 ? (
            <Link href={{ pathname: '/ranking', query: rankingQuery(params, { page: page - 1 }) }} rel="prev">
              {t('pagination.previous')}
            </Link>
          ) : (
            <span className="muted">{t('pagination.previous')}</span>
          )}
        </li>
        <li aria-current="page">{t('pagination.status', { page: params.page, pages: Math.max(pages, 1) })}</li>
        <li>
          {params.page < pages ? (
            <Link href={{ pathname: '/ranking', query: rankingQuery(params, { page: params.page + 1 }) }} rel="next">
              {t('pagination.next')}
            </Link>
          ) : (
            <span className="muted">{t('pagination.next')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
