/**
 * Stores one parsed report in one transaction: agency upsert, report row (a new revision when the agency and year
 * already have one), figures, totals, checks, and identity 7 against the neighbouring years.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@/db';
import {
  agencies,
  checkResults,
  ingestFailures,
  reports,
  reportTables,
  reportTotals,
} from '@/db/schema';
import type { AgencyKind, InputFormat, ParsedReport, Warning } from '@/lib/report-parser/types';
import { slugify, toInitials, toPinyin } from '@/lib/slug';
import type { PgTable } from 'drizzle-orm/pg-core';
import { insertReportTreeSql, type ReportTree } from './json-insert';
import { checkJson, insertReportOneStatement, nextYearSql, selectNeighbours } from './one-statement';
import { fromGbCode } from '@/lib/report-parser/region';
import { isKnownRegion, regionPath } from './regions';
import {
  CARRYOVER_CHECK_ID,
  carryoverCheck,
  checkRowOf,
  countChecks,
  reportTablesOf,
  totalsOf,
} from './rows';

export type StoreStatus = 'new' | 'updated' | 'unchanged';

export interface StoreInput {
  fileName: string;
  sha256: string;
  format: InputFormat | string;
  encoding: string;
  text: string;
  report: ParsedReport;
  synthetic?: boolean;
}

export interface StoreOutcome {
  status: StoreStatus;
  reportId: number;
}

/** A report the database cannot hold as a report (no year, no agency): recorded as an ingest failure. */
export class UnstorableReportError extends Error {
  constructor(
    public readonly code: 'year-missing' | 'agency-missing' | 'year-out-of-range',
    message: string,
  ) {
    super(message);
    this.name = 'UnstorableReportError';
  }
}

const KIND_PATTERNS: [RegExp, AgencyKind][] = [
  [/街道办事处$|街道$/, 'street'],
  [/(镇|乡)人民政府$|(镇|乡)$/, 'town'],
  [/人民政府办公室$|政府办公室$|办公厅$/, 'office'],
  [/人民政府$/, 'government'],
  [/(局|委员会|委|办|厅|中心|院|所|队|站|署)$/, 'department'],
];

export function inferAgencyKind(name: string): AgencyKind {
  for (const [re, kind] of KIND_PATTERNS) if (re.test(name)) return kind;
  return 'other';
}

// Agency ids known to be committed, per database and slug: saves the upsert round trip for later reports.
type AgencyCache = Map<string, { id: number; name: string }>;
const agencyCaches = new WeakMap<Db, AgencyCache>();
function agencyCacheOf(db: Db): AgencyCache {
  let c = agencyCaches.get(db);
  if (!c) agencyCaches.set(db, (c = new Map()));
  return c;
}

async function upsertAgency(
  tx: Tx,
  agencyIdCache: AgencyCache,
  name: string,
  regionCode: string | null,
  kind: AgencyKind,
  synthetic: boolean,
): Promise<{ id: number; slug: string; fresh: boolean }> {
  let slug = slugify(name, regionCode);
  for (let attempt = 0; attempt < 3; attempt++) {
    const cached = agencyIdCache.get(slug);
    if (cached && cached.name === name) return { id: cached.id, slug, fresh: false };
    const [row] = await tx
      .insert(agencies)
      .values({ slug, name, kind, regionCode, pinyin: toPinyin(name), initials: toInitials(name), synthetic })
      // A no-op update so that RETURNING gives the existing row too.
      .onConflictDoUpdate({ target: agencies.slug, set: { slug: sql`excluded.slug` } })
      .returning({ id: agencies.id, name: agencies.name });
    if (row && row.name === name) return { id: row.id, slug, fresh: true };
    // Two names with the same toneless pinyin in one place: keep both, the later one with a distinguishing suffix.
    slug = `${slugify(name, regionCode)}-${Buffer.from(name).toString('hex').slice(-6 - attempt * 2)}`;
  }
  throw new Error(`could not find a free slug for ${name}`);
}

