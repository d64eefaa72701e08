/**
 * Stores one parsed report in one transaction: agency upsert, report row (a new revision when the agency and year
 * already have one), figures, totals, checks, and identity 7 against the neighbouring years.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import {
  agencies,
  applicationRows,
  checkResults,
  ingestFailures,
  proactiveFigures,
  reports,
  reportTotals,
  reviewRows,
} from '@/db/schema';
import type { AgencyKind, InputFormat, ParsedReport, Warning } from '@/lib/report-parser/types';
import { slugify, toInitials, toPinyin } from '@/lib/slug';
import { isKnownRegion, regionPath } from './regions';
import {
  CARRYOVER_CHECK_ID,
  applicationRowsOf,
  carryoverCheck,
  checkRowsOf,
  countChecks,
  proactiveFiguresOf,
  reviewRowsOf,
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

async function recountChecks(tx: Tx, reportId: number): Promise<void> {
  const counts = sql`(select count(*) filter (where ${checkResults.passed})::int as p, count(*)::int as t
    from ${checkResults} where ${checkResults.reportId} = ${reportId})`;
  await Promise.all([
    tx.execute(sql`update ${reports} set checks_passed = c.p, checks_total = c.t from ${counts} c
      where ${reports.id} = ${reportId}`),
    tx.execute(sql`update ${reportTotals} set checks_passed = c.p, checks_total = c.t from ${counts} c
      where ${reportTotals.reportId} = ${reportId}`),
  ]);
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

/** Stores one report in its own transaction; the same bytes again are `unchanged`. */
export async function storeReport(db: Db, input: StoreInput): Promise<StoreOutcome> {
  const existing = await findReportBySha(db, input.sha256);
  if (existing !== null) return { status: 'unchanged', reportId: existing };
  const r = input.report;
  if (r.year === null || !Number.isInteger(r.year)) {
    throw new UnstorableReportError('year-missing', 'the report year could not be determined');
  }
  if (r.year < 1990 || r.year > 2200) {
    throw new UnstorableReportError('year-out-of-range', `implausible report year ${r.year}`);
  }
  const agencyName = r.agencyName?.trim();
  if (!agencyName) throw new UnstorableReportError('agency-missing', 'the issuing agency could not be determined');
  const year = r.year;
  const synthetic = input.synthetic ?? false;

  const warnings: Warning[] = [...(r.warnings ?? [])];
  let regionCode = r.regionCode;
  if (regionCode && !isKnownRegion(regionCode)) {
    warnings.push({
      code: 'region-unresolved',
      message: `region code ${regionCode} is not in the gazetteer table; stored without a region`,
      detail: { regionCode },
    });
    regionCode = null;
  }
  const kind = r.agencyKind ?? inferAgencyKind(agencyName);

  const agencyCache = agencyCacheOf(db);
  let freshAgency: { slug: string; id: number; name: string } | null = null;
  try {
    const outcome = await db.transaction(async (tx) => {
      const agency = await upsertAgency(tx, agencyCache, agencyName, regionCode, kind, synthetic);
      if (agency.fresh) freshAgency = { slug: agency.slug, id: agency.id, name: agencyName };

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
        .where(and(eq(reports.agencyId, agency.id), between(reports.year, year - 1, year + 1)));
      const sameYear = neighbours.filter((n) => n.year === year);
      const previous = neighbours.find((n) => n.year === year - 1 && n.isCurrent);
      const next = neighbours.find((n) => n.year === year + 1 && n.isCurrent);
      const replaced = sameYear.find((n) => n.isCurrent);
      const revision = sameYear.reduce((m, n) => Math.max(m, n.revision), 0) + 1;

      if (replaced) {
        await Promise.all([
          tx.update(reports).set({ isCurrent: false }).where(eq(reports.id, replaced.id)),
          tx.update(reportTotals).set({ isCurrent: false }).where(eq(reportTotals.reportId, replaced.id)),
        ]);
      }

      const carriedOver = r.applications.carriedOver?.total ?? null;
      const carriedForward = r.applications.carriedForward?.total ?? null;
      const checks = [...(r.checks ?? []).filter((c) => c.id !== CARRYOVER_CHECK_ID)];
      const carry = carryoverCheck(previous?.carriedForward ?? null, carriedOver);
      if (carry) checks.push(carry);
      const checkRows = checkRowsOf(0, checks);
      const counts = countChecks(checkRows);

      const [inserted] = await tx
        .insert(reports)
        .values({
          agencyId: agency.id,
          year,
          revision,
          isCurrent: true,
          template: r.template,
          publishedOn: r.publishedOn,
          documentNumber: r.documentNumber ?? null,
          title: r.title ?? null,
          sourceFileName: input.fileName,
          sha256: input.sha256,
          format: input.format,
          encoding: input.encoding,
          sourceText: input.text,
          feesCollectedYuan: r.feesCollectedYuan,
          regionName: r.regionName,
          warnings,
          narrative: r.narrative ?? {},
          sources: r.sources ?? {},
          parsed: r,
          ...counts,
          synthetic,
        })
        .returning({ id: reports.id });
      if (!inserted) throw new Error('insert into reports returned no row');
      const reportId = inserted.id;

      const apps = applicationRowsOf(reportId, r);
      const revs = reviewRowsOf(reportId, r);
      const figs = proactiveFiguresOf(reportId, r);
      const chk = checkRows.map((c) => ({ ...c, reportId }));
      const totals = totalsOf(r, {
        reportId,
        agencyId: agency.id,
        year,
        isCurrent: true,
        synthetic,
        path: regionPath(regionCode),
        ...counts,
      });
      // Issued together: postgres.js pipelines them on the transaction's connection.
      const writes: Promise<unknown>[] = [
        tx.insert(reportTotals).values(totals),
        tx.delete(ingestFailures).where(eq(ingestFailures.sha256, input.sha256)),
      ];
      if (apps.length) writes.push(tx.insert(applicationRows).values(apps));
      if (revs.length) writes.push(tx.insert(reviewRows).values(revs));
      if (figs.length) writes.push(tx.insert(proactiveFigures).values(figs));
      if (chk.length) writes.push(tx.insert(checkResults).values(chk));
      await Promise.all(writes);

      // Identity 7 on next year's report, which now has this one as its previous year.
      if (next) {
        const nextCheck = carryoverCheck(carriedForward, next.carriedOver);
        if (nextCheck) {
          await tx
            .insert(checkResults)
            .values({ reportId: next.id, checkId: nextCheck.id, passed: nextCheck.passed, left: nextCheck.left, right: nextCheck.right })
            .onConflictDoUpdate({
              target: [checkResults.reportId, checkResults.checkId],
              set: { passed: nextCheck.passed, left: nextCheck.left, right: nextCheck.right },
            });
        } else {
          await tx
            .delete(checkResults)
            .where(and(eq(checkResults.reportId, next.id), eq(checkResults.checkId, CARRYOVER_CHECK_ID)));
        }
        await recountChecks(tx, next.id);
      }
      return { status: (replaced ? 'updated' : 'new') as StoreStatus, reportId };
    });
    const fresh = freshAgency as { slug: string; id: number; name: string } | null;
    if (fresh) agencyCache.set(fresh.slug, { id: fresh.id, name: fresh.name });
    return outcome;
  } catch (err) {
    // The same bytes stored meanwhile by a concurrent ingest: that is the unchanged case, not a failure.
    if (isUniqueViolation(err, 'reports_sha256_idx')) {
      const id = await findReportBySha(db, input.sha256);
      if (id !== null) return { status: 'unchanged', reportId: id };
    }
    throw err;
  }
}

/** Forgets cached agency ids (after agencies were deleted behind the ingest's back). */
export function clearAgencyCache(db: Db): void {
  agencyCaches.delete(db);
}
