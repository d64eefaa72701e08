/**
 * Table 4 (行政复议、行政诉讼): fifteen numbers in print order, however the header is laid out.
 */
import { REVIEW_KINDS, REVIEW_RESULTS } from '../keys';
import type { Reviews, SourceRef, Warning } from '../types';
import type { NumToken } from './cells';
import { rowCandidates, type Candidate } from './candidates';
import type { StreamRow } from './stream';

export interface Table4Result {
  reviews: Reviews;
  warnings: Warning[];
  line?: number;
}

const WIDTH = 15;
const GROUP = 5;

function groupScore(values: readonly (number | null)[]): number {
  let score = 0;
  for (let g = 0; g < WIDTH; g += GROUP) {
    let sum = 0;
    let ok = true;
    for (let k = g; k < g + GROUP - 1; k++) {
      const v = values[k];
      if (v === null || v === undefined) ok = false;
      else sum += v;
    }
    const t = values[g + GROUP - 1];
    if (!ok || t === null || t === undefined) continue;
    score += sum === t ? 1 : -1;
  }
  return score;
}

export function emptyReviews(): Reviews {
  const r = {} as Reviews;
  for (const kind of REVIEW_KINDS) {
    r[kind] = { upheld: null, corrected: null, other: null, pending: null, total: null };
  }
  return r;
}

export function readTable4(rows: readonly StreamRow[], sources: Record<string, SourceRef>): Table4Result {
  const warnings: Warning[] = [];
  const reviews = emptyReviews();
  const nums: NumToken[] = [];
  for (const r of rows) for (const t of r.nums) nums.push(t);
  if (nums.length === 0) {
    warnings.push({ code: 'table-missing', row: 'reviews', message: 'Table 4 (reviews and litigation) not found' });
    return { reviews, warnings };
  }
  const line = nums[0]?.line;
  const usable = nums.length > WIDTH + 2 ? nums.slice(0, WIDTH) : nums;
  const cands = rowCandidates(usable, WIDTH, GROUP);
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  const ties: Candidate[] = [];
  // Digits run together that split into all fifteen cells are read as printed, a failed identity and all: a reading
  // that supposes a cell lost as well costs more than any one identity it repairs (it invents the lost number).
  const printedSplit = cands.some((c) => c.kind === 'split');
  for (const c of cands) {
    const s = groupScore(c.values) - (printedSplit && c.kind === 'missing' && c.runTogether ? 3 * Math.max(1, c.missing.length) : 0);
    if (s > bestScore) {
      bestScore = s;
      best = c;
      ties.length = 0;
    } else if (s === bestScore) ties.push(c);
  }
  if (!best) return { reviews, warnings, line };
  if (best.kind === 'missing') {
    warnings.push({ code: 'cells-missing', row: 'reviews', line, message: `Table 4 has ${usable.length} of ${WIDTH} numbers; the gap was placed by the identities`, detail: { missing: best.missing } });
  } else if (best.kind === 'extra') {
    warnings.push({ code: 'cells-extra', row: 'reviews', line, message: `Table 4 has ${usable.length} numbers; extras dropped`, detail: { dropped: best.missing } });
  } else if (best.kind === 'split') {
    warnings.push({ code: 'cells-run-together', row: 'reviews', line, message: 'Table 4 digits run together were split using the identities', detail: { printed: usable[0]?.raw } });
  } else if (best.kind === 'unreadable') {
    warnings.push({ code: 'cells-missing', row: 'reviews', line, message: `Table 4 could not be read (${nums.length} numbers)` });
  }
  // Cells on which equally good readings disagree are not guessed: they stay blank, the readings listed.
  const undecided = new Set<number>();
  if (ties.length > 0) {
    for (let idx = 0; idx < WIDTH; idx++) if (ties.some((t) => t.values[idx] !== best.values[idx])) undecided.add(idx);
    warnings.push({
      code: 'split-ambiguous',
      row: 'reviews',
      line,
      message: 'Several readings of table 4 fit equally; the cells they disagree on are left blank',
      detail: { undecided: [...undecided], readings: [best.values, ...ties.map((t) => t.values)] },
    });
  }
  REVIEW_KINDS.forEach((kind, g) => {
    REVIEW_RESULTS.forEach((res, k) => {
      const idx = g * GROUP + k;
      const v = undecided.has(idx) ? null : (best.values[idx] ?? null);
      reviews[kind][res] = v;
      const ref = best.refs[idx];
      const path = `reviews.${kind}.${res}`;
      if (undecided.has(idx)) return;
      if (best.inferred.includes(idx)) {
        warnings.push({ code: 'value-inferred', row: kind, line, message: `${kind}.${res} = ${String(v)} forced by the identities` });
        if (line !== undefined) sources[path] = { line, cell: -1 };
      } else if (ref && v !== null) sources[path] = { line: ref.line, cell: ref.cell, raw: ref.raw };
    });
  });
  return { reviews, warnings, line };
}
