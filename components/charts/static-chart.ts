import { formatCompact, formatNumber, formatPercent } from '@/lib/format';
import { linearScale, maxValue, niceTicks, stackValues } from '@/lib/chart-scale';
import type { ChartSpec } from './types';

// Close to the box's shape in the two-column grid (about 500 × 320 px), so the chart fills its box.
const W = 540;
const H = 330;
const M = { top: 12, right: 48, bottom: 40, left: 52 };

/** Text and attribute values escaped for XML/HTML: every string that reaches the markup goes through this. */
export function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A coordinate: two decimals are far below a pixel and keep the markup short. */
const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The chart as static SVG markup, drawn on the server: it needs no JavaScript and has the final size at first
 * paint. Hidden from assistive technology; the data table beside it carries the numbers.
 *
 * It is built as one string, not as React elements: a page has five of these with hundreds of nodes each, and as
 * elements they were most of the page's render time and of its RSC payload (the tree again, as JSON). Every piece
 * of text goes through escapeMarkup; the rest is numbers and the spec's own colours (checked to be colours).
 */
export function staticChartSvg(spec: ChartSpec): string {
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
  const color = new Map(spec.series.map((s) => [s.key, safeColor(s.color)]));
  const lineColor = spec.line ? safeColor(spec.line.color) : '';
  const out: string[] = [
    `<svg viewBox="0 0 ${W} ${H}" width="100%" height="100%" aria-hidden="true" focusable="false" class="static-chart">`,
  ];

  for (const t of ticks) {
    out.push(
      `<g><line x1="${M.left}" x2="${W - M.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="#e3e6ea"></line>`,
      `<text x="${M.left - 6}" y="${n(y(t) + 4)}" text-anchor="end" font-size="11" fill="#4a4a4a">`,
      `${escapeMarkup(formatCompact(t, spec.locale))}</text></g>`,
    );
  }
  if (spec.line) {
    for (const t of [0, 0.5, 1]) {
      out.push(
        `<text x="${W - M.right + 6}" y="${n(yRate(t) + 4)}" font-size="11" fill="${lineColor}">`,
        `${escapeMarkup(formatPercent(t, spec.locale, 0))}</text>`,
      );
    }
  }
  spec.rows.forEach((row, i) => {
    const x0 = M.left + band * i + (band - barW) / 2;
    out.push('<g>');
    if (spec.mode === 'stacked') {
      for (const s of stackValues(keys, row.values)) {
        const label = spec.series.find((x) => x.key === s.key)?.label;
        out.push(
          `<rect x="${n(x0)}" width="${n(barW)}" y="${n(y(s.y1))}" height="${n(Math.max(0, y(s.y0) - y(s.y1)))}" fill="${color.get(s.key)}">`,
          `<title>${escapeMarkup(`${row.category} ${label}: ${formatNumber(s.value, spec.locale)}`)}</title></rect>`,
        );
      }
    } else {
      keys.forEach((k, j) => {
        const v = row.values[k];
        if (v === null || v === undefined || v <= 0) return;
        out.push(
          `<rect x="${n(x0 + j * groupW)}" width="${n(Math.max(1, groupW - 1))}" y="${n(y(v))}" height="${n(y(0) - y(v))}" fill="${color.get(k)}">`,
          `<title>${escapeMarkup(`${row.category} ${spec.series[j]?.label}: ${formatNumber(v, spec.locale)}`)}</title></rect>`,
        );
      });
    }
    out.push(categoryLabel(M.left + band * i + band / 2, H - 24, row.category, band < 90), '</g>');
  });
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="#1a1a1a"></line>`);
  // Rates are drawn as labelled points, not a line: neighbouring categories may be different kinds (e.g.
  // reconsideration beside litigation), so joining them would suggest a trend that is not there.
  spec.line?.values.forEach((v, i) => {
    if (v === null) return;
    const cx = M.left + band * i + band / 2;
    const cy = yRate(v);
    out.push(
      `<g><circle cx="${n(cx)}" cy="${n(cy)}" r="4" fill="#fff" stroke="${lineColor}" stroke-width="2"></circle>`,
      `<text x="${n(cx + 7)}" y="${n(cy - 5)}" font-size="11" fill="${lineColor}">${escapeMarkup(formatPercent(v, spec.locale, 0))}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** An x label; "2023 Litigation"-style categories wrap after the year so neighbours do not collide. */
function categoryLabel(x: number, y: number, text: string, small: boolean): string {
  const cut = text.indexOf(' ');
  const size = small ? 10 : 12;
  const open = `<text x="${n(x)}" y="${n(y + 4)}" text-anchor="middle" font-size="${size}" fill="#1a1a1a">`;
  if (cut < 0) return `${open}${escapeMarkup(text)}</text>`;
  return (
    `${open}<tspan x="${n(x)}">${escapeMarkup(text.slice(0, cut))}</tspan>` +
    `<tspan x="${n(x)}" dy="${size + 2}">${escapeMarkup(text.slice(cut + 1))}</tspan></text>`
  );
}

/** Series colours come from chart-specs.ts; anything that is not a plain colour is drawn in grey, never emitted. */
function safeColor(c: string): string {
  return /^#[0-9a-f]{3,8}$|^[a-z]{3,20}$/i.test(c) ? c : '#777';
}
