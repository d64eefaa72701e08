import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../lib/report-parser/index';
import type { ParseResult } from '../../lib/report-parser/types';
import { buildDocx, type DocxBlock } from './fixtures/inputs/docx';
import { utf8 } from './fixtures/inputs/encodings';

const SEED4 = readFileSync(path.resolve(__dirname, '../../../shared/seeds/004_6edcfa7a7c2249f1.txt'), 'utf8');

/** Seed 004's pipe tables as document blocks: the same report as it would arrive from a web page or Word. */
function blocks(text: string): DocxBlock[] {
  const out: DocxBlock[] = [];
  for (const line of text.split('\n')) {
    if (line.includes(' | ') || /\|\s*$/.test(line)) {
      const cells = line.replace(/\|\s*$/, '').split('|').map((c) => ({ text: c.trim() }));
      const last = out[out.length - 1];
      if (Array.isArray(last)) last.push(cells);
      else out.push([cells]);
    } else out.push(line);
  }
  return out;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function toHtml(bs: DocxBlock[]): string {
  const body = bs
    .map((b) =>
      typeof b === 'string'
        ? `<p>${esc(b)}</p>`
        : `<table>${b.map((r) => `<tr>${r.map((c) => `<td>${c.text === '' ? '&nbsp;' : esc(c.text)}</td>`).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><style>p{margin:0}</style></head><body>${body}</body></html>`;
}

const figures = (r: ParseResult) =>
  r.ok
    ? {
        meta: [r.report.agencyName, r.report.regionCode, r.report.year, r.report.publishedOn, r.report.feesCollectedYuan],
        template: r.report.template,
        proactive: r.report.proactive,
        applications: r.report.applications,
        reviews: r.report.reviews,
      }
    : r.error;

describe('the same report as text, HTML and DOCX', () => {
  it('HTML tables parse to the figures of the text version', async () => {
    const base = await parseReport(utf8(SEED4), { fileName: '004.txt' });
    const html = await parseReport(utf8(toHtml(blocks(SEED4))), { fileName: '004.html' });
    expect(base.ok && html.ok).toBe(true);
    expect(html.ok && html.format).toBe('html');
    expect(figures(html)).toEqual(figures(base));
  });

  it('DOCX tables parse to the figures of the text version', async () => {
    const base = await parseReport(utf8(SEED4), { fileName: '004.txt' });
    const docx = await parseReport(await buildDocx(blocks(SEED4)), { fileName: '004.docx' });
    expect(base.ok && docx.ok).toBe(true);
    expect(docx.ok && docx.format).toBe('docx');
    expect(figures(docx)).toEqual(figures(base));
  });
});
