/**
 * Table 3 (收到和处理政府信息公开申请情况): rows found by their words, damaged rows read by the identities.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, OTHER_SUB_ROWS, applicationRowsFor, type ApplicationRow, type TemplateKey } from '../keys';
import { alignTable3, TABLE3_LABELS, type LabelMatch } from '../labels';
import { evaluateIdentities, table3Identities, type Identity, type Matrix } from '../checks';
import type { Applications, ApplicantCells, SourceRef, Warning } from '../types';
import { rowCandidates, type Candidate, type CellRef } from './candidates';
import { placeByPosition } from './positions';
import { ROW_INDEX, solve, type Slot, type Solution } from './solve';
import type { StreamRow } from './stream';

export interface Table3Result {
  applications: Applications;
  /** Matrix as solved (printed otherTotal only where printed), for the checks. */
  matrix: Matrix;
  identities: Identity[];
  lines: Partial<Record<ApplicationRow, number>>;
  warnings: Warning[];
  /** Rows matched. */
  found: number;
}

const WIDTH = 7;
// Imports used per row or per cell, bound once: run through tsx (CommonJS) each use of an imported name is a getter
// call on the other module's exports, and the per-cell loop below had dozens of them per row.
const COLUMNS = APPLICANT_COLUMNS;
const SUB_ROWS = OTHER_SUB_ROWS;
const ROW_OF = ROW_INDEX;
const candidatesOf = rowCandidates;
/** `applications.<row>.<column>` for every cell, built once. */
const PATHS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  APPLICATION_ROWS.map((r) => [r, APPLICANT_COLUMNS.map((c) => `applications.${r}.${c}`)]),
);
const FUZZY_BELOW = 0.9;

// Group headers may be broken across lines and interleaved with row-group text ("（三）不" / "理" / "予公开").
// The numbering alone ((三) …) is also enough, and is looked up first: most tables print it, and the spaced-out
// patterns would otherwise be tried along the whole region.
const GROUP_HEADERS: readonly (readonly [string, string, RegExp, ApplicationRow])[] = [
  ['不予公开', '(三)', /不.{0,4}予.{0,4}公.{0,4}开/, 'deniedStateSecret'],
  ['无法提供', '(四)', /无.{0,4}法.{0,4}提.{0,4}供/, 'unableNotHeld'],
  ['不予处理', '(五)', /不.{0,4}予.{0,4}处.{0,4}理/, 'notProcessedComplaint'],
];

function cells(v: readonly (number | null)[] | undefined): ApplicantCells {
  if (!v) return { naturalPerson: null, commercialEnterprise: null, researchInstitution: null, publicInterestOrg: null, legalServiceOrg: null, otherOrg: null, total: null };
  return {
    naturalPerson: v[0] ?? null,
    commercialEnterprise: v[1] ?? null,
    researchInstitution: v[2] ?? null,
    publicInterestOrg: v[3] ?? null,
    legalServiceOrg: v[4] ?? null,
    otherOrg: v[5] ?? null,
    total: v[6] ?? null,
  };
}

