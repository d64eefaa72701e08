/**
 * Nastier variants of the synthetic layouts (tests/unit/layouts/synthetic-variants.ts): OCR tables cut in pieces
 * with repeated headers, blank lines between cells, wrapped PDF labels, numbers above labels, full-width digits,
 * 社会组织, no 第二十条 blocks, a 2019 report citing the 2021 notice, GBK HTML, no title, one running header,
 * table 3 without its first row. Each must parse exactly against the generator's ground truth.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '@/lib/report-parser';
import { generateReports } from '@/lib/synthetic';
import { compareSynthetic } from './layouts/synthetic-compare';
import { VARIANTS } from './layouts/synthetic-variants';

const SEED = 4242;
const PER_VARIANT = 40;

describe('synthetic variants', () => {
  for (const v of VARIANTS) {
    it(`${v.name} (${v.layout})`, async () => {
      let n = 0;
      const failures: string[] = [];
      for (const r of generateReports(PER_VARIANT, { seed: SEED, layouts: [v.layout], yearsPerAgency: 4, firstYear: 2019 })) {
        const damaged = v.apply(r);
        if (!damaged) continue;
        expect(damaged.text).not.toBe(r.text);
        n++;
        const diffs = await compareSynthetic({ ...r, ...damaged }, v.expect);
        if (diffs.length > 0) failures.push(`${r.fileName}: ${diffs.slice(0, 4).join('; ')}`);
      }
      expect(n).toBeGreaterThan(PER_VARIANT / 3);
      expect(failures.slice(0, 5)).toEqual([]);
    });
  }

  it('bug: table 3 without its 一、本年新收… row was "truncated"; it parses with a row-missing warning', async () => {
    const v = VARIANTS.find((x) => x.name === 'table3-first-row-missing');
    const r = [...generateReports(1, { seed: SEED, layouts: ['tabs'] })][0];
    if (!v || !r) throw new Error('setup');
    const damaged = v.apply(r);
    if (!damaged) throw new Error('no damage');
    expect(damaged.text).not.toContain('本年新收');
    const res = await parseReport(damaged.bytes, { fileName: r.fileName });
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    expect(res.report.applications.newReceived?.total).toBeNull();
    expect(res.report.applications.carriedOver).toEqual(r.truth.applications.carriedOver);
    expect(res.report.warnings).toContainEqual(expect.objectContaining({ code: 'row-missing', row: 'newReceived' }));
  });
});
