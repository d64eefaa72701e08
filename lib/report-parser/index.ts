/**
 * Entry points of the report parser: bytes or text in, a typed ParseResult out. Never throws.
 *
 * Table pipeline: the normalised text (line numbers refer to it) → headings located on compact lines → table lines
 * brought to matching form (full-width → half-width, one character for one) → a row stream per table (label text
 * gathered since the previous row's numbers + the numbers after it; covers one-cell-per-line, tabs, pipes,
 * markdown and PDF text alike) → table 3 rows aligned to the official labels by words and order → candidate
 * readings of damaged rows (missing, extra, run-together cells) chosen jointly by the identities → checks.
 *
 * Provenance (`sources`): a printed cell is `{line, cell, raw}` with `cell` its 0-based index in the line's split
 * (tabs, else pipes, else runs of 2+ spaces); a value forced by the identities has `cell: -1` (and a
 * `value-inferred` warning); template-2021 `otherTotal` has `derivedFrom` naming the three sub-rows.
 */
import { type TemplateKey } from './keys';
import { evaluateIdentities, narrativeChecks, reviewChecks } from './checks';
import { decodeInput } from './decode';
import { extractMeta } from './meta';
import { normalizeText, toMatchForm as toMatchFormImport } from './normalize';
import { CompactLines } from './tables/compact-lines';
import { detectTemplate, findFurniture, findSections } from './tables/locate';
import { misreadCount } from './tables/cells';
import { streamRows, type StreamRow } from './tables/stream';
import { emptyProactive, readTable1 } from './tables/table1';
import { readTable3 } from './tables/table3';
import { emptyReviews, readTable4 } from './tables/table4';
import type { InputFormat, ParseResult, ParsedReport, Warning } from './types';

export interface ParseTextOptions {
  fileName?: string;
  format?: InputFormat;
  encoding?: string;
}

// Bound once: run through tsx (CommonJS), each use of an imported name is a getter call on the other module's
// exports, and these run per line, cell or candidate name.
const toMatchForm = toMatchFormImport;

const REPORT_WORDS = /政府信息公开|信息公开工作|政务公开/;
const ANNUAL_REPORT = /年度报告|年报/g;

/**
 * Whether a text without table 3 is a report cut short rather than something else: it speaks of disclosure and
 * calls itself an annual report, once or twice (a title, a preamble), or opens its overview (总体情况). A page
 * that lists many reports' titles (a portal's index) and a disclosure guide (政府信息公开指南) are not reports.
 */
function looksLikeReport(head: string): boolean {
  if (!REPORT_WORDS.test(head)) return false;
  if (head.indexOf('总体情况') !== -1) return true;
  const titles = head.match(ANNUAL_REPORT)?.length ?? 0;
  return titles >= 1 && titles <= 3;
}

/** Parse already-decoded text (sync). `text` in the result is the normalised text that all line numbers refer to. */
export function parseText(input: string, opts: ParseTextOptions = {}): ParseResult {
  const format = opts.format ?? 'text';
  const encoding = opts.encoding ?? 'utf-8';
  let text = '';
  try {
    text = normalizeText(input);
    if (text.trim() === '') return { ok: false, error: { code: 'empty', message: 'the input is empty' }, text, format, encoding };
    return parseNormalized(text, format, encoding);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `parser error: ${message}` }, text, format, encoding };
  }
}

/**
 * A text cut short inside table 3: its two closing rows are missing, and neither table 4 (the caller checks) nor a
 * later part of the report (五、存在的主要问题…, 六、其他需要报告的事项) follows. A report that merely omits a row
 * or table 4 still has what comes after.
 */
function endsInsideTable3(t3Warnings: readonly Warning[], lines: readonly string[], t3From: number): boolean {
  const missing = (row: string) => t3Warnings.some((w) => w.code === 'row-missing' && w.row === row);
  if (!missing('totalHandled') || !missing('carriedForward')) return false;
  for (let i = t3From; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.indexOf('存在的主要问题') !== -1 || l.indexOf('其他需要报告') !== -1) return false;
  }
  return true;
}

