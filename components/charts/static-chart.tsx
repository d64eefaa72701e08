import { formatCompact, formatNumber, formatPercent } from '@/lib/format';
import { linearScale, maxValue, niceTicks, stackValues } from '@/lib/chart-scale';
import type { ChartSpec } from './types';

// Close to the box's shape in the two-column grid (about 500 × 320 px), so the chart fills its box.
const W = 540;
const H = 330;
const M = { top: 12, right: 48, bottom: 40, left: 52 };

/**
 * The chart as a static SVG, rendered on the server: it needs no JavaScript and has the final size at first paint.
 * Hidden from assistive technology; the data table beside it carries the numbers.
 */
export function StaticChart({ spec }: { spec: ChartSpec }) {
  const keys = spec.series.map((s) => s.key);
  const rows = spec.rows.map((r) => r.values);
  const ticks = niceTicks(maxValue(keys, rows, spec.mode === 'stacked'));
  const top = ticks.at(-1) ?? 1;
  const y = linearScale(0, top, H - M.bottom, M.top);
  const yRate = linearScale(0, 1, H - M.bottom, M.top);
  const plotW = W - M.left - M.right;
  const band = plotW / Math.max(1, spec.rows.length);
  const barW = Math.min(56, band * 0.6);
  const groupW = barW / Math.max(1, keys.length);
  const color = new Map(spec.series.map((s) => [s.key, s.color]));

  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" height="100%" aria-hidden="true" focusable="false" className="static-chart">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e3e6ea" />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#4a4a4a">
            {formatCompact(t, spec.locale)}
          </text>
        </g>
      ))}
      {spec.line &&
        [0, 0.5, 1].map((t) => (
          <text key={t} x={W - M.right + 6} y={yRate(t) + 4} fontSize="11" fill={spec.line?.color}>
            {formatPercent(t, spec.locale, 0)}
          </text>
        ))}
      {spec.rows.map((row, i) => {
        const x0 = M.left + band * i + (band - barW) / 2;
        return (
          <g key={row.category}>
            {spec.mode === 'stacked'
              ? stackValues(keys, row.values).map((s) => (
                  <rect key={s.key} x={x0} width={barW} y={y(s.y1)} height={Math.max(0, y(s.y0) - y(s.y1))} fill={color.get(s.key)}>
                    <title>{`${row.category} ${spec.series.find((x) => x.key === s.key)?.label}: ${formatNumber(s.value, spec.locale)}`}</title>
                  </rect>
                ))
              : keys.map((k, j) => {
                  const v = row.values[k];
                  if (v === null || v === undefined || v <= 0) return null;
                  return (
                    <rect key={k} x={x0 + j * groupW} width={Math.max(1, groupW - 1)} y={y(v)} height={y(0) - y(v)} fill={color.get(k)}>
                      <title>{`${row.category} ${spec.series[j]?.label}: ${formatNumber(v, spec.locale)}`}</title>
                    </rect>
                  );
                })}
            <CategoryLabel x={M.left + band * i + band / 2} y={H - 24} text={row.category} small={band < 90} />
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#1a1a1a" />
      {/* Rates are drawn as labelled points, not a line: neighbouring categories may be different kinds (e.g.
          reconsideration beside litigation), so joining them would suggest a trend that is not there. */}
      {spec.line &&
        spec.line.values.map((v, i) => {
          if (v === null) return null;
          const cx = M.left + band * i + band / 2;
          const cy = yRate(v);
          return (
            <g key={i}>
              <circle cx={cx} cy={cy} r="4" fill="#fff" stroke={spec.line?.color} strokeWidth="2" />
              <text x={cx + 7} y={cy - 5} fontSize="11" fill={spec.line?.color}>
                {formatPercent(v, spec.locale, 0)}
              </text>
            </g>
          );
        })}
    </svg>
  );
}

/** An x label; "2023 Litigation"-style categories wrap after the year so neighbours do not collide. */
function CategoryLabel({ x, y, text, small }: { x: number; y: number; text: string; small: boolean }) {
  const cut = text.indexOf(' ');
  const size = small ? 10 : 12;
  if (cut < 0) {
    return (
      <text x={x} y={y + 4} textAnchor="middle" fontSize={size} fill="#1a1a1a">
        {text}
      </text>
    );
  }
  return (
    <text x={x} y={y + 4} textAnchor="middle" fontSize={size} fill="#1a1a1a">
      <tspan x={x}>{text.slice(0, cut)}</tspan>
      <tspan x={x} dy={size + 2}>
        {text.slice(cut + 1)}
      </tspan>
    </text>
  );
}
