/**
 * Joint choice among the candidate readings of damaged table-3 rows (missing cells, extra cells, digits run
 * together). The identities across rows and columns decide: each assignment is filled (a single unknown in an
 * identity is forced) and scored by identities held minus identities failed. Exhaustive when the product of the
 * choices is small, coordinate ascent otherwise, so the work is bounded. Cells live in a flat Float64Array
 * (row index × 7 + column, NaN for unknown) so an evaluation allocates almost nothing.
 */
import { APPLICATION_ROWS, type ApplicationRow } from '../keys';
import type { Identity, Matrix } from '../checks';
import type { Candidate } from './candidates';

export interface Slot {
  key: ApplicationRow;
  cands: Candidate[];
}

export interface Evaluation {
  matrix: Matrix;
  /** Cells (row index × 7 + column) whose value an identity forced. */
  inferred: Set<number>;
  score: number;
}

const W = 7;
const ROWS = APPLICATION_ROWS.length;
const EXHAUSTIVE_LIMIT = 4096;
export const ROW_INDEX: ReadonlyMap<ApplicationRow, number> = new Map(APPLICATION_ROWS.map((r, i) => [r, i]));

interface Compiled {
  left: Int32Array;
  right: Int32Array;
}

const compiledCache = new WeakMap<readonly Identity[], Compiled[]>();

function compile(ids: readonly Identity[]): Compiled[] {
  const hit = compiledCache.get(ids);
  if (hit) return hit;
  const out = compileUncached(ids);
  compiledCache.set(ids, out);
  return out;
}

function compileUncached(ids: readonly Identity[]): Compiled[] {
  const cell = ([r, c]: readonly [ApplicationRow, number]): number => (ROW_INDEX.get(r) ?? 0) * W + c;
  return ids.map((idn) => ({ left: Int32Array.from(idn.left.map(cell)), right: Int32Array.from(idn.right.map(cell)) }));
}

/**
 * The evaluator's cell arrays, shared: one solve runs at a time (it is synchronous and keeps no evaluator after it
 * returns; snapshots copy), and allocating six typed arrays per solve cost more than the small searches themselves.
 */
const SHARED = {
  cells: new Float64Array(ROWS * W),
  forced: new Uint8Array(ROWS * W),
  locked: new Uint8Array(ROWS * W),
  base: new Float64Array(ROWS * W),
  baseForced: new Uint8Array(ROWS * W),
  active: new Uint8Array(ROWS * W),
  /** The best reading's cells during the search (compared with, never returned). */
  bestCells: new Float64Array(ROWS * W),
};

class Evaluator {
  readonly cells = SHARED.cells;
  readonly forced = SHARED.forced;
  /** Cells of rows that could not be read at all: they stay blank rather than be rebuilt from the others. */
  readonly locked = SHARED.locked.fill(0);
  /** Fast path when no candidate has an unknown cell: fixed rows written once, only the varying rows rewritten
   * and only the identities that touch them re-scored. */
  readonly simple: boolean;
  readonly base = SHARED.base;
  private readonly baseForced = SHARED.baseForced.fill(0);
  readonly varSlots: number[] = [];
  readonly touching: Compiled[] = [];
  private readonly constScore: number = 0;

  constructor(
    private readonly slots: readonly Slot[],
    private readonly rowOf: Int32Array,
    private readonly ids: readonly Compiled[],
  ) {
    slots.forEach((slot, s) => {
      if (slot.cands.length === 1 && slot.cands[0]?.kind === 'unreadable') this.locked.fill(1, (rowOf[s] ?? 0) * W, (rowOf[s] ?? 0) * W + W);
    });
    // Blank cells of unreadable rows are locked (never filled), so identities over them are simply never
    // evaluable: such rows do not stop the search from treating the rest as fully known.
    this.simple = slots.every(
      (slot) => (slot.cands.length === 1 && slot.cands[0]?.kind === 'unreadable') || slot.cands.every((c) => !c.values.includes(null)),
    );
    // Fixed rows are written once into `base`; only the varying rows are rewritten per choice, and only the
    // identities that touch a varying row or a cell that can be blank (the only ones fill() can act on) are
    // re-evaluated. The others are scored once: the same result as re-scoring everything, at a fraction of it.
    const active = SHARED.active.fill(0);
    this.base.fill(NaN);
    slots.forEach((slot, s) => {
      const b = (rowOf[s] ?? 0) * W;
      for (const cand of slot.cands) for (let k = 0; k < W; k++) if (cand.values[k] === null || cand.values[k] === undefined) active[b + k] = 1;
      if (slot.cands.length > 1) {
        this.varSlots.push(s);
        active.fill(1, b, b + W);
        return;
      }
      const v = slot.cands[0]?.values ?? [];
      for (let k = 0; k < W; k++) this.base[b + k] = v[k] ?? NaN;
      for (const k of slot.cands[0]?.inferred ?? []) this.baseForced[b + k] = 1;
    });
    let constScore = 0;
    for (const idn of ids) {
      let touches = false;
      for (let i = 0; i < idn.left.length && !touches; i++) if (active[idn.left[i] ?? 0] === 1) touches = true;
      for (let i = 0; i < idn.right.length && !touches; i++) if (active[idn.right[i] ?? 0] === 1) touches = true;
      if (touches) {
        this.touching.push(idn);
        continue;
      }
      const l = sum(this.base, idn.left);
      const r = sum(this.base, idn.right);
      if (!Number.isNaN(l) && !Number.isNaN(r)) constScore += l === r ? 1 : -1;
    }
    this.constScore = constScore;
  }

