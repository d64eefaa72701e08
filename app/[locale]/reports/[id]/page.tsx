import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { loadReportDetail, ReportJsonLd } from '@/app/_seo/report';
import { ApplicationsTable } from '@/components/report/applications-table';
import { failedFigurePaths } from '@/components/report/failed-paths';
import type { CellContext } from '@/components/report/figure-cell';
import { Narrative } from '@/components/report/narrative';
import { ProactiveTable } from '@/components/report/proactive-table';
import { ReportChecks, ReportWarnings } from '@/components/report/report-checks';
import { ReportHeader } from '@/components/report/report-header';
import { ReviewsTable } from '@/components/report/reviews-table';
import { SourceText } from '@/components/report/source-text';
import styles from '@/components/report/report.module.css';

// Rendered on first request and kept for five minutes, then rebuilt in the background (the same five minutes a
// shared cache may keep any page: lib/cache.ts): rendering costs ~30 ms of CPU, serving the kept page well under 1.
export const revalidate = 300;
// None at build time (the database may not be there then): each is rendered when first asked for.
export function generateStaticParams(): never[] {
  return [];
}

export { generateReportMetadata as generateMetadata } from '@/app/_seo/report';

type Params = { params: Promise<{ locale: string; id: string }> };

const SECTIONS = ['table-1', 'table-3', 'table-4', 'checks', 'warnings', 'narrative', 'source'] as const;

export default async function ReportPage({ params }: Params) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // loadReportDetail rejects non-numeric ids and hides synthetic reports.
  const report = await loadReportDetail(id);
  if (!report) notFound();
  const t = await getTranslations('report');
  const ctx: CellContext = {
    locale,
    sources: report.sources,
    failed: failedFigurePaths(report.checks),
    sourceTitle: (line) => t('figureSource', { line }),
    failedTitle: t('failedMark'),
  };
  const headings: Record<(typeof SECTIONS)[number], string> = {
    'table-1': t('tables.proactive'),
    'table-3': t('tables.applications'),
    'table-4': t('tables.reviews'),
    checks: t('checksHeading'),
    warnings: t('warningsHeading'),
    narrative: t('narrativeHeading'),
    source: t('sourceHeading'),
  };

  return (
    <article>
      <ReportJsonLd locale={locale} id={id} />
      <ReportHeader report={report} locale={locale} />
      <nav aria-label={t('toc')}>
        <ul className={styles.toc}>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{headings[s]}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="table-1">
        <h2 id="table-1">{headings['table-1']}</h2>
        <ProactiveTable report={report} ctx={ctx} />
      </section>
      <section aria-labelledby="table-3">
        <h2 id="table-3">{headings['table-3']}</h2>
        <ApplicationsTable report={report} ctx={ctx} />
      </section>
      <section aria-labelledby="table-4">
        <h2 id="table-4">{headings['table-4']}</h2>
        {Object.keys(report.reviews).length === 0 ? <p className="muted">{t('tableMissing')}</p> : <ReviewsTable report={report} ctx={ctx} />}
      </section>
      <section aria-labelledby="checks">
        <h2 id="checks">{headings.checks}</h2>
        <ReportChecks report={report} locale={locale} />
      </section>
      <section aria-labelledby="warnings">
        <h2 id="warnings">{headings.warnings}</h2>
        <ReportWarnings report={report} />
      </section>
      <section aria-labelledby="narrative">
        <h2 id="narrative">{headings.narrative}</h2>
        <Narrative report={report} />
      </section>
      <section aria-labelledby="source">
        <h2 id="source">{headings.source}</h2>
        <SourceText text={report.sourceText} />
      </section>
    </article>
  );
}