interface Neighbour {
  id: number;
  year: number;
  revision: number;
  isCurrent: boolean;
  carriedOver: number | null;
  carriedForward: number | null;
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; message?: unknown };
    if (x.code === '23505' && (x.constraint_name === constraint || x.constraint === constraint)) return true;
    if (x.code === '23505' && typeof x.message === 'string' && x.message.includes(constraint)) return true;
  }
  return false;
}

/** Looks a file up by content hash: the id of the report already stored from these bytes. */
export async function findReportBySha(db: Db | Tx, sha256: string): Promise<number | null> {
  const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.sha256, sha256)).limit(1);
  return row?.id ?? null;
}

interface Prepared {
  input: StoreInput;
  report: ParsedReport;
  agencyName: string;
  regionCode: string | null;
  kind: AgencyKind;
  year: number;
  synthetic: boolean;
  warnings: Warning[];
}

function prepare(input: StoreInput): Prepared {
  const r = input.report;
  if (r.year === null || !Number.isInteger(r.year)) {
    throw new UnstorableReportError('year-missing', 'the report year could not be determined');
  }
  if (r.year < 1990 || r.year > 2200) {
    throw new UnstorableReportError('year-out-of-range', `implausible report year ${r.year}`);
  }
  const agencyName = r.agencyName?.trim();
  if (!agencyName) throw new UnstorableReportError('agency-missing', 'the issuing agency could not be determined');
  const warnings: Warning[] = [...(r.warnings ?? [])];
  // The parser gives GB/T 2260 codes (320800); the regions table keeps the package's own (3208).
  let regionCode = r.regionCode ? fromGbCode(r.regionCode) : null;
  if (regionCode && !isKnownRegion(regionCode)) {
    warnings.push({
      code: 'region-unresolved',
      message: `region code ${regionCode} is not in the gazetteer table; stored without a region`,
      detail: { regionCode },
    });
    regionCode = null;
  }
  return {
    input,
    report: r,
    agencyName,
    regionCode,
    kind: r.agencyKind ?? inferAgencyKind(agencyName),
    year: r.year,
    synthetic: input.synthetic ?? false,
    warnings,
  };
}

interface ReportRows {
  report: Record<string, unknown>;
  totals: Record<string, unknown>;
  children: { table: PgTable; rows: Record<string, unknown>[] }[];
}

/** The report row, its totals and its dependent rows (without report and agency ids), for a revision. */
function reportRows(p: Prepared, revision: number, previous: Neighbour | undefined): ReportRows {
  const r = p.report;
  const checks = (r.checks ?? []).filter((c) => c.id !== CARRYOVER_CHECK_ID);
  const carry = carryoverCheck(previous?.carriedForward ?? null, r.applications.carriedOver?.total ?? null);
  if (carry) checks.push(carry);
  const checkRow = checkRowOf(0, checks);
  const counts = countChecks(checkRow.checks);
  const { agencyId: _a, reportId: _r, ...totals } = totalsOf(r, {
    reportId: 0,
    agencyId: 0,
    year: p.year,
    isCurrent: true,
    synthetic: p.synthetic,
    path: regionPath(p.regionCode),
    ...counts,
  });
  void _a;
  void _r;
  const strip = <T extends { reportId?: number }>(rows: T[]) => rows.map(({ reportId: _id, ...rest }) => rest);
  return {
    report: {
      year: p.year,
      revision,
      isCurrent: true,
      template: r.template,
      publishedOn: r.publishedOn,
      documentNumber: r.documentNumber ?? null,
      title: r.title ?? null,
      sourceFileName: p.input.fileName,
      sha256: p.input.sha256,
      format: p.input.format,
      encoding: p.input.encoding,
      sourceText: p.input.text,
      feesCollectedYuan: r.feesCollectedYuan,
      regionName: r.regionName,
      warnings: p.warnings,
      narrative: r.narrative ?? {},
      sources: r.sources ?? {},
      ...counts,
      synthetic: p.synthetic,
    },
    totals,
    children: [
      { table: reportTables, rows: strip([reportTablesOf(0, r)]) },
      { table: checkResults, rows: strip([checkRow]) },
    ],
  };
}

