import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import { formatDate, formatYuan } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import styles from './report.module.css';

const NOTICE = { '2019': '国办公开办函〔2019〕60号', '2021': '国办公开办函〔2021〕30号' } as const;

/** Title, agency and region links, revision info (k of n, links) and provenance of the source file. */
export async function ReportHeader({ report, locale }: { report: ReportDetail; locale: string }) {
  const [t, a] = await Promise.all([getTranslations('report'), getTranslations('agency')]);
  const current = report.revisions.find((r) => r.isCurrent);
  const api = `/api/v1/reports/${report.id}`;
  return (
    <header>
      <nav aria-label={a('regionPath')} className="breadcrumbs">
        <ol>
          {report.regionPath.map((r) => (
            <li key={r.code}>
              <Link href={`/regions/${r.code}`}>{r.name}</Link>
            </li>
          ))}
          <li>
            <Link href={`/agencies/${report.agency.slug}`}>{report.agency.name}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('title', { agency: report.agency.name, year: report.year })}</h1>
      {report.title && (
        <p className="muted" lang="zh-CN">
          {report.title}
        </p>
      )}
      {report.synthetic && <p className={styles.notice}>{t('syntheticNotice')}</p>}
      {!report.isCurrent && current && (
        <p className={styles.notice} role="note">
          <Link href={`/reports/${current.id}`}>{t('notCurrent', { current: current.revision })}</Link>
        </p>
      )}
      <dl className={styles.meta}>
        <dt>{t('yearLabel')}</dt>
        <dd>{report.year}</dd>
        <dt>{t('templateLabel')}</dt>
        <dd>{t('templateName', { template: report.template, notice: NOTICE[report.template] })}</dd>
        <dt>{t('revisionsLabel')}</dt>
        <dd>
          {t('revision', { k: report.revision, n: report.revisions.length })}
          {report.revisions.length > 1 && (
            <>
              {': '}
              <ul className={styles.revisions}>
                {report.revisions.map((r) => (
                  <li key={r.id}>
                    {r.id === report.id ? (
                      <strong aria-current="page">{t('revisionLink', { k: r.revision })}</strong>
                    ) : (
                      <Link href={`/reports/${r.id}`}>{t('revisionLink', { k: r.revision })}</Link>
                    )}
                    {r.isCurrent && ` ${t('current')}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
        {report.documentNumber && (
          <>
            <dt>{t('documentNumber')}</dt>
            <dd lang="zh-CN">{report.documentNumber}</dd>
          </>
        )}
        <dt>{t('publishedOn')}</dt>
        <dd>{formatDate(report.publishedOn, locale)}</dd>
        <dt>{t('feesCollected')}</dt>
        <dd>
          {report.feesCollectedYuan === null ? (
            <span className="muted">{t('feesNotStated')}</span>
          ) : report.sources.feesCollectedYuan ? (
            <a href={`#L${report.sources.feesCollectedYuan.line}`}>{formatYuan(report.feesCollectedYuan, locale)}</a>
          ) : (
            formatYuan(report.feesCollectedYuan, locale)
          )}
        </dd>
        <dt>{t('sourceFile')}</dt>
        <dd>{report.sourceFileName}</dd>
        <dt>{t('sha256')}</dt>
        <dd>
          <code>{report.sha256}</code>
        </dd>
        <dt>{t('format')}</dt>
        <dd>{report.format}</dd>
        <dt>{t('encoding')}</dt>
        <dd>{report.encoding}</dd>
        <dt>{t('ingestedAt')}</dt>
        <dd>{formatDate(report.ingestedAt, locale)}</dd>
        <dt>{a('downloadHeading')}</dt>
        <dd>
          <a href={`${api}?format=csv`}>{t('downloadCsv')}</a> · <a href={api}>{t('downloadJson')}</a>
        </dd>
      </dl>
    </header>
  );
}
