/**
 * Everything about a report that is not a table cell: agency, region, year, dates, document number, the
 * information-processing fee and the figures the narrative states. One pass over the lines, fixed regexes.
 */
import type { TemplateKey } from './keys';
import type { AgencyKind, Narrative, RegionCandidate, SourceRef, Warning } from './types';
import { agencyKind, BODY_SUFFIX, cleanAgency, completeBody, leadingPlace, stripHigherRegions } from './agency';
import { shortName, toGbCode } from './gazetteer';
import { findPlaceMentions, fixOcr, resolveRegion, type PlaceMention } from './region';
import { findSections, sectionRange, type SectionStarts } from './sections';
import { arabicYears, DOC_NUMBER, findTitle, isOrgLine, lineOfOffset, parseDateLine, stripMarkup } from './title';
import { extractFees, extractFigures, joinLines, type FeeFinding, type JoinedText, type NarrativeFigure } from './narrative';
import { toMatchForm } from './normalize';

export type { NarrativeFigure } from './narrative';

export interface Meta {
  agencyName: string | null;
  agencyKind: AgencyKind | null;
  regionCode: string | null;
  regionName: string | null;
  regionCandidates: RegionCandidate[];
  year: number | null;
  publishedOn: string | null;
  documentNumber: string | null;
  title: string | null;
  feesCollectedYuan: number | null;
  narrative: Narrative;
  narrativeFigures: NarrativeFigure[];
  warnings: Warning[];
  /** Provenance of feesCollectedYuan (key `feesCollectedYuan`). */
  sources: Record<string, SourceRef>;
  /** The template the preamble's notice names (国办公开办函〔2019〕60号 → 2019), or null. */
  templateHint: TemplateKey | null;
  /** 0-based index of each part's heading line. */
  sections: SectionStarts;
}

