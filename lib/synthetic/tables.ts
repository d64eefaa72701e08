/**
 * The three tables as grids of printed cells (labels then numbers), in the templates' own wording. Layouts turn
 * a grid into text.
 */
import { PROACTIVE_ROWS, REVIEW_KINDS, REVIEW_RESULTS, applicationRowsFor, type ApplicationRow, type TemplateKey } from '@/lib/report-parser/keys';
import type { ApplicantCells, Cell } from '@/lib/report-parser/types';
import type { Figures } from './figures';

export interface GridRow {
  /** Label cells, e.g. ['（三）不予公开', '1.属于国家秘密'] or ['', '2.其他法律行政法规禁止公开']. */
  labels: string[];
  numbers: string[];
  /** A header row (no figures), or a data row of table 3 (run-together and six-of-seven layouts work on those). */
  kind: 'header' | 'data' | 'table3';
  /** The number of rows the first label spans (HTML rowspan). */
  span?: number;
}

export type Grid = GridRow[];

const T1_HEADERS: Record<TemplateKey, Record<string, { block: string; columns: string[] }>> = {
  '2021': {
    regulations: { block: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'] },
    licensing: { block: '第二十条第（五）项', columns: ['本年处理决定数量'] },
    punishment: { block: '第二十条第（六）项', columns: ['本年处理决定数量'] },
    fees: { block: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'] },
  },
  '2019': {
    regulations: { block: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'] },
    licensing: { block: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'] },
    punishment: { block: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'] },
    fees: { block: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'] },
    procurement: { block: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'] },
  },
};

const T1_LABELS: Record<TemplateKey, Record<string, string>> = {
  '2021': {
    regulations: '规章', normativeDocuments: '行政规范性文件', licensing: '行政许可', punishment: '行政处罚',
    coercion: '行政强制', fees: '行政事业性收费',
  },
  '2019': {
    regulations: '规章', normativeDocuments: '规范性文件', licensing: '行政许可', otherServices: '其他对外管理服务事项',
    punishment: '行政处罚', coercion: '行政强制', fees: '行政事业性收费', procurement: '政府集中采购',
  },
};

function num(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

export function table1(f: Figures, template: TemplateKey): Grid {
  const grid: Grid = [];
  for (const [key, fields] of Object.entries(PROACTIVE_ROWS[template])) {
    const head = T1_HEADERS[template][key];
    if (head) {
      grid.push({ labels: [head.block], numbers: [], kind: 'header' });
      grid.push({ labels: ['信息内容'], numbers: head.columns, kind: 'header' });
    }
    const values = f.proactive[key] ?? {};
    grid.push({ labels: [T1_LABELS[template][key] ?? key], numbers: (fields as readonly string[]).map((x) => num(values[x])), kind: 'data' });
  }
  return grid;
}

const T3_LABELS: Partial<Record<ApplicationRow, [string, string]>> = {
  newReceived: ['一、本年新收政府信息公开申请数量', ''],
  carriedOver: ['二、上年结转政府信息公开申请数量', ''],
  granted: ['三、本年度办理结果', '（一）予以公开'],
  partiallyGranted: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  deniedStateSecret: ['（三）不予公开', '1.属于国家秘密'],
  deniedProhibitedByLaw: ['', '2.其他法律行政法规禁止公开'],
  deniedEndangersSafety: ['', '3.危及“三安全一稳定”'],
  deniedThirdPartyRights: ['', '4.保护第三方合法权益'],
  deniedInternalAffairs: ['', '5.属于三类内部事务信息'],
  deniedProcessInformation: ['', '6.属于四类过程性信息'],
  deniedLawEnforcementFile: ['', '7.属于行政执法案卷'],
  deniedAdministrativeQuery: ['', '8.属于行政查询事项'],
  unableNotHeld: ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  unableNeedsCreation: ['', '2.没有现成信息需要另行制作'],
  unableUnclear: ['', '3.补正后申请内容仍不明确'],
  notProcessedComplaint: ['（五）不予处理', '1.信访举报投诉类申请'],
  notProcessedDuplicate: ['', '2.重复申请'],
  notProcessedPublication: ['', '3.要求提供公开出版物'],
  notProcessedExcessive: ['', '4.无正当理由大量反复申请'],
  notProcessedConfirmation: ['', '5.要求行政机关确认或重新出具已获取信息'],
  otherOverdueCorrection: ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  otherUnpaidFee: ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  otherReasons: ['', '3.其他'],
  otherTotal: ['', '（六）其他处理'],
  totalHandled: ['', '（七）总计'],
  carriedForward: ['四、结转下年度继续办理', ''],
};

const GROUP_SPANS: Record<string, number> = { '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 };

export function table3(f: Figures, template: TemplateKey): Grid {
  const grid: Grid = [];
  if (template === '2021') grid.push({ labels: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], numbers: [], kind: 'header' });
  grid.push({ labels: ['', '申请人情况'], numbers: [], kind: 'header' });
  grid.push({ labels: ['', ''], numbers: ['自然人', '法人或其他组织', '', '', '', '', '总计'], kind: 'header' });
  grid.push({ labels: ['', ''], numbers: ['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''], kind: 'header' });
  for (const r of applicationRowsFor(template)) {
    // Template 2021 prints the three sub-rows of （六）, not their sum.
    if (template === '2021' && r === 'otherTotal') continue;
    const [group, sub] = T3_LABELS[r] ?? ['', r];
    const cells = f.applications[r] as ApplicantCells;
    const labels = template === '2019' && r === 'otherTotal' ? ['（六）其他处理', ''] : [group, sub];
    grid.push({
      labels,
      numbers: ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicInterestOrg', 'legalServiceOrg', 'otherOrg', 'total'].map((c) => num(cells[c as keyof ApplicantCells])),
      kind: 'table3',
      span: GROUP_SPANS[group],
    });
  }
  return grid;
}

export function table4(f: Figures): Grid {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    { labels: ['行政复议'], numbers: ['', '', '', '', '行政诉讼'], kind: 'header' },
    { labels: [], numbers: [...results, '未经复议直接起诉', '', '', '', '', '复议后起诉'], kind: 'header' },
    { labels: [], numbers: ['', '', '', '', '', ...results, ...results], kind: 'header' },
    { labels: [], numbers: REVIEW_KINDS.flatMap((k) => REVIEW_RESULTS.map((x) => num(f.reviews[k][x]))), kind: 'data' },
  ];
}
