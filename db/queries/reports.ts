import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getReadDb } from '@/db/index';
import { agencies, reports, reportTables } from '@/db/schema';
import type { ApplicantFigures, ReviewFigures, ReviewKindKey } from './agencies';
import { fromJson, type RegionLink, regionPathJson } from './json-fields';

export interface ReportCheck {
  checkId: string;
  passed: boolean;
  left: number | null;
  right: number | null;
  line: number | null;
}

export interface ReportWarning {
  code: string;
  row?: string;
  line?: number;
  message?: string;
  detail?: unknown;
}

export interface ReportRevision {
  id: number;
  revision: number;
  isCurrent: boolean;
  ingestedAt: string;
}

/** Everything the report page shows: figures, checks, warnings, provenance, the source text and revisions. */
export interface ReportDetail {
  id: number;
  year: number;
  revision: number;
  isCurrent: boolean;
  template: '2019' | '2021';
  title: string | null;
  documentNumber: string | null;
  publishedOn: string | null;
  sourceFileName: string;
  sha256: string;
  format: string;
  encoding: string;
  sourceText: string;
  feesCollectedYuan: number | null;
  regionName: string | null;
  synthetic: boolean;
  warnings: ReportWarning[];
  narrative: { overview?: string | null; problems?: string | null; other?: string | null };
  /** figure path (e.g. applications.newReceived.total) → source line and cell */
  sources: Record<string, { line: number; cell?: number; raw?: string }>;
  checksPassed: number;
  checksTotal: number;
  ingestedAt: string;
  agency: { id: number; slug: string; name: string; kind: string; regionCode: string | null };
  regionPath: RegionLink[];
  applications: Record<string, ApplicantFigures>;
  reviews: Partial<Record<ReviewKindKey, ReviewFigures>>;
  proactive: Record<string, Record<string, number | null>>;
  checks: ReportCheck[];
  /** All revisions of this agency and year, oldest first. */
  revisions: ReportRevision[];
}

/** A report by id with all its figures in one query; null when there is none. */
export async function getReportDetail(id: number): Promise<ReportDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) return null;
  const db = getReadDb();
  const [r] = await db
    .select({
      id: reports.id,
      year: reports.year,
      revision: reports.revision,
      isCurrent: reports.isCurrent,
      template: reports.template,
      title: reports.title,
      documentNumber: reports.documentNumber,
      publishedOn: reports.publishedOn,
      sourceFileName: reports.sourceFileName,
      sha256: reports.sha256,
      format: reports.format,
      encoding: reports.encoding,
      sourceText: reports.sourceText,
      feesCollectedYuan: reports.feesCollectedYuan,
      regionName: reports.regionName,
      synthetic: reports.synthetic,
      warnings: reports.warnings,
      narrative: reports.narrative,
      sources: reports.sources,
      checksPassed: reports.checksPassed,
      checksTotal: reports.checksTotal,
      ingestedAt: sql<string>`${reports.ingestedAt}::text`,
      agency: {
        id: agencies.id,
        slug: agencies.slug,
        name: agencies.name,
        kind: agencies.kind,
        regionCode: agencies.regionCode,
      },
      regionPath: regionPathJson(sql`${agencies.regionCode}`),
      applications: reportTables.applications,
      reviews: reportTables.reviews,
      proactive: reportTables.proactive,
      // Stored failures first, then by id (lib/ingest/rows.ts checkListOf).
      checks: sql<unknown>`(select c.checks from check_results c where c.report_id = ${reports.id})`,
      revisions: sql<unknown>`(select json_agg(json_build_object('id', o.id, 'revision', o.revision,
          'isCurrent', o.is_current, 'ingestedAt', o.ingested_at::text) order by o.revision)
        from reports o where o.agency_id = ${reports.agencyId} and o.year = ${reports.year})`,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(reportTables, eq(reportTables.reportId, reports.id))
    .where(eq(reports.id, id))
    .limit(1);
  if (!r) return null;
  return {
    ...r,
    warnings: fromJson<ReportWarning[]>(r.warnings, []),
    narrative: fromJson<ReportDetail['narrative']>(r.narrative, {}),
    sources: fromJson<ReportDetail['sources']>(r.sources, {}),
    regionPath: fromJson<RegionLink[]>(r.regionPath, []),
    applications: fromJson<Record<string, ApplicantFigures>>(r.applications, {}),
    reviews: fromJson<ReportDetail['reviews']>(r.reviews, {}),
    proactive: fromJson<ReportDetail['proactive']>(r.proactive, {}),
    checks: fromJson<ReportCheck[]>(r.checks, []),
    revisions: fromJson<ReportRevision[]>(r.revisions, []),
  };
}
