/**
 * Parse a synthetic report and list every difference from its ground truth (table figures, then the metadata the
 * generator controls). Template 2021 `otherTotal` is compared with the sum of the three printed sub-rows (the
 * contract's definition): the generator's truth keeps the pre-break sum when it alters a sub-row's total.
 */
import { parseReport } from '@/lib/report-parser';
import { APPLICANT_COLUMNS, OTHER_SUB_ROWS, REVIEW_KINDS, REVIEW_RESULTS } from '@/lib/report-parser/keys';
import type { ApplicantCells, ParsedReport } from '@/lib/report-parser/types';
import type { SyntheticReport } from '@/lib/synthetic';

export type Expected = Record<string, unknown>;

/** Changes a variant makes to what a correct parse gives (e.g. a deleted row becomes null), plus warnings it must raise. */
export interface Expectation {
  adjust?: (expected: Expected, r: SyntheticReport) => void;
  warnings?: string[];
}

export function expectedOf(truth: ParsedReport): Expected {
  const out: Expected = {};
  for (const [row, cells] of Object.entries(truth.proactive)) for (const [f, v] of Object.entries(cells ?? {})) out[`proactive.${row}.${f}`] = v;
  for (const [row, cells] of Object.entries(truth.applications)) for (const [f, v] of Object.entries(cells ?? {})) out[`applications.${row}.${f}`] = v;
  for (const [row, cells] of Object.entries(truth.reviews)) for (const [f, v] of Object.entries(cells ?? {})) out[`reviews.${row}.${f}`] = v;
  if (truth.template === '2021') {
    for (const c of APPLICANT_COLUMNS) {
      out[`applications.otherTotal.${c}`] = OTHER_SUB_ROWS.reduce((s, r) => s + ((truth.applications[r] as ApplicantCells)[c] ?? 0), 0);
    }
  }
  for (const k of ['template', 'year', 'agencyName', 'regionCode', 'publishedOn', 'feesCollectedYuan'] as const) out[k] = truth[k];
  return out;
}

function get(report: ParsedReport, p: string): unknown {
  const parts = p.split('.');
  if (parts.length === 1) return (report as unknown as Record<string, unknown>)[p];
  const [table, row, field] = parts as [keyof ParsedReport, string, string];
  return (report[table] as Record<string, Record<string, unknown> | undefined>)[row]?.[field];
}

export async function compareSynthetic(r: SyntheticReport, expectation: Expectation = {}): Promise<string[]> {
  const res = await parseReport(r.bytes, { fileName: r.fileName });
  if (!res.ok) return [`error ${res.error.code}: ${res.error.message}`];
  const expected = expectedOf(r.truth);
  expectation.adjust?.(expected, r);
  const diffs: string[] = [];
  for (const [p, want] of Object.entries(expected)) {
    const got = get(res.report, p);
    if (got === null && undecidedWithTruth(res.report, p, want)) continue;
    if (got !== want) diffs.push(`${p}: got ${String(got)}, want ${String(want)}`);
  }
  for (const code of expectation.warnings ?? []) {
    if (!res.report.warnings.some((w) => w.code === code)) diffs.push(`no ${code} warning`);
  }
  return diffs;
}

/**
 * A cell left blank because equally good readings disagree on it is not a wrong reading, provided the
 * split-ambiguous warning of its row lists a reading with the true value in that cell (the parser said what it
 * could not decide, and the truth is among the readings it names).
 */
function undecidedWithTruth(report: ParsedReport, p: string, want: unknown): boolean {
  const [table, row, field] = p.split('.');
  let warnRow: string | undefined;
  let index = -1;
  if (table === 'applications' && row && field) {
    warnRow = row;
    index = (APPLICANT_COLUMNS as readonly string[]).indexOf(field);
  } else if (table === 'reviews' && row && field) {
    warnRow = 'reviews';
    const g = (REVIEW_KINDS as readonly string[]).indexOf(row);
    const k = (REVIEW_RESULTS as readonly string[]).indexOf(field);
    index = g < 0 || k < 0 ? -1 : g * REVIEW_RESULTS.length + k;
  }
  if (warnRow === undefined || index < 0) return false;
  return report.warnings.some((w) => {
    if (w.code !== 'split-ambiguous' || w.row !== warnRow) return false;
    const readings = (w.detail as { readings?: unknown } | undefined)?.readings;
    return Array.isArray(readings) && readings.some((r) => Array.isArray(r) && r[index] === want);
  });
}
