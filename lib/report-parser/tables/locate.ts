/**
 * Where the tables are: section boundaries, page furniture (page numbers, running headers), template signals.
 */
import type { TemplateKey } from '../keys';
import { toMatchForm as toMatchFormImport } from '../normalize';
import { isTrimSpace as isTrimSpaceImport } from './cells';
import { CompactLines } from './compact-lines';

export { CompactLines } from './compact-lines';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports.
const toMatchForm = toMatchFormImport;
const isTrimSpace = isTrimSpaceImport;

const PAGE_NUMBER = [
  /^[-~]\s*\d{1,3}\s*[-~]$/,
  /^第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?$/,
  /^共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页$/,
  /^\d{1,3}\s*\/\s*\d{1,3}$/,
];

/**
 * A dash, 页, a slash or a tilde somewhere, or eight leading spaces. Short lines (one cell per line) by a char loop,
 * longer ones by native searches: each is the faster for its lines (measured; a loop over long lines is 2x slower).
 */
function mayBeFurniture(raw: string): boolean {
  if (raw.length > 16) {
    return raw.indexOf('-') !== -1 || raw.indexOf('页') !== -1 || raw.indexOf('/') !== -1 || raw.indexOf('~') !== -1 || raw.startsWith('        ');
  }
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2d || c === 0x2f || c === 0x7e || c === 0x9875) return true;
  }
  return raw.startsWith('        ');
}

const HAS_REPORT = 1;
const HAS_MARK = 2;
/**
 * What becomes -, / or ~ in matching form, and 页: a line of the stored text without any cannot be furniture. One
 * regex scan: single-character searches for - or / stop at every 中 (U+4E2D shares the byte 0x2D).
 */
const MARK_SOURCES = /[-－−﹣–—/／~～页]/g;
let hintScratch = new Uint8Array(0);

/**
 * Lines holding 报告 (anywhere) and furniture marks (in [from, to)), found by searching the stored text rather
 * than testing every line: a few searches instead of four per line. Reused buffer (the caller is synchronous).
 */
function furnitureHints(original: CompactLines, n: number, from: number, to: number): Uint8Array {
  if (hintScratch.length < n) hintScratch = new Uint8Array(Math.max(n, 1024));
  const hints = hintScratch;
  hints.fill(0, 0, n);
  original.mark('报告', 0, n, hints, HAS_REPORT);
  original.mark(MARK_SOURCES, from, to, hints, HAS_MARK);
  return hints;
}

/**
 * Flags (1) the lines in [from, to) that are page furniture: page numbers, running headers (lines that repeat on
 * three or more pages of the whole text), bare numbers at a page break.
 */
export function findFurniture(lines: readonly string[], from: number, to: number, original?: CompactLines): Uint8Array {
  const skip = new Uint8Array(lines.length);
  const hints = original ? furnitureHints(original, lines.length, from, to) : null;
  const headerCount = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    if (hints && ((hints[i] ?? 0) & HAS_REPORT) === 0) continue;
    const raw = lines[i] ?? '';
    if (raw.length >= 8 && raw.length < 80 && raw.indexOf('报告') !== -1) {
      const t = toMatchForm(raw.replace(/\f/g, '').trim());
      if (t.length >= 8 && t.length < 60 && /\d{4}\s*年/.test(t)) headerCount.set(t, (headerCount.get(t) ?? 0) + 1);
    }
  }
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    // Cheap pre-test without allocating: page furniture has a dash, 页, a slash, or is a bare number far from the
    // margin (centred by pdftotext).
    if (hints ? ((hints[i] ?? 0) & HAS_MARK) === 0 && !indentedByEight(raw) : !mayBeFurniture(raw)) continue;
    if (raw.length > 40 && raw.indexOf('\f') === -1 && raw.trimStart().length > 16) continue;
    const t = raw.indexOf('\f') === -1 ? raw.trim() : raw.replace(/\f/g, '').trim();
    if (t === '' || t.length > 16) continue;
    if (PAGE_NUMBER.some((re) => re.test(t))) {
      skip[i] = 1;
      continue;
    }
    // pdftotext -layout centres a bare page number just before the form feed.
    if (/^\d{1,3}$/.test(t) && /^ {8,}/.test(raw)) {
      const next = lines[i + 1];
      const next2 = lines[i + 2];
      if ((next !== undefined && next.startsWith('\f')) || (next?.trim() === '' && next2?.startsWith('\f'))) {
        skip[i] = 1;
        continue;
      }
    }
  }
  // Text without a form feed anywhere (the stored text shows it in one search) has no page breaks to look at.
  markPageBreaks(lines, from, to, skip, original ? original.has('\f') : true);
  for (const [header, count] of headerCount) {
    if (count < 3) continue;
    for (let i = from; i < to; i++) {
      const raw = lines[i] ?? '';
      if (raw.indexOf('报告') !== -1 && raw.replace(/\f/g, '').trim() === header) skip[i] = 1;
    }
  }
  return skip;
}

