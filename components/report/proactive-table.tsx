import { getTranslations } from 'next-intl/server';
import type { ReportDetail } from '@/db/queries/reports';
import { type CellContext, FigureCell } from './figure-cell';
import { Label } from './labels';
import styles from './report.module.css';

/** One block of table 1: its article heading, column headers and rows (all rows share the block's fields). */
interface Block {
  group: string;
  fields: string[];
  rows: string[];
}

/** Table 1's printed blocks per template (2019 and 2021 differ in rows and columns). */
const LAYOUT: Record<'2019' | '2021', Block[]> = {
  '2021': [
    { group: 'art20_1', fields: ['issued', 'repealed', 'inForce'], rows: ['regulations', 'normativeDocuments'] },
    { group: 'art20_5', fields: ['decisions'], rows: ['licensing'] },
    { group: 'art20_6', fields: ['decisions'], rows: ['punishment', 'coercion'] },
    { group: 'art20_8', fields: ['amountTenThousandYuan'], rows: ['fees'] },
  ],
  '2019': [
    { group: 'art20_1', fields: ['made', 'published', 'totalPublic'], rows: ['regulations', 'normativeDocuments'] },
    { group: 'art20_5', fields: ['previousItems', 'change', 'decisions'], rows: ['licensing', 'otherServices'] },
    { group: 'art20_6', fields: ['previousItems', 'change', 'decisions'], rows: ['punishment', 'coercion'] },
    { group: 'art20_8', fields: ['previousItems', 'change'], rows: ['fees'] },
    { group: 'art20_9', fields: ['projects', 'amountYuan'], rows: ['procurement'] },
  ],
};

const WIDTH = 3;

/** Table 1 laid out like the official template of the report's own year. */
export async function ProactiveTable({ report, ctx }: { report: ReportDetail; ctx: CellContext }) {
  const t = await getTranslations('report');
  const tpl = report.template;
  const L = (key: string) => <Label text={t(key)} messageKey={key} locale={ctx.locale} />;
  const rowKey = (row: string) => (row === 'normativeDocuments' ? `proactiveRows.normativeDocuments${tpl}` : `proactiveRows.${row}`);
  const fieldKey = (f: string) => (f === 'decisions' ? `proactiveFields.decisions${tpl}` : `proactiveFields.${f}`);
  return (
    <div className="table-scroll">
      <table className={styles.template} id="table-proactive">
        <caption className="visually-hidden">{t('tables.proactive')}</caption>
        {LAYOUT[tpl].map((b) => {
          // A block with fewer fields than the widest one stretches its last column, as the template does.
          const span = (i: number) => (i === b.fields.length - 1 ? WIDTH - b.fields.length + 1 : 1);
          return (
            <tbody key={b.group}>
              <tr>
                <th colSpan={WIDTH + 1} scope="colgroup" className={styles.groupHead}>
                  {L(`proactiveRowGroups.${b.group}`)}
                </th>
              </tr>
              <tr>
                <th scope="col">{t('rowHeader')}</th>
                {b.fields.map((f, i) => (
                  <th key={f} scope="col" colSpan={span(i)}>
                    {L(fieldKey(f))}
                  </th>
                ))}
              </tr>
              {b.rows.map((row) => (
                <tr key={row} data-row={row}>
                  <th scope="row">{L(rowKey(row))}</th>
                  {b.fields.map((f, i) => (
                    <FigureCell
                      key={f}
                      path={`proactive.${row}.${f}`}
                      value={report.proactive[row]?.[f]}
                      ctx={ctx}
                      colSpan={span(i)}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
