/**
 * Line → cells → tokens. A table row reaches us as tab-, pipe- or space-run-separated cells, one cell per line, or
 * cells run together; this module only cuts lines into cells and classifies them. Cell indexes (SourceRef.cell)
 * are 0-based positions in the split of the line by tabs, else pipes, else runs of two or more spaces.
 */

export interface NumToken {
  kind: 'num';
  /** null for a cell printed as a dash or slash: a blank that still occupies its column. */
  value: number | null;
  /** The number as printed (trimmed). */
  raw: string;
  line: number;
  cell: number;
  /** Printed unit after the number, if any (元, 万元). */
  unit: string | null;
  /** Digits glued to the end of a label with no delimiter: possibly several cells run together. */
  glued: boolean;
  /** Integer without sign, separators or decimals: eligible for run-together splitting. */
  plainDigits: boolean;
}

export interface TextToken {
  kind: 'text';
  text: string;
  line: number;
  cell: number;
}

export type Token = NumToken | TextToken;

const SPACE_RUN = / {2,}/;
const NUMBER_WORD = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项)?$/;
const UNIT_WORD = /^(万元|元|件|个|项)$/;
// A cell printed as a dash or slash (—, -, /, ／) is a blank that keeps its column.
const BLANK_WORD = /^(?:[-/\\~]{1,3}|无)$/;

function blankToken(raw: string, line: number, cell: number): NumToken {
  return { kind: 'num', value: null, raw, line, cell, unit: null, glued: false, plainDigits: false };
}
// Digits glued to the end of a label ("数量123000015"); the label must end in a CJK character or closing mark.
const GLUED_TAIL = /([\u3400-\u9fff)\]”"、])(\d+(?:\.\d+)?)(万元|元)?$/;

/** Split one line (matching form) into raw cells. */
export function splitCells(line: string): string[] {
  const l = line.indexOf('\f') === -1 ? line : line.replace(/\f/g, ' ');
  if (l.indexOf('\t') !== -1) return l.split('\t');
  if (l.indexOf('|') !== -1) return l.split('|');
  return l.trim().split(SPACE_RUN);
}

function numberFromWord(word: string, line: number, cell: number): NumToken | null {
  const m = NUMBER_WORD.exec(word);
  if (!m) return null;
  const intPart = (m[2] ?? '').replace(/,/g, '');
  const frac = m[3] ?? '';
  const value = Number((m[1] === '-' ? '-' : '') + intPart + frac);
  if (!Number.isFinite(value)) return null;
  return {
    kind: 'num',
    value,
    raw: word,
    line,
    cell,
    unit: m[4] === '万元' || m[4] === '元' ? m[4] : null,
    glued: false,
    plainDigits: m[1] === '' && frac === '' && intPart === m[2],
  };
}

/**
 * Tokens of one cell: leading text (if any), then the numbers that end the cell, separated by single spaces
 * (pdftotext -raw rows) or glued to the label.
 */
function cellTokens(cellText: string, line: number, cell: number, out: Token[]): void {
  const c = cellText.trim();
  if (c === '') return;
  // Fast paths for the two common cells: a plain count, and a label with no digits at its end.
  if (isDigits(c)) {
    out.push({ kind: 'num', value: Number(c), raw: c, line, cell, unit: null, glued: false, plainDigits: true });
    return;
  }
  if (c.length <= 3 && BLANK_WORD.test(c)) {
    out.push(blankToken(c, line, cell));
    return;
  }
  const lastCode = c.charCodeAt(c.length - 1);
  const mayEndInNumber =
    (lastCode >= 48 && lastCode <= 57) ||
    lastCode === 0x5143 /* 元 */ ||
    lastCode === 0x4ef6 /* 件 */ ||
    lastCode === 0x4e2a /* 个 */ ||
    lastCode === 0x9879 /* 项 */ ||
    lastCode === 0x65e0 /* 无 */ ||
    lastCode === 45 /* - */ ||
    lastCode === 47 /* / */;
  if (!mayEndInNumber) {
    out.push({ kind: 'text', text: c, line, cell });
    return;
  }
  const whole = numberFromWord(c.replace(/\s+(?=万元$|元$)/, ''), line, cell);
  if (whole) {
    out.push(whole);
    return;
  }
  const words = c.split(/\s+/);
  let end = words.length;
  const nums: NumToken[] = [];
  while (end > 0) {
    let w = words[end - 1] ?? '';
    let consumed = 1;
    if (UNIT_WORD.test(w) && end > 1) {
      w = (words[end - 2] ?? '') + w;
      consumed = 2;
    }
    const n = BLANK_WORD.test(w) && end > 1 ? blankToken(w, line, cell) : numberFromWord(w, line, cell);
    if (!n) break;
    nums.push(n);
    end -= consumed;
  }
  nums.reverse();
  if (end > 0) {
    let text = words.slice(0, end).join(' ');
    const g = GLUED_TAIL.exec(text);
    let glued: NumToken | null = null;
    if (g && g.index !== undefined) {
      const digits = g[2] ?? '';
      const n = numberFromWord(digits + (g[3] ?? ''), line, cell);
      if (n) {
        n.glued = true;
        n.raw = digits;
        glued = n;
        text = text.slice(0, g.index + (g[1] ?? '').length);
      }
    }
    out.push({ kind: 'text', text, line, cell });
    if (glued) out.push(glued);
  }
  for (const n of nums) out.push(n);
}

function isDigits(s: string): boolean {
  if (s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** Tokens of one line in reading order (cells cut in place, without an intermediate array for tab/pipe rows). */
export function lineTokens(line: string, lineNo: number, out: Token[]): void {
  const l = line.indexOf('\f') === -1 ? line : line.replace(/\f/g, ' ');
  const sep = l.indexOf('\t') !== -1 ? '\t' : l.indexOf('|') !== -1 ? '|' : '';
  if (sep === '') {
    const cells = l.trim().split(SPACE_RUN);
    for (let i = 0; i < cells.length; i++) cellTokens(cells[i] ?? '', lineNo, i, out);
    return;
  }
  let start = 0;
  for (let cell = 0; ; cell++) {
    const e = l.indexOf(sep, start);
    const end = e === -1 ? l.length : e;
    if (end > start) {
      // A plain count (most cells of a table): read in place, no trim, no second scan, no string-to-number parse.
      let value = 0;
      let k = start;
      if (end - start <= 15) {
        for (; k < end; k++) {
          const ch = l.charCodeAt(k);
          if (ch < 48 || ch > 57) break;
          value = value * 10 + (ch - 48);
        }
      }
      if (k === end && end - start <= 15) {
        out.push({ kind: 'num', value, raw: l.slice(start, end), line: lineNo, cell, unit: null, glued: false, plainDigits: true });
      } else {
        cellTokens(l.slice(start, end), lineNo, cell, out);
      }
    }
    if (e === -1) return;
    start = e + 1;
  }
}
