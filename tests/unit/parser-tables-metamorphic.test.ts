/**
 * Metamorphic checks on the seeds: transformations that real copies of a report go through (CRLF, BOM,
 * full-width digits, a page break with footer and form feed inside table 3, tabs turned into space runs) must not
 * change a single table value.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '@/lib/report-parser';

const SEEDS = path.resolve(process.cwd(), '../shared/seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

const FULL_WIDTH_DIGITS = (t: string): string => t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function pageBreakInTable3(t: string): string {
  const lines = t.split('\n');
  const at = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
  // Before the row's label, so no row is cut in two: page footer, form feed, running header.
  lines.splice(at, 0, '', '                                  - 3 -', '\f');
  return lines.join('\n');
}

const transforms: readonly (readonly [string, (t: string) => string])[] = [
  ['CRLF and BOM', (t) => '\uFEFF' + t.replace(/\n/g, '\r\n')],
  ['full-width digits', FULL_WIDTH_DIGITS],
  ['page break inside table 3', pageBreakInTable3],
  ['tabs as runs of spaces', (t) => t.replace(/\t/g, '    ')],
];

describe.each(seeds)('seed %s', (file) => {
  const text = readFileSync(path.join(SEEDS, file), 'utf8');
  const expected = JSON.parse(readFileSync(path.join(SEEDS, file.replace(/\.txt$/, '.expected.json')), 'utf8')).expected;
  it.each(transforms)('%s keeps every table value', (_, f) => {
    const r = parseText(f(text));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.applications).toEqual(expected.applications);
    expect(r.report.reviews).toEqual(expected.reviews);
    expect(r.report.proactive).toEqual(expected.proactive);
    expect(r.report.template).toBe(expected.template);
  });
});

describe('cells run together (tab and pipe rows flattened with no delimiter)', () => {
  const flattened = seeds.filter((f) => /[|\t] ?\d/.test(readFileSync(path.join(SEEDS, f), 'utf8')) && !f.startsWith('000'));
  it('covers the tab and pipe seeds', () => expect(flattened.length).toBe(4));
  it.each(flattened)('%s: tables 3 and 4 recovered from the identities', (file) => {
    const text = readFileSync(path.join(SEEDS, file), 'utf8')
      .split('\n')
      .map((l) => (/[|\t]/.test(l) ? l.replace(/\s*[|\t]\s*/g, '') : l))
      .join('\n');
    const expected = JSON.parse(readFileSync(path.join(SEEDS, file.replace(/\.txt$/, '.expected.json')), 'utf8')).expected;
    const r = parseText(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.applications).toEqual(expected.applications);
    expect(r.report.reviews).toEqual(expected.reviews);
    expect(r.report.warnings.some((w) => w.code === 'cells-run-together')).toBe(true);
  });
});
