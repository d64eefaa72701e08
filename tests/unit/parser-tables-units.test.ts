/**
 * Units of the table engine: digit splitting, row candidates, label matching, the solver's bounds, and the
 * never-throw error contract of parseText.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, parseText } from '@/lib/report-parser';
import { alignTable3, labelSimilarity, TABLE3_LABELS } from '@/lib/report-parser/labels';
import { rowCandidates, splitDigits } from '@/lib/report-parser/tables/candidates';
import type { NumToken } from '@/lib/report-parser/tables/cells';
import { lineTokens, type Token } from '@/lib/report-parser/tables/cells';
import { toMatchForm } from '@/lib/report-parser/normalize';

const tok = (raw: string, glued = false): NumToken => ({
  kind: 'num',
  value: Number(raw),
  raw,
  line: 1,
  cell: 0,
  unit: null,
  glued,
  plainDigits: /^\d+$/.test(raw),
});

describe('splitDigits', () => {
  it('splits 123000015 as 12|3|0|0|0|0|15 only', () => {
    expect(splitDigits('123000015', 7, 7)).toEqual([[12, 3, 0, 0, 0, 0, 15]]);
  });
  it('lists every split that adds up (101000011 two ways)', () => {
    expect(splitDigits('101000011', 7, 7)).toEqual([
      [1, 0, 10, 0, 0, 0, 11],
      [10, 1, 0, 0, 0, 0, 11],
    ]);
  });
  it('never uses leading zeros and returns nothing when no split adds up', () => {
    expect(splitDigits('1000009', 7, 7)).toEqual([]);
  });
  it('splits table 4 (three groups of five)', () => {
    expect(splitDigits('100120100100000', 15, 5)).toEqual([[1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]]);
  });
  it('is bounded on hostile input', () => {
    const t0 = performance.now();
    splitDigits('1'.repeat(60), 15, 5);
    splitDigits('0'.repeat(40) + '1'.repeat(20), 7, 7);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('rowCandidates', () => {
  it('a full row is read as printed, even when it does not add up', () => {
    const c = rowCandidates(['1', '2', '0', '0', '0', '0', '9'].map((x) => tok(x)), 7, 7);
    expect(c).toHaveLength(1);
    expect(c[0]?.values).toEqual([1, 2, 0, 0, 0, 0, 9]);
  });
  it('six of seven: every placement, the gap forced by the row sum, duplicates merged', () => {
    const c = rowCandidates(['5', '0', '0', '0', '0', '6'].map((x) => tok(x)), 7, 7);
    expect(c.map((x) => x.values)).toEqual([
      [1, 5, 0, 0, 0, 0, 6],
      [5, 1, 0, 0, 0, 0, 6],
      [5, 0, 1, 0, 0, 0, 6],
      [5, 0, 0, 1, 0, 0, 6],
      [5, 0, 0, 0, 1, 0, 6],
      [5, 0, 0, 0, 0, 1, 6],
      [5, 0, 0, 0, 0, 6, 11],
    ]);
  });
  it('a gap that would need a negative value is not a candidate', () => {
    const c = rowCandidates(['5', '3', '0', '0', '0', '6'].map((x) => tok(x)), 7, 7);
    expect(c.every((x) => x.values.every((v) => v === null || v >= 0))).toBe(true);
    expect(c.map((x) => x.values)).toContainEqual([5, 3, 0, 0, 0, 6, 14]);
  });
  it('an empty cell between two numbers puts that placement first', () => {
    const cells = [1, 2, 3, 5, 6, 7];
    const toks = ['1', '0', '0', '0', '0', '2'].map((x, i) => ({ ...tok(x), cell: cells[i] ?? 0 }));
    expect(rowCandidates(toks, 7, 7)[0]?.values).toEqual([1, 0, 0, 1, 0, 0, 2]);
    const noHint = ['1', '0', '0', '0', '0', '2'].map((x, i) => ({ ...tok(x), cell: i + 1 }));
    expect(rowCandidates(noHint, 7, 7)[0]?.values).toEqual([1, 1, 0, 0, 0, 0, 2]);
  });
  it('more than two empty cells between numbers of one row are placed where they are printed', () => {
    // | 78 | 2 |  |  |  |  | 80 |: zeros left blank, as many real tables print them.
    const toks = [['78', 1], ['2', 2], ['80', 7]].map(([x, cell]) => ({ ...tok(String(x)), cell: Number(cell) }));
    // 78 + 2 already make 80 and counts are never negative: the blanks are forced to 0 (and marked inferred).
    expect(rowCandidates(toks, 7, 7)).toMatchObject([{ kind: 'missing', values: [78, 2, 0, 0, 0, 0, 80], missing: [2, 3, 4, 5], inferred: [2, 3, 4, 5] }]);
    // When the printed parts fall short of the total, the blanks stay unknown: nothing says how the rest splits.
    const short = [['70', 1], ['2', 2], ['80', 7]].map(([x, cell]) => ({ ...tok(String(x)), cell: Number(cell) }));
    expect(rowCandidates(short, 7, 7)).toMatchObject([{ kind: 'missing', values: [70, 2, null, null, null, null, 80], inferred: [] }]);
    // Without empty cells showing where, four numbers of seven stay unreadable: no placement is guessed.
    const noHint = ['78', '2', '0', '80'].map((x, i) => ({ ...tok(x), cell: i + 1 }));
    expect(rowCandidates(noHint, 7, 7)).toMatchObject([{ kind: 'unreadable' }]);
  });
  it('a change written in words (本年增/减: 减8, 增3) is a signed number', () => {
    const out: Token[] = [];
    lineTokens('行政许可\t7\t减8\t9', 57, out);
    lineTokens('行政处罚\t2\t增3\t5', 58, out);
    const nums = out.filter((t): t is NumToken => t.kind === 'num');
    expect(nums.map((t) => t.value)).toEqual([7, -8, 9, 2, 3, 5]);
    expect(nums[1]?.raw).toBe('减8');
  });
  it('empty cells after the last number of a grid row are that row\'s last cells (table 4: 3, , , , 3, then ten blanks)', () => {
    const out: Token[] = [];
    lineTokens('3\t\t\t\t3' + '\t'.repeat(10), 9, out);
    const nums = out.filter((t): t is NumToken => t.kind === 'num');
    expect(nums.map((t) => t.trailingBlanks)).toEqual([undefined, 10]);
    const c = rowCandidates(nums, 15, 5);
    expect(c).toHaveLength(1);
    // The first group is forced (3 = 3 + blanks); the two litigation groups printed blank stay unknown.
    expect(c[0]?.values).toEqual([3, 0, 0, 0, 3, ...new Array(10).fill(null)]);
    // A pipe row's closing pipe is not a blank cell.
    const piped: Token[] = [];
    lineTokens('| 一、本年新收 | 9 |  |  |  |  |  |', 3, piped);
    expect(piped.filter((t): t is NumToken => t.kind === 'num').map((t) => t.trailingBlanks)).toEqual([5]);
  });
  it('empty cells between the label and the only number: the number is the total and the parts are forced to 0', () => {
    const out: Token[] = [];
    lineTokens('\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t0', 48, out);
    const nums = out.filter((t): t is NumToken => t.kind === 'num');
    expect(nums).toMatchObject([{ value: 0, leadingBlanks: 6 }]);
    expect(rowCandidates(nums, 7, 7)).toMatchObject([{ kind: 'missing', values: [0, 0, 0, 0, 0, 0, 0], inferred: [0, 1, 2, 3, 4, 5] }]);
    // When the blanks before it do not account for every missing cell, nothing is placed by them.
    const two: Token[] = [];
    lineTokens('2.其他法律行政法规禁止公开\t\t\t5', 48, two);
    expect(rowCandidates(two.filter((t): t is NumToken => t.kind === 'num'), 7, 7)).toMatchObject([{ kind: 'unreadable' }]);
  });
  it('a dash in a full row keeps its column and is forced by the row identity when the rest make the total', () => {
    const row = ['3', '-', '0', '1', '4', '2', '0', '1', '0', '3', '1', '1', '0', '0', '2'].map((x, i) => ({ ...tok(x), value: x === '-' ? null : Number(x), cell: i }));
    expect(rowCandidates(row, 15, 5)).toMatchObject([{ kind: 'exact', values: [3, 0, 0, 1, 4, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2], inferred: [1] }]);
    // Printed parts above their total: the dash stays blank, nothing is changed.
    const over = row.map((t, i) => (i === 4 ? { ...t, value: 2, raw: '2' } : t));
    expect(rowCandidates(over, 15, 5)[0]).toMatchObject({ kind: 'exact', inferred: [] });
    expect(rowCandidates(over, 15, 5)[0]?.values[1]).toBeNull();
  });
  it('a pipe row with five blank cells keeps its printed numbers; the identities force the blanks to 0', () => {
    const text = readFileSync(path.join(__dirname, 'fixtures/inputs/pipe-blank-zero-cells.txt'), 'utf8');
    const r = parseText(text);
    if (!r.ok) throw new Error(r.error.message);
    const row = r.report.applications.newReceived;
    expect(row).toEqual({ naturalPerson: 78, commercialEnterprise: 2, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 80 });
    // The printed cells keep their provenance; the forced ones are marked as inferred, not as printed.
    expect(r.report.sources['applications.newReceived.naturalPerson']).toMatchObject({ raw: '78' });
    expect(r.report.sources['applications.newReceived.researchInstitution']).toMatchObject({ cell: -1 });
    expect(r.report.warnings.some((w) => w.code === 'value-inferred' && w.row === 'newReceived')).toBe(true);
  });
  it('an HTML report printing every 0 as a blank cell: table 3 complete, blanks forced to 0 only by the identities', async () => {
    const html = readFileSync(path.join(__dirname, 'fixtures/inputs/html-blank-zero-cells.html'));
    const seed = JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/seeds/000_d0c4e47c7a6f8a9c.expected.json'), 'utf8')).expected;
    const r = await parseReport(html, { fileName: 'blank-zero.html' });
    if (!r.ok) throw new Error(r.error.message);
    // Every row and column of table 3 is the seed's (the same report with its zeros printed).
    expect(r.report.applications).toEqual(seed.applications);
    expect(r.report.reviews.reconsideration).toEqual(seed.reviews.reconsideration);
    // A litigation group printed entirely blank has no total to force it: unknown, not 0.
    expect(r.report.reviews.litigationDirect).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.report.checks.filter((c) => !c.passed && c.left !== null && c.right !== null)).toEqual([]);
    // Forced blanks say so, and keep no printed provenance.
    expect(r.report.warnings.some((w) => w.code === 'value-inferred' && w.row === 'deniedStateSecret')).toBe(true);
    expect(r.report.sources['applications.deniedStateSecret.total']?.cell).toBe(-1);
  });
  it('an HTML table-1 row whose amount spans the last two columns keeps a blank count blank and the amount in its column', async () => {
    // <td>政府集中采购</td><td>&nbsp;</td><td colspan="2">0元</td>
    const html = readFileSync(path.join(__dirname, 'fixtures/inputs/html-procurement-spanned.html'));
    const r = await parseReport(html, { fileName: 'procurement.html' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.proactive.procurement).toEqual({ projects: null, amountYuan: 0 });
    expect(r.report.warnings).toContainEqual(expect.objectContaining({ code: 'value-blank', row: 'procurement' }));
  });
  it('glued digits become split candidates', () => {
    const c = rowCandidates([tok('123000015', true)], 7, 7);
    expect(c).toMatchObject([{ kind: 'split', values: [12, 3, 0, 0, 0, 0, 15] }]);
  });
});

describe('labels', () => {
  const idx = (key: string): number => TABLE3_LABELS.findIndex(([k]) => k === key);
  it('matches typos approximately and exact labels exactly', () => {
    expect(labelSimilarity('2.其他法律行政止公开', idx('deniedProhibitedByLaw'))).toBeGreaterThan(0.6);
    expect(labelSimilarity('2.其他法律行政止公开', idx('deniedProhibitedByLaw'))).toBeLessThan(0.9);
    expect(labelSimilarity('(七)总计', idx('totalHandled'))).toBe(1);
  });
  it('tells the 2019 group row (其他处理) from the 2021 sub-row (3.其他)', () => {
    const a = alignTable3(['(六)其他处理', '(七)总计']);
    expect(a.map((m) => m.key)).toEqual(['otherTotal', 'totalHandled']);
    const b = alignTable3(['1.申请人无正当理由逾期不补正', '2.申请人逾期未按收费通知要求缴纳费用', '3.其他', '(七)总计']);
    expect(b.map((m) => m.key)).toEqual(['otherOverdueCorrection', 'otherUnpaidFee', 'otherReasons', 'totalHandled']);
  });
  it('uses order: the repeated "1." numbering does not decide', () => {
    const a = alignTable3(['1.属于国家秘密', '1.本机关不掌握相关政府信息', '1.信访举报投诉类申请']);
    expect(a.map((m) => m.key)).toEqual(['deniedStateSecret', 'unableNotHeld', 'notProcessedComplaint']);
  });
});

describe('cells', () => {
  const tokens = (line: string): Token[] => {
    const out: Token[] = [];
    lineTokens(toMatchForm(line), 7, out);
    return out;
  };
  it('reads full-width digits, units, negatives and stray spaces', () => {
    expect(tokens('政府集中采购\t９\t25211 元').map((t) => (t.kind === 'num' ? [t.value, t.unit] : t.text))).toEqual([
      '政府集中采购',
      [9, null],
      [25211, '元'],
    ]);
    expect(tokens('行政许可\t－3\t 0\u00a0').map((t) => (t.kind === 'num' ? t.value : t.text))).toEqual(['行政许可', -3, 0]);
  });
  it('keeps numbering inside labels as text and peels numbers ending a space-separated row', () => {
    expect(tokens('1.属于国家秘密 0 0 0 0 0 0 0').map((t) => t.kind)).toEqual(['text', ...new Array(7).fill('num')]);
  });
  it('flags digits glued to a label', () => {
    const t = tokens('一、本年新收政府信息公开申请数量123000015');
    expect(t[1]).toMatchObject({ kind: 'num', raw: '123000015', glued: true });
  });
});

describe('errors never throw', () => {
  it('empty input', () => {
    expect(parseText('')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(parseText('\uFEFF \n\r\n')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
  it('not a report', () => {
    expect(parseText('今天天气很好。\n明天见。')).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
  });
  it('a report truncated before table 3', () => {
    const r = parseText('某区2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n规章\t0\t0\t0\n');
    expect(r).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
  it('binary-looking garbage', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65535)).join('');
    const r = parseText(junk);
    expect(r.ok).toBe(false);
  });
  it('CRLF and BOM are normalised, and line numbers refer to the returned text', () => {
    const r = parseText('\uFEFFa\r\nb\r\n');
    expect(r.text).toBe('a\nb\n');
  });
});

/** The table-4 fixture (pipe table 3, tab table 4) with one printed piece replaced, parsed; the piece must be there. */
const T4_FIXTURE = path.join(__dirname, 'fixtures/inputs/t4-lost-cell-ambiguous.txt');
function parseEdited(from: string, to: string) {
  const text = readFileSync(T4_FIXTURE, 'utf8');
  expect(text).toContain(from);
  const r = parseText(text.replace(from, to));
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

describe('table 3 found with its anchor labels misread', () => {
  it('上年结转 and 予以公开 both misread by OCR (上年结专, 子以公开): the table is still found and read', () => {
    const text = readFileSync(T4_FIXTURE, 'utf8');
    expect(text).toContain('上年结转');
    const misread = text.replaceAll('结转', '结专').replaceAll('予以公开', '子以公开');
    const a = parseText(text);
    const b = parseText(misread);
    if (!a.ok || !b.ok) throw new Error('not parsed');
    expect(b.report.applications.newReceived).toEqual(a.report.applications.newReceived);
    expect(b.report.applications.totalHandled).toEqual(a.report.applications.totalHandled);
  });
});

describe('solver', () => {
  it('a column lost from every row from 予以公开 to 总计 is placed at the same column in each (all identities hold)', () => {
    // Rows 一 and 二 are complete; every other row prints six numbers, its otherOrg cell dropped with the column.
    const r = parseText(readFileSync(path.join(__dirname, 'fixtures/inputs/tab-column-lost-every-row.txt'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const a = r.report.applications;
    expect(a.granted).toEqual({ naturalPerson: 20, commercialEnterprise: 5, researchInstitution: 1, publicInterestOrg: 0, legalServiceOrg: 1, otherOrg: 0, total: 27 });
    expect(a.totalHandled).toEqual({ naturalPerson: 61, commercialEnterprise: 12, researchInstitution: 1, publicInterestOrg: 2, legalServiceOrg: 2, otherOrg: 1, total: 79 });
    expect(r.report.checks.filter((c) => !c.passed)).toEqual([]);
    // The filled cells say so: none is shown as printed.
    expect(r.report.sources['applications.totalHandled.otherOrg']?.cell).toBe(-1);
    expect(r.report.warnings.filter((w) => w.code === 'cells-missing').length).toBeGreaterThan(15);
  });
  it('a table-4 row with one cell lost that several readings fit leaves those cells blank and lists the readings', () => {
    // 3 1 1 5 | 2 0 1 0 3 | 1 1 0 0 2: the lost reconsideration cell could be any of the four results or the total.
    const r = parseText(readFileSync(path.join(__dirname, 'fixtures/inputs/t4-lost-cell-ambiguous.txt'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const v = r.report.reviews;
    expect(v.reconsideration).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(v.litigationDirect).toEqual({ upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 });
    expect(v.litigationAfterReconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    const amb = r.report.warnings.find((w) => w.code === 'split-ambiguous');
    expect(amb?.line).toBe(72);
    const readings = (amb?.detail as { readings: number[][] }).readings;
    expect(readings.length).toBeGreaterThan(1);
    // The true reading (other = 0) is among them, and no undecided cell carries a source.
    expect(readings).toContainEqual([3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 1, 0, 0, 2]);
    expect(r.report.sources['reviews.reconsideration.upheld']).toBeUndefined();
  });
  it('a table-4 row whose first cells are blank keeps its numbers in the columns its empty cells show (tabs and pipes)', () => {
    const printed = '3\t1\t1\t5\t2\t0\t1\t0\t3\t1\t1\t0\t0\t2';
    // Only litigation after reconsideration printed: 1 1 in its first two cells, 2 as its total; the rest blank.
    for (const row of ['\t\t\t\t\t\t\t\t\t\t1\t1\t\t\t2', '| | | | | | | | | | | 1 | 1 | | | 2 |']) {
      const r = parseEdited(printed, row);
      expect(r.reviews.litigationAfterReconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
      // The groups printed entirely blank are not made up: no identity forces them.
      expect(r.reviews.reconsideration.total).toBeNull();
      expect(r.reviews.litigationDirect.total).toBeNull();
    }
  });
  it('table-4 digits run together with a misprinted total are read as printed and the identity fails (no cell invented)', () => {
    const printed = '3\t1\t1\t5\t2\t0\t1\t0\t3\t1\t1\t0\t0\t2';
    // 3 1 0 1 6 | 2 0 1 0 3 | 1 1 0 0 2 run together: 3+1+0+1 is 5, not the 6 printed.
    const r = parseEdited(printed, '310162010311002');
    expect(r.reviews.reconsideration).toEqual({ upheld: 3, corrected: 1, other: 0, pending: 1, total: 6 });
    expect(r.reviews.litigationDirect).toEqual({ upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 });
    expect(r.checks.filter((c) => !c.passed)).toMatchObject([{ id: 'reviews.reconsideration', left: 5, right: 6 }]);
    expect(r.warnings.map((w) => w.code)).not.toContain('cells-missing');
    // The same digits with the total right still split by the identities.
    expect(parseEdited(printed, '310152010311002').checks.filter((c) => !c.passed)).toEqual([]);
  });
  it('a table-3 row of seven digits run together is read as printed, a misprinted cell shown by its failed identities', () => {
    // 3 0 0 0 0 0 2: the natural-person cell misprinted (2 belongs); seven digits can only be seven cells.
    const r = parseEdited('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||', '2.重复申请 | 3000002 | ||');
    expect(r.applications.notProcessedDuplicate).toEqual({ naturalPerson: 3, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 2 });
    const failed = r.checks.filter((c) => !c.passed).map((c) => [c.id, c.left, c.right]);
    expect(failed).toEqual([['row.notProcessedDuplicate', 3, 2], ['outcomes.naturalPerson', 62, 61]]);
  });
  describe('OCR markdown cells', () => {
    const parseWith = parseEdited;

    it('a cell of the letter O or the numeral 〇 alone reads as 0, each one reported with its line', () => {
      const r = parseWith('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||', '2.重复申请 | 2 | O | 0 | o | 0 | 〇 | 2 | ||');
      expect(r.applications.notProcessedDuplicate).toEqual({ naturalPerson: 2, commercialEnterprise: 0, researchInstitution: 0, publicInterestOrg: 0, legalServiceOrg: 0, otherOrg: 0, total: 2 });
      const misread = r.warnings.filter((w) => w.code === 'value-misread');
      expect(misread.map((w) => (w.detail as { printed: string }).printed).sort()).toEqual(['O', 'o', '〇'].sort());
      expect(new Set(misread.map((w) => w.line)).size).toBe(1);
      expect(r.sources['applications.notProcessedDuplicate.commercialEnterprise']?.raw).toBe('O');
      expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    });

    it('OCR letters for 1 and for digits inside a count (l, I, 1O, 2l) are read as those digits, each reported', () => {
      const r = parseWith('一、本年新收政府信息公开申请数量 | 60 | 12 | 1 | 2 | 3 | 2 | 80 | ||', '一、本年新收政府信息公开申请数量 | 6O | 12 | l | 2 | 3 | 2 | 8O | ||');
      expect(r.applications.newReceived).toEqual({ naturalPerson: 60, commercialEnterprise: 12, researchInstitution: 1, publicInterestOrg: 2, legalServiceOrg: 3, otherOrg: 2, total: 80 });
      const misread = r.warnings.filter((w) => w.code === 'value-misread').map((w) => w.detail as { printed: string; value: number });
      expect(misread.sort((a, b) => a.printed.localeCompare(b.printed))).toEqual([
        { printed: '6O', value: 60 },
        { printed: '8O', value: 80 },
        { printed: 'l', value: 1 },
      ]);
      expect(r.checks.filter((c) => !c.passed)).toEqual([]);
      const r2 = parseWith('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||', '2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2l | ||');
      expect(r2.applications.notProcessedDuplicate?.total).toBe(21);
      // Read as printed: the misread total makes its row identity fail rather than being corrected.
      expect(r2.checks.find((c) => c.id === 'row.notProcessedDuplicate')).toMatchObject({ passed: false, left: 2, right: 21 });
    });

    it('letters that are a word, not a count, are not read as digits', () => {
      const r = parseWith('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||', '2.重复申请 | 2 | lO | 0 | 0 | 0 | 0 | 2 | ||');
      expect(r.warnings.filter((w) => w.code === 'value-misread')).toEqual([]);
      expect(r.applications.notProcessedDuplicate?.commercialEnterprise).not.toBe(10);
    });

    it('digits set apart by a space inside one delimited cell are one number when that gives the row its seven cells', () => {
      const r = parseWith('一、本年新收政府信息公开申请数量 | 60 | 12 | 1 | 2 | 3 | 2 | 80 | ||', '一、本年新收政府信息公开申请数量 | 6 0 | 12 | 1 | 2 | 3 | 2 | 8 0 | ||');
      expect(r.applications.newReceived).toEqual({ naturalPerson: 60, commercialEnterprise: 12, researchInstitution: 1, publicInterestOrg: 2, legalServiceOrg: 3, otherOrg: 2, total: 80 });
      expect(r.sources['applications.newReceived.total']?.raw).toBe('8 0');
      expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    });
  });
});
