/**
 * HTML → the line-oriented text the table engine reads. Block elements become lines; each table row becomes
 * one line of TAB-joined cells on a grid with rowspan/colspan expanded, so numbers keep their column.
 */
import { parse } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'title',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'math', 'select']);

/** Collapse runs of whitespace (including &nbsp;, decoded by parse5 to U+00A0) into one space. */
function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ');
}

function attr(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function span(node: Node, name: string): number {
  const n = Number.parseInt(attr(node, name) ?? '1', 10);
  // Cap spans: a hostile rowspan="65534" must not allocate a huge grid.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/**
 * Depth-first walk with an explicit stack: deeply nested markup must not overflow the call stack.
 * `visit` returns false to skip a node's children; `leave` runs after them.
 */
function walkTree(root: Node, visit: (n: Node) => boolean, leave: (n: Node) => void): void {
  const stack: { node: Node; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.done) {
      leave(top.node);
      continue;
    }
    if (!visit(top.node)) continue;
    stack.push({ node: top.node, done: true });
    const kids = top.node.childNodes ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, done: false });
  }
}

const isBreak = (n: Node): boolean => n.tagName === 'br' || (n.tagName !== undefined && BLOCK.has(n.tagName));

/** Cell boundaries of a small table nested in a cell: its cells must not run together in the outer cell's text. */
const CELLISH = new Set(['table', 'tr', 'td', 'th']);
const isCellBreak = (n: Node): boolean => isBreak(n) || (n.tagName !== undefined && CELLISH.has(n.tagName));

/** Text of a cell on one line: inner block boundaries, <br> and the cells of a nested table become spaces. */
function cellText(node: Node): string {
  const parts: string[] = [];
  walkTree(
    node,
    (n) => {
      if (n.nodeName === '#text') parts.push(n.value ?? '');
      else if (n.tagName && SKIP.has(n.tagName)) return false;
      else if (n !== node && isCellBreak(n)) parts.push(' ');
      return true;
    },
    (n) => {
      if (n !== node && isCellBreak(n)) parts.push(' ');
    },
  );
  return squash(parts.join('')).trim();
}

function collectRows(table: Node): Node[] {
  const rows: Node[] = [];
  const walk = (n: Node): void => {
    for (const c of n.childNodes ?? []) {
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

/** Lay the rows on a grid; a spanning cell's text sits in its first row and column, covered slots stay ''. */
export function tableToLines(table: Node): string[] {
  // Cells a colspan covers beyond its first: blank in the grid, except at the end of a row, where they are dropped
  // (a last cell spanning two columns is one cell, not one and a blank: 政府集中采购 | &nbsp; | 0元 colspan=2).
  const SPANNED = null;
  const grid: (string | null)[][] = [];
  const rows = collectRows(table);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.childNodes ?? []) {
      if (td.tagName !== 'td' && td.tagName !== 'th') continue;
      const row = grid[r]!;
      while (row[c] !== undefined) c++;
      const rs = Math.min(span(td, 'rowspan'), rows.length - r);
      const cs = span(td, 'colspan');
      const text = cellText(td);
      for (let dr = 0; dr < rs; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[c + dc] = dc > 0 ? SPANNED : dr === 0 ? text : '';
      }
      c += cs;
    }
  });
  const lines: string[] = [];
  for (const row of grid) {
    const spanned = row ?? [];
    let end = spanned.length;
    while (end > 0 && spanned[end - 1] === SPANNED) end--;
    const cells = Array.from(spanned.slice(0, end), (v) => v ?? '');
    if (cells.some((v) => v !== '')) lines.push(cells.join('\t'));
  }
  return lines;
}

/**
 * Layout tables. Old CMS pages put the whole page in a <table>: a nav row, a side column, the article in one cell
 * and the report's data tables nested inside it. Laid out as a data table, that one cell would flatten the whole
 * article, data tables included, onto one line. A table is a layout table when a cell holds a big nested table
 * (3+ rows, or itself a layout table) or a heading, or — unless the table's own rows look like a data grid — block
 * content: many lines or long text. A layout table's cells are read as ordinary block flow and the tables nested
 * in them are classified again, so a data table works at any depth. A small table nested in one cell of a data
 * table does not make it a layout table; it is read into that cell's text.
 */
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A cell with this much text of its own (nested tables aside) is prose, not a figure or a label. */
const LONG_CELL_TEXT = 200;
/** …or with this many lines (block elements, <br>) holding at least LINES_MIN_TEXT characters. */
const MANY_CELL_LINES = 4;
const LINES_MIN_TEXT = 40;
/** A nested table with this many rows is a data table, not a decoration inside one cell. */
const BIG_NESTED_ROWS = 3;
/** Rows with this many cells, this many times: the table's own rows form a grid of figures. */
const GRID_CELLS = 3;
const GRID_ROWS = 3;

