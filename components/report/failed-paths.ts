import { APPLICANT_COLUMNS, OTHER_SUB_ROWS, OUTCOME_ROWS, REVIEW_RESULTS } from '@/lib/report-parser/keys';
import type { ReportCheck } from '@/db/queries/reports';

const COLUMNS = APPLICANT_COLUMNS;


/**
 * The figure paths (as in `report.sources`, e.g. applications.granted.total) that take part in a failing check,
 * so the tables can mark both sides of every failed identity.
 */
export function failedFigurePaths(checks: readonly ReportCheck[]): Set<string> {
  const out = new Set<string>();
  const app = (row: string, col: string) => out.add(`applications.${row}.${col}`);
  for (const c of checks) {
    if (c.passed) continue;
    const dot = c.checkId.indexOf('.');
    const kind = c.checkId.slice(0, dot);
    const rest = c.checkId.slice(dot + 1);
    switch (kind) {
      case 'row':
        for (const col of COLUMNS) app(rest, col);
        break;
      case 'outcomes':
        for (const row of [...OUTCOME_ROWS, 'totalHandled']) app(row, rest);
        break;
      case 'balance':
        for (const row of ['newReceived', 'carriedOver', 'totalHandled', 'carriedForward']) app(row, rest);
        break;
      case 'other':
        for (const row of [...OTHER_SUB_ROWS, 'otherTotal']) app(row, rest);
        break;
      case 'reviews':
        for (const r of REVIEW_RESULTS) out.add(`reviews.${rest}.${r}`);
        break;
      case 'carryover':
        app('carriedOver', 'total');
        break;
      default:
        break;
    }
  }
  return out;
}
