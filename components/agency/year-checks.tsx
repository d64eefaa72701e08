import { getTranslations } from 'next-intl/server';
import type { AgencyYear } from '@/db/queries/agencies';
import { checkName } from '@/components/report/check-name';
import { formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import styles from './agency.module.css';

/** Each year's check results: how many hold, and every failing one with both sides. */
export async function YearChecks({ years, locale }: { years: AgencyYear[]; locale: string }) {
  const t = await getTranslations('agency');
  const r = await getTranslations('report');
  const c = await getTranslations('checks');
  return (
    <div>
      <p className="muted">{t('checksIntro')}</p>
      {[...years].reverse().map((y) => {
        const summary = t('checksYear', { year: y.year, passed: y.checksPassed, total: y.checksTotal });
        if (y.failedChecks.length === 0) {
          return (
            <p key={y.year} className={styles.yearChecks}>
              <span className="ok">✓</span> {summary} — {t('allPassed')}
            </p>
          );
        }
        return (
          <details key={y.year} className={styles.yearChecks} open={y === years.at(-1)}>
            <summary>
              <span className="bad">✗</span> {summary}
            </summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{r('checkColumn')}</th>
                    <th scope="col" className="num">{r('leftColumn')}</th>
                    <th scope="col" className="num">{r('rightColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {y.failedChecks.map((f) => (
                    <tr key={f.checkId}>
                      <th scope="row">
                        <Link href={`/reports/${y.reportId}#check-${f.checkId}`}>{checkName(f.checkId, c, r)}</Link>
                      </th>
                      <td className="num bad">{formatNumber(f.left, locale)}</td>
                      <td className="num bad">{formatNumber(f.right, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
    </div>
  );
}
