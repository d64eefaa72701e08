/**
 * Rows of a table region as a stream: each row is the label text gathered since the previous row's numbers, plus
 * the numbers that follow it. This one reading covers one-cell-per-line, tab, pipe, markdown and PDF text alike.
 */
import { compactText as compactTextImport } from '../normalize';
import { blankToken as blankTokenImport, readCell as readCellImport, type NumToken } from './cells';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports, and these run per line, cell or candidate name.
const compactText = compactTextImport;
const readCell = readCellImport;
const blankToken = blankTokenImport;

export interface StreamRow {
  /** Label text with whitespace removed, in matching form, leading fragments of earlier rows cut off. */
  label: string;
  /** The label as gathered, before cutting (for template detection and messages). */
  fullLabel: string;
  /** 1-based line where the label starts (or of the first number when there is no label). */
  line: number;
  nums: NumToken[];
}

// The |---|:---:| line under a markdown table header: no cells.
const MARKDOWN_RULE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/;

const TAB = 9;
/** Blank cells on a numbered label's line that make it a row whose cells are all blank (of 7; 6 where one was lost). */
const BLANK_ROW_CELLS = 6;
const PIPE = 124;

// The per-character helpers are this module's own, not imported: run through tsx (CommonJS), every call to an
// imported function is a property load on the other module's exports, which made the cell loop ~40% slower.

/** A tab and nothing but spaces after it. */
function isTabOnly(l: string): boolean {
  if (l.charCodeAt(0) !== TAB) return false;
  for (let k = 1; k < l.length; k++) {
    const c = l.charCodeAt(k);
    if (c !== 32 && c !== 13) return false;
  }
  return true;
}

/** A cell line of the tab-indented layout holding a count or a dash (matching form). */
const NUMBER_CELL_LINE = /^\t\s*(?:\d[\d,.]*(?:万元|元)?|-{1,3}|\/|无)\s*$/;

/** The end of the run of tab-only lines (furniture between them included) starting at i. */
function runEnd(lines: readonly string[], i: number, to: number, skip: Uint8Array): number {
  let j = i;
  while (j < to && (skip[j] === 1 || isTabOnly(lines[j] ?? ''))) j++;
  return j;
}

/**
 * Whether a run of tab-only lines ending at j is followed by a number cell, a blank line or the range's end (so its
 * lines are empty cells of the row), rather than by text.
 */
function emptyCellRunEndsRow(lines: readonly string[], j: number, to: number): boolean {
  if (j >= to) return true;
  const next = lines[j] ?? '';
  return next.trim() === '' || NUMBER_CELL_LINE.test(next);
}

/** The char code of the first non-space character of l (-1 when none). */
function firstNonSpace(l: string): number {
  let k = 0;
  while (k < l.length && isSpace(l.charCodeAt(k))) k++;
  return k < l.length ? l.charCodeAt(k) : -1;
}

/** The char code of the last non-space character of l (-1 when none). */
function lastNonSpace(l: string): number {
  let k = l.length;
  while (k > 0 && isSpace(l.charCodeAt(k - 1))) k--;
  return k > 0 ? l.charCodeAt(k - 1) : -1;
}

/** Whitespace as String.prototype.trim sees it. */
function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/**
 * End of the cell starting at `start` (the next separator, or `last`): near ends by a loop, far ones by a native
 * search (whose start-up costs more than a short loop; a search for a tab also stops at every 三, U+4E09).
 */
function cellEnd(l: string, sep: number, sepText: string, start: number, last: number): number {
  if (last - start > 24) {
    const found = l.indexOf(sepText, start);
    return found === -1 || found >= last ? last : found;
  }
  if (sep !== 0) {
    for (let k = start; k < last; k++) if (l.charCodeAt(k) === sep) return k;
    return last;
  }
  for (let k = start; k + 1 < last; k++) if (l.charCodeAt(k) === 32 && l.charCodeAt(k + 1) === 32) return k;
  return last;
}