  /** Fill the cells for a choice and return its score. */
  run(choice: readonly number[]): number {
    const { cells, forced, slots, rowOf } = this;
    cells.set(this.base);
    forced.set(this.baseForced);
    for (const s of this.varSlots) {
      const cand = slots[s]?.cands[choice[s] ?? 0];
      const v = cand?.values ?? [];
      const b = (rowOf[s] ?? 0) * W;
      for (let k = 0; k < W; k++) cells[b + k] = v[k] ?? NaN;
      for (const k of cand?.inferred ?? []) forced[b + k] = 1;
    }
    if (!this.simple) this.fill();
    let score = this.constScore;
    for (const idn of this.touching) {
      const l = sum(cells, idn.left);
      const r = sum(cells, idn.right);
      if (Number.isNaN(l) || Number.isNaN(r)) continue;
      score += l === r ? 1 : -1;
    }
    return score;
  }

  private fill(): void {
    const { cells, forced } = this;
    const ids = this.touching;
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const idn of ids) {
        let count = 0;
        let countLeft = 0;
        let at = -1;
        let atLeft = false;
        let l = 0;
        let r = 0;
        // Indexed loops: for-of over a typed array builds an iterator per identity per pass (the hottest loop here).
        const left = idn.left;
        const right = idn.right;
        for (let t = 0; t < left.length; t++) {
          const c = left[t] as number;
          const v = cells[c] ?? NaN;
          if (Number.isNaN(v)) {
            count++;
            countLeft++;
            at = c;
            atLeft = true;
          } else l += v;
        }
        for (let t = 0; t < right.length; t++) {
          const c = right[t] as number;
          const v = cells[c] ?? NaN;
          if (Number.isNaN(v)) {
            count++;
            at = c;
            atLeft = false;
          } else r += v;
        }
        if (count > 1) {
          // Several blanks, all on one side, whose printed cells already make the other side: counts are never
          // negative, so every blank there is forced to 0.
          if ((countLeft === 0 || countLeft === count) && l === r && this.zeroFill(countLeft === 0 ? right : left)) changed = true;
          continue;
        }
        if (count !== 1 || this.locked[at] === 1) continue;
        const value = atLeft ? r - l : l - r;
        if (value < 0) continue;
        cells[at] = value;
        forced[at] = 1;
        changed = true;
      }
      if (!changed) break;
    }
  }

  /** Set every blank cell of `side` to 0 (forced), unless one of them is locked. */
  private zeroFill(side: Int32Array): boolean {
    const { cells, forced, locked } = this;
    for (let t = 0; t < side.length; t++) {
      const c = side[t] as number;
      if (Number.isNaN(cells[c] ?? NaN) && locked[c] === 1) return false;
    }
    for (let t = 0; t < side.length; t++) {
      const c = side[t] as number;
      if (Number.isNaN(cells[c] ?? NaN)) {
        cells[c] = 0;
        forced[c] = 1;
      }
    }
    return true;
  }

  snapshot(score: number): Evaluation {
    const matrix: Matrix = {};
    const inferred = new Set<number>();
    for (let s = 0; s < this.slots.length; s++) {
      const slot = this.slots[s];
      if (!slot) continue;
      const base = (this.rowOf[s] ?? 0) * W;
      const row: (number | null)[] = [];
      for (let k = 0; k < W; k++) {
        const v = this.cells[base + k] ?? NaN;
        row.push(Number.isNaN(v) ? null : v);
        if (this.forced[base + k] === 1) inferred.add(base + k);
      }
      matrix[slot.key] = row;
    }
    return { matrix, inferred, score };
  }

  sameAs(other: Float64Array): boolean {
    const a = this.cells;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? NaN;
      const y = other[i] ?? NaN;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  }
}

