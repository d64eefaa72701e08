/**
 * Pure scale and layout helpers for the charts: the server draws a static SVG from them (no JavaScript needed, no
 * layout shift) and the interactive client chart uses the same ticks, so both read alike.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for zero or less. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const candidate = m * base;
    // tolerate floating error such as 0.30000000000000004
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * base;
}

/** Evenly spaced ticks from 0 to a nice maximum covering `max`, about `count` intervals, integers for counts. */
export function niceTicks(max: number, count = 4, integer = true): number[] {
  const rawStep = (max > 0 ? max : 1) / Math.max(1, count);
  let step = niceCeil(rawStep);
  if (integer) step = Math.max(1, Math.ceil(step));
  const top = Math.max(step, Math.ceil((max > 0 ? max : 0) / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

export interface StackSegment {
  key: string;
  value: number;
  /** Bottom and top of the segment in data units. */
  y0: number;
  y1: number;
}

/** Stacks one category's values bottom-up in series order; nulls and non-positive values take no space. */
export function stackValues(keys: readonly string[], values: Record<string, number | null | undefined>): StackSegment[] {
  const out: StackSegment[] = [];
  let y = 0;
  for (const key of keys) {
    const v = values[key];
    if (v === null || v === undefined || !Number.isFinite(v) || v <= 0) continue;
    out.push({ key, value: v, y0: y, y1: y + v });
    y += v;
  }
  return out;
}

/** The largest stacked total (stacked) or single value (grouped) across categories. */
export function maxValue(
  keys: readonly string[],
  rows: readonly Record<string, number | null | undefined>[],
  stacked: boolean,
): number {
  let max = 0;
  for (const row of rows) {
    if (stacked) {
      const top = stackValues(keys, row).at(-1)?.y1 ?? 0;
      max = Math.max(max, top);
    } else {
      for (const k of keys) {
        const v = row[k];
        if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, v);
      }
    }
  }
  return max;
}

/** Colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
export const PALETTE = ['#0b5cad', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#6b6b6b', '#7a3e9d'];
