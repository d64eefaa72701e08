import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buildAgencyCharts } from '@/components/agency/chart-specs';
import { AgencyHeader } from '@/components/agency/agency-header';
import { KeyFigures } from '@/components/agency/key-figures';
import { YearChecks } from '@/components/agency/year-checks';
import { YearsTable } from '@/components/agency/years-table';
import styles from '@/components/agency/agency.module.css';
import { ChartFigure } from '@/components/charts/chart-figure';
import { AgencyJsonLd, loadAgencyProfile } from '@/app/_seo/agency';
import { AgencyEmbedCode } from '@/app/_seo/agency-embed-code';
import { Link } from '@/lib/i18n/navigation';

// Rendered on first request and kept for five minutes, then rebuilt in the background (the same five minutes a
// shared cache may keep any page: lib/cache.ts): rendering costs ~30 ms of CPU, serving the kept page well under 1.
export const revalidate = 300;
// None at build time (the database may not be there then): each is rendered when first asked for.
export function generateStaticParams(): never[] {
  return [];
}

type Params = { params: Promise<{ locale: string; slug: string }> };

export { generateAgencyMetadata as generateMetadata } from '@/app/_seo/agency';

export default async function AgencyPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  // Shared per request with the metadata and JSON-LD (one query); synthetic agencies are hidden.
  const agency = await loadAgencyProfile(slug);
  if (!agency) notFound();
  const [t, charts, metrics] = await Promise.all([
    getTranslations('agency'),
    getTranslations('charts'),
    getTranslations('metrics'),
  ]);
  const latest = agency.years.at(-1);
  const previous = agency.years.find((y) => latest && y.year === latest.year - 1);
  const specs = buildAgencyCharts(agency.years, { charts, metrics }, locale);
  const api = `/api/v1/agencies/${encodeURIComponent(agency.slug)}`;

  return (
    <article>
      <AgencyJsonLd locale={locale} slug={slug} />
      <AgencyHeader agency={agency} />
      {!latest ? (
        <p>{t('noReports')}</p>
      ) : (
        <>
          <section aria-labelledby="key-figures">
            <h2 id="key-figures">{t('keyFiguresHeading', { year: latest.year })}</h2>
            <KeyFigures latest={latest} previous={previous} locale={locale} />
          </section>

          <section aria-labelledby="charts">
            <h2 id="charts">{t('chartsHeading')}</h2>
            <div className={styles.charts}>
              {specs.map((spec) => (
                <ChartFigure key={spec.id} spec={spec} />
              ))}
            </div>
          </section>

          <section aria-labelledby="years">
            <h2 id="years">{t('yearsHeading')}</h2>
            <YearsTable years={agency.years} locale={locale} />
          </section>

          <section aria-labelledby="reports">
            <h2 id="reports">{t('reportsHeading')}</h2>
            <ul className={styles.reportList}>
              {[...agency.years].reverse().map((y) => (
                <li key={y.year}>
                  <Link href={`/reports/${y.reportId}`}>{t('reportLink', { year: y.year })}</Link>
                  {y.revisions > 1 && <span className="muted"> ({t('revisions', { count: y.revisions })})</span>}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="checks">
            <h2 id="checks">{t('checksHeading')}</h2>
            <YearChecks years={agency.years} locale={locale} />
          </section>
        </>
      )}
      <section aria-labelledby="download">
        <h2 id="download">{t('downloadHeading')}</h2>
        <ul className={styles.downloads}>
          <li>
            <a href={`${api}?format=csv`} download>
              {t('downloadCsv')}
            </a>
          </li>
          <li>
            <a href={api}>{t('downloadJson')}</a>
          </li>
        </ul>
      </section>
      {latest && <AgencyEmbedCode locale={locale} agency={agency} charts={specs} />}
    </article>
  );
}
