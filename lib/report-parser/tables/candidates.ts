/**
 * Candidate readings of one printed row: the cells as printed, the possible placements of missing cells, the
 * possible drops of extra cells, or the possible splits of digits run together. A row is a sequence of groups,
 * each ending with its total (table 3: one group of 7; table 4: three groups of 5).
 */
import { isEmptyCell, type NumToken } from './cells';

export type CandidateKind = 'exact' | 'missing' | 'extra' | 'split' | 'unreadable';

export interface CellRef {
  line: number;
  cell: number;
  raw: string;
}

export interface Candidate {
  kind: CandidateKind;
  values: (number | null)[];
  refs: (CellRef | null)[];
  /** Positions filled by the row identity (value forced), for value-inferred warnings. */
  inferred: number[];
  /** Positions treated as missing (placement). */
  missing: number[];
  /** The cells were read from digits run together (kind 'split', or 'missing' when a cell was lost too). */
  runTogether?: boolean;
  /** A split whose parts do not add up to its total (the printed total is off): only the other identities place it. */
  unbalanced?: boolean;
  /** Other single gap positions that give the same values (a gap beside an equal cell), merged into this one. */
  sameAsGaps?: number[];
}

/** Bounds that keep the search finite on hostile input. */
const MAX_SPLIT_STEPS = 200_000;
const MAX_SPLITS = 64;
const MAX_DIGITS = 60;

function refOf(t: NumToken): CellRef {
  return { line: t.line, cell: t.cell, raw: t.raw };
}

/** Fill, in each group, a single null by the group identity (parts add up to the total). False if it goes negative. */
export function fillGroups(values: (number | null)[], groupSize: number, inferred: number[]): boolean {
  for (let g = 0; g + groupSize <= values.length; g += groupSize) {
    let nulls = 0;
    let at = -1;
    let parts = 0;
    for (let k = g; k < g + groupSize - 1; k++) {
      const v = values[k];
      if (v === null || v === undefined) {
        nulls++;
        at = k;
      } else parts += v;
    }
    const total = values[g + groupSize - 1];
    if (total === null || total === undefined) {
      if (nulls === 0) {
        values[g + groupSize - 1] = parts;
        inferred.push(g + groupSize - 1);
      }
      continue;
    }
    if (nulls === 1) {
      const v = total - parts;
      if (v < 0) return false;
      values[at] = v;
      inferred.push(at);
    } else if (nulls > 1) {
      // Several parts blank: counts are never negative, so when the printed parts already make the total every
      // blank part is forced to 0 (78 + 2 + blanks = 80); otherwise they stay unknown.
      if (parts > total) return false;
      if (parts === total) {
        for (let k = g; k < g + groupSize - 1; k++) {
          if (values[k] === null || values[k] === undefined) {
            values[k] = 0;
            inferred.push(k);
          }
        }
      }
    }
  }
  return true;
}

function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i] = (idx[i] ?? 0) + 1;
    for (let j = i + 1; j < k; j++) idx[j] = (idx[j - 1] ?? 0) + 1;
  }
}

function sameValues(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** First of each set of candidates with equal values (pairwise: there are at most a few dozen, no key strings). */
function dedupe(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) if (!out.some((o) => sameValues(o.values, c.values))) out.push(c);
  return out;
}

/** Gap placements per (width, gaps), computed once: the generator cost more than the placements themselves. */
const COMBINATIONS = new Map<number, readonly number[][]>();
function combinationsOf(n: number, k: number): readonly number[][] {
  const key = n * 64 + k;
  let hit = COMBINATIONS.get(key);
  if (!hit) {
    hit = [...combinations(n, k)];
    COMBINATIONS.set(key, hit);
  }
  return hit;
}

/**
 * All splits of a digit string into `width` numbers (no leading zeros except "0" itself) such that in each group
 * the parts add up to the total. Bounded: at most MAX_SPLITS results and MAX_SPLIT_STEPS search steps.
 */
