/**
 * Joint choice among the candidate readings of damaged table-3 rows (missing cells, extra cells, digits run
 * together). The identities across rows and columns decide: each assignment is filled (a single unknown in an
 * identity is forced) and scored by identities held minus identities failed. Exhaustive when the product of the
 * choices is small, coordinate ascent otherwise, so the work is bounded.
 */
import type { ApplicationRow } from '../keys';
import { sumTerms, type Identity, type Matrix } from '../checks';
import type { Candidate } from './candidates';

export interface Slot {
  key: ApplicationRow;
  cands: Candidate[];
}

export interface Evaluation {
  matrix: Matrix;
  /** "row:col" of the cells whose value an identity forced. */
  inferred: Set<string>;
  score: number;
}

const EXHAUSTIVE_LIMIT = 4096;

function evaluate(slots: readonly Slot[], choice: readonly number[], ids: readonly Identity[]): Evaluation {
  const matrix: Matrix = {};
  const inferred = new Set<string>();
  let hasNull = false;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    const cand = slot?.cands[choice[s] ?? 0];
    if (!slot || !cand) continue;
    const values = cand.values.slice();
    matrix[slot.key] = values;
    for (const k of cand.inferred) inferred.add(`${slot.key}:${k}`);
    if (!hasNull && values.includes(null)) hasNull = true;
  }
  if (hasNull) {
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const idn of ids) {
        let unknown: readonly [ApplicationRow, number] | null = null;
        let unknownLeft = false;
        let count = 0;
        let left = 0;
        let right = 0;
        for (const t of idn.left) {
          const v = matrix[t[0]]?.[t[1]];
          if (v === null || v === undefined) {
            count++;
            unknown = t;
            unknownLeft = true;
          } else left += v;
        }
        for (const t of idn.right) {
          const v = matrix[t[0]]?.[t[1]];
          if (v === null || v === undefined) {
            count++;
            unknown = t;
            unknownLeft = false;
          } else right += v;
        }
        if (count !== 1 || !unknown) continue;
        const row = matrix[unknown[0]];
        if (!row) continue;
        const value = unknownLeft ? right - left : left - right;
        if (value < 0) continue;
        row[unknown[1]] = value;
        inferred.add(`${unknown[0]}:${unknown[1]}`);
        changed = true;
      }
      if (!changed) break;
    }
  }
  let score = 0;
  for (const idn of ids) {
    const l = sumTerms(matrix, idn.left);
    const r = sumTerms(matrix, idn.right);
    if (l === null || r === null) continue;
    score += l === r ? 1 : -1;
  }
  return { matrix, inferred, score };
}

function signature(m: Matrix): string {
  let s = '';
  for (const k of Object.keys(m).sort()) s += k + ':' + (m[k as ApplicationRow] ?? []).join(',') + ';';
  return s;
}

export interface Solution {
  best: Evaluation;
  choice: number[];
  /** Other assignments as good as the best with different values (for split-ambiguous), at most a few. */
  alternatives: Evaluation[];
  exhaustive: boolean;
}

/** Choose one candidate per slot. */
export function solve(slots: readonly Slot[], ids: readonly Identity[]): Solution {
  const choice = slots.map(() => 0);
  const vars: number[] = [];
  let product = 1;
  for (let s = 0; s < slots.length; s++) {
    const n = slots[s]?.cands.length ?? 1;
    if (n > 1) {
      vars.push(s);
      product *= n;
    }
  }
  let best = evaluate(slots, choice, ids);
  if (vars.length === 0) return { best, choice, alternatives: [], exhaustive: true };
  let bestChoice = choice.slice();
  const ties = new Map<string, Evaluation>();
  ties.set(signature(best.matrix), best);
  const consider = (c: number[]): void => {
    const e = evaluate(slots, c, ids);
    if (e.score > best.score) {
      best = e;
      bestChoice = c.slice();
      ties.clear();
      ties.set(signature(e.matrix), e);
    } else if (e.score === best.score && ties.size < 8) {
      const sig = signature(e.matrix);
      if (!ties.has(sig)) ties.set(sig, e);
    }
  };
  if (product <= EXHAUSTIVE_LIMIT) {
    // Odometer over the variable slots, in candidate order, so the first best is deterministic.
    const c = choice.slice();
    for (;;) {
      let i = vars.length - 1;
      while (i >= 0) {
        const s = vars[i] ?? 0;
        const lim = slots[s]?.cands.length ?? 1;
        c[s] = (c[s] ?? 0) + 1;
        if ((c[s] ?? 0) < lim) break;
        c[s] = 0;
        i--;
      }
      if (i < 0) break;
      consider(c);
    }
  } else {
    // Coordinate ascent: change one row at a time while it helps; ties found on the way are kept.
    for (let sweep = 0; sweep < 6; sweep++) {
      const before = best.score;
      for (const s of vars) {
        const lim = slots[s]?.cands.length ?? 1;
        for (let k = 0; k < lim; k++) {
          if (k === bestChoice[s]) continue;
          const c = bestChoice.slice();
          c[s] = k;
          consider(c);
        }
      }
      if (best.score === before) break;
    }
  }
  const bestSig = signature(best.matrix);
  const alternatives = [...ties.entries()].filter(([sig]) => sig !== bestSig).map(([, e]) => e);
  return { best, choice: bestChoice, alternatives, exhaustive: product <= EXHAUSTIVE_LIMIT };
}
