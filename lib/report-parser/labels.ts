/**
 * Row-label matching for table 3: character-bigram similarity against the official labels, and an order-preserving
 * alignment (rows are printed in template order, so order is a strong prior). Labels are matched by their words,
 * never by their numbering ("1." repeats in every group).
 */
import type { ApplicationRow } from './keys';
import { stripMarkers as stripMarkersImport } from './tables/stream';

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's exports.
const stripMarkers = stripMarkersImport;

/** Table-3 rows in printed order, with the words of each label (group header left out, matching form). */
export const TABLE3_LABELS: readonly (readonly [ApplicationRow, string])[] = [
  ['newReceived', '本年新收政府信息公开申请数量'],
  ['carriedOver', '上年结转政府信息公开申请数量'],
  ['granted', '予以公开'],
  ['partiallyGranted', '部分公开(区分处理的,只计这一情形,不计其他情形)'],
  ['deniedStateSecret', '属于国家秘密'],
  ['deniedProhibitedByLaw', '其他法律行政法规禁止公开'],
  ['deniedEndangersSafety', '危及三安全一稳定'],
  ['deniedThirdPartyRights', '保护第三方合法权益'],
  ['deniedInternalAffairs', '属于三类内部事务信息'],
  ['deniedProcessInformation', '属于四类过程性信息'],
  ['deniedLawEnforcementFile', '属于行政执法案卷'],
  ['deniedAdministrativeQuery', '属于行政查询事项'],
  ['unableNotHeld', '本机关不掌握相关政府信息'],
  ['unableNeedsCreation', '没有现成信息需要另行制作'],
  ['unableUnclear', '补正后申请内容仍不明确'],
  ['notProcessedComplaint', '信访举报投诉类申请'],
  ['notProcessedDuplicate', '重复申请'],
  ['notProcessedPublication', '要求提供公开出版物'],
  ['notProcessedExcessive', '无正当理由大量反复申请'],
  ['notProcessedConfirmation', '要求行政机关确认或重新出具已获取信息'],
  // The group row (2019, or 2021 printed without its sub-rows) comes before the sub-rows in print.
  ['otherTotal', '其他处理'],
  ['otherOverdueCorrection', '申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请'],
  ['otherUnpaidFee', '申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请'],
  ['otherReasons', '其他'],
  ['totalHandled', '总计'],
  ['carriedForward', '结转下年度继续办理'],
];

const PUNCT = /[()（）,，、.。:：;；"“”\-_/\\[\]【】《》<>#*]/g;
// PUNCT's characters as codes (a table for ASCII, the others listed), to skip the replace for the labels that hold
// none (most of them).
const PUNCT_CHARS = '()（）,，、.。:：;；"“”-_/\\[]【】《》<>#*';
const PUNCT_ASCII = new Uint8Array(128);
const PUNCT_WIDE: number[] = [];
for (const c of PUNCT_CHARS) {
  const code = c.charCodeAt(0);
  if (code < 128) PUNCT_ASCII[code] = 1;
  else PUNCT_WIDE.push(code);
}

function isPunct(c: number): boolean {
  if (c < 128) return PUNCT_ASCII[c] === 1;
  // CJK ideographs and everything up to the full-width forms: none of them is listed.
  if (c >= 0x3400 && c < 0xff00) return false;
  return PUNCT_WIDE.includes(c);
}

/** The label's words: numbering markers and punctuation removed. */
function bareLabel(label: string): string {
  let s = stripMarkers(label);
  // 其它 is a common spelling of 其他 (3.其它, 其它法律…).
  if (s.indexOf('它') !== -1) s = s.replace(/其它/g, '其他');
  // （七）合计 for （七）总计.
  if (s === '合计') return '总计';
  for (let i = 0; i < s.length; i++) if (isPunct(s.charCodeAt(i))) return s.replace(PUNCT, '');
  return s;
}

/** Character bigrams as numbers (two UTF-16 units); a one-character label is its own gram. */
function gramCodes(t: string, out: Set<number>): void {
  out.clear();
  if (t.length === 1) out.add(t.charCodeAt(0));
  for (let i = 0; i + 1 < t.length; i++) out.add(t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1));
}

const OFFICIAL_TEXT: readonly string[] = TABLE3_LABELS.map(([, l]) => l.replace(PUNCT, ''));
const EXACT = new Map<string, number>(OFFICIAL_TEXT.map((t, j) => [t, j]));
const OFFICIAL_SIZE: number[] = [];
/** Inverted index: bigram → official labels containing it. */
const GRAM_INDEX = new Map<number, number[]>();
{
  const g = new Set<number>();
  OFFICIAL_TEXT.forEach((t, j) => {
    gramCodes(t, g);
    OFFICIAL_SIZE[j] = g.size;
    for (const x of g) {
      const list = GRAM_INDEX.get(x);
      if (list) list.push(j);
      else GRAM_INDEX.set(x, [j]);
    }
  });
}
const scratchGrams = new Set<number>();
const scratchShared = new Int32Array(TABLE3_LABELS.length);