/** The same rows as one drizzle statement (the general path, inside its transaction). */
function reportTree(p: Prepared, agencyId: number, revision: number, previous: Neighbour | undefined): ReportTree {
  const rows = reportRows(p, revision, previous);
  const agencyExpr = sql`${agencyId}::int`;
  return {
    report: { table: reports, exprs: { agencyId: agencyExpr }, row: rows.report },
    children: [{ table: reportTotals, rows: [rows.totals], exprs: { agencyId: agencyExpr } }, ...rows.children],
    also: [sql`delete from ${ingestFailures} where ${ingestFailures.sha256} = ${p.input.sha256}`],
  };
}

async function insertTree(db: Db | Tx, tree: ReportTree): Promise<number> {
  const [row] = rowsOf<{ id: number }>(await db.execute(insertReportTreeSql(tree)));
  if (!row) throw new Error('insert into reports returned no row');
  return Number(row.id);
}

/**
 * Every common case in one statement (itself a transaction): a report for this agency and year — the first, or a
 * new revision of it — with identity 7 of the following year updated. Two round trips. Returns null when the
 * report needs the general path (a slug shared by another name, or a concurrent writer got there first).
 */
async function storeInOneStatement(db: Db, p: Prepared): Promise<StoreOutcome | null> {
  const slug = slugify(p.agencyName, p.regionCode);
  const rows = await selectNeighbours(db, slug, p.year);
  const first = rows[0];
  if (first && first.agency_name !== p.agencyName) return null; // slug shared by another name
  const neighbours: Neighbour[] = rows
    .filter((n) => n.id !== null)
    .map((n) => ({
      id: Number(n.id),
      year: Number(n.year),
      revision: Number(n.revision),
      isCurrent: n.is_current === true,
      carriedOver: n.carried_over,
      carriedForward: n.carried_forward,
    }));
  const following = neighbours.find((n) => n.year === p.year + 1 && n.isCurrent);
  const sameYear = neighbours.filter((n) => n.year === p.year);
  const replaced = sameYear.find((n) => n.isCurrent);
  const revision = sameYear.reduce((m, n) => Math.max(m, n.revision), 0) + 1;
  const previous = neighbours.find((n) => n.year === p.year - 1 && n.isCurrent);
  const rows1 = reportRows(p, revision, previous);
  try {
    const reportId = await insertReportOneStatement(db, {
      agencyId: first ? Number(first.agency_id) : null,
      replacesId: replaced?.id ?? null,
      // Identity 7 of the next year's report now compares against this report.
      nextYear: following
        ? {
            id: following.id,
            check: carryoverCheck(p.report.applications.carriedForward?.total ?? null, following.carriedOver),
          }
        : null,
      agency: {
        slug,
        name: p.agencyName,
        kind: p.kind,
        regionCode: p.regionCode,
        // Only a new agency needs them: pinyin is the costly part of the slug.
        pinyin: first ? '' : toPinyin(p.agencyName),
        initials: first ? '' : toInitials(p.agencyName),
        synthetic: p.synthetic,
      },
      sha256: p.input.sha256,
      ...rows1,
    });
    return { status: replaced ? 'updated' : 'new', reportId };
  } catch (err) {
    // Another writer got there first (same agency created, same agency-year stored): take the general path.
    if (
      isUniqueViolation(err, 'reports_current_idx') ||
      isUniqueViolation(err, 'reports_agency_year_rev_idx') ||
      isUniqueViolation(err, 'agencies_slug_idx') ||
      isUniqueViolation(err, 'agencies_name_region_idx') ||
      errorCode(err) === '23502'
    ) {
      return null;
    }
    throw err;
  }
}

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Every case: new revisions, the next year's identity 7, slug clashes. One explicit transaction. */
async function storeInTransaction(db: Db, p: Prepared): Promise<StoreOutcome> {
  const agencyCache = agencyCacheOf(db);
  let freshAgency: { slug: string; id: number; name: string } | null = null;
  const outcome = await db.transaction(async (tx) => {
    const agency = await upsertAgency(tx, agencyCache, p.agencyName, p.regionCode, p.kind, p.synthetic);
    if (agency.fresh) freshAgency = { slug: agency.slug, id: agency.id, name: p.agencyName };
    const neighbours: Neighbour[] = await tx
      .select({
        id: reports.id,
        year: reports.year,
        revision: reports.revision,
        isCurrent: reports.isCurrent,
        carriedOver: reportTotals.carriedOver,
        carriedForward: reportTotals.carriedForward,
      })
      .from(reports)
      .leftJoin(reportTotals, eq(reportTotals.reportId, reports.id))
      .where(and(eq(reports.agencyId, agency.id), between(reports.year, p.year - 1, p.year + 1)));
    const sameYear = neighbours.filter((n) => n.year === p.year);
    const previous = neighbours.find((n) => n.year === p.year - 1 && n.isCurrent);
    const next = neighbours.find((n) => n.year === p.year + 1 && n.isCurrent);
    const replaced = sameYear.find((n) => n.isCurrent);
    const revision = sameYear.reduce((m, n) => Math.max(m, n.revision), 0) + 1;
    if (replaced) {
      await Promise.all([
        tx.update(reports).set({ isCurrent: false }).where(eq(reports.id, replaced.id)),
        tx.update(reportTotals).set({ isCurrent: false }).where(eq(reportTotals.reportId, replaced.id)),
      ]);
    }
    const reportId = await insertTree(tx, reportTree(p, agency.id, revision, previous));

    // Identity 7 on next year's report, which now has this one as its previous year.
    if (next) {
      const nextCheck = carryoverCheck(p.report.applications.carriedForward?.total ?? null, next.carriedOver);
      await tx.execute(nextYearSql(next.id, checkJson(nextCheck)));
    }
    return { status: (replaced ? 'updated' : 'new') as StoreStatus, reportId };
  });
  const fresh = freshAgency as { slug: string; id: number; name: string } | null;
  if (fresh) agencyCache.set(fresh.slug, { id: fresh.id, name: fresh.name });
  return outcome;
}

