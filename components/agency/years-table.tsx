import { getTranslations } from 'next-intl/server';
import type { AgencyYear } from '@/db/queries/agencies';
import { formatNumber, formatPercent } from '@/lib/format';
import { disclosureRate, reconsiderationCorrectionRate } from '@/lib/metrics';
import styles from './agency.module.css';

const COUNT_COLUMNS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'denied',
  'unable',
  'notProcessed',
  'otherTotal',
  'totalHandled',
  'carriedForward',
] as const;

/** Every year of the agency in one table: the figures behind all the charts. */
export async function YearsTable({ years, locale }: { years: AgencyYear[]; locale: string }) {
  const t = await getTranslations('agency.table');
  return (
    <div className="table-scroll">
      <table className={styles.sticky}>
        <thead>
          <tr>
            <th scope="col">{t('year')}</th>
            {COUNT_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {t(c)}
              </th>
            ))}
            <th scope="col" className="num">{t('disclosureRate')}</th>
            <th scope="col" className="num">{t('reconsideration')}</th>
            <th scope="col" className="num">{t('litigation')}</th>
            <th scope="col" className="num">{t('correctionRate')}</th>
            <th scope="col" className="num">{t('fees')}</th>
            <th scope="col" className="num">{t('checks')}</th>
          </tr>
        </thead>
        <tbody>
          {[...years].reverse().map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              {COUNT_COLUMNS.map((c) => (
                <td key={c} className="num">
                  {formatNumber(y[c], locale)}
                </td>
              ))}
              <td className="num">{formatPercent(disclosureRate(y).value, locale)}</td>
              <td className="num">{formatNumber(y.reconsiderationTotal, locale)}</td>
              <td className="num">{formatNumber(y.litigationTotal, locale)}</td>
              <td className="num">{formatPercent(reconsiderationCorrectionRate(y).value, locale)}</td>
              <td className="num">{formatNumber(y.feesCollectedYuan, locale)}</td>
              <td className={`num ${y.checksPassed < y.checksTotal ? 'bad' : 'ok'}`}>
                {y.checksPassed}/{y.checksTotal}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
