/**
 * The lines around a report's body: its title (with the issuer and year), document number, and the
 * signature and date at the end.
 */
import { BODY_SUFFIX } from './agency';
import { toMatchForm } from './normalize';

const TITLE =
  /^(.*?)[（(]?\s*((?:19|20)\d{2})\s*年\s*度?\s*[)）]?\s*(.{0,24}?)(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:情况)?(?:的)?(?:报告|年报)/;
// The year after the title, in brackets: 鲤城区政府信息公开工作年度报告（2022年度）.
const TITLE_YEAR_AFTER =
  /^(.{2,40}?)(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)\s*[（(【［[]\s*((?:19|20)\d{2})\s*(?:年\s*度?)?\s*[)）】］\]]$/;
export const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-z]{1,16}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,5}\s*号$/;
const DATE_LINE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
// 2024-02-06, 2024.2.6, 2024/02/06 on a line of its own.
const NUMERIC_DATE_LINE = /^((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})$/;
// 发布时间：2021-01-08 16:30:12 (a web page's publication line), 日期：2021年1月8日.
const LABELLED_DATE_LINE =
  /^(?:发布|印发|成文)?(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
// 泉州市丰泽区人民政府办公室    2021年1月8日: the signature and its date on one line.
const SIGNED_DATE_LINE = /^(.{4,40}?)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
// A year in Chinese numerals before 年 (二〇二三年度).
const CN_YEAR = /([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)/g;

const cnDigit: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
function cnNumber(s: string): number {
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    return (a ? cnDigit[a] ?? 0 : 1) * 10 + (b ? cnDigit[b] ?? 0 : 0);
  }
  return cnDigit[s] ?? 0;
}

/** `s` with each year in Chinese numerals (二〇二三年) written in digits; the same length, so offsets stay valid. */
export function arabicYears(s: string): string {
  return s.indexOf('年') === -1 ? s : s.replace(CN_YEAR, (y) => [...y].map((ch) => cnDigit[ch] ?? 0).join(''));
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 0x0d;
/** Trim whitespace and markdown/table markup at both ends; a plain loop so huge lines stay linear. */
export function stripMarkup(line: string): string {
  let a = 0;
  let b = line.length;
  for (; a < b; a++) {
    const c = line.charCodeAt(a);
    if (!isSpace(c) && c !== 0x23 /* # */ && c !== 0x2a /* * */ && c !== 0x3e /* > */ && c !== 0x7c /* | */) break;
  }
  for (; b > a; b--) {
    const c = line.charCodeAt(b - 1);
    if (!isSpace(c) && c !== 0x2a && c !== 0x7c) break;
  }
  return line.slice(a, b);
}

/** 1-based line of an offset in `text` (used on the 4 KB head only). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date in Chinese numerals ending the line (二〇二四年二月六日), after a signature or alone. */
const CN_DATE_END = /([〇零○ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
// The loose forms: a date in brackets (（2024年2月6日）) or with its 版记 verb (2024年2月6日印发).
const DATE_VERB_END = /(?:印发|发布|发文|成文|签发|制发)$/;
const WEEKDAY_END = /(?<=日)[（(]?(?:星期|周|礼拜)[一二三四五六日天][)）]?$/;
const BRACKETED = /^[([【［]([^()[\]【】［］]+)[)\]】］]$/;

/**
 * The date a line holds as the whole line (or after a signature on the same line), as an ISO date; null otherwise.
 * Full-width digits and dots (２０２４．０２．０６) read as their ASCII forms. `loose` also takes a date in brackets or
 * followed by 印发/发布/成文 (a 版记 line): the caller tries those only when no plain date line is found.
 */
export function parseDateLine(line: string, loose = false): string | null {
  const stripped = toMatchForm(stripMarkup(line));
  const labelled = LABELLED_DATE_LINE.exec(stripped);
  if (labelled) return isoDate(Number(labelled[1]), Number(labelled[2]), Number(labelled[3]));
  // A weekday after the date: 2024年1月20日（星期六）.
  let s = stripped.replace(/\s+/g, '').replace(WEEKDAY_END, '');
  if (loose) {
    s = s.replace(DATE_VERB_END, '');
    const b = BRACKETED.exec(s);
    if (b) s = b[1]!;
  }
  if (s.length > 60) return null;
  const c = CN_DATE_END.exec(s);
  if (c) {
    const y = [...c[1]!].map((ch) => cnDigit[ch] ?? 0).join('');
    s = `${s.slice(0, c.index)}${y}年${cnNumber(c[2]!)}月${cnNumber(c[3]!)}日`;
  }
  const signed = SIGNED_DATE_LINE.exec(s);
  if (signed && isOrgLine(signed[1]!)) return isoDate(Number(signed[2]), Number(signed[3]), Number(signed[4]));
  const m = DATE_LINE.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const n = NUMERIC_DATE_LINE.exec(s);
  if (n) return isoDate(Number(n[1]), Number(n[3]), Number(n[4]));
  return null;
}

/** An organisation's name standing on its own line (a signature). */
export function isOrgLine(s: string): boolean {
  return s.length >= 4 && s.length <= 40 && !/[，,。：:；;、（(]/.test(s) && BODY_SUFFIX.test(s);
}

export interface TitleInfo {
  title: string;
  issuer: string;
  year: number;
  /** 1-based line of the title. */
  line: number;
}

export function findTitle(lines: readonly string[], end: number): TitleInfo | null {
  let seen = 0;
  for (let i = 0; i < end && seen < 15; i++) {
    const s = stripMarkup(lines[i]!);
    if (!s) continue;
    seen++;
    if (s.length > 80 || /[。；]/.test(s)) continue;
    const years = arabicYears(s);
    const after = TITLE.test(years) ? null : TITLE_YEAR_AFTER.exec(years);
    if (after) {
      const issuer = after[1]!.trim().replace(/人民$/, '人民政府');
      return { title: s, issuer, year: Number(after[2]), line: i + 1 };
    }
    const m = TITLE.exec(years);
    if (!m) continue;
    let issuer = (m[1]!.trim() || m[3]!.trim()).replace(/[（(]$/, '');
    issuer = issuer.replace(/人民$/, '人民政府');
    // A cover letter's title: X关于印发Y…年度报告的通知 is Y's report (X publishes it); X关于报送…的报告 and
    // X / 关于Z…的报告 (X on the line above) are X's.
    const about = issuer.indexOf('关于');
    if (about >= 0) {
      const verb = /^(?:印发|公布|发布|转发|报送|上报|呈报)/.exec(issuer.slice(about + 2))?.[0] ?? '';
      const named = issuer.slice(about + 2 + verb.length);
      let sender = about > 0 && BODY_SUFFIX.test(issuer.slice(0, about)) ? issuer.slice(0, about) : '';
      if (!sender && about === 0) {
        for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
          const prev = stripMarkup(lines[k]!);
          if (!prev) continue;
          if (isOrgLine(prev)) sender = prev;
          break;
        }
      }
      const publishes = verb !== '' && verb !== '报送' && verb !== '上报' && verb !== '呈报';
      issuer = (publishes || !sender) && BODY_SUFFIX.test(named) ? named : sender || named;
    }
    let title = s;
    if (!issuer) {
      // The title broken over two lines: the name above, the year and "…年度报告" below.
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const prev = stripMarkup(lines[k]!);
        if (!prev) continue;
        if (prev.length <= 30 && !/[，,。：:；]/.test(prev) && !DOC_NUMBER.test(prev) && !/^[-—–\d\s]+$/.test(prev)) {
          issuer = prev;
          title = prev + s;
        }
        break;
      }
    }
    return { title, issuer, year: Number(m[2]), line: i + 1 };
  }
  return null;
}
