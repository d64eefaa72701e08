/**
 * The identities (勾稽关系) as data, used twice: by the table-3 solver to choose among readings of damaged rows,
 * and to report the checks of the final tables.
 *
 * Policy: a check is emitted only when every operand is a number. A check with a null operand (blank cell, row
 * not found) cannot be evaluated and is left out rather than reported as failed, so `passed:false` always means
 * the printed numbers contradict each other.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, OTHER_SUB_ROWS, OUTCOME_ROWS, REVIEW_KINDS, type ApplicationRow } from './keys';
import type { Check, Reviews } from './types';

/** A cell of table 3: row key and column index (0..6). */
export type Term = readonly [ApplicationRow, number];

export interface Identity {
  id: string;
  left: Term[];
  right: Term[];
  /** The row whose line the check points at. */
  lineRow: ApplicationRow;
}

export type Matrix = Partial<Record<ApplicationRow, (number | null)[]>>;

const cache = new Map<string, Identity[]>();
const ROW_POSITION: ReadonlyMap<ApplicationRow, number> = new Map(APPLICATION_ROWS.map((r, i) => [r, i]));

/**
 * Identities 1–4 over the rows present (read from the text, possibly damaged). `otherTotal` in the matrix is the
 * printed row; where it is not printed the outcome identity adds the three sub-rows instead (2021: otherTotal is
 * their sum). Cached per set of rows: almost every report has the same set.
 */
export function table3Identities(present: ReadonlySet<ApplicationRow>): Identity[] {
  // The rows in their order, one character each (spreading and joining the row names cost more than the lookup).
  let sig = '';
  for (const key of present) sig += String.fromCharCode(0x40 + (ROW_POSITION.get(key) ?? 63));
  const hit = cache.get(sig);
  if (hit) return hit;
  const out = buildIdentities(present);
  if (cache.size < 256) cache.set(sig, out);
  return out;
}

function buildIdentities(present: ReadonlySet<ApplicationRow>): Identity[] {
  const out: Identity[] = [];
  for (const key of present) {
    out.push({
      id: `row.${key}`,
      left: [0, 1, 2, 3, 4, 5].map((c) => [key, c] as const),
      right: [[key, 6]],
      lineRow: key,
    });
  }
  const subsPresent = OTHER_SUB_ROWS.every((r) => present.has(r));
  const otherPrinted = present.has('otherTotal');
  const outcomeRows: ApplicationRow[] = OUTCOME_ROWS.filter((r) => r !== 'otherTotal');
  if (otherPrinted) outcomeRows.push('otherTotal');
  else if (subsPresent) outcomeRows.push(...OTHER_SUB_ROWS);
  const outcomesOk = (otherPrinted || subsPresent) && outcomeRows.every((r) => present.has(r)) && present.has('totalHandled');
  const balanceOk = (['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'] as const).every((r) => present.has(r));
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const col = APPLICANT_COLUMNS[c] ?? '';
    if (outcomesOk) {
      out.push({
        id: `outcomes.${col}`,
        left: outcomeRows.map((r) => [r, c] as const),
        right: [['totalHandled', c]],
        lineRow: 'totalHandled',
      });
    }
    if (balanceOk) {
      out.push({
        id: `balance.${col}`,
        left: [
          ['newReceived', c],
          ['carriedOver', c],
        ],
        right: [
          ['totalHandled', c],
          ['carriedForward', c],
        ],
        lineRow: 'carriedForward',
      });
    }
    if (otherPrinted && subsPresent) {
      out.push({
        id: `other.${col}`,
        left: OTHER_SUB_ROWS.map((r) => [r, c] as const),
        right: [['otherTotal', c]],
        lineRow: 'otherTotal',
      });
    }
  }
  return out;
}

