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

/** Text of a cell on one line: inner block boundaries and <br> become spaces. */
function cellText(node: Node): string {
  const parts: string[] = [];
  walkTree(
    node,
    (n) => {
      if (n.nodeName === '#text') parts.push(n.value ?? '');
      else if (n.tagName && SKIP.has(n.tagName)) return false;
      else if (isBreak(n)) parts.push(' ');
      return true;
    },
    (n) => {
      if (isBreak(n)) parts.push(' ');
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
  const grid: string[][] = [];
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
        for (let dc = 0; dc < cs; dc++) target[c + dc] = dr === 0 && dc === 0 ? text : '';
      }
      c += cs;
    }
  });
  const lines: string[] = [];
  for (const row of grid) {
    const cells = Array.from(row ?? [], (v) => v ?? '');
    if (cells.some((v) => v !== '')) lines.push(cells.join('\t'));
  }
  return lines;
}

/**
 * Convert an HTML document or fragment to text lines. `keepLineBreaks`: the markup is a fragment inside plain
 * text or markdown (an OCR tool's output with its tables as <table>, a report pasted with one table's markup), so
 * the line ends of the text around and between the tags are the text's own lines, not wrapping to collapse.
 */
export function htmlToText(html: string, opts: { keepLineBreaks?: boolean } = {}): string {
  const keep = opts.keepLineBreaks === true;
  const doc = parse(html) as unknown as Node;
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
        for (const l of tableToLines(n)) lines.push(l);
        return false;
      }
      if (tag === 'br' || (tag !== undefined && BLOCK.has(tag))) flush();
      return true;
    },
    (n) => {
      if (n.tagName !== undefined && BLOCK.has(n.tagName)) flush();
    },
  );
  flush();
  return lines.join('\n') + '\n';
}