const BARE_NUMBER = /^\s*\d{1,3}\s*$/;

/**
 * What BARE_NUMBER tests, for a line without form feeds, read by character codes: 0 when the line is not a bare
 * number of 1–3 digits, 1 when it is one at the margin, 2 when it is one after whitespace (indented).
 */
function bareNumberKind(t: string): 0 | 1 | 2 {
  const n = t.length;
  let i = 0;
  while (i < n && isTrimSpace(t.charCodeAt(i))) i++;
  const start = i;
  while (i < n && i - start < 4) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const digits = i - start;
  if (digits < 1 || digits > 3) return 0;
  while (i < n && isTrimSpace(t.charCodeAt(i))) i++;
  if (i !== n) return 0;
  return start > 0 ? 2 : 1;
}

/** The line starts with at least eight spaces (pdftotext -layout's centring). */
function indentedByEight(raw: string): boolean {
  if (raw.length < 8) return false;
  for (let k = 0; k < 8; k++) if (raw.charCodeAt(k) !== 32) return false;
  return true;
}
const RUNNING_HEADER = /报告/;

/**
 * Text without form feeds (the page breaks lost in extraction) whose one-cell-per-line cells are indented (a tab):
 * a bare number at the margin is not a cell but the page number left where the page broke, and a running header
 * (…2023年…年度报告) next to it is the next page's. Only where nearly every bare number is indented.
 */
function markMarginNumbers(lines: readonly string[], from: number, to: number, skip: Uint8Array, indented: number, flush: number): void {
  if (flush === 0 || indented < 10 || flush * 8 > indented) return;
  const header = (k: number): boolean => {
    const t = (lines[k] ?? '').trim();
    return t.length >= 8 && t.length < 60 && RUNNING_HEADER.test(t) && /\d{4}\s*年/.test(t);
  };
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    if (raw.length > 3 || !/^\d{1,3}$/.test(raw)) continue;
    skip[i] = 1;
    for (const step of [-1, 1] as const) {
      let k = i + step;
      while (k >= from && k < to && (lines[k] ?? '').trim() === '') k += step;
      if (k >= from && k < to && header(k)) skip[k] = 1;
    }
  }
}

/**
 * The furniture around a form feed inside a table: a bare page number just before or after it, and a running
 * header (…2023年…年度报告) just after it, even when the header is printed only this once. A bare number is a
 * page number unless the table's own cells are bare numbers printed the same way: in one-cell-per-line text whose
 * cells are indented (a tab), a page number at the margin is furniture; where the cells are at the margin too, it
 * could be a cell and is left to the table.
 */
