import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SectionJsonLd, sectionMetadata } from '@/app/_seo/section';
import styles from './home.module.css';
import { getHomeHeadline, listNewestReports } from '@/db/queries/home';
import { withDb } from '@/lib/db-errors';
import { formatNumber, formatPercent } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { rate, sumOrNull } from '@/lib/metrics';

type Params = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Params) {
  const { locale } = await params;
  return sectionMetadata(locale, '');
}

export default async function HomePage({ params }: Params) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The figures change with every ingest: read the database per request, never at build time.
  await connection();
  const [t, [headline, newest]] = await Promise.all([
    getTranslations('home'),
    withDb(() => Promise.all([getHomeHeadline(), listNewestReports(10)])),
  ]);
  const n = (v: number | null) => formatNumber(v, locale);
  const disclosure = rate(sumOrNull(headline.granted, headline.partiallyGranted), headline.totalHandled);

  return (
    <>
      <SectionJsonLd locale={locale} path="" />
      <h1>{t('heading')}</h1>
      <div className={styles.intro}>
        <p>{t('intro1')}</p>
        <p>{t('intro2')}</p>
      </div>
      <form action={`/${locale}/search`} method="get" role="search" className={`inline ${styles.search}`}>
        <label htmlFor="home-q" className="visually-hidden">
          {t('searchLabel')}
        </label>
        <input id="home-q" type="search" name="q" placeholder={t('searchPlaceholder')} required />
        <button type="submit">{t('searchButton')}</button>
      </form>

      <section aria-labelledby="headline">
        {headline.year === null ? (
          <>
            <h2 id="headline">{t('newestHeading')}</h2>
            <p>{t('headlineEmpty')}</p>
          </>
        ) : (
          <>
            <h2 id="headline">{t('headlineHeading', { year: headline.year })}</h2>
            <p className="muted">{t('headlineNote', { reports: headline.reports, agencies: headline.agencies })}</p>
            <dl className={`card-grid ${styles.figures}`} id="headline-figures">
              <div className="card">
                <dt className="muted">{t('requestsReceived')}</dt>
                <dd className="card__value">{n(headline.newReceived)}</dd>
              </div>
              <div className="card">
                <dt className="muted">{t('disclosureRate')}</dt>
                <dd className="card__value">{formatPercent(disclosure.value, locale)}</dd>
                <dd className={styles.note}>{t('disclosureRateNote')}</dd>
              </div>
              <div className="card">
                <dt className="muted">{t('reviews')}</dt>
                <dd className="card__value">{n(sumOrNull(headline.reconsideration, headline.litigation))}</dd>
                <dd className={styles.note}>
                  {t('reviewsNote', { reconsideration: n(headline.reconsideration), litigation: n(headline.litigation) })}
                </dd>
              </div>
              <div className="card">
                <dt className="muted">{t('coverage')}</dt>
                <dd className="card__value">{t('coverageValue', { reports: n(headline.allReports) })}</dd>
                <dd className={styles.note}>{t('coverageNote', { agencies: n(headline.allAgencies) })}</dd>
              </div>
            </dl>
          </>
        )}
      </section>

      {newest.length > 0 && (
        <section aria-labelledby="newest">
          <h2 id="newest">{t('newestHeading')}</h2>
          <ul className={styles.newest} id="newest-reports">
            {newest.map((r) => (
              <li key={r.id}>
                <Link href={`/reports/${r.id}`}>{t('newestItem', { agency: r.agencyName, year: r.year })}</Link>
                {r.regionName && <span className="muted"> · {r.regionName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="explore">
        <h2 id="explore">{t('exploreHeading')}</h2>
        <div className={styles.explore}>
          <div className="card">
            <Link href="/regions">{t('exploreRegions')}</Link>
            <p className="muted">{t('exploreRegionsNote')}</p>
          </div>
          <div className="card">
            <Link href="/ranking">{t('exploreRanking')}</Link>
            <p className="muted">{t('exploreRankingNote')}</p>
          </div>
          <div className="card">
            <Link href="/methodology">{t('exploreMethodology')}</Link>
            <p className="muted">{t('exploreMethodologyNote')}</p>
          </div>
        </div>
      </section>
    </>
  );
}