export function splitDigits(digits: string, width: number, groupSize: number, balanced = true): number[][] {
  const out: number[][] = [];
  if (digits.length < width || digits.length > MAX_DIGITS) return out;
  const parts: number[] = [];
  let steps = 0;
  const maxLen = Math.min(12, digits.length - width + 1);
  const walk = (pos: number, k: number, groupSum: number): void => {
    if (out.length >= MAX_SPLITS || ++steps > MAX_SPLIT_STEPS) return;
    if (k === width) {
      if (pos === digits.length) out.push(parts.slice());
      return;
    }
    const remainingCells = width - k;
    const remainingDigits = digits.length - pos;
    if (remainingDigits < remainingCells || remainingDigits > remainingCells * maxLen) return;
    const isTotal = balanced && (k + 1) % groupSize === 0;
    if (isTotal) {
      // The total is determined by the group: only its printed form can follow.
      const s = String(groupSum);
      if (digits.startsWith(s, pos)) {
        parts.push(groupSum);
        walk(pos + s.length, k + 1, 0);
        parts.pop();
      }
      return;
    }
    const first = digits.charCodeAt(pos);
    const lim = first === 48 ? 1 : Math.min(maxLen, remainingDigits - (remainingCells - 1));
    for (let len = 1; len <= lim; len++) {
      const v = Number(digits.slice(pos, pos + len));
      parts.push(v);
      walk(pos + len, k + 1, groupSum + v);
      parts.pop();
    }
  };
  walk(0, 0, 0);
  return out;
}

/** Tokens of the same printed cell that are all plain digits merged into one number; null when no cell has two. */
function joinCellDigits(tokens: readonly NumToken[]): NumToken[] | null {
  const out: NumToken[] = [];
  let merged = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.line === t.line && tokens[j + 1]!.cell === t.cell) j++;
    if (j === i) {
      out.push(t);
      continue;
    }
    const group = tokens.slice(i, j + 1);
    if (!group.every((g) => g.plainDigits && !g.glued && g.value !== null)) return null;
    const raw = group.map((g) => g.raw).join(' ');
    out.push({ ...t, value: Number(group.map((g) => g.raw).join('')), raw, plainDigits: true, trailingBlanks: group[group.length - 1]!.trailingBlanks });
    merged = true;
    i = j;
  }
  return merged ? out : null;
}

/**
 * Empty cell lines (one-cell-per-line text) beyond the row's width are empty label columns, not blank numbers: they
 * are dropped from the ends of the row.
 */
export function trimEmptyCells<T extends NumToken>(tokens: readonly T[], width: number): readonly T[] {
  if (tokens.length <= width || !(isEmptyCell(tokens[0]) || isEmptyCell(tokens[tokens.length - 1]))) return tokens;
  let a = 0;
  let b = tokens.length;
  while (b - a > width && isEmptyCell(tokens[a])) a++;
  while (b - a > width && isEmptyCell(tokens[b - 1])) b--;
  return a > 0 || b < tokens.length ? tokens.slice(a, b) : tokens;
}