function markPageBreaks(lines: readonly string[], from: number, to: number, skip: Uint8Array, mayHaveFeeds: boolean): void {
  let breaks = 0;
  let indented = 0;
  let flush = 0;
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    const feed = mayHaveFeeds && raw.indexOf('\f') !== -1;
    if (feed) breaks++;
    if (raw.length > 8) continue;
    const kind = bareNumberKind(feed ? raw.replace(/\f/g, '') : raw);
    if (kind === 2) indented++;
    else if (kind === 1) flush++;
  }
  if (breaks === 0) {
    markMarginNumbers(lines, from, to, skip, indented, flush);
    return;
  }
  const isPageNumber = (raw: string): boolean => {
    const t = raw.replace(/\f/g, '');
    if (!BARE_NUMBER.test(t)) return false;
    // Few bare numbers: the cells are not printed one per line, so a number alone by a page break is its page's.
    if (indented + flush < 10) return true;
    return !/^\s/.test(t) && indented >= 4 * flush;
  };
  const nonBlank = (i: number, step: 1 | -1): number => {
    let k = i;
    while (k >= from && k < to && (lines[k] ?? '').replace(/\f/g, '').trim() === '') k += step;
    return k;
  };
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    if (raw.indexOf('\f') === -1) continue;
    // The form feed's own line may carry the number (\f12) or the header.
    if (isPageNumber(raw)) skip[i] = 1;
    const before = nonBlank(i - 1, -1);
    if (before >= from && before < i && isPageNumber(lines[before] ?? '')) skip[before] = 1;
    let after = raw.replace(/\f/g, '').trim() === '' ? nonBlank(i + 1, 1) : i;
    for (let n = 0; n < 2 && after < to; n++) {
      const a = lines[after] ?? '';
      const t = a.replace(/\f/g, '').trim();
      if (skip[after] === 1) {
        // Already known furniture (第 12 页): the header may follow it.
      } else if (isPageNumber(a)) skip[after] = 1;
      else if (t.length >= 8 && t.length < 60 && RUNNING_HEADER.test(t) && /\d{4}\s*年/.test(t)) skip[after] = 1;
      else break;
      after = nonBlank(after + 1, 1);
    }
  }
}

export interface Sections {
  /** 0-based [start, end) line ranges; -1 when not found. */
  t1: [number, number] | null;
  t3: [number, number] | null;
  t4: [number, number] | null;
}

const NEW_RECEIVED = /本年新收/;
const T3_HEADING = /收到和处理政府信息公开申请/;
const T1_HEADING = /主动公开政府信息(情况)?$/;
const T4_HEADING = /行政复议.{0,3}行政诉讼/;
const AFTER_T4 = /存在的主要问题|其他需要报告的事项/;

/** Rows of table 3 that open a line right after 本年新收, for when 上年结转 is misread. */
const TABLE3_FOLLOWER = /^(?:二、上年.{0,3}政府信息公开申请|三、本年度办理结果|[（(][一二三四][)）](?:部分公开|不予公开|无法提供))/;
/** Table-3 rows after 本年新收, each with a row that follows it within a few lines (so narrative is not taken). */
const FALLBACK_ANCHORS: readonly (readonly [string, string, RegExp])[] = [
  ['转', '上年结转', /予以公开|办理结果/],
  ['予', '予以公开', /部分公开|不予公开/],
  ['计', '总计', /结转下年度/],
];

function fallbackAnchor(compact: CompactLines): number {
  const n = compact.length;
  for (const [ch, word, follower] of FALLBACK_ANCHORS) {
    for (let i = compact.next(0, ch); i < n; i = compact.next(i + 1, ch)) {
      const l = compact.at(i);
      if (l.length >= 80 || l.indexOf(word) === -1) continue;
      for (let j = i + 1; j < Math.min(n, i + 40); j++) {
        const m = compact.at(j);
        if (m.length < 80 && follower.test(m)) return i;
      }
    }
  }
  return -1;
}

function nextOfEither(compact: CompactLines, from: number, a: string, b: string): number {
  return Math.min(compact.next(from, a), compact.next(from, b));
}