/** Sum of terms, or null when any is null or missing. */
export function sumTerms(m: Matrix, terms: readonly Term[]): number | null {
  let s = 0;
  for (const [r, c] of terms) {
    const v = m[r]?.[c];
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
}

/** Terms as cell indexes (row position × 7 + column), per identity list (lists are cached per set of rows). */
const compiled = new WeakMap<readonly Identity[], Int32Array[]>();
const WIDTH = 7;
const termCell = ([r, c]: Term): number => (ROW_POSITION.get(r) ?? 0) * WIDTH + c;

function compileTerms(ids: readonly Identity[]): Int32Array[] {
  let hit = compiled.get(ids);
  if (!hit) {
    hit = ids.flatMap((idn) => [Int32Array.from(idn.left, termCell), Int32Array.from(idn.right, termCell)]);
    compiled.set(ids, hit);
  }
  return hit;
}

/** The flattened matrix, reused (evaluateIdentities is synchronous and keeps nothing of it). */
const flatCells = new Float64Array(APPLICATION_ROWS.length * WIDTH);

/** Sum of the cells, NaN when one is blank (the same sum, in the same order, as sumTerms). */
function sumCells(cells: Float64Array, idx: Int32Array): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += cells[idx[k] ?? 0] ?? NaN;
  return s;
}

/** Evaluate identities on a matrix: checks for the evaluable ones, pointing at the rows' lines. */
export function evaluateIdentities(
  m: Matrix,
  ids: readonly Identity[],
  lines: Partial<Record<ApplicationRow, number>>,
): Check[] {
  const out: Check[] = [];
  // The matrix flattened once (NaN for blank), then every identity summed by cell indexes: object lookups by row
  // name for each term cost more than the rest of the checks.
  const cells = flatCells.fill(NaN);
  for (const key in m) {
    const row = m[key as ApplicationRow];
    const base = (ROW_POSITION.get(key as ApplicationRow) ?? -1) * WIDTH;
    if (!row || base < 0) continue;
    for (let c = 0; c < WIDTH && c < row.length; c++) cells[base + c] = row[c] ?? NaN;
  }
  const terms = compileTerms(ids);
  for (let i = 0; i < ids.length; i++) {
    const idn = ids[i] as Identity;
    const left = sumCells(cells, terms[2 * i] as Int32Array);
    const right = sumCells(cells, terms[2 * i + 1] as Int32Array);
    if (Number.isNaN(left) || Number.isNaN(right)) continue;
    const check: Check = { id: idn.id, passed: left === right, left, right };
    const line = lines[idn.lineRow];
    if (line !== undefined) check.line = line;
    out.push(check);
  }
  return out;
}

/** Identity 5: upheld + corrected + other + pending = total, per kind. */
export function reviewChecks(reviews: Reviews, line: number | undefined): Check[] {
  const out: Check[] = [];
  for (const kind of REVIEW_KINDS) {
    const r = reviews[kind];
    const { upheld, corrected, other, pending, total } = r;
    if (upheld === null || corrected === null || other === null || pending === null || total === null) continue;
    const left = upheld + corrected + other + pending;
    const check: Check = { id: `reviews.${kind}`, passed: left === total, left, right: total };
    if (line !== undefined) check.line = line;
    out.push(check);
  }
  return out;
}

/** A figure the narrative states (P2's meta: key, value, line). */
export interface StatedFigure {
  key: string;
  value: number;
  line: number;
}

/**
 * Identity 6: figures stated in the narrative (left) against the tables (right), the first of each key.
 * `tableValues` maps a figure key to the table's number (newReceived → applications.newReceived.total, …).
 */
export function narrativeChecks(figures: readonly StatedFigure[], tableValues: Partial<Record<string, number | null>>): Check[] {
  const out: Check[] = [];
  const seen = new Set<string>();
  for (const fig of figures) {
    if (seen.has(fig.key)) continue;
    seen.add(fig.key);
    const right = tableValues[fig.key];
    if (right === null || right === undefined) continue;
    out.push({ id: `narrative.${fig.key}`, passed: fig.value === right, left: fig.value, right, line: fig.line });
  }
  return out;
}
