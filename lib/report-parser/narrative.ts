/**
 * Figures stated in prose: the information-processing fee (section 六 or the narrative) and the counts the
 * overview states (共收到政府信息公开申请80件), which the engine checks against the tables.
 * Sentences wrap across lines in PDF text, so lines are joined without a separator and offsets map back.
 */

export interface JoinedText {
  text: string;
  /** Offset in `text` where each joined line starts. */
  starts: number[];
  /** 0-based index of the first joined line. */
  first: number;
}

export function joinLines(lines: readonly string[], from: number, to: number): JoinedText {
  const starts: number[] = [];
  let text = '';
  for (let i = from; i < to; i++) {
    starts.push(text.length);
    text += lines[i]!.trim();
  }
  return { text, starts, first: from };
}

/** 1-based source line of an offset in a joined text. */
function lineAt(j: JoinedText, offset: number): number {
  let lo = 0;
  let hi = j.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return j.first + lo + 1;
}

export interface FeeFinding {
  yuan: number;
  line: number;
  raw: string;
  converted: boolean;
}

// An amount may group its thousands: 1,250元, 2，000元.
const AMOUNT = '(\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const FEE_AMOUNT = new RegExp(
  `(?:收取|收缴|收到|产生|收费)[^。；;，,\\d]{0,24}?处理费(?:用)?(?:总额|金额|共计|合计|总计|为|是|：|:|\\s)*${AMOUNT}\\s*(万元|元)`,
);
const FEE_AMOUNT_LOOSE = new RegExp(`处理费(?:用)?[^。；;\\d《》]{0,10}?${AMOUNT}\\s*(万元|元)`);
const FEE_NONE =
  /(?:未|没有|无|不|均未|暂未|尚未)(?:实际)?(?:发生|产生|涉及)?(?:向申请人)?(?:收取|收费|产生|征收|收缴)[^。；;]{0,24}?(?:处理费|费用|收费)|处理费[^。；;《》]{0,6}?(?:为)?(?:零|无)(?:元|。|；|$)/;

/** The fee the text states, in 元; null when it says nothing about one. */
export function extractFees(j: JoinedText): FeeFinding | null {
  // Every pattern needs 费 (the amounts 处理费): most parts of a report never mention a fee, and the lazy patterns
  // would otherwise be tried at every position of them.
  if (j.text.indexOf('费') === -1) return null;
  const m = j.text.indexOf('处理费') === -1 ? null : (FEE_AMOUNT.exec(j.text) ?? FEE_AMOUNT_LOOSE.exec(j.text));
  if (m) {
    const value = Number(m[1]!.replace(/[,，]/g, ''));
    const converted = m[2] === '万元';
    const yuan = converted ? Math.round(value * 10000 * 100) / 100 : value;
    return { yuan, line: lineAt(j, m.index), raw: m[0], converted };
  }
  const none = FEE_NONE.exec(j.text);
  if (none) return { yuan: 0, line: lineAt(j, none.index), raw: none[0], converted: false };
  return null;
}

export type NarrativeFigureKey =
  | 'newReceived'
  | 'carriedOver'
  | 'totalHandled'
  | 'carriedForward'
  | 'reconsideration'
  | 'litigation';

export interface NarrativeFigure {
  /** newReceived/carriedOver/totalHandled/carriedForward: table-3 `total` column; reconsideration: reviews total;
   * litigation: litigationDirect.total + litigationAfterReconsideration.total. */
  key: NarrativeFigureKey;
  value: number;
  line: number;
  raw: string;
}

const APPLICATION = '(?:各类|群众|公民、法人或者?其他组织)?(?:提出的)?(?:政府信息公开|依申请公开|信息公开)(?:的)?申请';
// Each pattern with words every match contains (any one of them): a text without them is not scanned at all.
const FIGURES: [NarrativeFigureKey, RegExp, readonly string[]][] = [
  ['newReceived', new RegExp(`(?:收到|受理|新收|接收|收悉|接到)${APPLICATION}(?:件)?(?:共计|共|合计|总计|数量为|数量|为)?\\s*(\\d+)\\s*(?:件|个|宗|份)`), ['申请']],
  ['newReceived', new RegExp(`(?:未|没有)(?:收到|受理)(?:任何)?${APPLICATION}()`), ['申请']],
  ['carriedOver', /上一?年度?结转(?:的)?(?:申请)?\s*(\d+)\s*件/, ['结转']],
  // 共办理政府信息公开申请9件, 全年办结政府信息公开申请件47件: all requests dealt with (（七）总计). Not 按时办结… (those
  // answered in time, a part), and only with 申请 named, so that 办理完毕40件 of some other count is not taken.
  [
    'totalHandled',
    new RegExp(`(?<!按时|按期|逾期|超期)(?:办理|办结|答复)(?:完毕|完成|了)?${APPLICATION}(?:件)?(?:共计|共|合计|总计|数量为|数量|为)?\\s*(\\d+)\\s*件`),
    ['办理', '办结', '答复'],
  ],
  // (?<!\d): a match starts at the first digit, so a long digit run is not retried from every position.
  ['carriedForward', /(?<!\d)(\d+)\s*件(?:申请)?(?:顺延|结转)(?:到|至)下一?年度?/, ['顺延', '结转']],
  ['reconsideration', /行政复议(?:案件|申请)?(?:共计|共)?\s*(\d+)\s*(?:件|起|宗)/, ['行政复议']],
  ['litigation', /行政诉讼(?:案件)?(?:共计|共)?\s*(\d+)\s*(?:件|起|宗)/, ['行政诉讼']],
];

/** The figures the overview states; the first statement of each kind counts. */
export function extractFigures(j: JoinedText): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  const seen = new Set<NarrativeFigureKey>();
  for (const [key, re, words] of FIGURES) {
    if (seen.has(key) || !words.some((w) => j.text.indexOf(w) !== -1)) continue;
    const m = re.exec(j.text);
    if (!m) continue;
    seen.add(key);
    out.push({ key, value: m[1] ? Number(m[1]) : 0, line: lineAt(j, m.index), raw: m[0] });
  }
  return out;
}