/** Candidate readings of a row of `width` cells from its numeric tokens. */
export function rowCandidates(tokens: readonly NumToken[], width: number, groupSize: number, printedCells = true): Candidate[] {
  if (tokens.length > width) {
    const trimmed = trimEmptyCells(tokens, width);
    if (trimmed !== tokens) return rowCandidates(trimmed, width, groupSize, printedCells);
  }
  const n = tokens.length;
  if (n === width) {
    const values = tokens.map((t) => t.value);
    const inferred: number[] = [];
    // Cells printed as a dash keep their column; the row identity may still force them (a lone dash, or dashes
    // beside parts that already make the total).
    if (values.includes(null)) {
      const filled = values.slice();
      if (fillGroups(filled, groupSize, inferred)) return [{ kind: 'exact', values: filled, refs: tokens.map(refOf), inferred, missing: [] }];
      inferred.length = 0;
    }
    return [{ kind: 'exact', values, refs: tokens.map(refOf), inferred, missing: [] }];
  }
  // More numbers than cells, but as many delimited cells as the row has: a cell holding digits set apart by spaces
  // (OCR's "6 0") is one number, not two.
  if (n > width && printedCells) {
    const joined = joinCellDigits(tokens);
    if (joined && joined.length === width) return rowCandidates(joined, width, groupSize, printedCells);
  }
  // Digits run together: one plain integer token (glued to its label, or far too long to be one count).
  const only = tokens[0];
  if (n === 1 && only && only.plainDigits && (only.glued || only.raw.length >= width - 2) && only.raw.length >= width - 2) {
    const splits = only.raw.length >= width ? splitDigits(only.raw, width, groupSize) : [];
    if (splits.length > 0) {
      return splits.map((values) => ({
        kind: 'split' as const,
        values,
        refs: partRefs(only, values),
        inferred: [],
        missing: [],
        runTogether: true,
      }));
    }
    // Cells lost as well (blank cells flattened away): width − 1 (else − 2) numbers, the gaps placed as for 6 of 7.
    const out: Candidate[] = [];
    // Or every cell there but the printed total off (a failed row identity, as real reports have): any split, when
    // few enough that the column identities can pick one.
    if (only.raw.length >= width) {
      const loose = splitDigits(only.raw, width, groupSize, false);
      if (loose.length > 0 && loose.length < MAX_SPLITS) {
        for (const values of loose) {
          out.push({ kind: 'split', values, refs: partRefs(only, values), inferred: [], missing: [], runTogether: true, unbalanced: true });
        }
      }
    }
    const loose = out.length;
    for (let lost = 1; lost <= 2 && out.length === loose && only.raw.length <= width + 3; lost++) {
      for (const parts of splitDigits(only.raw, width - lost, width + 1)) {
        const toks = parts.map((v) => ({ ...only, value: v, raw: String(v), glued: false }));
        for (const c of rowCandidates(toks, width, groupSize, false)) if (c.kind === 'missing') out.push({ ...c, runTogether: true });
      }
    }
    return out.length > 0 ? dedupe(out) : [unreadable(width)];
  }
  if (n === width - 1 && groupSize === width && tokens.every((t) => t.value !== null) && interiorGaps(tokens).length !== 1) {
    return oneGapCandidates(tokens, width, printedCells);
  }
  if (n < width && width - n <= 2) {
    const out: Candidate[] = [];
    // One reference object per printed cell, shared by every placement (refs are never mutated).
    const tokRefs = tokens.map(refOf);
    for (const gaps of combinationsOf(width, width - n)) {
      const values: (number | null)[] = [];
      const refs: (CellRef | null)[] = [];
      let t = 0;
      // Gap positions are ascending: one pointer instead of a search per cell.
      let g = 0;
      for (let k = 0; k < width; k++) {
        if (gaps[g] === k) {
          g++;
          values.push(null);
          refs.push(null);
        } else {
          const tok = tokens[t];
          values.push(tok ? tok.value : null);
          refs.push(tokRefs[t] ?? null);
          t++;
        }
      }
      const inferred: number[] = [];
      if (!fillGroups(values, groupSize, inferred)) {
        // The printed total is less than the printed parts (an off total): the gap cannot come from this row, but
        // the column identities may still place and fill it. Only for cells printed apart: a guessed split of
        // run-together digits with an off total as well is one guess too many.
        if (printedCells && width - n === 1 && gaps.length === 1) {
          out.push({ kind: 'missing', values: placeBlank(tokens, gaps[0] ?? 0, width), refs, inferred: [], missing: gaps });
        }
        continue;
      }
      out.push({ kind: 'missing', values, refs, inferred, missing: gaps });
    }
    if (out.length === 0) return [unreadable(width)];
    // An empty cell printed between two numbers shows where the gap is: that reading goes first.
    const hint = interiorGaps(tokens);
    if (hint.length === width - n) {
      // Stable: the hinted placement first, the others in their order (what a stable sort on "is the hint" gives).
      const first = out.filter((c) => sameValues(c.missing, hint));
      if (first.length > 0) return dedupe([...first, ...out.filter((c) => !sameValues(c.missing, hint))]);
    }
    return dedupe(out);
  }
  if (n > 0 && n < width) {
    // More cells blank than placements are tried for, but each one printed as an empty cell between two numbers of
    // the same tab or pipe row (`| 78 | 2 |  |  |  | 0 | 80 |`: zeros left blank, common in real tables): the
    // empty cells say where the gaps are, so that one placement is the reading. Empty cells after the row's last
    // number to the end of its line (an HTML grid row `3, , , , 3` then ten blanks) count too, as the last cells.
    const hint = blankHint(tokens, width);
    if (hint) {
      const values: (number | null)[] = [];
      const refs: (CellRef | null)[] = [];
      let t = 0;
      let g = 0;
      for (let k = 0; k < width; k++) {
        if (hint[g] === k) {
          g++;
          values.push(null);
          refs.push(null);
        } else {
          const tok = tokens[t++];
          values.push(tok ? tok.value : null);
          refs.push(tok ? refOf(tok) : null);
        }
      }
      const inferred: number[] = [];
      if (fillGroups(values, groupSize, inferred)) return [{ kind: 'missing', values, refs, inferred, missing: hint }];
      return [{ kind: 'missing', values: placeBlankAt(tokens, hint, width), refs, inferred: [], missing: hint }];
    }
  }
  if (n > width && n - width <= 2) {
    const out: Candidate[] = [];
    // Dropping trailing cells first: a stray cell after the row is the usual extra.
    const drops = [...combinations(n, n - width)].reverse();
    for (const drop of drops) {
      const kept = tokens.filter((_, i) => !drop.includes(i));
      out.push({ kind: 'extra', values: kept.map((t) => t.value), refs: kept.map(refOf), inferred: [], missing: drop });
    }
    return dedupe(out);
  }
  return [unreadable(width)];
}