function sum(cells: Float64Array, idx: Int32Array): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += cells[idx[k] ?? 0] ?? NaN;
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
  if (slots.every((s) => s.cands.length === 1 && !(s.cands[0]?.values.includes(null) ?? false))) {
    // Every row printed in full: nothing to choose or fill, the score is not needed.
    const matrix: Matrix = {};
    const inferred = new Set<number>();
    for (const s of slots) {
      const cand = s.cands[0];
      if (!cand) continue;
      matrix[s.key] = cand.values.slice();
      const base = (ROW_INDEX.get(s.key) ?? 0) * W;
      for (const k of cand.inferred) inferred.add(base + k);
    }
    return { best: { matrix, inferred, score: 0 }, choice: slots.map(() => 0), alternatives: [], exhaustive: true };
  }
  const rowOf = Int32Array.from(slots.map((s) => ROW_INDEX.get(s.key) ?? 0));
  const ev = new Evaluator(slots, rowOf, compile(ids));
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
  if (vars.length === 0) return { best: ev.snapshot(ev.run(choice)), choice, alternatives: [], exhaustive: true };
  if (ev.simple) {
    // run() rewrites every cell from the fixed rows, so the first reading is only evaluated when the search fails.
    const found = boundedSearch(ev, slots, rowOf);
    if (found) {
      const [first, ...rest] = found;
      const alternatives = rest.map((c) => ev.snapshot(ev.run(c)));
      const score = ev.run(first as number[]);
      return { best: ev.snapshot(score), choice: first as number[], alternatives, exhaustive: true };
    }
  }
  let bestScore = ev.run(choice);
  let best = ev.snapshot(bestScore);
  let bestChoice = choice.slice();
  const bestCells = SHARED.bestCells;
  bestCells.set(ev.cells);
  // Equal-score readings with different values; compared cell by cell (most ties fill to the same values).
  const ties: { cells: Float64Array; evaluation: Evaluation }[] = [];
  const consider = (c: number[]): void => {
    const score = ev.run(c);
    if (score > bestScore) {
      bestScore = score;
      best = ev.snapshot(score);
      bestCells.set(ev.cells);
      bestChoice = c.slice();
      ties.length = 0;
    } else if (score === bestScore && ties.length < 8 && !ev.sameAs(bestCells) && !ties.some((t) => ev.sameAs(t.cells))) {
      ties.push({ cells: ev.cells.slice(), evaluation: ev.snapshot(score) });
    }
  };
  const exhaustive = product <= EXHAUSTIVE_LIMIT;
  if (exhaustive) {
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
    // Joint starts first: a column lost from every row (an empty column dropped by the extraction) puts the gap at
    // the same place in each, which one-row-at-a-time changes cannot reach from a wrong start. For each gap
    // pattern the candidates show, every row that has a reading with that gap takes it.
    const gapKey = (cand: Candidate, key: string): boolean =>
      cand.kind === 'missing' && (cand.missing.join(',') === key || (cand.sameAsGaps?.some((g) => String(g) === key) ?? false));
    const patterns = new Map<string, number>();
    for (const s of vars) {
      for (const cand of slots[s]?.cands ?? []) {
        if (cand.kind !== 'missing' || cand.missing.length === 0) continue;
        for (const key of [cand.missing.join(','), ...(cand.sameAsGaps ?? []).map(String)]) patterns.set(key, (patterns.get(key) ?? 0) + 1);
      }
    }
    const joint = [...patterns].filter(([, rows]) => rows >= 2).slice(0, 32);
    if (joint.length > 1) {
      const start = bestChoice.slice();
      for (const [key] of joint) {
        const c = start.slice();
        for (const s of vars) {
          const k = slots[s]?.cands.findIndex((cand) => gapKey(cand, key)) ?? -1;
          if (k >= 0) c[s] = k;
        }
        consider(c);
      }
    }
    // Coordinate ascent: change one row at a time while it helps; ties met on the way are kept.
    for (let sweep = 0; sweep < 6; sweep++) {
      const before = bestScore;
      for (const s of vars) {
        const lim = slots[s]?.cands.length ?? 1;
        for (let k = 0; k < lim; k++) {
          if (k === bestChoice[s]) continue;
          const c = bestChoice.slice();
          c[s] = k;
          consider(c);
        }
      }
      if (bestScore === before) break;
    }
  }
  return { best, choice: bestChoice, alternatives: ties.map((t) => t.evaluation), exhaustive };
}

const SEARCH_NODES = 200_000;
const MAX_FAILURES = 3;
const MAX_SOLUTIONS = 9;

/**
 * Depth-first search over the varying rows for the readings with the fewest failed identities (every identity is
 * evaluable here, so fewest failures = best score). Each identity is tracked as left − right; the least and most
 * the rows not yet chosen can still add bound it, so a branch is cut as soon as more identities than allowed can
 * no longer hold. Coordinate ascent got stuck when several rows had to change together (digits run together in
 * many rows); this finds the joint reading. Returns the choices (first = the one the odometer order would pick,
 * then up to 8 other equally good readings), or null when the node budget runs out.
 */