// What a line holds, as flags: blank (only spaces, tabs, form feeds, CRs), a tab, a pipe, a form feed, a dash.
const BLANK = 0;
const TEXT = 1;
const HAS_TAB = 2;
const HAS_PIPE = 4;
const FORM_FEED = 8;
const DASH = 16;
/** Past this length native searches beat a charCodeAt loop over the line (measured: pipe tables, PDF text). */
const SHORT_LINE = 16;

function lineKind(s: string): number {
  const n = s.length;
  if (n > SHORT_LINE) {
    let blank = true;
    for (let i = 0; i < n && blank; i++) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 12 && c !== 13) blank = false;
    }
    if (blank) return BLANK;
    return (
      TEXT |
      (s.indexOf('\t') !== -1 ? HAS_TAB : 0) |
      (s.indexOf('|') !== -1 ? HAS_PIPE : 0) |
      (s.indexOf('\f') !== -1 ? FORM_FEED : 0) |
      (s.indexOf('-') !== -1 ? DASH : 0)
    );
  }
  let kind = BLANK;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) kind |= HAS_TAB;
    else if (c === 12) kind |= FORM_FEED;
    else if (c !== 32 && c !== 13) kind |= c === 124 ? TEXT | HAS_PIPE : c === 45 ? TEXT | DASH : TEXT;
  }
  return (kind & TEXT) === 0 ? BLANK : kind;
}