export function readTable3(
  printedRows: readonly StreamRow[],
  template: TemplateKey,
  compactRegion: string,
  sources: Record<string, SourceRef>,
): Table3Result {
  const warnings: Warning[] = [];
  const rows = splitDoubleRows(printedRows);
  const matches = placeUnlabelled(rows, alignTable3(rows.map((r) => r.label)), template);
  const slots: Slot[] = [];
  const lines: Partial<Record<ApplicationRow, number>> = {};
  const present = new Set<ApplicationRow>();
  // The printed row of each slot (same index), for messages only.
  const slotRows: StreamRow[] = [];
  // The printed digits of a row, for messages only (built on demand).
  const rawDigits = (s: number): string => (slotRows[s]?.nums ?? []).map((t) => t.raw).join(' ');
  placeByPosition(rows, WIDTH);
  for (const m of matches) {
    const row = rows[m.row];
    if (!row || present.has(m.key)) continue;
    present.add(m.key);
    lines[m.key] = row.line;
    // A row printed with every cell blank: blank cells, each null unless the identities force its value.
    const cands = row.nums.length === 0 ? [blankRow()] : candidatesOf(row.nums, WIDTH, WIDTH);
    slots.push({ key: m.key, cands });
    slotRows.push(row);
    if (m.similarity < FUZZY_BELOW) {
      warnings.push({
        code: 'label-fuzzy',
        row: m.key,
        line: row.line,
        message:
          m.similarity === 0
            ? `Row label "${row.label}" placed as ${m.key} by its position among the rows around it`
            : `Row label "${row.label}" matched ${m.key} approximately`,
        detail: { label: row.label, similarity: Math.round(m.similarity * 100) / 100 },
      });
    }
  }
  const identities = table3Identities(present);
  let sol = solve(slots, identities);
  if (dropFailedGuesses(slots, sol, identities, lines)) sol = solve(slots, identities);
  const matrix = sol.best.matrix;
  // Cells on which equally good readings disagree are not guessed: they are left blank, the readings listed in
  // split-ambiguous. Cells all the readings agree on stay.
  const chosen: Record<string, (number | null)[]> = {};
  const undecided = new Set<string>();
  for (const alt of sol.alternatives) {
    for (const slot of slots) {
      const mine = matrix[slot.key];
      const theirs = alt.matrix[slot.key];
      if (!mine || !theirs) continue;
      for (let k = 0; k < WIDTH; k++) {
        if (theirs[k] === mine[k] || undecided.has(`${slot.key}:${k}`)) continue;
        chosen[slot.key] ??= mine.slice();
        undecided.add(`${slot.key}:${k}`);
      }
    }
  }
  for (const cell of undecided) {
    const [key, k] = cell.split(':');
    const row = matrix[key as ApplicationRow];
    if (row) row[Number(k)] = null;
  }

  // Warnings for damaged rows, in row order.
  const anyInferred = sol.best.inferred.size > 0;
  slots.forEach((slot, s) => {
    const cand = slot.cands[sol.choice[s] ?? 0];
    const line = lines[slot.key];
    if (!cand) return;
    if (cand.kind === 'missing' && cand.runTogether) {
      warnings.push({
        code: 'cells-run-together',
        row: slot.key,
        line,
        message: `Row ${slot.key}: digits run together were split using the identities`,
        detail: { printed: rawDigits(s), candidates: slot.cands.length },
      });
    }
    if (cand.kind === 'missing') {
      warnings.push({
        code: 'cells-missing',
        row: slot.key,
        line,
        message: `Row ${slot.key} has ${WIDTH - cand.missing.length} of ${WIDTH} cells; the gap was placed by the identities`,
        detail: { missingColumns: cand.missing.map((k) => COLUMNS[k]) },
      });
    } else if (cand.kind === 'extra') {
      warnings.push({
        code: 'cells-extra',
        row: slot.key,
        line,
        message: `Row ${slot.key} has more than ${WIDTH} cells; the extra cells were dropped`,
        detail: { droppedCells: cand.missing },
      });
    } else if (cand.kind === 'split') {
      warnings.push({
        code: 'cells-run-together',
        row: slot.key,
        line,
        message: cand.unbalanced
          ? `Row ${slot.key}: digits run together were split by the column identities; its printed total is not the sum of its parts`
          : `Row ${slot.key}: digits run together were split using the identities`,
        detail: { printed: rawDigits(s), candidates: slot.cands.length, ...(cand.unbalanced ? { unbalanced: true } : {}) },
      });
    } else if (cand.kind === 'unreadable') {
      const printed = rawDigits(s);
      const runTogether = /^\d{7,}$/.test(printed);
      warnings.push({
        code: runTogether ? 'cells-run-together' : 'cells-missing',
        row: slot.key,
        line,
        message: runTogether
          ? `Row ${slot.key}: no split of ${printed} into ${WIDTH} cells adds up; its values are left blank`
          : `Row ${slot.key} could not be read into ${WIDTH} cells; its values are left blank`,
        detail: { printed, solutions: 0 },
      });
    }
    const paths = PATHS[slot.key] ?? [];
    const base = (ROW_OF.get(slot.key) ?? 0) * WIDTH;
    const values = matrix[slot.key];
    for (let k = 0; k < WIDTH; k++) {
      const v = values?.[k];
      const col = COLUMNS[k] ?? '';
      const path = paths[k] ?? '';
      const ref: CellRef | null | undefined = cand.refs[k];
      if (undecided.size > 0 && undecided.has(`${slot.key}:${k}`)) continue;
      if (anyInferred && sol.best.inferred.has(base + k)) {
        warnings.push({ code: 'value-inferred', row: slot.key, line, message: `${slot.key}.${col} = ${String(v)} forced by the identities`, detail: { column: col, value: v } });
        if (line !== undefined) sources[path] = { line, cell: -1 };
      } else if (ref && v !== null && v !== undefined) {
        sources[path] = ref;
      } else if ((v === null || v === undefined) && cand.kind !== 'unreadable') {
        warnings.push({ code: 'value-blank', row: slot.key, line, message: `${slot.key}.${col} is blank`, detail: { column: col } });
      }
    }
  });
  if (sol.alternatives.length > 0) {
    const differing = new Set<ApplicationRow>();
    for (const key of Object.keys(chosen) as ApplicationRow[]) differing.add(key);
    for (const key of differing) {
      warnings.push({
        code: 'split-ambiguous',
        row: key,
        line: lines[key],
        message: `Row ${key}: several readings fit the identities equally; the cells they disagree on are left blank`,
        detail: { readings: uniqueRows([chosen[key], ...sol.alternatives.map((a) => a.matrix[key])]) },
      });
    }
  }

  // Output rows of the template.
  const applications: Applications = {};
  const subsPresent = SUB_ROWS.every((r) => present.has(r));
  for (const key of applicationRowsFor(template)) {
    if (key === 'otherTotal' && template === '2021' && subsPresent) {
      const sum = COLUMNS.map((_, k) => {
        let s = 0;
        for (const r of SUB_ROWS) {
          const v = matrix[r]?.[k];
          if (v === null || v === undefined) return null;
          s += v;
        }
        return s;
      });
      applications.otherTotal = cells(sum);
      COLUMNS.forEach((col, k) => {
        const line = lines.otherOverdueCorrection;
        if (sum[k] !== null && line !== undefined) {
          sources[`applications.otherTotal.${col}`] = {
            line,
            cell: -1,
            derivedFrom: SUB_ROWS.map((r) => `applications.${r}.${col}`),
          };
        }
      });
      continue;
    }
    applications[key] = cells(matrix[key]);
    if (!present.has(key)) {
      // 2021 reports that print （六）其他处理 as one row have no sub-rows: not worth a warning each.
      const quietSub = template === '2021' && present.has('otherTotal') && (SUB_ROWS as readonly string[]).includes(key);
      if (!quietSub) warnings.push({ code: 'row-missing', row: key, message: `Row ${key} not found in table 3` });
    }
  }
  for (const [words, numbering, re, firstRow] of GROUP_HEADERS) {
    if (present.has(firstRow) && compactRegion.indexOf(numbering) === -1 && !re.test(compactRegion)) {
      warnings.push({ code: 'group-header-missing', row: firstRow, line: lines[firstRow], message: `Group header ${words} is missing` });
    }
  }
  return { applications, matrix, identities, lines, warnings, found: present.size };
}