/** Similarity in [0, 1] of a row label (cut, matching form) to every official label, written into `out`. */
export function labelSimilarities(label: string, out: Float64Array, offset: number): void {
  const m = TABLE3_LABELS.length;
  const bare = bareLabel(label);
  const exact = EXACT.get(bare);
  if (exact !== undefined) {
    // An exact label is decisive: the other labels do not compete for this row.
    for (let j = 0; j < m; j++) out[offset + j] = j === exact ? 1 : 0;
    return;
  }
  const g = scratchGrams;
  gramCodes(bare, g);
  const shared = scratchShared;
  shared.fill(0);
  for (const x of g) {
    const list = GRAM_INDEX.get(x);
    if (list) for (const j of list) shared[j] = (shared[j] ?? 0) + 1;
  }
  for (let j = 0; j < m; j++) {
    const size = OFFICIAL_SIZE[j] ?? 0;
    const sh = shared[j] ?? 0;
    out[offset + j] = sh === 0 || size === 0 ? 0 : ((2 * sh) / (g.size + size) + sh / size) / 2;
  }
}

/** Similarity of a row label to official label `j` (for tests and messages). */
export function labelSimilarity(label: string, j: number): number {
  const out = new Float64Array(TABLE3_LABELS.length);
  labelSimilarities(label, out, 0);
  return out[j] ?? 0;
}

export interface LabelMatch {
  /** Index into the row list. */
  row: number;
  key: ApplicationRow;
  similarity: number;
}

const MIN_SIMILARITY = 0.34;

/**
 * The alignment's tables, reused across calls (alignTable3 is synchronous and they never leave it): allocating
 * three typed arrays per report cost more than filling them. Grown when a table has more rows.
 */
const scratch = (() => {
  let sim = new Float64Array(64 * 32);
  let dp = new Float64Array(65 * 32);
  let move = new Uint8Array(65 * 32);
  return {
    sim: (size: number): Float64Array => (sim.length >= size ? sim : (sim = new Float64Array(size))),
    dp: (size: number): Float64Array => (dp.length >= size ? dp : (dp = new Float64Array(size))),
    move: (size: number): Uint8Array => (move.length >= size ? move : (move = new Uint8Array(size))),
  };
})();

/**
 * Order-preserving alignment of parsed rows to the official rows maximising the summed similarity margin
 * (dynamic programming, O(rows × labels)).
 */
export function alignTable3(labels: readonly string[]): LabelMatch[] {
  const n = labels.length;
  const m = TABLE3_LABELS.length;
  // Fast path: every label printed exactly, in template order.
  const exact: LabelMatch[] = [];
  let last = -1;
  for (let i = 0; i < n; i++) {
    const j = EXACT.get(bareLabel(labels[i] ?? ''));
    const entry = j === undefined ? undefined : TABLE3_LABELS[j];
    if (j === undefined || !entry || j <= last) break;
    exact.push({ row: i, key: entry[0], similarity: 1 });
    last = j;
  }
  if (exact.length === n) return exact;
  const sim = scratch.sim(n * m);
  for (let i = 0; i < n; i++) labelSimilarities(labels[i] ?? '', sim, i * m);
  const w = m + 1;
  const dp = scratch.dp((n + 1) * w);
  const move = scratch.move((n + 1) * w); // 1 skip row, 2 skip label, 3 match
  // Every cell is written below but the origin, which must read 0 (the buffers are reused).
  dp[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let mv = 0;
      if (i > 0 && (dp[(i - 1) * w + j] ?? 0) > best) {
        best = dp[(i - 1) * w + j] ?? 0;
        mv = 1;
      }
      if (j > 0 && (dp[i * w + j - 1] ?? 0) > best) {
        best = dp[i * w + j - 1] ?? 0;
        mv = 2;
      }
      if (i > 0 && j > 0) {
        const s = sim[(i - 1) * m + (j - 1)] ?? 0;
        if (s >= MIN_SIMILARITY) {
          const v = (dp[(i - 1) * w + j - 1] ?? 0) + s - MIN_SIMILARITY + 0.01;
          if (v > best) {
            best = v;
            mv = 3;
          }
        }
      }
      dp[i * w + j] = best;
      move[i * w + j] = mv;
    }
  }
  const out: LabelMatch[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = move[i * w + j];
    if (mv === 3) {
      const entry = TABLE3_LABELS[j - 1];
      if (entry) out.push({ row: i - 1, key: entry[0], similarity: sim[(i - 1) * m + (j - 1)] ?? 0 });
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  return out.reverse();
}
