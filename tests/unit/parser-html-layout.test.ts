import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../lib/report-parser/html';
import { parseReport } from '../../lib/report-parser/index';
import type { ParseResult } from '../../lib/report-parser/types';
import { utf8 } from './fixtures/inputs/encodings';

/**
 * A report on an old CMS page laid out with tables: the whole page is one <table> (logo and nav rows, a side
 * column, a footer row), the article sits in a content-frame table inside its middle cell, and the report's data
 * tables (seed 004's, as Word-export markup) are nested in that, two layout tables deep.
 */
const SEED4 = readFileSync(path.resolve(__dirname, '../../../shared/seeds/004_6edcfa7a7c2249f1.txt'), 'utf8');
const PAGE = readFileSync(path.join(__dirname, 'fixtures/inputs/html-layout-table.html'), 'utf8');

const figures = (r: ParseResult) =>
  r.ok
    ? { proactive: r.report.proactive, applications: r.report.applications, reviews: r.report.reviews }
    : r.error;

describe('HTML report inside a page-layout table', () => {
  it('parses tables 1, 3 and 4 to exactly the figures of the unwrapped report', async () => {
    const base = await parseReport(utf8(SEED4), { fileName: '004.txt' });
    const page = await parseReport(utf8(PAGE), { fileName: 'layout.html' });
    expect(base.ok).toBe(true);
    expect(page.ok).toBe(true);
    if (!base.ok || !page.ok) return;
    expect(page.format).toBe('html');
    expect(page.report.template).toBe(base.report.template);
    expect(figures(page)).toEqual(figures(base));
    // Not two equal empties: the figures are there.
    expect(page.report.proactive.normativeDocuments).toMatchObject({ issued: 15, repealed: 14, inForce: 32 });
    expect(page.report.proactive.licensing?.decisions).toBe(40842);
    expect(page.report.applications.newReceived).toMatchObject({ naturalPerson: 78, commercialEnterprise: 2, total: 80 });
    expect(page.report.applications.unableNotHeld).toMatchObject({ naturalPerson: 36, total: 38 });
    expect(page.report.applications.totalHandled?.total).toBe(80);
    expect(page.report.reviews.reconsideration.total).toBe(0);
    expect(page.report.reviews.litigationAfterReconsideration.total).toBe(0);
  });

  it('takes the agency and date from the report, not from the nav, side column or footer', async () => {
    const base = await parseReport(utf8(SEED4), { fileName: '004.txt' });
    const page = await parseReport(utf8(PAGE), { fileName: 'layout.html' });
    if (!base.ok || !page.ok) throw new Error('parse failed');
    expect(page.report.agencyName).toBe(base.report.agencyName);
    expect(page.report.agencyName).toBe('芗城区人民政府');
    for (const chrome of ['首页', '政务公开', '漳州市人民政府', '主办单位', '版权所有', '当前位置', '打印本页']) {
      expect(page.report.agencyName).not.toContain(chrome);
    }
    expect([page.report.regionCode, page.report.year, page.report.publishedOn]).toEqual([
      base.report.regionCode,
      base.report.year,
      base.report.publishedOn,
    ]);
  });

  it('reads the layout cells as block flow and the nested data tables as grid rows', () => {
    const lines = htmlToText(PAGE).split('\n');
    // Page chrome: one line per block, not one line for the whole page.
    expect(lines[0]).toBe('漳州市人民政府 | 芗城区人民政府门户网站');
    expect(lines).toContain('政府信息公开年报');
    expect(lines).toContain('二、主动公开政府信息情况');
    expect(lines.some((l) => l.startsWith('主办单位：漳州市人民政府办公室'))).toBe(true);
    // The data tables, two layout tables deep, keep their columns.
    expect(lines).toContain('行政规范性文件\t15\t14\t32');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t78\t2\t0\t0\t0\t0\t80\t\t');
    expect(lines).toContain(Array(15).fill('0').join('\t'));
    // Prose is never glued onto a table row.
    expect(lines.filter((l) => l.includes('\t')).every((l) => l.length < 200)).toBe(true);
  });
});

describe('htmlToText: layout vs data tables', () => {
  const t3 = '<table><tr><td>项目</td><td>自然人</td><td>总计</td></tr><tr><td>一、本年新收</td><td>5</td><td>5</td></tr><tr><td>（七）总计</td><td>5</td><td>5</td></tr></table>';

  it('a data table nested three layout tables deep is still a grid', () => {
    const out = htmlToText(`<table><tr><td><table><tr><td><table><tr><td>正文</td></tr><tr><td>${t3}</td></tr></table></td></tr></table></td></tr></table>`);
    expect(out).toBe('正文\n项目\t自然人\t总计\n一、本年新收\t5\t5\n（七）总计\t5\t5\n');
  });

  it('a one-cell wrapper whose cell holds paragraphs and a heading is read as block flow', () => {
    const out = htmlToText('<table><tr><td><h2>标题</h2><p>第一段</p><p>第二段</p></td></tr></table>');
    expect(out).toBe('标题\n第一段\n第二段\n');
  });

  it('a small table nested in one cell of a data table stays inside that cell', () => {
    const out = htmlToText(
      '<table><tr><td>信息内容</td><td>本年收费金额</td></tr><tr><td><table><tr><td>行政事业性</td><td>收费</td></tr></table></td><td>0.5</td></tr><tr><td>合计</td><td>0.5</td></tr></table>',
    );
    expect(out).toBe('信息内容\t本年收费金额\n行政事业性 收费\t0.5\n合计\t0.5\n');
  });

  it('a data grid with one long note row stays a data table', () => {
    const note = '注：'.padEnd(300, '本表数据统计期限为本年度');
    const rows = ['<tr><td>项目</td><td>甲</td><td>乙</td></tr>', '<tr><td>一</td><td>1</td><td>2</td></tr>', '<tr><td>二</td><td>3</td><td>4</td></tr>'];
    const out = htmlToText(`<table>${rows.join('')}<tr><td colspan="3">${note}</td></tr></table>`);
    expect(out.split('\n')).toEqual(['项目\t甲\t乙', '一\t1\t2', '二\t3\t4', note, '']);
  });

  it('Word-export cells with a paragraph or two each stay a data table', () => {
    const c = (s: string) => `<td><p class="MsoNormal"><span>${s}</span></p></td>`;
    const out = htmlToText(`<table><tr>${c('行政复议')}<td><p>结果</p><p>维持</p></td></tr><tr>${c('0')}${c('1')}</tr></table>`);
    expect(out).toBe('行政复议\t结果 维持\n0\t1\n');
  });
});
