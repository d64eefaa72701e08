/**
 * One fixture per layout class (tests/unit/layouts/*.txt, written by generate.ts from base.ts): the tables must
 * come out as in base.ts, with the warnings that say how they were recovered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '@/lib/report-parser';
import { APPLICANT_COLUMNS } from '@/lib/report-parser/keys';
import type { ParsedReport, Warning } from '@/lib/report-parser/types';
import { REVIEWS, ROWS } from './layouts/base';

const DIR = path.join(__dirname, 'layouts');

function parse(name: string): ParsedReport {
  const r = parseText(readFileSync(path.join(DIR, name), 'utf8'), { fileName: name });
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.report;
}

function tableRows(r: ParsedReport): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const [key] of ROWS) {
    const cells = r.applications[key as keyof ParsedReport['applications']];
    out[key] = cells ? APPLICANT_COLUMNS.map((c) => cells[c]) : [];
  }
  return out;
}

const EXPECTED_ROWS = Object.fromEntries(ROWS.map(([k, , v]) => [k, [...v]]));
const reviewValues = (r: ParsedReport): (number | null)[] => Object.values(r.reviews).flatMap((x) => Object.values(x));
const codes = (r: ParsedReport, code: Warning['code']): Warning[] => r.warnings.filter((w) => w.code === code);
const EXPECTED_T1 = {
  regulations: { issued: 0, repealed: 0, inForce: 2 },
  normativeDocuments: { issued: 3, repealed: 1, inForce: 20 },
  licensing: { decisions: 150 },
  punishment: { decisions: 42 },
  coercion: { decisions: 3 },
  fees: { amountTenThousandYuan: 1.2345 },
};

describe.each([
  ['cell-per-line.txt'],
  ['tabs.txt'],
  ['pipes.txt'],
  ['markdown.txt'],
  ['split-labels.txt'],
  ['spaced-labels.txt'],
  ['no-group-headers.txt'],
  ['vertical-labels.txt'],
  ['pdf-layout.txt'],
  ['typos.txt'],
])('layout %s', (name) => {
  const r = parse(name);
  it('reads table 3 exactly', () => expect(tableRows(r)).toEqual(EXPECTED_ROWS));
  it('reads table 4 exactly', () => expect(reviewValues(r)).toEqual([...REVIEWS]));
  it('reads table 1 exactly', () => expect(r.proactive).toEqual(EXPECTED_T1));
  it('detects template 2021 from the headers', () => expect(r.template).toBe('2021'));
  it('all identities hold and none was inferred', () => {
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.checks.filter((c) => c.id.startsWith('balance.')).length).toBe(7);
    expect(codes(r, 'value-inferred')).toEqual([]);
  });
});

describe('page breaks inside a one-cell-per-line table', () => {
  const text = readFileSync(path.join(DIR, 'cell-per-line.txt'), 'utf8');
  const lines = text.split('\n');
  const label = lines.findIndex((l) => l.includes('1.属于国家秘密'));
  const header = '某某县人民政府2023年政府信息公开工作年度报告';
  const variants: [string, string[]][] = [
    ['between a label and its cells: form feed, page number, running header', [...lines.slice(0, label + 1), '\f', '12', header, ...lines.slice(label + 1)]],
    ['after a row\'s first cell: 第 12 页 on the form feed\'s line, then the header', [...lines.slice(0, label + 2), '\f第 12 页', header, ...lines.slice(label + 2)]],
    ['the page number before the form feed', [...lines.slice(0, label + 1), '12', '\f' + header, ...lines.slice(label + 1)]],
  ];
  it.each(variants)('%s', (_, v) => {
    expect(label).toBeGreaterThan(0);
    const r = parseText(v.join('\n'), { fileName: 'x.txt' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(tableRows(r.report)).toEqual(EXPECTED_ROWS);
    expect(r.report.warnings.filter((w) => w.code.startsWith('cells-') || w.code === 'value-inferred')).toEqual([]);
  });
});

describe('damaged rows', () => {
  it('6 of 7 cells: the gap is placed where the column identities hold, value inferred', () => {
    const r = parse('missing-cell.txt');
    expect(tableRows(r)).toEqual(EXPECTED_ROWS);
    expect(codes(r, 'cells-missing')).toMatchObject([{ row: 'granted', detail: { missingColumns: ['commercialEnterprise'] } }]);
    expect(codes(r, 'value-inferred')).toMatchObject([{ row: 'granted', detail: { column: 'commercialEnterprise', value: 1 } }]);
    expect(r.sources['applications.granted.commercialEnterprise']?.cell).toBe(-1);
    expect(r.checks.every((c) => c.passed)).toBe(true);
  });

  it('extra cells are dropped with cells-extra', () => {
    const r = parse('extra-cells.txt');
    expect(tableRows(r)).toEqual(EXPECTED_ROWS);
    expect(codes(r, 'cells-extra')).toMatchObject([{ row: 'newReceived' }]);
  });

  it('5 of 7 cells: the missing cells are forced by the balance rule', () => {
    const r = parse('five-of-seven.txt');
    expect(tableRows(r)).toEqual(EXPECTED_ROWS);
    expect(codes(r, 'cells-missing')).toMatchObject([{ row: 'carriedForward' }]);
    expect(codes(r, 'value-inferred').length).toBe(2);
  });

  it('typos and half-width brackets are matched approximately with label-fuzzy', () => {
    const r = parse('typos.txt');
    expect(codes(r, 'label-fuzzy').map((w) => w.row)).toEqual(['deniedProhibitedByLaw', 'deniedThirdPartyRights', 'unableUnclear']);
  });

  it('missing group headers are reported', () => {
    const r = parse('no-group-headers.txt');
    expect(codes(r, 'group-header-missing').map((w) => w.row)).toEqual(['deniedStateSecret', 'unableNotHeld', 'notProcessedComplaint']);
    expect(codes(parse('tabs.txt'), 'group-header-missing')).toEqual([]);
  });

  it('PDF page furniture inside table 3 is skipped and line numbers point into the text', () => {
    const name = 'pdf-layout.txt';
    const res = parseText(readFileSync(path.join(DIR, name), 'utf8'));
    if (!res.ok) throw new Error(res.error.message);
    const lines = res.text.split('\n');
    const src = res.report.sources['applications.unableUnclear.total'];
    expect(src).toBeDefined();
    expect(lines[(src?.line ?? 0) - 1]).toContain('3.补正后申请内容仍不明确');
    const partial = res.report.sources['applications.partiallyGranted.naturalPerson'];
    expect(lines[(partial?.line ?? 0) - 1]?.trim().startsWith('2 ')).toBe(true);
  });
});

describe('page numbers left in text without form feeds', () => {
  // Seed 000 prints table 1 one cell per line, each cell indented by a tab.
  const seed = readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_d0c4e47c7a6f8a9c.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_d0c4e47c7a6f8a9c.expected.json'), 'utf8')).expected;
  const withAfter = (label: string, inserted: string[]) => {
    const lines = seed.split('\n');
    const at = lines.indexOf(`\t${label}`);
    expect(at).toBeGreaterThan(0);
    lines.splice(at + 1, 0, ...inserted);
    return parseText(lines.join('\n'));
  };

  for (const inserted of [['3'], ['', '3', ''], ['3', '泉州市鲤城区人民政府2023年政府信息公开工作年度报告']]) {
    it(`a bare number at the margin between an indented label and its cells is skipped: ${JSON.stringify(inserted)}`, () => {
      for (const label of ['行政规范性文件', '行政许可']) {
        const r = withAfter(label, inserted);
        if (!r.ok) throw new Error(r.error.message);
        expect(r.report.proactive).toEqual(expected.proactive);
        expect(r.report.warnings.filter((w) => w.code === 'cells-extra')).toEqual([]);
      }
    });
  }

  it('an indented bare number between cells is a cell: one too many is reported, not dropped silently', () => {
    const r = withAfter('行政许可', ['\t3']);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.warnings.find((w) => w.code === 'cells-extra')?.row).toBe('licensing');
  });
});

describe('one cell per line with zeros left as empty cell lines (a tab alone)', () => {
  const seed = readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_d0c4e47c7a6f8a9c.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_d0c4e47c7a6f8a9c.expected.json'), 'utf8')).expected;

  it('the empty cells keep the numbers in their columns; the blanks are forced to 0 by the identities', () => {
    const lines = seed.split('\n');
    const start = lines.findIndex((l) => l.includes('本年新收'));
    const blanked = lines.map((l, i) => (i > start && l === '\t0' ? '\t' : l)).join('\n');
    expect(blanked.split('\n').filter((l) => l === '\t').length).toBeGreaterThan(100);
    const r = parseText(blanked);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.applications).toEqual(expected.applications);
    expect(r.report.reviews.reconsideration).toEqual(expected.reviews.reconsideration);
    expect(r.report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.report.warnings.some((w) => w.code === 'value-inferred')).toBe(true);
  });

  it('table 4 printed with its first cells empty: the numbers keep their columns', () => {
    const lines = seed.split('\n');
    let at = lines.findIndex((l, i) => i > lines.findLastIndex((x) => x.trim() === '总计') && l === '\t3');
    expect(at).toBeGreaterThan(0);
    // litigationDirect corrected 1 of 1; every other cell empty.
    for (let k = 0; k < 15; k++, at++) lines[at] = k === 6 || k === 9 ? '\t1' : '\t';
    const r = parseText(lines.join('\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.reviews.litigationDirect).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(r.report.reviews.reconsideration.total).toBeNull();
  });

  it('an empty label cell line before the row\'s numbers is not a blank number (the row keeps its seven)', () => {
    const lines = seed.split('\n');
    const at = lines.findIndex((l) => l.includes('结转下年度继续办理'));
    expect(at).toBeGreaterThan(0);
    const withEmpty = [...lines.slice(0, at + 1), '\t', ...lines.slice(at + 1)].join('\n');
    const r = parseText(withEmpty);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.applications.carriedForward).toEqual(expected.applications.carriedForward);
  });
});

describe('PDF text with zeros left blank: columns by position', () => {
  // Blank the zeros (all but the row's last number) of every second row of seven numbers, keeping positions.
  const blankZeros = (text: string): string => {
    let n = 0;
    return text
      .split('\n')
      .map((l) => {
        const toks = [...l.matchAll(/(?<=\s)\d+(?=\s|$)/g)];
        if (toks.length !== 7 || ++n % 2 === 1) return l;
        const chars = [...l];
        for (const m of toks.slice(0, -1)) if (m[0] === '0') chars[m.index] = ' ';
        return chars.join('');
      })
      .join('\n');
  };
  const parsed = (text: string) => {
    const r = parseText(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.report;
  };

  for (const name of ['hongze-2023.layout.txt', 'huaian-2024.layout.txt']) {
    it(`${name} (pdftotext -layout): each number placed in the column its offset shows, the blanks the zeros`, () => {
      const text = readFileSync(path.resolve(process.cwd(), '../shared/corpus', name), 'utf8');
      const blanked = blankZeros(text);
      expect(blanked).not.toBe(text);
      const a = parsed(text);
      const b = parsed(blanked);
      expect(b.applications).toEqual(a.applications);
      expect(b.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(a.checks.filter((c) => !c.passed).map((c) => c.id));
      expect(b.warnings.filter((w) => w.code === 'cells-missing').length).toBeGreaterThan(0);
    });
  }

  it('columns set apart by no-break spaces (U+00A0) instead of spaces: the same table', () => {
    const text = readFileSync(path.resolve(process.cwd(), '../shared/corpus', 'huaian-2024.layout.txt'), 'utf8');
    const nbsp = text
      .split('\n')
      .map((l) => ([...l.matchAll(/(?<=\s)\d+(?=\s|$)/g)].length === 7 ? l.replace(/ {2}/g, '\u00a0\u00a0') : l))
      .join('\n');
    expect(nbsp).not.toBe(text);
    const a = parsed(text);
    const b = parsed(nbsp);
    expect(b.applications).toEqual(a.applications);
    expect(b.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('text aligned in a monospace editor (CJK two columns wide) places them by display column', () => {
    const text = readFileSync(path.join(DIR, 'pdf-layout.txt'), 'utf8');
    const blanked = text
      .split('\n')
      .map((l) => (/二、上年结转|（一）予以公开|1\.本机关不掌握|2\.重复申请/.test(l) ? l.replace(/(?<=\s)0(?=\s)/g, ' ') : l))
      .join('\n');
    expect(blanked).not.toBe(text);
    const b = parsed(blanked);
    expect(b.applications).toEqual(parsed(text).applications);
    expect(b.applications.granted).toEqual({ naturalPerson: 5, commercialEnterprise: 1, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 6 });
  });
});

describe('table 1 rows with a blank cell', () => {
  const parsed = (text: string) => {
    const r = parseText(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.report;
  };
  const pipe = readFileSync(path.join(__dirname, 'fixtures/inputs/t4-lost-cell-ambiguous.txt'), 'utf8');
  const row = '行政规范性文件 | 15 | 14 | 32 |';

  it('a pipe row: the numbers keep the columns their cells show, the blank stays null and is reported', () => {
    expect(pipe).toContain(row);
    const mid = parsed(pipe.replace(row, '行政规范性文件 | 15 |  | 32 |'));
    expect(mid.proactive.normativeDocuments).toEqual({ issued: 15, repealed: null, inForce: 32 });
    expect(mid.warnings.find((w) => w.row === 'normativeDocuments')).toMatchObject({ code: 'value-blank', detail: { blankCells: [1] } });
    expect(mid.sources['proactive.normativeDocuments.inForce']?.raw).toBe('32');
    const first = parsed(pipe.replace(row, '行政规范性文件 |  | 14 | 32 |'));
    expect(first.proactive.normativeDocuments).toEqual({ issued: null, repealed: 14, inForce: 32 });
  });

  it('digits run together: one split is the reading; several leave the cells they disagree on blank, all listed', () => {
    const one = parsed(pipe.replace(row, '行政规范性文件1000'));
    expect(one.proactive.normativeDocuments).toEqual({ issued: 10, repealed: 0, inForce: 0 });
    const many = parsed(pipe.replace(row, '行政规范性文件151432'));
    expect(many.proactive.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    const amb = many.warnings.find((w) => w.code === 'split-ambiguous' && w.row === 'normativeDocuments');
    expect((amb?.detail as { readings: number[][] }).readings).toContainEqual([15, 14, 32]);
    expect(many.sources['proactive.normativeDocuments.issued']).toBeUndefined();
  });

  it('a row that does not show where its blank is: read from the left, and reported', () => {
    const r = parsed(pipe.replace(row, '行政规范性文件 | 15 | 32'));
    expect(r.proactive.normativeDocuments).toEqual({ issued: 15, repealed: 32, inForce: null });
    expect(r.warnings.find((w) => w.row === 'normativeDocuments')?.code).toBe('cells-missing');
  });

  it('PDF text laid out by spaces: placed by the other three-cell row', () => {
    const text = readFileSync(path.join(DIR, 'pdf-layout.txt'), 'utf8');
    const line = '    规章            0              0              2              ';
    expect(text).toContain(line);
    const r = parsed(text.replace(line, '    规章                                          2              '));
    expect(r.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: 2 });
    expect(r.proactive.normativeDocuments).toEqual({ issued: 3, repealed: 1, inForce: 20 });
  });
});

describe('numbers printed above their wrapped label (PDF text)', () => {
  it('a row of 14 numbers is cut in two and the second half takes the next row', () => {
    const lines = readFileSync(path.join(DIR, 'pdf-layout.txt'), 'utf8').split('\n');
    const label = lines.findIndex((l) => l.includes('（二）部分公开'));
    const [numbers] = lines.splice(label + 2, 1);
    lines.splice(label, 0, numbers ?? '');
    const res = parseText(lines.join('\n'));
    if (!res.ok) throw new Error(res.error.message);
    expect(tableRows(res.report)).toEqual(EXPECTED_ROWS);
    expect(codes(res.report, 'label-fuzzy')).toMatchObject([{ row: 'partiallyGranted', detail: { label: '' } }]);
  });
});

describe('blank cells printed as dashes', () => {
  it('keep their column: forced by the identities where they can be, null otherwise', () => {
    const text = readFileSync(path.join(DIR, 'tabs.txt'), 'utf8')
      .replace('（一）予以公开\t5\t1\t0\t', '（一）予以公开\t5\t1\t—\t')
      .replace('行政许可\t150', '行政许可\t/');
    const res = parseText(text);
    if (!res.ok) throw new Error(res.error.message);
    const r = res.report;
    expect(tableRows(r)).toEqual(EXPECTED_ROWS);
    expect(codes(r, 'value-inferred')).toMatchObject([{ row: 'granted', detail: { column: 'researchInstitution', value: 0 } }]);
    expect(codes(r, 'cells-missing')).toEqual([]);
    expect(r.proactive.licensing).toEqual({ decisions: null });
  });
});

describe('digits run together', () => {
  it('unique split per row, chosen by the identities', () => {
    const r = parse('run-together.txt');
    expect(tableRows(r)).toEqual(EXPECTED_ROWS);
    expect(reviewValues(r)).toEqual([...REVIEWS]);
    expect(codes(r, 'cells-run-together').filter((w) => w.row === 'newReceived')).toHaveLength(1);
    expect(codes(r, 'split-ambiguous').filter((w) => !['regulations', 'normativeDocuments'].includes(w.row ?? ''))).toEqual([]);
    // Table 1 has no identities: 002 splits one way only, 3120 three ways (3|1|20 first).
    expect(r.proactive.regulations).toEqual({ issued: 0, repealed: 0, inForce: 2 });
    expect(codes(r, 'split-ambiguous').map((w) => w.row)).toEqual(['normativeDocuments']);
  });

  it('several consistent splits: the cells they disagree on are left blank and split-ambiguous lists the readings', () => {
    const r = parse('run-together-ambiguous.txt');
    const amb = codes(r, 'split-ambiguous').filter((w) => w.row !== 'normativeDocuments');
    expect(amb.map((w) => w.row)).toEqual(['newReceived', 'granted', 'totalHandled']);
    expect(amb[0]?.detail).toEqual({ readings: [[1, 0, 10, 0, 0, 0, 11], [10, 1, 0, 0, 0, 0, 11]] });
    // 1|0|10 or 10|1|0: not guessed. What every reading agrees on is kept, with its provenance.
    expect(r.applications.newReceived).toEqual({ naturalPerson: null, commercialEnterprise: null, researchInstitution: null, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 11 });
    expect(r.sources['applications.newReceived.naturalPerson']).toBeUndefined();
    expect(r.sources['applications.newReceived.total']).toBeDefined();
  });
});

describe('short labels misread or spelt otherwise', () => {
  const variant = (name: string, from: string, to: string): ParsedReport => {
    const text = readFileSync(path.join(DIR, name), 'utf8');
    expect(text).toContain(from);
    const r = parseText(text.replace(from, to), { fileName: name });
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.report;
  };
  it.each([
    ['tabs.txt', '（七）总计\t', '（七）总汁\t', 'totalHandled'],
    ['tabs.txt', '2.重复申请\t', '2.重夏申请\t', 'notProcessedDuplicate'],
    ['template-2019.txt', '（六）其他处理\t', '（六）其他外理\t', 'otherTotal'],
  ])('%s: %s → %s is placed by its position, with a warning', (name, from, to, key) => {
    const r = variant(name, from, to);
    const base = parse(name);
    expect(r.applications).toEqual(base.applications);
    expect(codes(r, 'row-missing')).toEqual([]);
    expect(codes(r, 'label-fuzzy').map((w) => w.row)).toContain(key);
    expect(r.checks.length).toBe(base.checks.length);
  });
  it.each([
    ['tabs.txt', '3.其他\t', '3.其它\t'],
    ['template-2019.txt', '（六）其他处理\t', '（六）其它处理\t'],
    ['template-2019.txt', '（七）总计\t', '（七）合计\t'],
  ])('%s: %s → %s is the same row', (name, from, to) => {
    const r = variant(name, from, to);
    expect(r.applications).toEqual(parse(name).applications);
    expect(codes(r, 'row-missing')).toEqual([]);
  });
  it('a sign set apart from its digits (- 3) is still the number', () => {
    const r = variant('template-2019.txt', '行政许可\t12\t-3\t150', '行政许可\t12\t- 3\t150');
    expect(r.proactive.licensing).toEqual({ previousItems: 12, change: -3, decisions: 150 });
  });
});

describe('templates', () => {
  it('template 2019: its table 1, no other* sub-rows, printed otherTotal, 万元 converted, mismatch warned', () => {
    const r = parse('template-2019.txt');
    expect(r.template).toBe('2019');
    expect(r.proactive.licensing).toEqual({ previousItems: 12, change: -3, decisions: 150 });
    expect(r.proactive.fees).toEqual({ previousItems: 2, change: 0 });
    expect(r.proactive.procurement).toEqual({ projects: 9, amountYuan: 25000 });
    expect(codes(r, 'unit-converted')).toHaveLength(1);
    expect(Object.keys(r.applications)).not.toContain('otherOverdueCorrection');
    expect(r.applications.otherTotal).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(codes(r, 'template-mismatch')).toHaveLength(1);
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('template 2021: otherTotal is the sum of the sub-rows, sourced from them', () => {
    const r = parse('tabs.txt');
    expect(r.applications.otherTotal).toEqual({ naturalPerson: 0, commercialEnterprise: 1, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 1 });
    expect(r.sources['applications.otherTotal.total']?.derivedFrom).toEqual([
      'applications.otherOverdueCorrection.total',
      'applications.otherUnpaidFee.total',
      'applications.otherReasons.total',
    ]);
    expect(codes(r, 'template-mismatch')).toEqual([]);
  });
});

describe('narrative against tables (identity 6)', () => {
  it('a figure the overview states is checked against table 3', () => {
    const r = parse('tabs.txt');
    expect(r.checks.find((c) => c.id === 'narrative.newReceived')).toEqual({ id: 'narrative.newReceived', passed: true, left: 16, right: 16, line: 4 });
    const amb = parse('run-together-ambiguous.txt');
    expect(amb.checks.find((c) => c.id === 'narrative.newReceived')).toMatchObject({ passed: false, left: 16, right: 11 });
  });
});

describe('failed identities are reported, never corrected', () => {
  it('a wrong printed total stays as printed; the checks fail with both sides', () => {
    const r = parse('failed-identity.txt');
    expect(r.applications.totalHandled?.total).toBe(18);
    expect(r.checks.filter((c) => !c.passed)).toEqual([
      { id: 'row.totalHandled', passed: false, left: 17, right: 18, line: expect.any(Number) },
      { id: 'outcomes.total', passed: false, left: 17, right: 18, line: expect.any(Number) },
      { id: 'balance.total', passed: false, left: 18, right: 19, line: expect.any(Number) },
    ]);
  });
});

describe('run-together digits with no consistent split', () => {
  it('bug: a run-together row whose printed total is off was left blank; the column identities place its parts', () => {
    const text = readFileSync(path.join(DIR, 'run-together.txt'), 'utf8').replace('二、上年结转政府信息公开申请数量2000002', '二、上年结转政府信息公开申请数量2000009');
    const res = parseText(text);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.report.applications.carriedOver).toEqual({ naturalPerson: 2, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 9 });
    expect(res.report.warnings.find((w) => w.row === 'carriedOver')).toMatchObject({ code: 'cells-run-together', detail: { printed: '2000009', unbalanced: true } });
    // The printed total is kept and its identities fail, with both sides.
    expect(res.report.checks.find((c) => c.id === 'row.carriedOver')).toMatchObject({ passed: false, left: 2, right: 9 });
    expect(res.report.checks.find((c) => c.id === 'balance.naturalPerson')).toMatchObject({ passed: true });
  });

  it('leaves the row blank and says so when the column identities reject every split', () => {
    const text = readFileSync(path.join(DIR, 'run-together.txt'), 'utf8').replace('二、上年结转政府信息公开申请数量2000002', '二、上年结转政府信息公开申请数量2000090');
    const res = parseText(text);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.report.applications.carriedOver).toEqual({ naturalPerson: null, commercialEnterprise: null, researchInstitution: null, publicInterestOrg: null, legalServiceOrg: null, otherOrg: null, total: null });
    expect(res.report.warnings.find((w) => w.row === 'carriedOver')).toMatchObject({ code: 'cells-run-together', detail: { printed: '2000090', solutions: 0 } });
    // Checks with a blank operand are not emitted.
    expect(res.report.checks.find((c) => c.id === 'balance.total')).toBeUndefined();
  });
});
