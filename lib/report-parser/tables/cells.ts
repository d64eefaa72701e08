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
  /**
   * On the last number of a tab or pipe line: how many empty cells follow it to the end of the line (blank cells
   * printed after it, as an HTML grid or a pipe row shows them; the closing pipe is not a cell). Absent elsewhere.
   */
  trailingBlanks?: number;
  /** On the first number of a tab or pipe line after a text-only cell: how many empty cells lie between them. */
  leadingBlanks?: number;
  /** A count alone in its cell of a line laid out by runs of spaces (PDF text): its end offset in the line. */
  end?: number;
  /** The same end as a display column (CJK characters two wide), for text aligned by an editor's monospace font. */
  wend?: number;
  /** The template column the number's position places it in, where rows of the same table give the columns. */
  column?: number;
}

/**
 * A blank from an empty cell line of one-cell-per-line text (value null, raw '', which no printed cell has): a blank
 * number cell, or an empty label column where the row has more cells than the table's width (the readers drop it
 * then). Told by its fields, not a flag of its own: one more token shape slowed every reader of tokens.
 */
export function isEmptyCell(t: NumToken | undefined): boolean {
  return t !== undefined && t.value === null && t.raw === '';
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
const CHANGE_WORD = /^(增加?|减少?)\s*(\d+)$/;
const UNIT_WORD = /^(万元|元|件|个|项)$/;
// A cell printed as a dash or slash (—, -, /, ／) is a blank that keeps its column: ^(?:[-/\\~]{1,3}|无)$, read by
// char codes (it is asked of every short label cell).
function isBlankWord(c: string): boolean {
  const n = c.length;
  if (n === 1 && c.charCodeAt(0) === 0x65e0 /* 无 */) return true;
  if (n === 0 || n > 3) return false;
  for (let i = 0; i < n; i++) {
    const ch = c.charCodeAt(i);
    if (ch !== 45 && ch !== 47 && ch !== 92 && ch !== 126) return false;
  }
  return true;
}

/** O, o, Ｏ, ｏ, 〇, ○ read as 0. */
function isZeroLetter(ch: number): boolean {
  return ch === 0x4f || ch === 0x6f || ch === 0xff2f || ch === 0xff4f || ch === 0x3007 || ch === 0x25cb;
}

/** The digit a letter stands for where OCR (or a typist) put it in a number: O/o/〇/○ for 0, l/I for 1; else -1. */
function lookalikeDigit(ch: number): number {
  if (isZeroLetter(ch)) return 0;
  if (ch === 0x6c /* l */ || ch === 0x49 /* I */ || ch === 0xff4c /* ｌ */ || ch === 0xff29 /* Ｉ */) return 1;
  return -1;
}

/**
 * The value of a cell that is a count with letters in place of digits (OCR's O for 0 and l for 1: `O`, `l`, `1O`,
 * `2l`), at most six characters; -1 for anything else. A lone letter counts; two or more characters need a real
 * digit among them, so that a word (`lO`, `Il`) is not taken for a number. The parser reports each cell read so
 * (value-misread).
 */
export function misreadCount(c: string): number {
  const n = c.length;
  if (n === 0 || n > 6) return -1;
  let value = 0;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const ch = c.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      value = value * 10 + (ch - 48);
      digits++;
      continue;
    }
    const d = lookalikeDigit(ch);
    if (d < 0) return -1;
    value = value * 10 + d;
    letters++;
  }
  if (letters === 0 || (n > 1 && digits === 0)) return -1;
  return value;
}

