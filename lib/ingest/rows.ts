/**
 * ParsedReport → the rows of report_tables, check_results and report_totals.
 * Pure: no database access, so the shapes are easy to test.
 */
import type { ApplicantCells, checkResults, reportTables, reportTotals, ReviewCells, StoredCheck } from '@/db/schema';
import {
  APPLICANT_PARTS,
  DENIED_ROWS,
  NOT_PROCESSED_ROWS,
  REVIEW_KINDS,
  UNABLE_ROWS,
  type ApplicationRow,
} from '@/lib/report-parser/keys';
import type { Check, ParsedReport } from '@/lib/report-parser/types';
import type { RegionPath } from './regions';

type Cell = number | null | undefined;

/** Sum of the printed cells; null when every one is blank (nothing printed is not zero). */
function sumCells(cells: Cell[]): number | null {
  let any = false;
  let s = 0;
  for (const c of cells) {
    if (typeof c === 'number' && Number.isFinite(c)) {
      any = true;
      s += c;
    }
  }
  return any ? s : null;
}

function int(v: Cell): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;
}

/** Tables 1, 3 and 4 as stored (report_tables): the parser's objects, every cell a finite number or null. */
export function reportTablesOf(reportId: number, r: ParsedReport): typeof reportTables.$inferInsert {
  const applications: Record<string, ApplicantCells> = {};
  for (const [rowKey, cells] of Object.entries(r.applications ?? {})) {
    if (!cells) continue;
    applications[rowKey] = {
      naturalPerson: int(cells.naturalPerson),
      commercialEnterprise: int(cells.commercialEnterprise),
      researchInstitution: int(cells.researchInstitution),
      publicInterestOrg: int(cells.publicInterestOrg),
      legalServiceOrg: int(cells.legalServiceOrg),
      otherOrg: int(cells.otherOrg),
      total: int(cells.total),
    };
  }
  const reviews: Record<string, ReviewCells> = {};
  for (const kind of REVIEW_KINDS) {
    const c = r.reviews?.[kind];
    if (!c) continue;
    reviews[kind] = { upheld: int(c.upheld), corrected: int(c.corrected), other: int(c.other), pending: int(c.pending), total: int(c.total) };
  }
  const proactive: Record<string, Record<string, number | null>> = {};
  for (const [rowKey, fields] of Object.entries(r.proactive ?? {})) {
    if (!fields) continue;
    const out: Record<string, number | null> = {};
    for (const [field, value] of Object.entries(fields)) out[field] = finiteOrNull(value as number | null | undefined);
    proactive[rowKey] = out;
  }
  return { reportId, applications, reviews, proactive };
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The checks as stored: one entry per check id (the last wins if the parser repeats one), failures first, then by
 * id in code-unit order (what the report page shows; the SQL that edits the list sorts the same way).
 */
export function checkListOf(checks: Check[]): StoredCheck[] {
  const byId = new Map<string, StoredCheck>();
  for (const c of checks) {
    byId.set(c.id, {
      checkId: c.id,
      passed: c.passed,
      left: finiteOrNull(c.left),
      right: finiteOrNull(c.right),
      line: typeof c.line === 'number' ? c.line : null,
    });
  }
  return [...byId.values()].sort((a, b) =>
    a.passed !== b.passed ? (a.passed ? 1 : -1) : a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0,
  );
}

/** The check_results row of a report. */
export function checkRowOf(reportId: number, checks: Check[]): typeof checkResults.$inferInsert {
  return { reportId, checks: checkListOf(checks) };
}

export function countChecks(list: { passed: boolean }[]): { checksPassed: number; checksTotal: number } {
  return { checksPassed: list.filter((c) => c.passed).length, checksTotal: list.length };
}

export interface TotalsContext {
  reportId: number;
  agencyId: number;
  year: number;
  isCurrent: boolean;
  synthetic: boolean;
  path: RegionPath;
  checksPassed: number;
  checksTotal: number;
}

/** The wide per-report row that rankings and charts read. `naturalPerson`/`legalPersons` split newReceived. */
export function totalsOf(r: ParsedReport, ctx: TotalsContext): typeof reportTotals.$inferInsert {
  const a = r.applications;
  const total = (row: ApplicationRow): number | null => int(a[row]?.total);
  const sumRows = (rows: readonly ApplicationRow[]) => sumCells(rows.map((k) => a[k]?.total));
  const nr = a.newReceived;
  const rev = r.reviews;
  const litigation = [rev?.litigationDirect, rev?.litigationAfterReconsideration];
  return {
    reportId: ctx.reportId,
    agencyId: ctx.agencyId,
    year: ctx.year,
    isCurrent: ctx.isCurrent,
    synthetic: ctx.synthetic,
    ...ctx.path,
    newReceived: total('newReceived'),
    carriedOver: total('carriedOver'),
    granted: total('granted'),
    partiallyGranted: total('partiallyGranted'),
    denied: sumRows(DENIED_ROWS),
    deniedStateSecret: total('deniedStateSecret'),
    deniedProhibitedByLaw: total('deniedProhibitedByLaw'),
    deniedEndangersSafety: total('deniedEndangersSafety'),
    deniedThirdPartyRights: total('deniedThirdPartyRights'),
    deniedInternalAffairs: total('deniedInternalAffairs'),
    deniedProcessInformation: total('deniedProcessInformation'),
    deniedLawEnforcementFile: total('deniedLawEnforcementFile'),
    deniedAdministrativeQuery: total('deniedAdministrativeQuery'),
    unable: sumRows(UNABLE_ROWS),
    notProcessed: sumRows(NOT_PROCESSED_ROWS),
    otherTotal: total('otherTotal'),
    totalHandled: total('totalHandled'),
    carriedForward: total('carriedForward'),
    naturalPerson: int(nr?.naturalPerson),
    legalPersons: nr ? sumCells(APPLICANT_PARTS.filter((c) => c !== 'naturalPerson').map((c) => nr[c])) : null,
    reconsiderationTotal: int(rev?.reconsideration?.total),
    reconsiderationCorrected: int(rev?.reconsideration?.corrected),
    reconsiderationPending: int(rev?.reconsideration?.pending),
    litigationTotal: sumCells(litigation.map((c) => c?.total)),
    litigationCorrected: sumCells(litigation.map((c) => c?.corrected)),
    litigationPending: sumCells(litigation.map((c) => c?.pending)),
    feesCollectedYuan: finiteOrNull(r.feesCollectedYuan),
    checksPassed: ctx.checksPassed,
    checksTotal: ctx.checksTotal,
  };
}

/** Identity 7 (across years): last year's carriedForward.total against this year's carriedOver.total. */
export function carryoverCheck(previousCarriedForward: number | null, carriedOver: number | null): Check | null {
  if (previousCarriedForward === null || carriedOver === null) return null;
  return {
    id: CARRYOVER_CHECK_ID,
    passed: previousCarriedForward === carriedOver,
    left: previousCarriedForward,
    right: carriedOver,
  };
}

export const CARRYOVER_CHECK_ID = 'carryover.total';