function parseNormalized(text: string, format: InputFormat, encoding: string): ParseResult {
  const lines = text.split('\n');
  // Headings are found on the compact text; only the table lines are brought to matching form.
  const compact = new CompactLines(lines, text);
  const sections = findSections(compact);
  if (!sections.t3) {
    const isReport = looksLikeReport(text.slice(0, 20000));
    return {
      ok: false,
      error: isReport
        ? { code: 'truncated', message: 'no table 3 (收到和处理政府信息公开申请情况) found: the text ends before it or lacks it' }
        : { code: 'not-a-report', message: 'not a government information-disclosure annual report' },
      text,
      format,
      encoding,
    };
  }
  const [t3From, t3To] = sections.t3;
  const spanFrom = sections.t1 ? sections.t1[0] : t3From;
  const spanTo = sections.t4 ? sections.t4[1] : t3To;
  const match = lines.slice();
  for (let i = spanFrom; i < spanTo; i++) match[i] = toMatchForm(lines[i] ?? '');
  const skip = findFurniture(match, spanFrom, spanTo, compact);
  const rows1 = sections.t1 ? streamRows(match, sections.t1[0] + 1, sections.t1[1], skip) : null;
  const rows3 = streamRows(match, t3From, t3To, skip);
  // The words of the tables (their labels and headers, compact, matching form) for template and group checks.
  const t1Compact = rows1 ? rows1.map((r) => r.fullLabel).join('') : '';
  const t3Compact = rows3.map((r) => r.fullLabel).join('');

  const meta = extractMeta(lines, text);
  const warnings: Warning[] = [];
  let template: TemplateKey | null = detectTemplate(t1Compact + t3Compact);
  if (template === null) template = meta.templateHint ?? (meta.year !== null && meta.year <= 2020 ? '2019' : '2021');
  if (meta.templateHint && meta.templateHint !== template) {
    warnings.push({
      code: 'template-mismatch',
      message: `the preamble cites the ${meta.templateHint} template's notice but the tables follow the ${template} template`,
      detail: { cited: meta.templateHint, tables: template },
    });
  }

  // One provenance object written by every stage: copying a few hundred keys per report costs more than parsing.
  const sources = meta.sources;
  const t1 = rows1 ? readTable1(rows1, template, sources) : null;
  const t3 = readTable3(rows3, template, t3Compact, sources);
  if (t3.found === 0) {
    return { ok: false, error: { code: 'truncated', message: 'table 3 has no readable rows' }, text, format, encoding };
  }
  if (!sections.t4 && endsInsideTable3(t3.warnings, lines, t3From)) {
    return {
      ok: false,
      error: {
        code: 'truncated',
        message: 'the text ends inside table 3: its last rows (办理结果总计, 结转下年度继续办理) and everything after them are missing',
      },
      text,
      format,
      encoding,
    };
  }
  const rows4 = sections.t4 ? streamRows(match, sections.t4[0] + 1, sections.t4[1], skip) : null;
  const t4 = rows4 ? readTable4(rows4, sources) : null;

  const proactive = t1?.proactive ?? emptyProactive(template);
  const reviews = t4?.reviews ?? emptyReviews();
  if (!t1) warnings.push({ code: 'table-missing', row: 'proactive', message: 'Table 1 (proactive disclosure) not found' });
  if (!t4) warnings.push({ code: 'table-missing', row: 'reviews', message: 'Table 4 (reviews and litigation) not found' });

  const apps = t3.applications;
  const sumReviews = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);
  const checks = [
    ...evaluateIdentities(t3.matrix, t3.identities, t3.lines),
    ...reviewChecks(reviews, t4?.line),
    ...narrativeChecks(meta.narrativeFigures, {
      newReceived: apps.newReceived?.total ?? null,
      carriedOver: apps.carriedOver?.total ?? null,
      totalHandled: apps.totalHandled?.total ?? null,
      carriedForward: apps.carriedForward?.total ?? null,
      reconsideration: reviews.reconsideration.total,
      litigation: sumReviews(reviews.litigationDirect.total, reviews.litigationAfterReconsideration.total),
    }),
  ];

  // Cells read from letters (OCR's O for 0 and l for 1, a written-out 〇): each is said, with its line. The sources
  // (~200 keys) are only walked when some row holds such a token: enumerating them costs ~10% of a parse.
  const misread = (rows: StreamRow[] | null): boolean =>
    rows !== null && rows.some((r) => r.nums.some((t) => !t.plainDigits && t.value !== null && misreadCount(t.raw) >= 0));
  if (misread(rows1) || misread(rows3) || misread(rows4)) {
    for (const [path, ref] of Object.entries(sources)) {
      const value = ref.raw === undefined ? -1 : misreadCount(ref.raw);
      if (value >= 0) {
        warnings.push({ code: 'value-misread', row: path.split('.')[1], line: ref.line, message: `${path}: printed "${ref.raw}", read as ${value}`, detail: { printed: ref.raw, value } });
      }
    }
  }

  const report: ParsedReport = {
    agencyName: meta.agencyName,
    regionCode: meta.regionCode,
    regionName: meta.regionName,
    year: meta.year,
    template,
    publishedOn: meta.publishedOn,
    proactive,
    applications: apps,
    reviews,
    feesCollectedYuan: meta.feesCollectedYuan,
    checks,
    warnings: [...meta.warnings, ...warnings, ...(t1?.warnings ?? []), ...t3.warnings, ...(t4?.warnings ?? [])],
    agencyKind: meta.agencyKind,
    regionCandidates: meta.regionCandidates,
    documentNumber: meta.documentNumber,
    title: meta.title,
    narrative: meta.narrative,
    sources,
  };
  return { ok: true, report, text, format, encoding };
}

/** Decode the input (UTF-8/GB18030/UTF-16 text, HTML, PDF, DOCX) and parse it. Never throws. */
export async function parseReport(input: Uint8Array | string, opts: { fileName: string }): Promise<ParseResult> {
  try {
    if (typeof input === 'string') return parseText(input, { fileName: opts.fileName, format: 'text', encoding: 'utf-8' });
    const decoded = await decodeInput(input, opts.fileName);
    if (!decoded.ok) return { ok: false, error: decoded.error };
    const result = parseText(decoded.text, { fileName: opts.fileName, format: decoded.format, encoding: decoded.encoding });
    if (result.ok && decoded.warnings.length > 0) result.report.warnings.unshift(...decoded.warnings);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `parser error: ${message}` } };
  }
}