// 一 二 三 四 五 六 七 八 九 十
function isCjkNumeral(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** 、 or . */
function isMarkerStop(c: number): boolean {
  return c === 0x3001 || c === 46;
}

/**
 * Length of the row-start marker at `i`, 0 when none. A marker is （三） / 三、 / 1. / 1、 / (1) / ①, i.e. the
 * regex \([一-十]\)|[一-十][、.]|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳] tried at `i`, read by character codes.
 */
function markerAt(key: string, i: number): number {
  const c = key.charCodeAt(i);
  if (c === 40 /* ( */) {
    const d = key.charCodeAt(i + 1);
    if (isCjkNumeral(d)) return key.charCodeAt(i + 2) === 41 ? 3 : 0;
    if (!isDigit(d)) return 0;
    if (key.charCodeAt(i + 2) === 41) return 3;
    return isDigit(key.charCodeAt(i + 2)) && key.charCodeAt(i + 3) === 41 ? 4 : 0;
  }
  if (isCjkNumeral(c)) return isMarkerStop(key.charCodeAt(i + 1)) ? 2 : 0;
  if (isDigit(c)) {
    // Two digits first, then one (the regex backtracks from \d{2} to \d{1}).
    const d = key.charCodeAt(i + 1);
    if (isDigit(d) && isMarkerStop(key.charCodeAt(i + 2)) && !isDigit(key.charCodeAt(i + 3))) return 3;
    return isMarkerStop(d) && !isDigit(key.charCodeAt(i + 2)) ? 2 : 0;
  }
  return c >= 0x2460 && c <= 0x2473 ? 1 : 0;
}

/**
 * Index in `key` where the row's own label starts: the last row-start marker (0 when none). Labels are cut there so
 * that fragments of earlier rows (continuations of wrapped labels, group headers printed between sub-rows) do not
 * pollute the match. Markers are read left to right without overlap, as a global regex would: "12、" is one marker
 * at 0, not another at 1.
 */
export function lastMarkerIndex(key: string): number {
  let last = 0;
  for (let i = 0; i < key.length; ) {
    const len = markerAt(key, i);
    if (len === 0) i++;
    else {
      last = i;
      i += len;
    }
  }
  return last;
}

/**
 * Remove the numbering marker(s) at the start of a cut label: what ^(?:marker)+ removes, marker by marker from the
 * start (each the first alternative that fits there, as the regex takes them).
 */
export function stripMarkers(key: string): string {
  let i = 0;
  for (let len = markerAt(key, 0); len > 0; len = markerAt(key, i)) i += len;
  return i === 0 ? key : key.slice(i);
}

/**
 * Build the row stream over lines [from, to) (0-based indexes into `lines`, matching form). Lines flagged in
 * `skip` (page furniture) are ignored. One pass over a line's characters finds its separator, then its cells are
 * read in place: a plain count becomes a number with no intermediate string or token, a label goes straight into
 * the row's key.
 */
export function streamRows(lines: readonly string[], from: number, to: number, skip: Uint8Array): StreamRow[] {
  const rows: StreamRow[] = [];
  let key = '';
  // Start offset in `key` of each line's text (the first `segs` entries), to give the cut label the line it starts on.
  const segStart: number[] = [];
  const segLine: number[] = [];
  let segs = 0;
  let nums: NumToken[] = [];
  const flushBlank = (own: number, lineNo: number): void => {
    // Earlier label text (a header, a wrapped fragment) stays the label's context, as for any row.
    rows.push({ label: key.slice(own), fullLabel: key, line: lineNo, nums: [] });
    key = '';
    segs = 0;
  };
  const flush = (): void => {
    if (nums.length > 0) {
      const cut = lastMarkerIndex(key);
      let line = nums[0]?.line ?? 0;
      for (let s = segs - 1; s >= 0; s--) {
        if ((segStart[s] ?? 0) <= cut) {
          line = segLine[s] ?? line;
          break;
        }
      }
      rows.push({ label: key.slice(cut), fullLabel: key, line, nums });
    }
    key = '';
    segs = 0;
    nums = [];
  };
  // One cell per line indented by a tab (text copied from a web page's table): a line holding only the tab is an
  // empty cell. It is one of the row's cells where it follows the row's label or numbers and its run of such lines
  // ends in a number or the row's end (a blank line), not in more label text (an empty label column).
  // The last line read that was not blank (-1 after a blank line that is not such a cell), and the end of the run
  // of empty cell lines last decided, whose lines are cells when runCells.
  let prevText = -1;
  let runTo = -1;
  let runCells = false;
  for (let i = from; i < to; i++) {
    if (skip[i] === 1) continue;
    const raw = lines[i] ?? '';
    const kind = lineKind(raw);
    if (kind === BLANK) {
      if ((key !== '' || nums.length > 0) && isTabOnly(raw)) {
        if (i >= runTo) {
          runTo = runEnd(lines, i, to, skip);
          if (prevText >= 0) {
            const prev = lines[prevText] ?? '';
            runCells = prev.charCodeAt(0) === TAB && prev.indexOf('\t', 1) === -1 && emptyCellRunEndsRow(lines, runTo, to);
          } else {
            // After a blank line: the first cells of a row without a label (table 4's numbers), when a number follows.
            runCells = runTo < to && NUMBER_CELL_LINE.test(lines[runTo] ?? '');
          }
        }
        if (runCells) {
          nums.push(blankToken('', i + 1, 1));
          continue;
        }
      }
      prevText = -1;
      continue;
    }
    prevText = i;
    if ((kind & DASH) !== 0 && raw.indexOf('---') !== -1 && MARKDOWN_RULE.test(raw)) continue;
    const l = (kind & FORM_FEED) === 0 ? raw : raw.replace(/\f/g, ' ');
    const n = l.length;
    const sep = (kind & HAS_TAB) !== 0 ? TAB : (kind & HAS_PIPE) !== 0 ? PIPE : 0;
    const lineNo = i + 1;
    // Cells: split by tabs, else pipes, else runs of two or more spaces of the trimmed line; [start, end) untrimmed.
    let first = 0;
    let last = n;
    if (sep === 0) {
      while (first < last && isSpace(l.charCodeAt(first))) first++;
      while (last > first && isSpace(l.charCodeAt(last - 1))) last--;
    }
    const sepText = sep === TAB ? '\t' : sep === PIPE ? '|' : '  ';
    let blanks = 0;
    // The last non-empty cell of the line, and its last number when it ends in one (for trailingBlanks).
    let lastFilled = -1;
    let lastNum: NumToken | null = null;
    let cell = 0;
    // Wide (CJK) characters before offset wideTo, counted as the line's numbers are met (for display columns).
    let wide = 0;
    let wideTo = 0;
    for (let start = first; ; cell++) {
      const end = cellEnd(l, sep, sepText, start, last);
      let s = start;
      let e = end;
      while (s < e && isSpace(l.charCodeAt(s))) s++;
      while (e > s && isSpace(l.charCodeAt(e - 1))) e--;
      if (e > s) {
        // Empty cells between a label and the first number of a tab or pipe line (leadingBlanks), when the cell
        // before them was text only.
        // Or, on a line whose first filled cell holds its numbers (no label: a table-4 row, an HTML row of numbers),
        // the empty cells before it (a pipe row's opening pipe is not one).
        const gapBefore =
          sep === 0 ? 0
          : lastFilled >= 0 ? (lastNum === null ? cell - lastFilled - 1 : 0)
          : cell - (sep === PIPE && firstNonSpace(l) === PIPE ? 1 : 0);
        const mark0 = nums.length;
        let hadText = false;
        // A plain count (most cells of a table): its value read in place.
        let value = 0;
        let k = s;
        if (e - s <= 15) {
          for (; k < e; k++) {
            const ch = l.charCodeAt(k);
            if (ch < 48 || ch > 57) break;
            value = value * 10 + (ch - 48);
          }
        }
        if (k === e) {
          // The printed digits are the number's own string unless they start with a zero ("007"); small counts come
          // from V8's number-to-string cache instead of a new slice of the line.
          const raw = e - s > 1 && l.charCodeAt(s) === 48 ? l.slice(s, e) : String(value);
          const t: NumToken = { kind: 'num', value, raw, line: lineNo, cell, unit: null, glued: false, plainDigits: true };
          if (sep === 0) {
            for (; wideTo < e; wideTo++) {
              const ch = l.charCodeAt(wideTo);
              if (ch >= 0x2e80 && ch <= 0xffef && !(ch >= 0xff61 && ch <= 0xffdc)) wide++;
            }
            t.end = e;
            t.wend = e + wide;
          }
          nums.push(t);
        } else {
          const mark = nums.length;
          const text = readCell(l.slice(s, e), lineNo, cell, nums);
          if (text !== null) {
            hadText = true;
            // The cell's label comes before its own numbers: the numbers read before it end the previous row.
            if (mark > 0) {
              const own = nums.slice(mark);
              nums.length = mark;
              flush();
              nums = own;
            }
            const piece = compactText(text);
            if (piece !== '') {
              if (segs === 0 || segLine[segs - 1] !== lineNo) {
                segStart[segs] = key.length;
                segLine[segs] = lineNo;
                segs++;
              }
              key += piece;
            }
          }
        }
        if (gapBefore > 0 && !hadText && nums.length > mark0) (nums[mark0] as NumToken).leadingBlanks = gapBefore;
        lastFilled = cell;
        // (Read in bounds only: an out-of-bounds load of an empty array is a slow path in V8.)
        const t = nums.length > 0 ? nums[nums.length - 1] : undefined;
        lastNum = t !== undefined && t.line === lineNo && t.cell === cell ? t : null;
      }
      else if (sep !== 0) blanks++;
      if (end >= last) break;
      start = end + 1;
      if (sep === 0) while (l.charCodeAt(start) === 32) start++;
    }
    if (lastNum !== null && sep !== 0 && lastFilled < cell) {
      // Empty cells after the line's last number: blank cells of the row (a pipe row's closing pipe is not one).
      const closing = sep === PIPE && lastNonSpace(l) === 124 ? 1 : 0;
      if (cell - lastFilled - closing > 0) lastNum.trailingBlanks = cell - lastFilled - closing;
    }
    // A numbered row printed with every cell blank (4.保护第三方合法权益 | | | | | | |): a row of its own, with no
    // numbers, not the first part of the next row's label.
    if (blanks >= BLANK_ROW_CELLS && nums.length === 0 && segs > 0 && segLine[segs - 1] === lineNo) {
      const own = segStart[segs - 1] ?? 0;
      if (markerAt(key, own) > 0) flushBlank(own, lineNo);
    }
  }
  flush();
  return rows;
}
