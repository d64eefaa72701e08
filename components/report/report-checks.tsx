import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import { formatNumber } from '@/lib/format';
import { checkName } from './check-name';
import styles from './report.module.css';

/** Every check of the report, failing ones first, each with both sides and a link to its source line. */
export async function ReportChecks({ report, locale }: { report: ReportDetail; locale: string }) {
  const [t, c] = await Promise.all([getTranslations('report'), getTranslations('checks')]);
  if (report.checks.length === 0) return <p>{t('noChecks')}</p>;
  const failed = report.checks.filter((x) => !x.passed);
  const passed = report.checks.filter((x) => x.passed);
  const table = (rows: typeof report.checks, id: string) => (
    <div className="table-scroll">
      <table id={id}>
        <thead>
          <tr>
            <th scope="col">{t('checkColumn')}</th>
            <th scope="col">{t('resultColumn')}</th>
            <th scope="col" className="num">{t('leftColumn')}</th>
            <th scope="col" className="num">{t('rightColumn')}</th>
            <th scope="col" className="num">{t('lineColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr
              key={x.checkId}
              id={`check-${x.checkId}`}
              className={`${styles.checkRow} ${x.passed ? '' : styles.failed}`}
              data-check={x.checkId}
              data-passed={x.passed}
            >
              <th scope="row">
                {checkName(x.checkId, c, t)}
                <span className="muted"> · <code>{x.checkId}</code></span>
              </th>
              <td className={x.passed ? 'ok' : 'bad'}>{x.passed ? `✓ ${t('passed')}` : `✗ ${t('failed')}`}</td>
              <td className="num">{formatNumber(x.left, locale)}</td>
              <td className="num">{formatNumber(x.right, locale)}</td>
              <td className="num">{x.line ? <a href={`#L${x.line}`}>{x.line}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p className={failed.length ? 'bad' : 'ok'}>
        {t('checksSummary', { passed: report.checksPassed, total: report.checksTotal })}
      </p>
      {failed.length > 0 && (
        <>
          <h3>{t('checksFailedHeading')}</h3>
          {table(failed, 'checks-failed')}
        </>
      )}
      {passed.length > 0 && (
        // Passing checks are many and rarely read: folded, but in the HTML (and opened by a #check-… link target).
        <details className={styles.passedChecks}>
          <summary>
            {t('checksPassedHeading')} ({passed.length})
          </summary>
          {table(passed, 'checks-passed')}
        </details>
      )}
    </>
  );
}

/** The parser's warnings, translated by code (messages warnings.<code>), with the row and line they concern. */
export async function ReportWarnings({ report }: { report: ReportDetail }) {
  const [t, w] = await Promise.all([getTranslations('report'), getTranslations('warnings')]);
  if (report.warnings.length === 0) return <p className="ok">{t('noWarnings')}</p>;
  return (
    <ul id="warnings-list">
      {report.warnings.map((x, i) => (
        <li key={i} data-code={x.code}>
          <span className="warn">⚠ </span>
          {w.has(x.code) ? w(x.code) : w('unknown', { code: x.code })}
          {x.row && (
            <span className="muted">
              {' '}
              — {w('rowLabel', { row: t.has(`appRows.${x.row}`) ? t(`appRows.${x.row}`) : x.row })}
            </span>
          )}
          {x.line && (
            <>
              {' '}
              (<a href={`#L${x.line}`}>{t('warningAt', { line: x.line })}</a>)
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