/**
 * Stores one report atomically (one statement or one transaction); the same bytes again are `unchanged`.
 * No look-up by hash first: ingestFiles does it before parsing, and a duplicate that slips through is caught by
 * the unique index and reported as unchanged.
 */
export async function storeReport(db: Db, input: StoreInput): Promise<StoreOutcome> {
  const p = prepare(input);
  for (let attempt = 1; ; attempt++) {
    try {
      return (await storeInOneStatement(db, p)) ?? (await storeInTransaction(db, p));
    } catch (err) {
      // The same bytes stored meanwhile by a concurrent writer: that is the unchanged case, not a failure.
      if (isUniqueViolation(err, 'reports_sha256_idx')) {
        const id = await findReportBySha(db, input.sha256);
        if (id !== null) return { status: 'unchanged', reportId: id };
      }
      // A concurrent writer on the same agency (deadlock, or it stored that agency-year first): the transaction
      // rolled back as a whole, so simply try again on the new state.
      if (attempt < 4 && isRetryable(err)) continue;
      throw err;
    }
  }
}

function isRetryable(err: unknown): boolean {
  const code = errorCode(err);
  return (
    code === '40P01' ||
    code === '40001' ||
    isUniqueViolation(err, 'reports_current_idx') ||
    isUniqueViolation(err, 'reports_agency_year_rev_idx') ||
    isUniqueViolation(err, 'agencies_slug_idx') ||
    isUniqueViolation(err, 'agencies_name_region_idx')
  );
}

/** Forgets cached agency ids (after agencies were deleted behind the ingest's back). */
export function clearAgencyCache(db: Db): void {
  agencyCaches.delete(db);
}