function boundedSearch(ev: Evaluator, slots: readonly Slot[], rowOf: Int32Array): number[][] | null {
  const ids = ev.touching;
  const I = ids.length;
  const vars = ev.varSlots;
  const V = vars.length;
  // Per varying slot and candidate: its contribution (left − right) to each identity; the fixed rows' part in d.
  const varPos = new Int32Array(ROWS).fill(-1);
  for (let p = 0; p < V; p++) varPos[rowOf[vars[p] ?? 0] ?? 0] = p;
  const contrib: Float64Array[] = [];
  for (let p = 0; p < V; p++) contrib.push(new Float64Array((slots[vars[p] ?? 0]?.cands.length ?? 0) * I));
  const sufMin = new Float64Array((V + 1) * I);
  const sufMax = new Float64Array((V + 1) * I);
  const d = new Float64Array((V + 1) * I);
  const addTerm = (i: number, c: number, sign: number): void => {
    const p = varPos[(c / W) | 0] ?? -1;
    if (p < 0) {
      d[i] = (d[i] ?? 0) + sign * (ev.base[c] ?? 0);
      return;
    }
    const arr = contrib[p] as Float64Array;
    const cands = slots[vars[p] ?? 0]?.cands ?? [];
    const col = c % W;
    for (let k = 0; k < cands.length; k++) arr[k * I + i] = (arr[k * I + i] ?? 0) + sign * (cands[k]?.values[col] ?? 0);
  };
  for (let i = 0; i < I; i++) {
    const idn = ids[i] as Compiled;
    for (let t = 0; t < idn.left.length; t++) addTerm(i, idn.left[t] ?? 0, 1);
    for (let t = 0; t < idn.right.length; t++) addTerm(i, idn.right[t] ?? 0, -1);
  }
  for (let p = V - 1; p >= 0; p--) {
    const arr = contrib[p] as Float64Array;
    const n = arr.length / I;
    for (let i = 0; i < I; i++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < n; k++) {
        const x = arr[k * I + i] ?? 0;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      sufMin[p * I + i] = (sufMin[(p + 1) * I + i] ?? 0) + lo;
      sufMax[p * I + i] = (sufMax[(p + 1) * I + i] ?? 0) + hi;
    }
  }
  const pick = new Int32Array(V);
  let nodes = 0;
  let overBudget = false;
  // Depth-first over the varying rows; `banPos`/`banK` exclude one candidate of one row (for the ambiguity check).
  const search = (allowed: number, limit: number, banPos: number, banK: number): number[][] => {
    const found: number[][] = [];
    const walk = (p: number): void => {
      if (found.length >= limit || overBudget) return;
      if (++nodes > SEARCH_NODES) {
        overBudget = true;
        return;
      }
      const at = p * I;
      // Stops at the first identity past the allowance: the count only decides whether to cut.
      let failing = 0;
      for (let i = 0; i < I; i++) {
        const x = d[at + i] ?? 0;
        if ((x + (sufMin[at + i] ?? 0) > 0 || x + (sufMax[at + i] ?? 0) < 0) && ++failing > allowed) return;
      }
      if (p === V) {
        const c = slots.map(() => 0);
        for (let q = 0; q < V; q++) c[vars[q] ?? 0] = pick[q] ?? 0;
        found.push(c);
        return;
      }
      const arr = contrib[p] as Float64Array;
      const n = arr.length / I;
      const next = at + I;
      for (let k = 0; k < n; k++) {
        if (p === banPos && k === banK) continue;
        for (let i = 0; i < I; i++) d[next + i] = (d[at + i] ?? 0) + (arr[k * I + i] ?? 0);
        pick[p] = k;
        walk(p + 1);
        if (found.length >= limit || overBudget) return;
      }
    };
    walk(0);
    return found;
  };
  for (let allowed = 0; allowed <= Math.min(MAX_FAILURES, I); allowed++) {
    const found = search(allowed, MAX_SOLUTIONS, -1, -1);
    if (overBudget) return null;
    if (found.length === 0) continue;
    // The first solutions found differ mostly in the last rows searched: a row whose reading is the same in all of
    // them may still have another, equally good one. Each such row is searched once more with its chosen reading
    // excluded, so that every ambiguous row is reported, not only the last ones.
    // A search that stopped short of its limit saw every reading at this allowance: none is left to find.
    if (found.length < MAX_SOLUTIONS) return found;
    const best = found[0] as number[];
    for (let p = 0; p < V && !overBudget; p++) {
      const s = vars[p] ?? 0;
      if (found.some((c) => c[s] !== best[s])) continue;
      const other = search(allowed, 1, p, best[s] ?? 0);
      if (other[0]) found.push(other[0]);
    }
    return found;
  }
  return null;
}
