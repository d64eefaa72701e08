import { formatNumber, formatPercent } from '@/lib/format';
import type { ChartSpec } from './types';

/** The chart's data as a table: the text equivalent of every chart. */
export function ChartTable({ spec }: { spec: ChartSpec }) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{spec.title}</caption>
        <thead>
          <tr>
            <th scope="col">{spec.categoryLabel}</th>
            {spec.series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
            {spec.line && (
              <th scope="col" className="num">
                {spec.line.label}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row, i) => (
            <tr key={row.category}>
              <th scope="row">{row.category}</th>
              {spec.series.map((s) => (
                <td key={s.key} className="num">
                  {formatNumber(row.values[s.key], spec.locale)}
                </td>
              ))}
              {spec.line && <td className="num">{formatPercent(spec.line.values[i], spec.locale)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
