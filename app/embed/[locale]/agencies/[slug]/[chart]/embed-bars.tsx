import type { EmbedChart } from './embed-series';

// Colour-blind-safe (Okabe–Ito) palette, in series order.
const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const fmt = (v: number | null, locale: string) =>
  v === null ? '—' : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN').format(v);

/** Stacked bars per year as a server-drawn SVG (no JavaScript), with a legend; the table follows it. */
export function EmbedBars({ chart, title, locale }: { chart: EmbedChart; title: string; locale: string }) {
  const totals = chart.rows.map((r) => r.values.reduce<number>((s, v) => s + (v ?? 0), 0));
  const max = Math.max(1, ...totals);
  const W = 600;
  const H = 240;
  const pad = { left: 48, right: 8, top: 8, bottom: 24 };
  const band = (W - pad.left - pad.right) / Math.max(1, chart.rows.length);
  const bar = Math.min(80, band * 0.6);
  const y = (v: number) => pad.top + (H - pad.top - pad.bottom) * (1 - v / max);
  return (
    <>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', listStyle: 'none', padding: 0, margin: '0.5rem 0', fontSize: '0.85rem' }}>
        {chart.series.map((s, i) => (
          <li key={s.key}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: COLORS[i % COLORS.length] }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} style={{ maxHeight: 260 }}>
        <line x1={pad.left} x2={W - pad.right} y1={y(0)} y2={y(0)} stroke="#888" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11">{fmt(max, locale)}</text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11">0</text>
        {chart.rows.map((r, i) => {
          const x = pad.left + band * i + (band - bar) / 2;
          let base = 0;
          return (
            <g key={r.year}>
              {r.values.map((v, j) => {
                if (!v) return null;
                const top = base + v;
                const rect = (
                  <rect key={j} x={x} width={bar} y={y(top)} height={y(base) - y(top)} fill={COLORS[j % COLORS.length]}>
                    <title>{`${r.year} ${chart.series[j]?.label ?? ''}: ${fmt(v, locale)}`}</title>
                  </rect>
                );
                base = top;
                return rect;
              })}
              <text x={x + bar / 2} y={H - 6} textAnchor="middle" fontSize="11">{r.year}</text>
            </g>
          );
        })}
      </svg>
    </>
  );
}

/** The same numbers as a table: the text equivalent of the chart. */
export function EmbedTable({ chart, caption, yearLabel, locale }: { chart: EmbedChart; caption: string; yearLabel: string; locale: string }) {
  return (
    <div className="table-scroll">
      <table style={{ fontSize: '0.8rem' }}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{yearLabel}</th>
            {chart.series.map((s) => (
              <th key={s.key} scope="col" className="num">{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              {r.values.map((v, j) => (
                <td key={j} className="num">{fmt(v, locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