interface TableInfo {
  rows: number;
  gridRows: number;
  bigNested: boolean;
  heavyCell: boolean;
}
interface CellInfo {
  table: TableInfo;
  chars: number;
  lines: number;
  heading: boolean;
}

/** Classify every table of the document in one pass (explicit stack: nesting depth must not overflow). */
export function findLayoutTables(root: Node): Set<Node> {
  const layout = new Set<Node>();
  const tables: { node: Node; info: TableInfo }[] = [];
  const cells: CellInfo[] = [];
  // The innermost open cell, if it belongs to the innermost open table (text between a table and its cells is not
  // a cell's; parse5 foster-parents most of it out of the table anyway).
  const cell = (): CellInfo | undefined => {
    const c = cells[cells.length - 1];
    return c && c.table === tables[tables.length - 1]?.info ? c : undefined;
  };
  walkTree(
    root,
    (n) => {
      if (n.nodeName === '#text') {
        const c = cell();
        if (c) c.chars += squash(n.value ?? '').trim().length;
        return false;
      }
      const tag = n.tagName;
      if (tag === undefined) return true;
      if (SKIP.has(tag)) return false;
      if (tag === 'table') {
        tables.push({ node: n, info: { rows: 0, gridRows: 0, bigNested: false, heavyCell: false } });
      } else if (tag === 'tr') {
        const t = tables[tables.length - 1];
        if (t) {
          t.info.rows++;
          const n1 = (n.childNodes ?? []).filter((k) => k.tagName === 'td' || k.tagName === 'th').length;
          if (n1 >= GRID_CELLS) t.info.gridRows++;
        }
      } else if (tag === 'td' || tag === 'th') {
        const t = tables[tables.length - 1];
        if (t) cells.push({ table: t.info, chars: 0, lines: 1, heading: false });
      } else if (HEADING.has(tag)) {
        const c = cell();
        if (c) c.heading = true;
      }
      return true;
    },
    (n) => {
      const tag = n.tagName;
      if (tag === 'table') {
        const t = tables.pop();
        if (!t || t.node !== n) return;
        const { rows, gridRows, bigNested, heavyCell } = t.info;
        const isLayout = bigNested || (heavyCell && gridRows < GRID_ROWS);
        if (isLayout) layout.add(n);
        const c = cell();
        if (c && (isLayout || rows >= BIG_NESTED_ROWS)) c.table.bigNested = true;
      } else if (tag === 'td' || tag === 'th') {
        const c = cells[cells.length - 1];
        if (!c || c.table !== tables[tables.length - 1]?.info) return;
        cells.pop();
        if (c.heading || c.chars >= LONG_CELL_TEXT || (c.lines >= MANY_CELL_LINES && c.chars >= LINES_MIN_TEXT)) {
          c.table.heavyCell = true;
        }
      } else if (tag === 'br' || (tag !== undefined && BLOCK.has(tag))) {
        const c = cell();
        if (c) c.lines++;
      }
    },
  );
  return layout;
}

/**
 * Convert an HTML document or fragment to text lines. `keepLineBreaks`: the markup is a fragment inside plain
 * text or markdown (an OCR tool's output with its tables as <table>, a report pasted with one table's markup), so
 * the line ends of the text around and between the tags are the text's own lines, not wrapping to collapse.
 */
export function htmlToText(html: string, opts: { keepLineBreaks?: boolean } = {}): string {
  const keep = opts.keepLineBreaks === true;
  const doc = parse(html) as unknown as Node;
  const layout = findLayoutTables(doc);
  const lines: string[] = [];
  let buf = '';
  const flush = (): void => {
    const line = squash(buf).trim();
    if (line) lines.push(line);
    buf = '';
  };
  walkTree(
    doc,
    (n) => {
      if (n.nodeName === '#text') {
        const v = n.value ?? '';
        if (keep && v.indexOf('\n') !== -1) {
          const parts = v.split('\n');
          for (let i = 0; i < parts.length; i++) {
            if (i > 0) flush();
            buf += parts[i];
          }
        } else {
          buf += v;
        }
        return false;
      }
      const tag = n.tagName;
      if (tag && SKIP.has(tag)) return false;
      if (tag === 'table') {
        flush();
        // A layout table's rows and cells are blocks of the page (see findLayoutTables); a data table is a grid.
        if (layout.has(n)) return true;
        for (const l of tableToLines(n)) lines.push(l);
        return false;
      }
      if (tag === 'br' || (tag !== undefined && (BLOCK.has(tag) || CELLISH.has(tag)))) flush();
      return true;
    },
    (n) => {
      if (n.tagName !== undefined && (BLOCK.has(n.tagName) || CELLISH.has(n.tagName))) flush();
    },
  );
  flush();
  return lines.join('\n') + '\n';
}
