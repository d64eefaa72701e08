import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import { REVIEW_KINDS, REVIEW_RESULTS } from '@/lib/report-parser/keys';
import { type CellContext, FigureCell } from './figure-cell';
import { Label } from './labels';
import styles from './report.module.css';

/** Table 4 as printed: 行政复议 (5 results) beside 行政诉讼 split into direct and after-reconsideration suits. */
export async function ReviewsTable({ report, ctx }: { report: ReportDetail; ctx: CellContext }) {
  const t = await getTranslations('report');
  const L = (key: string) => <Label text={t(key)} messageKey={key} locale={ctx.locale} />;
  const results = (kind: string) =>
    REVIEW_RESULTS.map((r) => (
      <th key={`${kind}-${r}`} scope="col">
        {L(`reviewResults.${r}`)}
      </th>
    ));
  return (
    <div className="table-scroll">
      <table className={styles.template} id="table-reviews">
        <caption className="visually-hidden">{t('tables.reviews')}</caption>
        <thead>
          <tr>
            <th colSpan={5} scope="colgroup">
              {L('reviewKinds.reconsideration')}
            </th>
            <th colSpan={10} scope="colgroup">
              {L('reviewKinds.litigation')}
            </th>
          </tr>
          <tr>
            {REVIEW_RESULTS.map((r) => (
              <th key={r} rowSpan={2} scope="col">
                {L(`reviewResults.${r}`)}
              </th>
            ))}
            <th colSpan={5} scope="colgroup">
              {L('reviewKinds.litigationDirect')}
            </th>
            <th colSpan={5} scope="colgroup">
              {L('reviewKinds.litigationAfterReconsideration')}
            </th>
          </tr>
          <tr>
            {results('litigationDirect')}
            {results('litigationAfterReconsideration')}
          </tr>
        </thead>
        <tbody>
          <tr>
            {REVIEW_KINDS.flatMap((k) =>
              REVIEW_RESULTS.map((r) => (
                <FigureCell key={`${k}.${r}`} path={`reviews.${k}.${r}`} value={report.reviews[k]?.[r]} ctx={ctx} />
              )),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
