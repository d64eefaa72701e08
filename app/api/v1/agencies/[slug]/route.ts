import { getAgencyProfile } from '@/db/queries/agencies';
import { getDataVersion } from '@/db/queries/api';
import { AGENCY_YEAR_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { agencyQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';
import { absoluteUrl } from '@/lib/seo/urls';

/** GET /api/v1/agencies/{slug}: the agency with the figures of every year (current revisions). */
export const GET = whenDbDown('json', async (request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
  const parsed = parseQuery(request, agencyQuery, await params);
  if (!parsed.ok) return parsed.response;
  const { slug: s, format } = parsed.data;
  return answer(request, await getDataVersion(), async () => {
    const a = await getAgencyProfile(s);
    if (!a || a.synthetic) return null;
    if (format === 'csv') return { kind: 'csv', text: toCsv(AGENCY_YEAR_COLUMNS, a.years), filename: `${a.slug}.csv` };
    const { id: _id, synthetic: _s, ...agency } = a;
    const years = a.years.map(({ agencyId: _a, ...y }) => ({ ...y, api: absoluteUrl(`/api/v1/reports/${y.reportId}`) }));
    return { kind: 'json', data: { ...agency, url: absoluteUrl(`/zh/agencies/${a.slug}`), years } };
  }, `no agency ${s}`);
});

export const OPTIONS = preflight;