/**
 * One cell lost from a single-group row (table 3), every printed cell a number, no empty cell showing where:
 * the readings the general placement loop gives, in its order and already deduplicated, built directly. A part
 * lost at g (g < width − 1) is forced to X = total − the other parts, the same X wherever it goes, so placing it
 * at g reads the same as at g − 1 exactly when the cell before it equals X: those duplicates are never built.
 * X < 0 leaves each part placement blank (for the column identities, printed cells only); the lost total is the
 * sum of the parts.
 */
function oneGapCandidates(tokens: readonly NumToken[], width: number, printedCells: boolean): Candidate[] {
  const last = width - 1;
  const tokRefs = tokens.map(refOf);
  const placements = combinationsOf(width, 1);
  let parts = 0;
  for (let k = 0; k < last; k++) parts += tokens[k]?.value ?? 0;
  const total = tokens[last - 1]?.value ?? 0;
  // The parts before the printed total: tokens[0 .. width − 3]; the printed total is tokens[width − 2].
  let others = 0;
  for (let k = 0; k < last - 1; k++) others += tokens[k]?.value ?? 0;
  const x = total - others;
  const out: Candidate[] = [];
  for (let g = 0; g < last; g++) {
    if (x >= 0 && g > 0 && tokens[g - 1]?.value === x) {
      const prev = out[out.length - 1];
      if (prev) (prev.sameAsGaps ??= []).push(g);
      continue;
    }
    if (x < 0 && !printedCells) continue;
    const values: (number | null)[] = [];
    const refs: (CellRef | null)[] = [];
    for (let k = 0; k < width; k++) {
      const t = k < g ? k : k - 1;
      values.push(k === g ? (x >= 0 ? x : null) : (tokens[t]?.value ?? null));
      refs.push(k === g ? null : (tokRefs[t] ?? null));
    }
    out.push({ kind: 'missing', values, refs, inferred: x >= 0 ? [g] : [], missing: placements[g] ?? [g] });
  }
  const values: (number | null)[] = tokens.map((t) => t.value);
  values.push(parts);
  const refs: (CellRef | null)[] = tokRefs.slice();
  refs.push(null);
  if (!out.some((o) => sameValues(o.values, values))) out.push({ kind: 'missing', values, refs, inferred: [last], missing: placements[last] ?? [last] });
  return out;
}

