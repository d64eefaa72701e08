import 'server-only';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { getReadDb } from '@/db/index';
import { agencies, reportTables, reportTotals, reports } from '@/db/schema';
import { fromJson, type RegionLink, regionPathJson } from './json-fields';

export type ReviewKindKey = 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';

export interface ReviewFigures {
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
}

export interface ApplicantFigures {
  naturalPerson: number | null;
  commercialEnterprise: number | null;
  researchInstitution: number | null;
  publicInterestOrg: number | null;
  legalServiceOrg: number | null;
  otherOrg: number | null;
  total: number | null;
}

export interface FailedCheck {
  checkId: string;
  left: number | null;
  right: number | null;
  line: number | null;
}

/** One year of an agency: the current revision's totals and the rows the agency page charts. */
export type AgencyYear = Omit<typeof reportTotals.$inferSelect, 'synthetic' | 'isCurrent'> & {
  template: '2019' | '2021';
  revision: number;
  revisions: number;
  title: string | null;
  publishedOn: string | null;
  /** Table 3, row newReceived, by applicant type (null when the row is missing). */
  requestsByApplicant: ApplicantFigures | null;
  reviews: Partial<Record<ReviewKindKey, ReviewFigures>>;
  /** Table 1: row → field → value. */
  proactive: Record<string, Record<string, number | null>>;
  failedChecks: FailedCheck[];
};

export interface AgencyProfile {
  id: number;
  slug: string;
  name: string;
  kind: string;
  regionCode: string | null;
  synthetic: boolean;
  regionPath: RegionLink[];
  /** Oldest first. */
  years: AgencyYear[];
}

/** An agency with every year of its current reports, in two indexed queries; null when the slug is unknown. */
export async function getAgencyProfile(slug: string): Promise<AgencyProfile | null> {
  const db = getReadDb();
  const [agency] = await db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      regionCode: agencies.regionCode,
      synthetic: agencies.synthetic,
      regionPath: regionPathJson(sql`${agencies.regionCode}`),
    })
    .from(agencies)
    .where(eq(agencies.slug, slug))
    .limit(1);
  if (!agency) return null;

  const { synthetic: _s, isCurrent: _c, ...totalsColumns } = getTableColumns(reportTotals);
  const rows = await db
    .select({
      ...totalsColumns,
      template: reports.template,
      revision: reports.revision,
      title: reports.title,
      publishedOn: reports.publishedOn,
      revisions: sql<number>`(select count(*)::int from reports r2 where r2.agency_id = ${reports.agencyId} and r2.year = ${reports.year})`,
      requestsByApplicant: sql<unknown>`${reportTables.applications}->'newReceived'`,
      reviews: reportTables.reviews,
      proactive: reportTables.proactive,
      failedChecks: sql<unknown>`(select jsonb_agg(a.v::jsonb - 'passed' order by a.i)
        from check_results c, json_array_elements(c.checks) with ordinality as a(v, i)
        where c.report_id = ${reports.id} and not (a.v->>'passed')::boolean)`,
    })
    .from(reportTotals)
    .innerJoin(reports, eq(reports.id, reportTotals.reportId))
    .leftJoin(reportTables, eq(reportTables.reportId, reportTotals.reportId))
    .where(and(eq(reportTotals.agencyId, agency.id), eq(reportTotals.isCurrent, true)))
    .orderBy(asc(reportTotals.year));

  const years: AgencyYear[] = rows.map((r) => {
    return {
      ...r,
      requestsByApplicant: fromJson<ApplicantFigures | null>(r.requestsByApplicant, null),
      reviews: fromJson<Partial<Record<ReviewKindKey, ReviewFigures>>>(r.reviews, {}),
      proactive: fromJson<Record<string, Record<string, number | null>>>(r.proactive, {}),
      failedChecks: fromJson<FailedCheck[]>(r.failedChecks, []),
    };
  });
  return { ...agency, regionPath: fromJson<RegionLink[]>(agency.regionPath, []), years };
}