function blankRow(): Candidate {
  return { kind: 'exact', values: new Array<number | null>(WIDTH).fill(null), refs: new Array<CellRef | null>(WIDTH).fill(null), inferred: [], missing: [] };
}

function uniqueRows(rows: readonly ((number | null)[] | undefined)[]): (number | null)[][] {
  const seen = new Set<string>();
  const out: (number | null)[][] = [];
  for (const r of rows) {
    if (!r) continue;
    const k = r.join(',');
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

function unreadableRow(): Candidate {
  return { kind: 'unreadable', values: new Array<number | null>(WIDTH).fill(null), refs: new Array<CellRef | null>(WIDTH).fill(null), inferred: [], missing: [] };
}

/**
 * Digits run together with a cell lost as well are a guess on a guess: such a row is kept only when no identity
 * it takes part in fails; otherwise it is made unreadable (blank). True when a slot was changed.
 */
function dropFailedGuesses(
  slots: Slot[],
  sol: Solution,
  identities: readonly Identity[],
  lines: Partial<Record<ApplicationRow, number>>,
): boolean {
  const guessed = (s: number): boolean => {
    const cand = slots[s]?.cands[sol.choice[s] ?? 0];
    if (cand?.runTogether !== true) return false;
    // Seven digits for seven cells is the one way to read them: as printed, its failed identities shown, not a guess.
    if (cand.kind === 'split' && cand.values.every((v) => v !== null && v < 10)) return false;
    return cand.kind === 'missing' || cand.unbalanced === true;
  };
  if (!slots.some((_, s) => guessed(s))) return false;
  const failing = new Set(evaluateIdentities(sol.best.matrix, identities, lines).filter((c) => !c.passed).map((c) => c.id));
  let changed = false;
  slots.forEach((slot, s) => {
    if (!guessed(s)) return;
    // An unbalanced split is read with its printed total off, so the identities of that total (its own row, the
    // total column) fail by definition; every identity on its parts must hold.
    const loose = slots[s]?.cands[sol.choice[s] ?? 0]?.unbalanced === true;
    const own = `row.${slot.key}`;
    const touches = identities.some(
      (idn) =>
        failing.has(idn.id) &&
        !(loose && idn.id === own) &&
        [...idn.left, ...idn.right].some(([r, c]) => r === slot.key && !(loose && c === WIDTH - 1)),
    );
    if (touches) {
      slot.cands = [unreadableRow()];
      changed = true;
    }
  });
  return changed;
}

/**
 * A row with exactly twice the cells holds two rows whose second label was lost (numbers printed above a wrapped
 * label in PDF text, a blank label cell): it is cut in two, the second half unlabelled.
 */
function splitDoubleRows(rows: readonly StreamRow[]): readonly StreamRow[] {
  if (!rows.some((r) => r.nums.length === 2 * WIDTH)) return rows;
  const out: StreamRow[] = [];
  for (const r of rows) {
    if (r.nums.length !== 2 * WIDTH) {
      out.push(r);
      continue;
    }
    out.push({ ...r, nums: r.nums.slice(0, WIDTH) });
    out.push({ label: '', fullLabel: '', line: r.nums[WIDTH]?.line ?? r.line, nums: r.nums.slice(WIDTH) });
  }
  return out;
}

/** An unlabelled row right after a matched one takes the next template row, when no other row has it. */
/**
 * Rows the labels did not place (a label lost, or misread beyond matching: 总汁 for 总计, 重夏申请): a printed row
 * between two placed rows, where the template has exactly one unplaced row between theirs, is that row — rows are
 * printed in template order. So is a last printed row after the placed ones when one template row is left after
 * them. Matches to rows the template does not have (a 2021 sub-row in a 2019 table) are dropped first.
 */
function placeUnlabelled(rows: readonly StreamRow[], aligned: LabelMatch[], template: TemplateKey): LabelMatch[] {
  const matches = template === '2019' ? aligned.filter((m) => !(SUB_ROWS as readonly string[]).includes(m.key)) : aligned;
  if (matches.length === rows.length) return matches;
  const order = TABLE3_LABELS.map(([k]) => k).filter((k) => (template === '2021' ? k !== 'otherTotal' : !(SUB_ROWS as readonly string[]).includes(k)));
  const taken = new Set(matches.map((m) => m.key));
  const byRow = new Map(matches.map((m) => [m.row, m]));
  const out = matches.slice();
  for (let i = 0; i < rows.length; i++) {
    if (byRow.has(i)) continue;
    const prev = byRow.get(i - 1);
    if (!prev) continue;
    const from = order.indexOf(prev.key);
    const next = byRow.get(i + 1);
    const to = next ? order.indexOf(next.key) : i === rows.length - 1 ? order.length : -1;
    if (from < 0 || to <= from + 1) continue;
    const between = order.slice(from + 1, to).filter((k) => !taken.has(k));
    // Between two placed rows, the one row the template has there; after the last, the template's next row only
    // when it is the last one left.
    if (between.length !== 1 || (!next && to - from !== 2)) continue;
    const m: LabelMatch = { row: i, key: between[0]!, similarity: 0 };
    taken.add(m.key);
    byRow.set(i, m);
    out.push(m);
  }
  return out.sort((a, b) => a.row - b.row);
}
