import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../lib/report-parser/decode';
import { dropRunningHeads } from '../../lib/report-parser/pdf';
import { parseReport } from '../../lib/report-parser/index';
import { APPLICATION_ROWS, DENIED_ROWS, NOT_PROCESSED_ROWS, UNABLE_ROWS } from '../../lib/report-parser/keys';
import type { ParsedReport } from '../../lib/report-parser/types';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const NAMES = ['huaian-2024', 'hongze-2023', 'hongze-2024'] as const;

/** The corpus expected.json summary form (../shared/README.md). */
function summarise(r: ParsedReport) {
  const a = r.applications;
  const total = (keys: readonly (typeof APPLICATION_ROWS)[number][]) =>
    keys.reduce((s, k) => s + (a[k]?.total ?? Number.NaN), 0);
  return {
    new_requests_total: a.newReceived?.total,
    carried_over_total: a.carriedOver?.total,
    granted_total: a.granted?.total,
    partial_total: a.partiallyGranted?.total,
    denied_total: total(DENIED_ROWS),
    unable_total: total(UNABLE_ROWS),
    not_processed_total: total(NOT_PROCESSED_ROWS),
    other_total: a.otherTotal?.total,
    handled_total: a.totalHandled?.total,
    carried_forward_total: a.carriedForward?.total,
    natural_person_new: a.newReceived?.naturalPerson,
    reconsideration: r.reviews.reconsideration,
    litigation_direct: r.reviews.litigationDirect,
    litigation_after_reconsideration: r.reviews.litigationAfterReconsideration,
    fees_collected: r.feesCollectedYuan,
  };
}

describe('PDF extraction', () => {
  it('huaian-2024: table rows come out as one TAB-separated line each, page numbers dropped', async () => {
    const r = await decodeInput(new Uint8Array(readFileSync(path.join(CORPUS, 'huaian-2024.pdf'))), 'huaian-2024.pdf');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('pdf');
    const lines = r.text.split('\n');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119');
    expect(lines).toContain('（七）总计\t2932\t53\t0\t0\t61\t4\t3050');
    // Table 4's fifteen numbers sit close together; they still become fifteen cells.
    expect(lines).toContain('72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20');
    expect(lines.some((l) => /^-\s*\d+\s*-$/.test(l))).toBe(false);
    expect(lines[0]).toBe('淮安市人民政府');
  });

  for (const name of NAMES) {
    it(`${name}.pdf parses to its hand-read figures`, async () => {
      const expected = JSON.parse(readFileSync(path.join(CORPUS, `${name}.expected.json`), 'utf8'));
      const r = await parseReport(new Uint8Array(readFileSync(path.join(CORPUS, `${name}.pdf`))), { fileName: `${name}.pdf` });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.format).toBe('pdf');
      expect(summarise(r.report)).toEqual(expected.expected);
      expect(r.report.year).toBe(expected.year);
      expect(r.report.template).toBe(expected.template);
      expect(r.report.regionName?.replace(/\s/g, '')).toBe(expected.region.replace(/\s/g, ''));
    });
  }
});

describe('dropRunningHeads', () => {
  it('drops a heading repeated at the top of most pages, keeps content lines that repeat elsewhere', () => {
    const page = (n: number, body: string[]) => [`某区人民政府信息公开年报 第${n}页`, ...body, '机密程度：公开'];
    const pages = [
      page(1, ['一、总体情况', '正文']),
      page(2, ['0', '正文']),
      page(3, ['0', '正文']),
      ['最后一页没有页眉', '正文'],
    ];
    const out = dropRunningHeads(pages);
    expect(out.flat()).not.toContain('某区人民政府信息公开年报 第2页');
    expect(out.flat()).not.toContain('机密程度：公开');
    expect(out.flat().filter((l) => l === '正文')).toHaveLength(4);
    expect(out[1]).toEqual(['0', '正文']);
  });
  it('leaves short documents alone', () => {
    const pages = [['页眉', 'a'], ['页眉', 'b']];
    expect(dropRunningHeads(pages)).toEqual(pages);
  });
});