/** Find the three table regions (0-based line ranges). */
export function findSections(compact: CompactLines): Sections {
  const n = compact.length;
  let newRow = -1;
  for (let i = compact.next(0, '收'); i < n; i = compact.next(i + 1, '收')) {
    const l = compact.at(i);
    if (NEW_RECEIVED.test(l) && l.length < 80) {
      // The table row, not a sentence of the narrative: carriedOver follows within a few lines.
      const until = Math.min(n, i + 30);
      for (let j = compact.next(i, '转'); j < until; j = compact.next(j + 1, '转')) {
        if (compact.at(j).indexOf('上年结转') !== -1) {
          newRow = i;
          break;
        }
      }
      if (newRow >= 0) break;
    }
  }
  // 上年结转 misread (OCR: 上年结专): a 本年新收 line followed by the table's own next rows (二、上年…申请,
  // 三、本年度办理结果, （二）部分公开 at a row's start) is the table all the same.
  for (let i = compact.next(0, '收'); newRow < 0 && i < n; i = compact.next(i + 1, '收')) {
    const l = compact.at(i);
    if (!NEW_RECEIVED.test(l) || l.length >= 80) continue;
    for (let j = i + 1; newRow < 0 && j < Math.min(n, i + 30); j++) {
      const m = compact.at(j);
      if (m.length < 80 && TABLE3_FOLLOWER.test(m.replace(/^\|+/, ''))) newRow = i;
    }
  }
  // 一、本年新收… itself lost (a page cut, an OCR gap): any other recognisable table-3 row anchors the table, the
  // missing row is then reported by table 3 as row-missing instead of the whole report as truncated.
  if (newRow < 0) newRow = fallbackAnchor(compact);
  if (newRow < 0) return { t1: null, t3: null, t4: null };
  let t3Start = newRow;
  for (let i = compact.prev(newRow, '申'); i >= Math.max(0, newRow - 60); i = compact.prev(i - 1, '申')) {
    const l = compact.at(i);
    if (T3_HEADING.test(l) && l.length < 40) {
      t3Start = i;
      break;
    }
  }
  let t4Start = -1;
  for (let i = compact.next(newRow + 1, '诉'); i < n; i = compact.next(i + 1, '诉')) {
    const l = compact.at(i);
    if (T4_HEADING.test(l) && l.length < 40 && /情况|[一二三四五六七]、/.test(l)) {
      t4Start = i;
      break;
    }
  }
  if (t4Start < 0) {
    // No heading: table 4 starts at its own header (行政复议 … 维持) after table 3's last rows.
    for (let i = compact.next(newRow + 20, '复'); i < n; i = compact.next(i + 1, '复')) {
      const l = compact.at(i);
      if (l.indexOf('行政复议') !== -1 && l.length < 60 && !/本年新收|结转/.test(l)) {
        t4Start = i - 1;
        break;
      }
    }
  }
  let t4End = n;
  const t3End = t4Start >= 0 ? t4Start : n;
  if (t4Start >= 0) {
    for (let i = nextOfEither(compact, t4Start + 1, '问', '需'); i < n; i = nextOfEither(compact, i + 1, '问', '需')) {
      const l = compact.at(i);
      if (AFTER_T4.test(l) && l.length < 40) {
        t4End = i;
        break;
      }
    }
    t4End = Math.min(t4End, t4Start + 200);
  }
  let t1Start = -1;
  for (let i = compact.prev(t3Start - 1, '主'); i >= 0; i = compact.prev(i - 1, '主')) {
    const l = compact.at(i);
    if (T1_HEADING.test(l) && l.length < 30) {
      t1Start = i;
      break;
    }
  }
  if (t1Start < 0) {
    for (let i = compact.next(0, '第'); i < t3Start; i = compact.next(i + 1, '第')) {
      if (compact.at(i).indexOf('第二十条') !== -1) {
        t1Start = i;
        break;
      }
    }
  }
  return {
    t1: t1Start >= 0 ? [t1Start, t3Start] : null,
    t3: [t3Start, t3End],
    t4: t4Start >= 0 ? [t4Start, t4End] : null,
  };
}

const SIGNALS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '逾期不补正', '逾期未按收费通知'];
const SIGNALS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购', '其他对外管理服务事项', '采购总金额'];

/** Template from the table headers: counts of each template's distinctive header words; null when neither shows. */
export function detectTemplate(compactTableText: string): TemplateKey | null {
  let a = 0;
  let b = 0;
  for (const s of SIGNALS_2021) if (compactTableText.indexOf(s) !== -1) a++;
  for (const s of SIGNALS_2019) if (compactTableText.indexOf(s) !== -1) b++;
  if (a === b) return null;
  return a > b ? '2021' : '2019';
}

/** Which notice the preamble cites, if any. */
export function citedNotice(compactPreamble: string): TemplateKey | null {
  const c19 = /2019[\]〕)】]?第?60号/.test(compactPreamble);
  const c21 = /2021[\]〕)】]?第?30号/.test(compactPreamble);
  if (c19 === c21) return null;
  return c19 ? '2019' : '2021';
}