/** A cell printed blank that keeps its column: a dash, 无, or (raw '') an empty cell line. */
export function blankToken(raw: string, line: number, cell: number): NumToken {
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
 * Tokens of one cell (trimmed, not empty): leading text (if any), then the numbers that end the cell, separated by
 * single spaces (pdftotext -raw rows) or glued to the label. Numbers are pushed to `nums`; the text is returned.
 */
export function readCell(c: string, line: number, cell: number, nums: NumToken[]): string | null {
  // Fast paths for the two common cells: a plain count, and a label with no digits at its end.
  if (isDigits(c)) {
    nums.push({ kind: 'num', value: Number(c), raw: c, line, cell, unit: null, glued: false, plainDigits: true });
    return null;
  }
  if (isBlankWord(c)) {
    nums.push(blankToken(c, line, cell));
    return null;
  }
  // A count with letters for digits: O or numeral 〇/○ for 0 (OCR's misreading, or the numeral written out), l or I
  // for 1. Its digits are not split as digits run together (plainDigits false).
  if (c.length <= 6) {
    const v = misreadCount(c);
    if (v >= 0) {
      nums.push({ kind: 'num', value: v, raw: c, line, cell, unit: null, glued: false, plainDigits: false });
      return null;
    }
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
  if (!mayEndInNumber) return c;
  // A change written in words (2019 template's 本年增/减): 减8 is -8, 增3 is 3.
  const signed = CHANGE_WORD.exec(c);
  if (signed) {
    const v = Number(signed[2]);
    nums.push({ kind: 'num', value: signed[1]!.startsWith('减') ? -v : v, raw: c, line, cell, unit: null, glued: false, plainDigits: false });
    return null;
  }
  // One cell: a unit set apart (12 万元), a sign set apart from its digits (- 3, as some editors print 本年增/减).
  const whole = numberFromWord(c.replace(/\s+(?=万元$|元$)/, '').replace(/^([-+])\s+(?=\d)/, '$1'), line, cell);
  if (whole) {
    nums.push(whole);
    return null;
  }
  const words = c.split(/\s+/);
  let end = words.length;
  const trailing: NumToken[] = [];
  while (end > 0) {
    let w = words[end - 1] ?? '';
    let consumed = 1;
    if (UNIT_WORD.test(w) && end > 1) {
      w = (words[end - 2] ?? '') + w;
      consumed = 2;
    }
    const n = isBlankWord(w) && end > 1 ? blankToken(w, line, cell) : numberFromWord(w, line, cell);
    if (!n) break;
    trailing.push(n);
    end -= consumed;
  }
  let text: string | null = null;
  if (end > 0) {
    text = words.slice(0, end).join(' ');
    const g = GLUED_TAIL.exec(text);
    if (g && g.index !== undefined) {
      const digits = g[2] ?? '';
      const n = numberFromWord(digits + (g[3] ?? ''), line, cell);
      if (n) {
        n.glued = true;
        n.raw = digits;
        nums.push(n);
        text = text.slice(0, g.index + (g[1] ?? '').length);
      }
    }
  }
  for (let i = trailing.length - 1; i >= 0; i--) nums.push(trailing[i] as NumToken);
  return text;
}

/** Whitespace as String.prototype.trim (and \s) sees it. */
export function isTrimSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

function isDigits(s: string): boolean {
  if (s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/**
 * Cells of a line (matching form, form feeds already spaces) are cut in place: split by tabs, else pipes, else runs
 * of two or more spaces of the trimmed line. `sep` is 9 (tab), 124 (pipe) or 0 (spaces). A cell is [start, end)
 * with end = cellEnd(l, sep, start, to); the next starts at nextCell(l, sep, end). No array of cells.
 */
function cellEnd(l: string, sep: number, start: number, to: number): number {
  const k = l.indexOf(sep === 9 ? '\t' : sep === 124 ? '|' : '  ', start);
  return k === -1 || k >= to ? to : k;
}

function nextCell(l: string, sep: number, end: number): number {
  if (sep !== 0) return end + 1;
  let k = end;
  while (l.charCodeAt(k) === 32) k++;
  return k;
}

/** The separator of a line: 9 (tab) when it has one, else 124 (pipe), else 0 (runs of spaces). */
function separatorOf(l: string): number {
  return l.indexOf('\t') !== -1 ? 9 : l.indexOf('|') !== -1 ? 124 : 0;
}

/** Where the cells of a line start and end: [0, length) when split by a separator, the trimmed line for spaces. */
function trimStart(l: string, from: number, to: number): number {
  while (from < to && isTrimSpace(l.charCodeAt(from))) from++;
  return from;
}

function trimEnd(l: string, from: number, to: number): number {
  while (to > from && isTrimSpace(l.charCodeAt(to - 1))) to--;
  return to;
}

/** Tokens of one line in reading order. */
export function lineTokens(line: string, lineNo: number, out: Token[]): void {
  const l = line.indexOf('\f') === -1 ? line : line.replace(/\f/g, ' ');
  const sep = separatorOf(l);
  const from = sep === 0 ? trimStart(l, 0, l.length) : 0;
  const to = sep === 0 ? trimEnd(l, from, l.length) : l.length;
  const nums: NumToken[] = [];
  // The last non-empty cell and its number (if it is one), for trailingBlanks.
  let lastFilled = -1;
  let lastNum: NumToken | null = null;
  for (let start = from, cell = 0; ; cell++) {
    const end = cellEnd(l, sep, start, to);
    const s = trimStart(l, start, end);
    const e = trimEnd(l, s, end);
    if (e > s) {
      const gapBefore =
        sep === 0 ? 0
        : lastFilled >= 0 ? (lastNum === null ? cell - lastFilled - 1 : 0)
        : cell - (sep === 124 && l.charCodeAt(trimStart(l, 0, l.length)) === 124 ? 1 : 0);
      nums.length = 0;
      const text = readCell(l.slice(s, e), lineNo, cell, nums);
      if (text !== null) out.push({ kind: 'text', text, line: lineNo, cell });
      else if (gapBefore > 0 && nums[0]) nums[0].leadingBlanks = gapBefore;
      for (const t of nums) out.push(t);
      lastFilled = cell;
      // Numbers always end their cell (readCell), so the cell's last number, if any, is the line's last so far.
      lastNum = nums.length > 0 ? (nums[nums.length - 1] ?? null) : null;
    }
    if (end >= to) {
      if (sep !== 0 && lastNum !== null && lastFilled < cell) {
        // A pipe row's closing pipe leaves one empty piece that is not a cell.
        const closing = sep === 124 && l.charCodeAt(trimEnd(l, 0, l.length) - 1) === 124 ? 1 : 0;
        const blanks = cell - lastFilled - closing;
        if (blanks > 0) lastNum.trailingBlanks = blanks;
      }
      return;
    }
    start = nextCell(l, sep, end);
  }
}
