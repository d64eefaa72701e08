/**
 * Writes the layout fixtures (one per layout class) from base.ts. Deterministic; run with
 * `npx tsx tests/unit/layouts/generate.ts` after changing base.ts, and commit the .txt files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EPILOGUE, PREAMBLE, REVIEWS, ROWS, T3_HEADER, T4_HEADER, TABLE1_2021 } from './base';

type Row = { key: string; label: string[]; cells: string[] };

const T3_TITLE = '三、收到和处理政府信息公开申请情况';
const T4_TITLE = '四、政府信息公开行政复议、行政诉讼情况';

function baseRows(): Row[] {
  return ROWS.map(([key, label, values]) => ({ key, label: label.split('|'), cells: values.map(String) }));
}

function edit(rows: Row[], key: string, f: (r: Row) => void): Row[] {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(key);
  f(r);
  return rows;
}

function doc(t1: string[], t3: string[], t4: string[]): string {
  return [PREAMBLE, ...t1, T3_TITLE, ...t3, T4_TITLE, ...t4, EPILOGUE, ''].join('\n');
}

function tabs(rows: Row[], opts: { t4?: string[][] } = {}): string {
  const t1 = TABLE1_2021.map((r) => r.join('\t'));
  const t3 = [...T3_HEADER.map((r) => r.join('\t')), ...rows.map((r) => [...r.label, ...r.cells].join('\t'))];
  const t4 = [...(opts.t4 ?? T4_HEADER).map((r) => r.join('\t')), REVIEWS.join('\t')];
  return doc(t1, t3, t4);
}

function cellPerLine(rows: Row[], labelLines: (r: Row) => string[] = (r) => r.label.map((l) => '\t' + l)): string {
  const stray = (c: string, i: number): string => (i % 3 === 0 ? ` ${c}` : i % 3 === 1 ? `${c}\u00a0` : c);
  const t1 = TABLE1_2021.flatMap((r) => [...r.map((c) => '\t' + c), '']);
  const t3 = [
    ...T3_HEADER.flat().filter((c) => c !== '').map((c) => '\t' + c),
    '',
    ...rows.flatMap((r) => [...labelLines(r), ...r.cells.map((c, i) => '\t' + stray(c, i)), '']),
  ];
  const t4 = [...T4_HEADER.flat().filter((c) => c !== '').map((c) => '\t' + c), '', ...REVIEWS.map((v) => '\t' + String(v))];
  return doc(t1, t3, t4);
}

function pipes(rows: Row[]): string {
  const line = (cells: string[]): string => cells.join(' | ') + ' |' + (cells.length < 9 ? ' |'.repeat(9 - cells.length) : '');
  const t1 = TABLE1_2021.map(line);
  const t3 = [...T3_HEADER.map(line), ...rows.map((r) => line([...r.label, ...r.cells]))];
  const t4 = [...T4_HEADER.map(line), line(REVIEWS.map(String))];
  return doc(t1, t3, t4);
}

function markdown(rows: Row[]): string {
  const line = (cells: string[]): string => '| ' + cells.join(' | ') + ' |';
  const table = (head: string[], body: string[][]): string[] => [line(head), line(head.map(() => '---')), ...body.map(line)];
  const t1 = table(TABLE1_2021[1] ?? [], TABLE1_2021.filter((_, i) => i !== 1));
  const t3 = table(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], rows.map((r) => [r.label.join(''), ...r.cells]));
  const t4 = table(T4_HEADER[2] ?? [], [REVIEWS.map(String)]);
  return doc(['## 表一', ...t1], ['## 表三', ...t3], ['## 表四', ...t4]).replace(/^([一二三四五六]、)/gm, '## $1');
}

/** pdftotext -layout: space-run columns, a page break (footer, form feed, running header) inside table 3. */
function pdfLayout(rows: Row[]): string {
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(2, w - s.length * 2));
  const nums = (cells: string[]): string => cells.map((c) => c.padStart(6)).join('  ');
  const t1 = TABLE1_2021.map((r) => '    ' + r.map((c) => pad(c, 16)).join(''));
  const t3: string[] = [
    '                                          申请人情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，     法人或其他组织',
    '等于第三项加第四项之和）                 自然人                                        总计',
    '                                               商业   科研   社会公益   法律服务   其他',
    '                                               企业   机构   组织       机构',
  ];
  rows.forEach((r, i) => {
    const label = r.label[r.label.length - 1] ?? '';
    if (r.key === 'partiallyGranted') {
      // Wrapped label, its numbers on a line of their own below.
      t3.push('      （二）部分公开（区分处理的，只计这一情', '      形，不计其他情形）', '                                  ' + nums(r.cells));
    } else {
      t3.push('      ' + pad(label, 40) + nums(r.cells));
    }
    if (r.key === 'deniedLawEnforcementFile') t3.push('      （三）不予公开');
    if (i === 13) t3.push('', '                                       -3-', '\f示例区2023年政府信息公开工作年度报告', '');
  });
  const t4 = [
    '行政复议                        行政诉讼',
    '                         未经复议直接起诉                复议后起诉',
    '结果  结果  其他  尚未        结果  结果  其他  尚未        结果  结果  其他  尚未',
    '                    总计                          总计                          总计',
    '维持  纠正  结果  审结        维持  纠正  结果  审结        维持  纠正  结果  审结',
    REVIEWS.map((v) => String(v).padStart(4)).join('  '),
  ];
  return doc(t1, t3, t4).replace('五、存在的主要问题及改进情况', '                 -4-\n\f五、存在的主要问题及改进情况').replace('示例区2023年政府信息公开工作年度报告\n本报告', '示例区2023年政府信息公开工作年度报告\n示例区2023年政府信息公开工作年度报告\n本报告');
}