// Separators alternate with tokens: adjacent optional \\s* runs backtrack cubically on long blanks.
const PERIOD =
  /统计(?:期限|时限|时间|期间|周期|区间|范围)?\s*(?:(?:为|是|自|从|：|:)\s*){0,3}((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/;
const YEAR = '((?:19|20)\\d{2})';
// The same keyword with the period's start phrased otherwise (read on the matching form, years in digits):
// 2023年度, 2023年全年, 2023年1月至12月 (no 日), 2023年1-12月, 2023.1.1, 统计日期为….
const PERIOD_LOOSE = new RegExp(
  `统计(?:期限|时限|时间|期间|周期|区间|范围|日期|时段)?\\s*(?:(?:为|是|自|从|起|于|：|:)\\s*){0,3}${YEAR}\\s*` +
    `(?:年\\s*(?:度|全年|(?:0?1|一)\\s*(?:月|[-~至到]))|[-./]\\s*0?1\\s*[-./]\\s*0?1(?!\\d))`,
);
// A whole calendar year as a range, with or without a keyword: 自2023年1月1日至2023年12月31日, 2023.1.1-2023.12.31.
const FULL_YEAR = new RegExp(
  `${YEAR}\\s*(?:年\\s*(?:0?1|一)\\s*月\\s*(?:0?1|一)\\s*日|[-./]\\s*0?1\\s*[-./]\\s*0?1(?!\\d))\\s*(?:起\\s*)?(?:至|到|-|~)\\s*` +
    `(?:\\1\\s*(?:年|[-./])\\s*)?(?:12|十二)\\s*(?:月|[-./])\\s*(?:31|三十一)(?!\\d)`,
);
// The data as of the year's last day: 数据统计截至2023年12月31日.
const YEAR_END = new RegExp(`(?:截至|截止)(?:到|至|日期|时间)?(?:为|是|：|:)?\\s*${YEAR}\\s*年\\s*(?:12|十二)\\s*月\\s*(?:31|三十一)\\s*日`);
// Last resort: a sentence opening on the year that speaks of the disclosure work (2023年，芗城区政府信息公开工作…).
// Not a year inside 《…》 (2019年修订的《…条例》), not one that starts a date (2024年2月6日), not 〔2020〕 (no 年).
const BODY_YEAR = new RegExp(
  `(?:^|[\\n。；;!！])[\\s#*>|]*${YEAR}\\s*年(?:度)?(?!\\s*\\d)(?:以来|全年|期间|内|里|中)?[^。\\n《》]{0,40}?(?:政府信息公开|政务公开)`,
  'g',
);
const NOTICE = /国办公开办函\s*[〔[［(（]\s*(2019|2021)\s*[〕\]］)）]\s*(60|30)\s*号/;
const CONTACT = /请(?:与|联系|向)([^（(，,。；：:“”]{3,40}?)(?:联系|咨询|反映)/;
// 本报告由淮安市人民政府办公室根据《条例》…编制 / 本报告由区政务公开办汇总编制.
const COMPILED = /本报告由([^，,。；、（(《“"]{3,30}?)(?:根据|依据|按照|编制|汇总|负责|统一)/;
const WEBSITE = /(?:在|通过|登录|于)[“"《]?([^”"》（(，,。；、]{3,30}?)[”"》]?(?:门户)?网站/;
const SUMMARY = /汇总(?:了)?(?:各|全|本)/;

/** The text speaks for its place (我市, 我区, 我县…) and never for an office (我办). */
function speaksForRegion(text: string): boolean {
  return text.indexOf('我办') === -1 && /我(?:省|市|区|县|旗|州|盟)/.test(text);
}

function mostMentionedPlace(fullText: string): PlaceMention | null {
  // The preamble, overview and signature name the place; scanning a whole huge file would only cost time.
  const text = fullText.length > 30000 ? fullText.slice(0, 24000) + fullText.slice(-6000) : fullText;
  const counts = new Map<string, { m: PlaceMention; n: number }>();
  for (const m of findPlaceMentions(text)) {
    const level = Math.max(...m.entries.map((e) => e.level));
    if (level < 3 && !m.nonstandard) continue;
    const c = counts.get(m.name);
    if (c) c.n++;
    else counts.set(m.name, { m, n: 1 });
  }
  let best: { m: PlaceMention; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (best) return best.m;
  return findPlaceMentions(text)[0] ?? null;
}

/** The last date line from the end back to `tailStart`; a bracketed or 印发 date only where no plain one is. */
function findSignedDate(lines: readonly string[], tailStart: number): { date: string; line: number } | null {
  for (const loose of [false, true]) {
    for (let i = lines.length - 1; i >= tailStart; i--) {
      const d = parseDateLine(lines[i]!, loose);
      if (d) return { date: d, line: i };
    }
  }
  return null;
}

/**
 * The report year where no title gives it: the statistics period (however phrased), a whole calendar year stated
 * as a range, the data's cut-off at 12月31日, and last a sentence opening on the year about the disclosure work.
 * A year after the signed date's year is never the report's.
 */
function yearFromText(
  lines: readonly string[],
  text: string,
  head: string,
  overviewAt: number | undefined,
  signedYear: number | null,
): { year: number; line: number; message: string } | null {
  const p = PERIOD.exec(head);
  if (p) return { year: Number(p[1]), line: lineOfOffset(head, p.index), message: 'no year in a title; taken from the statistics period' };
  // Matching form (full-width digits, dots and dashes narrowed) with years in Chinese numerals in digits: both
  // keep the length, so offsets are lines of the text.
  const form = arabicYears(toMatchForm(head));
  for (const re of [PERIOD_LOOSE, FULL_YEAR, YEAR_END]) {
    const m = re.exec(form);
    if (m && (signedYear === null || Number(m[1]) <= signedYear)) {
      return { year: Number(m[1]), line: lineOfOffset(form, m.index), message: 'no year in a title; taken from the statistics period' };
    }
  }
  // The body's opening: the head and the start of part 一 (which may lie past the head after a long preamble).
  let end = head.length;
  if (overviewAt !== undefined) {
    let at = 0;
    for (let i = 0; i < overviewAt && at < 12000; i++) at += lines[i]!.length + 1;
    end = Math.min(Math.max(end, at + 3000), 15000);
  }
  const body = arabicYears(toMatchForm(text.slice(0, end)));
  let best: { year: number; index: number } | null = null;
  BODY_YEAR.lastIndex = 0;
  for (let m = BODY_YEAR.exec(body); m; m = BODY_YEAR.exec(body)) {
    const y = Number(m[1]);
    // The report for 2023 is signed in 2024: a year before the signature's is preferred to its own.
    if (signedYear === null || y < signedYear) {
      best = { year: y, index: m.index };
      break;
    }
    if (y === signedYear && !best) best = { year: y, index: m.index };
  }
  BODY_YEAR.lastIndex = 0;
  if (!best) return null;
  return {
    year: best.year,
    line: lineOfOffset(body, best.index + (body[best.index] === '\n' ? 1 : 0)),
    message: 'no year in a title or statistics period; taken from the opening of the body',
  };
}

// An amount as narrative.ts reads it (thousands may be grouped: 1,250元).
const AMOUNT = '(\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
// A fee's rate (收费标准为每件100元), not an amount collected: its digits are hidden from the amount patterns.
const FEE_RATE = /(?:标准|每件|每条|每份|每次|每页|每项|按件|按量)\s*(?:(?:为|是|：|:|按|每[件条份次页项个]|收取|收费|计收)\s*){0,4}\d[\d,，.]*\s*(?:万元|元)/g;
// 收取0笔，金额0元 / 处理费收取总额为300元: an amount named by its field after the fee's name in the same clause.
const FEE_FIELD = new RegExp(`处理费[^。；;《》]{0,20}?(?:金额|总额|数额|共计|合计|总计)(?:为|是|：|:|\\s)*${AMOUNT}\\s*(万元|元)?`);
// 信息处理费：0, 信息处理费收取金额为0: a zero needs no unit.
const FEE_ZERO = /处理费(?:用)?(?:的)?(?:收取|收缴|收费)?(?:情况|总额|金额|数额|共计|合计|总计)?(?:为|是|：|:|\s)*0(?:\.0+)?(?![\d.])/;
// 未发生信息处理费收取情况, 无信息处理费收取情况; 本年度无依申请公开收费情况 (group 1 not 处理费: part 六 only).
const FEE_NO_CASE =
  /(?:未|没有|无|不存在|未曾)(?:发生|产生|涉及|存在|出现|有过|有)?(?:任何)?(?:向申请人)?(?:依申请公开|政府信息公开|信息公开)?(?:的)?(?:信息)?(处理费|收费|费用)(?:的)?(?:收取|收缴|征收|收费)?(?:的)?(?:情况|行为|事项|现象|记录)/;
// 依法免收信息处理费, 信息处理费全部免收.
const FEE_EXEMPT =
  /免(?:收|征|除|予收取)(?:了)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:信息)?处理费|处理费(?:用)?(?:予以|全部|均|一律|依法)?(?:免收|免征|免除)/;
// Part 六 only: the fee as a row of a small table, its amount the next cell.
const FEE_TABLE_CELL = new RegExp(`处理费(?:用)?\\s*[|\\t]\\s*${AMOUNT}\\s*(万元|元)?\\s*(?:[|\\t]|$)`);
// Part 六 only (no 处理费 named): 本年度收取费用0元.
const FEE_GENERIC_AMOUNT = new RegExp(`(?:收取|收缴|收到|产生)(?:的)?(?:相关|各类|任何|各项)?费用(?:总额|金额|共计|合计|总计|为|是|：|:|\\s)*${AMOUNT}\\s*(万元|元)`);
// Part 六 only: 收费标准为每件100元，本年度未收取。 — a clause ending on the refusal, in a sentence about a fee.
const FEE_NOT_COLLECTED = /(?:未|没有|均未|暂未|尚未|未曾|不予|不)(?:发生|产生)?(?:收取|收费|征收|收缴)(?:过)?(?:任何)?(?:费用)?(?=[。；;，,!！]|$)/g;

/** 1-based source line of an offset in a joined text. */
function joinedLine(j: JoinedText, offset: number): number {
  let k = 0;
  while (k + 1 < j.starts.length && j.starts[k + 1]! <= offset) k++;
  return j.first + k + 1;
}

function amountFinding(j: JoinedText, m: RegExpExecArray, value: string, unit: string | undefined): FeeFinding {
  const v = Number(value.replace(/[,，]/g, ''));
  const converted = unit === '万元';
  return { yuan: converted ? Math.round(v * 10000 * 100) / 100 : v, line: joinedLine(j, m.index), raw: m[0], converted };
}

/**
 * The fee a part states: narrative.ts's reading with fee rates hidden (每件100元 is a standard, not an amount
 * collected), then the other ways of saying an amount or none. `six` is part 六 (or a text without parts), where a
 * sentence about 费用 or 收费 without the word 处理费 is about this fee too.
 */
/** A clause that opens on a year (2022年收取信息处理费100元，): its figures belong to that year. */
const YEAR_CLAUSE = /((?:19|20)\d{2})年[^。；;，,]*/g;

function findFee(j: JoinedText, six: boolean, year: number | null): FeeFinding | null {
  if (j.text.indexOf('费') === -1) return null;
  // Rates (每件100元) and another year's amounts (2022年收取…100元 in the 2023 report) are hidden from the amount
  // patterns, keeping every offset.
  let hidden = j.text.replace(FEE_RATE, (m) => m.replace(/\d/g, '#'));
  if (year !== null) {
    hidden = hidden.replace(YEAR_CLAUSE, (m, y: string) => (Number(y) === year ? m : y + m.slice(4).replace(/\d/g, '#')));
  }
  const h: JoinedText = hidden === j.text ? j : { ...j, text: hidden };
  const base = extractFees(h);
  if (base) {
    if (h !== j) {
      const at = hidden.indexOf(base.raw);
      if (at >= 0) base.raw = j.text.slice(at, at + base.raw.length);
    }
    return base;
  }
  const t = hidden;
  const named = t.indexOf('处理费') !== -1;
  if (named) {
    const f = FEE_FIELD.exec(t);
    if (f && (f[2] !== undefined || Number(f[1]!.replace(/[,，]/g, '')) === 0)) return amountFinding(j, f, f[1]!, f[2]);
  }
  if (six) {
    const g = FEE_GENERIC_AMOUNT.exec(t);
    if (g) return amountFinding(j, g, g[1]!, g[2]);
    // A small table in part 六: | 信息处理费 | 300 | (the unit in the header cell, 收费金额（元） or （万元）).
    const cell = named ? FEE_TABLE_CELL.exec(t) : null;
    if (cell) return amountFinding(j, cell, cell[1]!, cell[2] ?? (/[（(]万元[)）]/.test(t.slice(0, cell.index)) ? '万元' : undefined));
  }
  const zero = (m: RegExpExecArray): FeeFinding => ({ yuan: 0, line: joinedLine(j, m.index), raw: m[0], converted: false });
  if (named) {
    const z = FEE_ZERO.exec(t) ?? FEE_EXEMPT.exec(t);
    if (z) return zero(z);
  }
  const none = FEE_NO_CASE.exec(t);
  if (none && (none[1] === '处理费' || six)) return zero(none);
  if (six) {
    FEE_NOT_COLLECTED.lastIndex = 0;
    for (let m = FEE_NOT_COLLECTED.exec(t); m; m = FEE_NOT_COLLECTED.exec(t)) {
      const start = Math.max(t.lastIndexOf('。', m.index), t.lastIndexOf('；', m.index), t.lastIndexOf(';', m.index)) + 1;
      if (t.slice(start, m.index).indexOf('费') !== -1) {
        FEE_NOT_COLLECTED.lastIndex = 0;
        return zero(m);
      }
    }
    FEE_NOT_COLLECTED.lastIndex = 0;
  }
  return null;
}

/** Extract the report's metadata. `lines` are `text` split on '\n'; line numbers in the result are 1-based. */
export function extractMeta(lines: string[], text: string): Meta {
  const warnings: Warning[] = [];
  const sources: Record<string, SourceRef> = {};
  const sections = findSections(lines);
  const headEnd = sections[1] ?? Math.min(lines.length, 40);
  const head = text.slice(0, 4000);

  // --- title, year, document number, template hint
  const titleInfo = findTitle(lines, Math.max(headEnd, Math.min(lines.length, 12)));
  // The date signed at the end (read first: the year from the body must not be a year after it).
  const sixRange = sectionRange(sections, 6, lines.length);
  const tailStart = sixRange ? sixRange[0] : Math.max(0, lines.length - 20);
  const signedDate = findSignedDate(lines, tailStart);
  let year = titleInfo?.year ?? null;
  if (year === null) {
    const found = yearFromText(lines, text, head, sections[1], signedDate ? Number(signedDate.date.slice(0, 4)) : null);
    if (found) {
      year = found.year;
      warnings.push({ code: 'year-from-period', line: found.line, message: found.message });
    } else warnings.push({ code: 'year-missing', message: 'no report year found' });
  }
  let documentNumber: string | null = null;
  for (let i = 0; i < Math.min(headEnd, 15); i++) {
    const s = stripMarkup(lines[i]!).replace(/\s+/g, '');
    if (DOC_NUMBER.test(s)) {
      documentNumber = s;
      break;
    }
  }
  const notice = NOTICE.exec(head);
  const templateHint: TemplateKey | null = notice ? (notice[1] === '2019' ? '2019' : '2021') : null;

  // --- signature and date at the end
  const publishedOn: string | null = signedDate?.date ?? null;
  const dateLine = signedDate?.line ?? -1;
  let signature: string | null = null;
  let signatureLine = -1;
  if (dateLine > 0) {
    for (let k = dateLine - 1; k >= tailStart && k >= dateLine - 3; k--) {
      const s = stripMarkup(lines[k]!).replace(/\s+/g, '');
      if (!s) continue;
      if (isOrgLine(s)) {
        signature = s;
        signatureLine = k;
      }
      break;
    }
  }
  if (!publishedOn) warnings.push({ code: 'published-date-missing', message: 'no date signed at the end' });

  // --- agency
  let chain: string | null = null;
  let fromTitle = false;
  /** Line the agency's name was read from, for the region warnings. */
  let agencyLine: number | undefined;
  if (titleInfo?.issuer) {
    chain = cleanAgency(titleInfo.issuer);
    fromTitle = true;
    agencyLine = titleInfo.line;
  } else {
    const contact = CONTACT.exec(head);
    const website = WEBSITE.exec(head);
    const compiled = COMPILED.exec(head);
    const found = signature
      ? { raw: signature, line: signatureLine + 1 }
      : contact
        ? { raw: contact[1]!, line: lineOfOffset(head, contact.index) }
        : website
          ? { raw: website[1]!, line: lineOfOffset(head, website.index) }
          : compiled
            ? { raw: compiled[1]!, line: lineOfOffset(head, compiled.index) }
            : null;
    if (found) {
      chain = cleanAgency(found.raw);
      agencyLine = found.line;
    }
  }
  // A title naming only the place (平潭综合实验区2023年…) signed by the body itself (平潭综合实验区管理委员会): the
  // signature names it; a government is not made up from the place.
  if (chain && fromTitle && !BODY_SUFFIX.test(chain) && signature) {
    const signed = cleanAgency(signature);
    // (Not its government's office: 鲤城区 signed by 鲤城区人民政府办公室 stays the government, as before.)
    if (signed.startsWith(chain) && signed.length > chain.length && BODY_SUFFIX.test(signed) && !signed.startsWith(completeBody(chain))) chain = signed;
  }
  if (chain !== null && chain !== '') chain = completeBody(chain);
  if (chain && !leadingPlace(chain)) {
    // A place misread by OCR at the start of the name (沐阳县… for 沭阳县…): read as the place it is one known
    // misreading away from, and said.
    const fixed = fixOcr(chain);
    if (fixed && leadingPlace(fixed)) {
      warnings.push({ code: 'label-fuzzy', row: 'agencyName', line: agencyLine, message: `place name read as ${chain}, corrected to ${fixed}` });
      chain = fixed;
    }
  }
  if (chain && !leadingPlace(chain) && !/^[\u4e00-\u9fa5]{2,10}(?:街道|镇|乡)/.test(chain)) {
    // The name carries no place (政府办公室): take the county the text names most.
    const found = mostMentionedPlace(text);
    // Not before a name that opens with the place's short name already (沭阳经济技术开发区 in 沭阳县).
    const short = found ? shortName(found.name) : null;
    const place = found && !(short && chain.startsWith(short)) ? found : null;
    // 区政府办公室 under 龙亭区 → 龙亭区人民政府办公室, not 龙亭区区…
    if (place) chain = place.name + (chain.startsWith(place.name.slice(-1)) ? completeBody(cleanAgency(chain.slice(1))) : chain);
  }
  let agencyName = chain ? stripHigherRegions(chain) : null;
  if (agencyName && !fromTitle && /政府办公室$/.test(agencyName) && (SUMMARY.test(head) || speaksForRegion(text))) {
    // A region-wide report compiled by the government office belongs to the government: it says so (汇总各…), or
    // it speaks for the place (我市, 我区), never for the office (我办).
    agencyName = agencyName.replace(/办公室$/, '');
    chain = chain!.replace(/办公室$/, '');
  }
  if (!agencyName) {
    agencyName = null;
    warnings.push({ code: 'agency-missing', message: 'no issuing agency found' });
  }
  const kind = agencyName ? agencyKind(agencyName) : null;

  // --- region
  let regionCode: string | null = null;
  let regionName: string | null = null;
  let regionCandidates: RegionCandidate[] = [];
  const context = text.length > 6000 ? head + text.slice(-2000) : text;
  const region = chain ? resolveRegion(chain, context) : null;
  if (region?.corrected && agencyName && chain) {
    // The agency's name is a part of the chain; the correction keeps lengths, so the same part of the corrected
    // chain is the corrected name (its higher places dropped again: 宿迁市沐阳县… was not recognised as two).
    const at = chain.indexOf(agencyName);
    const part = at >= 0 && region.corrected.length === chain.length ? region.corrected.slice(at, at + agencyName.length) : fixOcr(agencyName);
    const fixed = part && part !== agencyName ? stripHigherRegions(part) : null;
    if (fixed) {
      warnings.push({
        code: 'label-fuzzy',
        row: 'agencyName',
        line: agencyLine,
        message: `place name read as ${agencyName}, corrected to ${fixed}`,
      });
      agencyName = fixed;
    }
  }
  if (region && region.status === 'resolved') {
    regionCode = region.code === null ? null : toGbCode(region.code);
    regionName = region.name;
    if (region.coarse) {
      warnings.push({
        code: 'region-coarse',
        line: agencyLine,
        message: `${region.coarse} is not listed under ${region.name ?? ''} in the gazetteer; the county's code is used`,
        detail: { printed: region.coarse, code: regionCode },
      });
    }
    if (region.nonstandard) {
      warnings.push({
        code: 'region-nonstandard',
        line: agencyLine,
        message: `mapped to ${region.name}`,
        detail: { code: regionCode },
      });
    }
  } else if (region && region.status === 'ambiguous') {
    regionCandidates = region.candidates.map((c) => ({ ...c, code: toGbCode(c.code) }));
    warnings.push({ code: 'region-ambiguous', line: agencyLine, message: 'several divisions fit', detail: regionCandidates });
  } else {
    warnings.push({ code: 'region-unresolved', line: agencyLine, message: 'no gazetteer division fits the agency' });
  }

  // --- narrative parts, fees, figures
  const part = (n: 1 | 5 | 6, stop?: number): { from: number; to: number } | null => {
    const r = sectionRange(sections, n, lines.length);
    if (!r) return null;
    return { from: r[0], to: stop !== undefined && stop > r[0] && stop < r[1] ? stop : r[1] };
  };
  const overview = part(1);
  const problems = part(5);
  const other = part(6, signatureLine >= 0 ? signatureLine : undefined);
  const partText = (p: { from: number; to: number } | null): string | null => {
    if (!p) return null;
    // One pass: the non-blank lines stripped of markup, joined (no intermediate arrays).
    let t = '';
    for (let i = p.from; i < p.to; i++) {
      const line = stripMarkup(lines[i] ?? '');
      if (line === '') continue;
      t = t === '' ? line : `${t}\n${line}`;
    }
    return t === '' ? null : t.slice(0, 20000);
  };
  const narrative: Narrative = { overview: partText(overview), problems: partText(problems), other: partText(other) };

  let fee = other ? findFee(joinLines(lines, other.from, other.to), true, year) : null;
  if (!fee && overview) fee = findFee(joinLines(lines, overview.from, overview.to), false, year);
  if (!fee && problems) fee = findFee(joinLines(lines, problems.from, problems.to), false, year);
  if (!fee && !overview && !other) fee = findFee(joinLines(lines, 0, lines.length), true, year);
  let feesCollectedYuan: number | null = null;
  if (fee) {
    feesCollectedYuan = fee.yuan;
    sources['feesCollectedYuan'] = { line: fee.line, cell: 0, raw: fee.raw };
    if (fee.converted) {
      warnings.push({ code: 'unit-converted', row: 'feesCollectedYuan', line: fee.line, message: '万元 → 元' });
    }
  }
  const narrativeFigures = overview ? extractFigures(joinLines(lines, overview.from, overview.to)) : [];

  return {
    agencyName,
    agencyKind: kind,
    regionCode,
    regionName,
    regionCandidates,
    year,
    publishedOn,
    documentNumber,
    title: titleInfo?.title ?? null,
    feesCollectedYuan,
    narrative,
    narrativeFigures,
    warnings,
    sources,
    templateHint,
    sections,
  };
}
