import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import { APPLICANT_COLUMNS, DENIED_ROWS, NOT_PROCESSED_ROWS, OTHER_SUB_ROWS, UNABLE_ROWS } from '@/lib/report-parser/keys';
import { type CellContext, FigureCell } from './figure-cell';
import { Label } from './labels';
import styles from './report.module.css';

const COLUMNS = APPLICANT_COLUMNS;

/** Result rows in printed order: a lone row, or a group header with its sub-rows (rowspan). */
type Block = { row: string } | { group: string; rows: readonly string[] };

function resultBlocks(template: '2019' | '2021'): Block[] {
  return [
    { row: 'granted' },
    { row: 'partiallyGranted' },
    { group: 'denied', rows: DENIED_ROWS },
    { group: 'unable', rows: UNABLE_ROWS },
    { group: 'notProcessed', rows: NOT_PROCESSED_ROWS },
    // 2021 splits （六）其他处理 into three printed sub-rows; 2019 prints it as one row.
    template === '2021' ? { group: 'other', rows: OTHER_SUB_ROWS } : { row: 'otherTotal' },
    { row: 'totalHandled' },
  ];
}

/** Table 3 laid out like the official template: the applicant header over three rows, grouped result rows. */
export async function ApplicationsTable({ report, ctx }: { report: ReportDetail; ctx: CellContext }) {
  const t = await getTranslations('report');
  const { locale } = ctx;
  const L = (key: string) => <Label text={t(key)} messageKey={key} locale={locale} />;
  const cells = (row: string) =>
    COLUMNS.map((c) => (
      <FigureCell key={c} path={`applications.${row}.${c}`} value={report.applications[row]?.[c]} ctx={ctx} />
    ));
  const blocks = resultBlocks(report.template);
  const resultRowCount = blocks.reduce((n, b) => n + ('row' in b ? 1 : b.rows.length), 0);
  const body: React.ReactNode[] = [];
  let first = true;
  for (const b of blocks) {
    const lead = first ? (
      <th scope="rowgroup" rowSpan={resultRowCount} className={styles.groupHead}>
        {L('appGroups.results')}
      </th>
    ) : null;
    first = false;
    if ('row' in b) {
      body.push(
        <tr key={b.row} data-row={b.row}>
          {lead}
          <th scope="row" colSpan={2}>
            {L(`appRows.${b.row}`)}
          </th>
          {cells(b.row)}
        </tr>,
      );
    } else {
      b.rows.forEach((row, i) => {
        body.push(
          <tr key={row} data-row={row}>
            {i === 0 && lead}
            {i === 0 && (
              <th scope="rowgroup" rowSpan={b.rows.length} className={styles.groupHead}>
                {L(`appGroups.${b.group}`)}
              </th>
            )}
            <th scope="row">{L(`appRows.${row}`)}</th>
            {cells(row)}
          </tr>,
        );
      });
    }
  }
  const whole = (row: string) => (
    <tr key={row} data-row={row}>
      <th scope="row" colSpan={3}>
        {L(`appRows.${row}`)}
      </th>
      {cells(row)}
    </tr>
  );
  return (
    <div className="table-scroll">
      <table className={styles.template} id="table-applications">
        <caption className="visually-hidden">{t('tables.applications')}</caption>
        <thead>
          <tr>
            <td rowSpan={3} colSpan={3} />
            <th colSpan={7} scope="colgroup">
              {L('applicants.header')}
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">
              {L('applicants.naturalPerson')}
            </th>
            <th colSpan={5} scope="colgroup">
              {L('applicants.legalPersons')}
            </th>
            <th rowSpan={2} scope="col">
              {L('applicants.total')}
            </th>
          </tr>
          <tr>
            {COLUMNS.slice(1, 6).map((c) => (
              <th key={c} scope="col">
                {L(`applicants.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {whole('newReceived')}
          {whole('carriedOver')}
          {body}
          {whole('carriedForward')}
        </tbody>
      </table>
    </div>
  );
}