/** HTML flattened to text: every row's cells run together after its label. */
function runTogether(rows: Row[], reviews: readonly number[] = REVIEWS): string {
  const t1 = TABLE1_2021.map((r) => r.join(''));
  const t3 = [...T3_HEADER.map((r) => r.join('')), ...rows.map((r) => r.label.join('') + r.cells.join(''))];
  const t4 = [...T4_HEADER.map((r) => r.join('')), reviews.join('')];
  return doc(t1, t3, t4);
}

const TABLE1_2019 = [
  ['第二十条第（一）项'],
  ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
  ['规章', '0', '0', '2'],
  ['规范性文件', '3', '3', '20'],
  ['第二十条第（五）项'],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政许可', '12', '-3', '150'],
  ['其他对外管理服务事项', '4', '0', '77'],
  ['第二十条第（六）项'],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政处罚', '30', '2', '42'],
  ['行政强制', '5', '0', '3'],
  ['第二十条第（八）项'],
  ['信息内容', '上一年项目数量', '本年增/减'],
  ['行政事业性收费', '2', '0'],
  ['第二十条第（九）项'],
  ['信息内容', '采购项目数量', '采购总金额'],
  ['政府集中采购', '9', '2.5万元'],
];

/** Template 2019: its table 1, table 3 without the other* sub-rows; the preamble cites the 2021 notice. */
function template2019(): string {
  const rows = baseRows().filter((r) => !r.key.startsWith('other'));
  const at = rows.findIndex((r) => r.key === 'totalHandled');
  rows.splice(at, 0, { key: 'otherTotal', label: ['（六）其他处理'], cells: ['0', '1', '0', '0', '0', '0', '1'] });
  const t1 = TABLE1_2019.map((r) => r.join('\t'));
  const t3 = [...T3_HEADER.map((r) => r.join('\t')), ...rows.map((r) => [...r.label, ...r.cells].join('\t'))];
  const t4 = [...T4_HEADER.map((r) => r.join('\t')), REVIEWS.join('\t')];
  return doc(t1, t3, t4).replace('示例区2023年', '示例区2020年');
}

const out: Record<string, string> = {
  'template-2019.txt': template2019(),
  'cell-per-line.txt': cellPerLine(baseRows()),
  'tabs.txt': tabs(baseRows()),
  'pipes.txt': pipes(baseRows()),
  'markdown.txt': markdown(baseRows()),
  'missing-cell.txt': tabs(edit(baseRows(), 'granted', (r) => r.cells.splice(1, 1))),
  'extra-cells.txt': tabs(edit(baseRows(), 'newReceived', (r) => r.cells.push('16'))),
  'five-of-seven.txt': tabs(edit(baseRows(), 'carriedForward', (r) => r.cells.splice(2, 2))),
  'split-labels.txt': tabs(baseRows())
    .replace('\t2.没有现成信息需要另行制作\t1\t', '\t2.没有现成信\t1\t')
    .replace('\n3.补正后', '\n\t息需要另行制作\t\t\t\n3.补正后')
    .replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）'),
  'spaced-labels.txt': tabs(
    baseRows().map((r) => ({ ...r, label: r.label.map((l) => [...l].join(' ')) })),
    { t4: T4_HEADER.map((r) => r.map((c) => [...c].join(' '))) },
  ),
  'typos.txt': tabs(baseRows())
    .replace('其他法律行政法规禁止公开', '其他法律行政止公开')
    .replace('保护第三方合法权益', '保户第三方合法权益')
    .replace('补正后申请内容仍不明确', '补正后申请内容仍不名确')
    .replace('本年废止件数', '本年废件数')
    .replace(/（/g, '(')
    .replace(/）/g, ')'),
  'no-group-headers.txt': tabs(baseRows().map((r) => ({ ...r, label: r.label.slice(-1) }))),
  'vertical-labels.txt': cellPerLine(baseRows(), (r) =>
    r.label.flatMap((l) => (l.startsWith('三、') || /^（[三四五六]）/.test(l) ? [...l].map((ch) => ch) : ['\t' + l])),
  ),
  'pdf-layout.txt': pdfLayout(baseRows()),
  'run-together.txt': runTogether(baseRows()),
  'run-together-ambiguous.txt': runTogether(
    baseRows().map((r) => ({
      ...r,
      cells: (['newReceived', 'granted', 'totalHandled'].includes(r.key) ? [10, 1, 0, 0, 0, 0, 11] : [0, 0, 0, 0, 0, 0, 0]).map(String),
    })),
    new Array<number>(15).fill(0),
  ),
  'failed-identity.txt': tabs(edit(baseRows(), 'totalHandled', (r) => (r.cells[6] = '18'))),
};

for (const [name, text] of Object.entries(out)) writeFileSync(path.join(__dirname, name), text);
console.log(Object.keys(out).length, 'fixtures written');
