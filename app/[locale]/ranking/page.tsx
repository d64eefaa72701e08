import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata, SectionJsonLd } from '@/app/_seo/section';
import { getRankingCached, listRankingYearsCached } from '@/db/queries/rankings';
import { getRegion } from '@/db/queries/regions';
import { RankingForm } from '@/components/ranking/ranking-form';
import { RankingPagination } from '@/components/ranking/pagination';
import { RankingTable } from '@/components/ranking/ranking-table';
import styles from '@/components/ranking/ranking.module.css';
import { withDb } from '@/lib/db-errors';
import { Link } from '@/lib/i18n/navigation';
import { childLevel, isCountMetric, parseRankingParams, rankingQuery } from '@/lib/ranking-params';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'ranking' });
  return sectionMetadata(locale, '/ranking', t('title'), t('intro'));
}

export default async function RankingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('ranking');
  const { params: rp, notices } = parseRankingParams(await searchParams);
  const [result, years, parent] = await withDb(() =>
    Promise.all([getRankingCached(rp), listRankingYearsCached(), rp.parent ? getRegion(rp.parent) : Promise.resolve(null)]),
  );
  const metric = t(`metric.${rp.metric}`);
  const where = parent ? parent.fullName : t('country');
  const subject = t(`levelPlural.${rp.kind === 'agencies' ? 'agencies' : rp.level}`);
  const sortLabel = t(`table.${rp.sort === 'value' && isCountMetric(rp.metric) ? 'count' : rp.sort === 'lower' ? 'interval' : rp.sort}`);
  const caption = t('caption', {
    metric,
    subject,
    where,
    year: result.year ?? '—',
    sort: sortLabel,
    dir: t(`dir.${rp.dir}`),
  });
  const apiQuery = new URLSearchParams({ ...rankingQuery(rp), ...(result.year ? { year: String(result.year) } : {}) });

  return (
    <>
      <SectionJsonLd locale={locale} path="/ranking" title={t('title')} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {notices.length > 0 ? (
        <p className={styles.notice} role="status" data-testid="ranking-notice">
          {t('notice', { params: notices.join(', ') })}
        </p>
      ) : null}
      <RankingForm params={rp} locale={locale} years={years} parentName={parent?.fullName ?? null} />
      {parent ? (
        <nav className="breadcrumbs" aria-label={t('upLabel')}>
          <ol>
            <li>
              <Link href={{ pathname: '/ranking', query: rankingQuery(rp, { parent: null, level: 'province', page: 1 }) }}>
                {t('country')}
              </Link>
            </li>
            {parent.path.map((p) => (
              <li key={p.code}>
                <Link
                  href={{
                    pathname: '/ranking',
                    query: rankingQuery(rp, {
                      parent: p.code,
                      level: p.code === parent.code ? rp.level : (childLevel(p.code) ?? rp.level),
                      page: 1,
                    }),
                  }}
                >
                  {p.name}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <p className={styles.meta}>
        {isCountMetric(rp.metric)
          ? t('summaryCount', { total: result.total })
          : t('summary', { total: result.total, sufficient: result.sufficientTotal, min: rp.min })}{' '}
        <Link href="/methodology#metrics">{t('howComputed')}</Link>
      </p>
      {result.rows.length === 0 ? (
        <p data-testid="ranking-empty">{t('empty')}</p>
      ) : (
        <RankingTable result={result} locale={locale} caption={caption} />
      )}
      <RankingPagination params={rp} pages={result.pages} />
      <p className={styles.meta}>
        {t('download')} <a href={`/api/v1/rankings?${apiQuery.toString()}`}>JSON</a> ·{' '}
        <a href={`/api/v1/rankings?${apiQuery.toString()}&format=csv`}>CSV</a>
      </p>
    </>
  );
}
