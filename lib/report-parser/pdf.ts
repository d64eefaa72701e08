import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * PDF → text with the table layout kept: text items are grouped into lines by their baseline and joined by
 * their horizontal gaps (wide gap → TAB between cells, narrow gap → space, touching → nothing).
 */

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

interface Glyphs {
  x: number;
  y: number;
  w: number;
  size: number;
  str: string;
}

/** A gap wider than this many font sizes separates two table cells. */
const CELL_GAP_EM = 1.6;
/** A gap wider than this many font sizes is a space inside one cell or sentence. */
const SPACE_GAP_EM = 0.2;
const MAX_PAGES = 300;

/** Page numbers printed as furniture: -3-, - 4 -, —5—, 第 6 页, 6/12. */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
const BARE_NUMBER = /^\d{1,3}$/;

function toGlyphs(items: readonly unknown[]): Glyphs[] {
  const out: Glyphs[] = [];
  for (const raw of items) {
    const it = raw as Partial<TextItemLike>;
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
    // Whitespace items carry unreliable widths; the geometry of the real glyphs says where gaps are.
    if (it.str.trim() === '') continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = it.transform;
    const size = Math.max(Math.hypot(a, b), Math.abs(d), 1);
    out.push({ x: e, y: f, w: Math.max(it.width ?? 0, 0), size, str: it.str });
  }
  return out;
}

/** Group a page's glyph runs into text lines, top to bottom, left to right. */
export function layoutLines(glyphs: Glyphs[]): string[] {
  const sorted = [...glyphs].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Glyphs[][] = [];
  let current: Glyphs[] = [];
  let refY = Number.NaN;
  let refSize = 0;
  for (const g of sorted) {
    const tol = Math.min(g.size, refSize || g.size) * 0.45;
    if (current.length > 0 && Math.abs(refY - g.y) <= tol) {
      current.push(g);
      continue;
    }
    if (current.length > 0) rows.push(current);
    current = [g];
    refY = g.y;
    refSize = g.size;
  }
  if (current.length > 0) rows.push(current);

  return rows.map((row) => {
    row.sort((p, q) => p.x - q.x);
    let line = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const g of row) {
      if (line !== '') {
        const gap = g.x - end;
        const em = Math.min(g.size, 16);
        // Two numbers apart are two cells even when the columns are narrow (table 4 has fifteen).
        const numbers = /\d$/.test(line) && /^\d/.test(g.str);
        if (gap > CELL_GAP_EM * em || (numbers && gap > SPACE_GAP_EM * em)) line += '\t';
        else if (gap > SPACE_GAP_EM * em) line += ' ';
      }
      line += g.str;
      end = Math.max(end, g.x + g.w);
    }
    return line.replace(/[ \u00a0]+/g, ' ').trim();
  });
}

function dropFurniture(lines: string[]): string[] {
  const kept = lines.filter((l) => l !== '' && !PAGE_NUMBER.test(l.replace(/\s+/g, ' ').trim()));
  // A bare number is a page number only at the very top or bottom of a page.
  if (kept.length > 0 && BARE_NUMBER.test(kept[kept.length - 1]!)) kept.pop();
  if (kept.length > 0 && BARE_NUMBER.test(kept[0]!)) kept.shift();
  return kept;
}

/**
 * pdf.js runs in a worker thread: a hostile PDF can keep pdf.js busy synchronously, and only a thread that can
 * be terminated bounds that. The worker returns raw text items; the layout runs here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const task = pdfjs.getDocument({
    data: workerData.data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false,
    stopAtErrors: false, verbosity: 0,
  });
  const doc = await task.promise;
  const pages = [];
  const count = Math.min(doc.numPages, workerData.maxPages);
  for (let p = 1; p <= count; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.filter((it) => typeof it.str === 'string')
      .map((it) => ({ str: it.str, transform: it.transform, width: it.width })));
    page.cleanup();
  }
  await task.destroy();
  parentPort.postMessage({ ok: true, pages });
})().catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }));
`;

type WorkerReply = { ok: true; pages: TextItemLike[][] } | { ok: false; message: string };

let pdfjsUrl: string | null = null;

function extractItems(bytes: Uint8Array, timeoutMs: number): Promise<TextItemLike[][]> {
  pdfjsUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { data: bytes, pdfjsUrl, maxPages: MAX_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`gave up after ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.pages) : reject(new Error(reply.message)))),
    );
    worker.once('error', (e) => finish(() => reject(e)));
    worker.once('exit', (code) => finish(() => reject(new Error(`PDF worker stopped (exit ${code})`))));
  });
}

/** Extract the text of every page in order. Throws on a corrupt file or when `timeoutMs` is exceeded. */
export async function pdfToText(bytes: Uint8Array, timeoutMs: number): Promise<string> {
  const pages = (await extractItems(bytes, timeoutMs)).map((items) => dropFurniture(layoutLines(toGlyphs(items))));
  const out: string[] = [];
  for (const page of dropRunningHeads(pages)) for (const line of page) out.push(line);
  return out.join('\n') + '\n';
}

/**
 * Running heads and feet: a line of words (digits ignored) printed within the first or last two lines of at
 * least three pages and half of all pages is furniture, not content.
 */
export function dropRunningHeads(pages: string[][]): string[][] {
  if (pages.length < 3) return pages;
  const key = (l: string): string => l.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edge = new Set([...page.slice(0, 2), ...page.slice(-2)].map(key));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // Only wordy lines qualify: a bare number or short label at a page edge may be a table cell.
  const wordy = (k: string): boolean => (k.match(/[\u4e00-\u9fa5A-Za-z]/g)?.length ?? 0) >= 4;
  const furniture = new Set([...counts].filter(([k, n]) => wordy(k) && n >= 3 && n * 2 >= pages.length).map(([k]) => k));
  if (furniture.size === 0) return pages;
  return pages.map((page) =>
    page.filter((line, i) => !((i < 2 || i >= page.length - 2) && furniture.has(key(line)))),
  );
}