/** The printed values with a blank at `gap`. */
function placeBlank(tokens: readonly NumToken[], gap: number, width: number): (number | null)[] {
  const out: (number | null)[] = [];
  let t = 0;
  for (let k = 0; k < width; k++) out.push(k === gap ? null : (tokens[t++]?.value ?? null));
  return out;
}

/** The printed values with blanks at the ascending positions `gaps`. */
function placeBlankAt(tokens: readonly NumToken[], gaps: readonly number[], width: number): (number | null)[] {
  const out: (number | null)[] = [];
  let t = 0;
  let g = 0;
  for (let k = 0; k < width; k++) {
    if (gaps[g] === k) {
      g++;
      out.push(null);
    } else out.push(tokens[t++]?.value ?? null);
  }
  return out;
}

function unreadable(width: number): Candidate {
  return { kind: 'unreadable', values: new Array<number | null>(width).fill(null), refs: new Array<CellRef | null>(width).fill(null), inferred: [], missing: [] };
}

function partRefs(tok: NumToken, values: readonly number[]): CellRef[] {
  return values.map((v) => ({ line: tok.line, cell: tok.cell, raw: String(v) }));
}

/**
 * Gap positions (in the row's cell order) shown by empty cells between two numbers of the same tab or pipe row:
 * tokens i and i+1 on one line with cell indexes further apart than 1.
 */
/**
 * Where a row with fewer numbers than cells printed its blanks, when the line says so: by the columns positions
 * gave its numbers, or by the empty cells of a tab or pipe row between its numbers, after its last and before its
 * first, when they account for every missing cell. The blank cells' indexes, ascending; null when not said.
 */
export function blankHint(tokens: readonly NumToken[], width: number): number[] | null {
  const n = tokens.length;
  const hint = interiorGaps(tokens);
  const trailing = tokens[n - 1]?.trailingBlanks ?? 0;
  const leading = tokens[0]?.leadingBlanks ?? 0;
  const placed = columnsOf(tokens, width);
  if (placed) {
    // Columns given by position (PDF text laid out by spaces): the columns no number stands in are the blanks.
    hint.length = 0;
    for (let k = 0, t = 0; k < width; k++) {
      if (placed[t] === k) t++;
      else hint.push(k);
    }
  } else if (hint.length < width - n && hint.length + trailing === width - n) {
    for (let k = width - trailing; k < width; k++) hint.push(k);
  } else if (hint.length < width - n && hint.length + trailing + leading === width - n) {
    // And empty cells between the label and the first number (`2.其他法律… |  |  |  |  |  |  | 0`) are the first.
    const inner = hint.map((k) => k + leading);
    hint.length = 0;
    for (let k = 0; k < leading; k++) hint.push(k);
    for (const k of inner) hint.push(k);
    for (let k = width - trailing; k < width; k++) hint.push(k);
  }
  return hint.length === width - n ? hint : null;
}

/** The columns of a row's numbers when each was placed by its position, strictly increasing; null otherwise. */
function columnsOf(tokens: readonly NumToken[], width: number): number[] | null {
  const out: number[] = [];
  for (const t of tokens) {
    const c = t.column;
    if (c === undefined || c >= width || (out.length > 0 && c <= out[out.length - 1]!)) return null;
    out.push(c);
  }
  return out;
}

function interiorGaps(tokens: readonly NumToken[]): number[] {
  const gaps: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a || !b || a.line !== b.line) continue;
    for (let k = 1; k < b.cell - a.cell; k++) gaps.push(i + gaps.length + 1);
  }
  return gaps;
}
