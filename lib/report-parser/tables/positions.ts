/**
 * Columns by position in text laid out by runs of spaces (PDF text): the numbers of a row that prints fewer than
 * its table's columns are placed by the offsets of the nearest complete row.
 */
import type { StreamRow } from './stream';

/** A row whose numbers are each alone in a cell of one line laid out by spaces: their end offsets, else null. */
function endsOf(row: StreamRow, display: boolean): number[] | null {
  const first = row.nums[0];
  if (!first) return null;
  const out: number[] = [];
  for (const t of row.nums) {
    const end = display ? t.wend : t.end;
    if (end === undefined || t.line !== first.line) return null;
    out.push(end);
  }
  return out;
}

/**
 * PDF text keeps its columns by position: where a row prints fewer numbers than the table has columns (zeros left
 * blank), the nearest complete row (within a few lines, so on the same page) gives each column's right edge, and a
 * number that ends within a small tolerance of exactly one of them is placed in that column (`column`). Nothing is
 * placed unless every number of the row finds its own column.
 */
export function placeByPosition(rows: readonly StreamRow[], width: number, only?: (row: StreamRow) => boolean): void {
  // Complete rows by character offset (pdftotext keeps a page's columns at the same offsets) and by display
  // column (text aligned in a monospace editor, CJK two wide); built when a short row first needs them.
  const complete: ({ line: number; ends: number[] }[] | null)[] = [null, null];
  for (const row of rows) {
    if (row.nums.length === 0 || row.nums.length >= width || (only && !only(row))) continue;
    for (const display of [false, true]) {
      const cols = placeRow(row, rows, width, display, complete, only);
      if (cols) {
        row.nums.forEach((t, i) => {
          t.column = cols[i];
        });
        break;
      }
    }
  }
}

function placeRow(
  row: StreamRow,
  rows: readonly StreamRow[],
  width: number,
  display: boolean,
  complete: ({ line: number; ends: number[] }[] | null)[],
  only?: (row: StreamRow) => boolean,
): number[] | null {
  const ends = endsOf(row, display);
  if (!ends) return null;
  const d = display ? 1 : 0;
  let refs = complete[d];
  if (!refs) {
    refs = [];
    for (const r of rows) {
      const e = r.nums.length === width && (!only || only(r)) ? endsOf(r, display) : null;
      if (e && e.every((v, i) => i === 0 || v > e[i - 1]!)) refs.push({ line: r.nums[0]!.line, ends: e });
    }
    complete[d] = refs;
  }
  const line = row.nums[0]!.line;
  let ref: { line: number; ends: number[] } | null = null;
  for (const c of refs) if (!ref || Math.abs(c.line - line) < Math.abs(ref.line - line)) ref = c;
  if (!ref || Math.abs(ref.line - line) > 12) return null;
  let minGap = Infinity;
  for (let k = 1; k < width; k++) minGap = Math.min(minGap, ref.ends[k]! - ref.ends[k - 1]!);
  const tol = Math.max(1, Math.floor((minGap - 1) / 2));
  const cols: number[] = [];
  for (const end of ends) {
    let best = -1;
    for (let k = 0; k < width; k++) if (Math.abs(ref.ends[k]! - end) <= tol) best = best === -1 ? k : -2;
    if (best < 0 || (cols.length > 0 && best <= cols[cols.length - 1]!)) return null;
    cols.push(best);
  }
  return cols;
}
