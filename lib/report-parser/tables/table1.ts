/**
 * Table 1 (主动公开政府信息情况): rows found by keyword, numbers given to the template's fields in column order.
 */
import { PROACTIVE_ROWS, type TemplateKey } from '../keys';
import type { Proactive, SourceRef, Warning } from '../types';
import type { NumToken } from './cells';
import { blankHint, splitDigits, trimEmptyCells } from './candidates';
import { placeByPosition } from './positions';
import type { StreamRow } from './stream';

export interface Table1Result {
  proactive: Proactive;
  warnings: Warning[];
}

// Distinctive words of each row; the row is the keyword ending last in the gathered label (headers precede it).
const KEYWORDS: readonly (readonly [string, string])[] = [
  ['对外管理服务', 'otherServices'],
  ['管理服务事项', 'otherServices'],
  ['事业性收费', 'fees'],
  ['集中采购', 'procurement'],
  ['规范性文件', 'normativeDocuments'],
  ['规章', 'regulations'],
  ['行政许可', 'licensing'],
  ['行政处罚', 'punishment'],
  ['行政强制', 'coercion'],
];

const LONGEST_KEYWORD = Math.max(...KEYWORDS.map(([w]) => w.length));

function rowKeyOf(label: string): string | null {
  let best: string | null = null;
  let bestEnd = -1;
  // Only a keyword ending in the last three characters counts (below): it lies within the label's tail, so only the
  // tail is searched (gathered labels carry long headers before the row name).
  const from = Math.max(0, label.length - 3 - LONGEST_KEYWORD);
  const tail = from === 0 ? label : label.slice(from);
  for (const [word, key] of KEYWORDS) {
    const t = tail.lastIndexOf(word);
    const i = t < 0 ? t : t + from;
    if (i < 0) continue;
    const end = i + word.length;
    if (end > bestEnd) {
      bestEnd = end;
      best = key;
    }
  }
  // In a table row the row name ends the gathered text; a keyword further back belongs to a sentence or header.
  return bestEnd >= label.length - 3 ? best : null;
}

export function emptyProactive(template: TemplateKey): Proactive {
  const out: Proactive = {};
  for (const [row, fields] of Object.entries(PROACTIVE_ROWS[template])) {
    const r: Record<string, number | null> = {};
    for (const f of fields) r[f] = null;
    out[row] = r;
  }
  return out;
}

/** Reads table 1; provenance is written into `sources` (shared by all tables, so it is never copied). */
export function readTable1(rows: readonly StreamRow[], template: TemplateKey, sources: Record<string, SourceRef>): Table1Result {
  const proactive = emptyProactive(template);
  const warnings: Warning[] = [];
  const spec = PROACTIVE_ROWS[template] as Record<string, readonly string[]>;
  const seen = new Set<string>();
  // Rows of three cells (规章, 行政规范性文件) laid out by spaces: a row with a blank cell is placed by the other's offsets.
  // Each row's key, found once (the placement's filter asks for it too).
  const keyOf = new Map<StreamRow, string | null>();
  for (const r of rows) keyOf.set(r, rowKeyOf(r.fullLabel));
  placeByPosition(rows, 3, (r) => {
    const k = keyOf.get(r) ?? null;
    return k !== null && spec[k]?.length === 3;
  });
  for (const row of rows) {
    const key = keyOf.get(row) ?? null;
    if (!key || seen.has(key)) continue;
    const fields = spec[key];
    const target = proactive[key];
    if (!fields || !target) continue;
    seen.add(key);
    const split = [...trimEmptyCells(splitRunTogether(row, key, fields.length, warnings), fields.length)];
    const nums = placeBlanks(split, key, fields.length, row.line, warnings);
    fields.forEach((field, i) => {
      const tok = nums[i];
      if (!tok) return;
      if (tok.value === null) return;
      let value = tok.value;
      const path = `proactive.${key}.${field}`;
      if (field === 'amountYuan') {
        // The unit is printed in the cell (25211 元, 2.5万元) or in the column header (采购总金额（万元）).
        const header = row.fullLabel.slice(row.fullLabel.lastIndexOf('采购总金额'));
        const tenThousand = tok.unit === '万元' || (tok.unit === null && row.fullLabel.indexOf('采购总金额') !== -1 && /万元/.test(header));
        if (tenThousand) {
          value = Math.round(value * 10000 * 100) / 100;
          warnings.push({ code: 'unit-converted', row: key, line: tok.line, message: `${tok.raw} 万元 converted to ${value} 元`, detail: { printed: tok.raw, yuan: value } });
        }
      }
      target[field] = value;
      sources[path] = { line: tok.line, cell: tok.cell, raw: tok.raw };
    });
    if (nums.length > fields.length) {
      warnings.push({ code: 'cells-extra', row: key, line: row.line, message: `Table 1 row ${key} has ${row.nums.length} numbers for ${fields.length} fields` });
    }
  }
  if (seen.size === 0) warnings.push({ code: 'table-missing', row: 'proactive', message: 'Table 1 (proactive disclosure) not found' });
  else {
    for (const key of Object.keys(spec)) {
      if (!seen.has(key)) warnings.push({ code: 'row-missing', row: key, message: `Table 1 row ${key} not found` });
    }
  }
  return { proactive, warnings };
}

