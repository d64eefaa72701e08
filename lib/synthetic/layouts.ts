/**
 * Text layouts seen in real reports (../shared/spec/report-format.md, "What real texts look like").
 */
import type { Grid, GridRow } from './tables';
import type { Rng } from './prng';

export const LAYOUTS = ['cells-per-line', 'tabs', 'markdown', 'pdf', 'html', 'run-together', 'six-of-seven'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface Document {
  title: string;
  preamble: string[];
  sections: { heading: string; paragraphs: string[]; table?: Grid[] }[];
  signature: string[];
  /** Page furniture for the PDF layout. */
  runningHeader: string;
}

function cellsOf(row: GridRow): string[] {
  return [...row.labels, ...row.numbers];
}

function stray(rng: Rng, cell: string): string {
  if (!/^\d/.test(cell)) return cell;
  const r = rng.next();
  return r < 0.1 ? ` ${cell}` : r < 0.2 ? `${cell} ` : cell;
}

function gridTabs(grid: Grid): string[] {
  return grid.map((row) => cellsOf(row).join('\t'));
}

function gridCellsPerLine(grid: Grid, rng: Rng): string[] {
  const out: string[] = [];
  for (const row of grid) {
    for (const c of cellsOf(row)) out.push(`\t${stray(rng, c)}`);
    out.push('');
  }
  return out;
}

function gridMarkdown(grid: Grid): string[] {
  const width = Math.max(...grid.map((r) => cellsOf(r).length));
  const out: string[] = [];
  grid.forEach((row, i) => {
    const cells = cellsOf(row);
    while (cells.length < width) cells.push('');
    out.push(`| ${cells.join(' | ')} |`);
    if (i === 0) out.push(`|${' --- |'.repeat(width)}`);
  });
  return out;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function gridPdf(grid: Grid, rng: Rng, furniture: () => string[]): string[] {
  const out: string[] = [];
  const breakAt = rng.int(Math.floor(grid.length / 3), grid.length - 1);
  grid.forEach((row, i) => {
    if (i === breakAt) out.push(...furniture());
    const cells = cellsOf(row).filter((c) => c !== '');
    if (row.kind === 'header' && cells.length > 4) {
      // Column headers stacked one word per line, as pdftotext leaves narrow header cells.
      for (const c of cells) out.push(`        ${c}`);
      return;
    }
    out.push(cells.map((c) => c + ' '.repeat(Math.max(2, 14 - displayWidth(c)))).join('').trimEnd());
  });
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function gridHtml(grid: Grid): string[] {
  const out = ['<table border="1" cellspacing="0">'];
  let skipFirstLabel = 0;
  for (const row of grid) {
    const labels = [...row.labels];
    let first = '';
    if (row.span && row.span > 1) {
      first = `<td rowspan="${row.span}">${esc(labels.shift() ?? '')}</td>`;
      skipFirstLabel = row.span - 1;
    } else if (skipFirstLabel > 0 && row.kind === 'table3') {
      labels.shift();
      skipFirstLabel--;
    }
    const tds = [...labels, ...row.numbers].map((c) => `<td>${c === '' ? '&nbsp;' : esc(c)}</td>`).join('');
    out.push(`<tr>${first}${tds}</tr>`);
  }
  out.push('</table>');
  return out;
}

function runTogether(grid: Grid): string[] {
  return grid.map((row) =>
    row.kind === 'table3' ? `${row.labels.filter(Boolean).join('')}${row.numbers.join('')}` : cellsOf(row).join('\t'),
  );
}

/** Drops one zero cell (not the total) from one table-3 row: the identities have to place the gap. */
function sixOfSeven(grid: Grid, rng: Rng): string[] {
  const candidates = grid.filter((r) => r.kind === 'table3' && r.numbers.slice(0, 6).includes('0'));
  const victim = candidates.length ? rng.pick(candidates) : undefined;
  return grid.map((row) => {
    if (row !== victim) return cellsOf(row).join('\t');
    const zeros = row.numbers.map((c, i) => (c === '0' && i < 6 ? i : -1)).filter((i) => i >= 0);
    const drop = rng.pick(zeros);
    return [...row.labels, ...row.numbers.filter((_, i) => i !== drop)].join('\t');
  });
}

export function renderDocument(doc: Document, layout: Layout, rng: Rng): string {
  let page = 1;
  const furniture = () => [`- ${page++} -`, '\f', doc.runningHeader];
  const renderGrid = (g: Grid): string[] => {
    switch (layout) {
      case 'cells-per-line':
        return gridCellsPerLine(g, rng);
      case 'markdown':
        return gridMarkdown(g);
      case 'pdf':
        return gridPdf(g, rng, furniture);
      case 'html':
        return gridHtml(g);
      case 'run-together':
        return runTogether(g);
      case 'six-of-seven':
        return sixOfSeven(g, rng);
      default:
        return gridTabs(g);
    }
  };
  if (layout === 'html') {
    const body: string[] = [`<h1>${esc(doc.title)}</h1>`, ...doc.preamble.map((p) => `<p>${esc(p)}</p>`)];
    for (const s of doc.sections) {
      body.push(`<h2>${esc(s.heading)}</h2>`, ...s.paragraphs.map((p) => `<p>${esc(p)}</p>`));
      for (const g of s.table ?? []) body.push(...renderGrid(g));
    }
    body.push(...doc.signature.map((p) => `<p style="text-align:right">${esc(p)}</p>`));
    return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${esc(doc.title)}</title></head><body>\n${body.join('\n')}\n</body></html>\n`;
  }
  const lines: string[] = [doc.title, ...doc.preamble];
  for (const s of doc.sections) {
    lines.push(layout === 'markdown' ? `## ${s.heading}` : s.heading, ...s.paragraphs);
    for (const g of s.table ?? []) lines.push(...renderGrid(g), '');
    if (layout === 'pdf' && rng.chance(0.3)) lines.push(...furniture());
  }
  lines.push(...doc.signature);
  if (layout === 'pdf') lines.push(`- ${page} -`);
  return `${lines.join('\n')}\n`;
}