/**
 * A row printing fewer numbers than its fields: where the line shows its blank cells (empty cells of a tab or pipe
 * row, columns by position), the numbers go to their own fields and the blanks stay null; otherwise they are read
 * from the left, and the row is reported either way.
 */
function placeBlanks(nums: NumToken[], key: string, width: number, line: number, warnings: Warning[]): (NumToken | undefined)[] {
  const n = nums.length;
  if (n === 0 || n >= width) return nums;
  const hint = blankHint(nums, width);
  if (!hint) {
    warnings.push({ code: 'cells-missing', row: key, line, message: `Table 1 row ${key} has ${n} numbers for ${width} fields; read from the left`, detail: { printed: n } });
    return nums;
  }
  const out: (NumToken | undefined)[] = [];
  for (let k = 0, t = 0, g = 0; k < width; k++) {
    if (hint[g] === k) {
      g++;
      out.push(undefined);
    } else out.push(nums[t++]);
  }
  warnings.push({ code: 'value-blank', row: key, line, message: `Table 1 row ${key}: cells printed blank stay empty`, detail: { blankCells: hint } });
  return out;
}

/**
 * Table 1 has no identities to split run-together digits by: the splits without leading zeros are listed; where
 * there is one, it is the reading; where there are several, the cells they agree on are read and the others left
 * blank (split-ambiguous lists every reading), never a guess.
 */
function splitRunTogether(row: StreamRow, key: string, width: number, warnings: Warning[]): NumToken[] {
  const only = row.nums[0];
  if (row.nums.length !== 1 || width < 2 || !only || !only.glued || !only.plainDigits || only.raw.length < width) return row.nums;
  // groupSize past the width: no group closes, so no sum constraint applies.
  const splits = splitDigits(only.raw, width, width + 1);
  const first = splits[0];
  if (!first) return row.nums;
  warnings.push({ code: 'cells-run-together', row: key, line: only.line, message: `Table 1 row ${key}: digits ${only.raw} run together were split`, detail: { printed: only.raw, readings: splits.length } });
  const undecided: number[] = [];
  for (let k = 0; k < width; k++) if (splits.some((s) => s[k] !== first[k])) undecided.push(k);
  if (undecided.length > 0) {
    warnings.push({
      code: 'split-ambiguous',
      row: key,
      line: only.line,
      message: `Table 1 row ${key}: ${splits.length} splits of ${only.raw} are possible; the cells they disagree on are left blank`,
      detail: { undecided, readings: splits },
    });
  }
  return first.map((v, k) => ({ ...only, value: undecided.includes(k) ? null : v, raw: String(v), glued: false }));
}
