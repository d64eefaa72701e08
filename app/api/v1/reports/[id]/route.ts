import { getDataVersion } from '@/db/queries/api';
import { getReportDetail } from '@/db/queries/reports';
import { REPORT_FIGURE_COLUMNS, reportFigureRows } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { isoTimestamp } from '@/lib/api/time';
import { reportQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';
import { absoluteUrl } from '@/lib/seo/urls';

/** GET /api/v1/reports/{id}: every figure with its source line, every check and warning (CSV: figures, long form). */
export const GET = whenDbDown('json', async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  const parsed = parseQuery(request, reportQuery, await params);
  if (!parsed.ok) return parsed.response;
  const { id, format } = parsed.data;
  return answer(request, await getDataVersion(), async () => {
    const r = await getReportDetail(id);
    if (!r || r.synthetic) return null;
    if (format === 'csv')
      return { kind: 'csv', text: toCsv(REPORT_FIGURE_COLUMNS, reportFigureRows(r)), filename: `${r.agency.slug}-${r.year}-report-${r.id}.csv` };
    const { sourceText: _t, synthetic: _s, agency: { id: _a, ...agency }, ...report } = r;
    const url = absoluteUrl(`/zh/reports/${r.id}`);
    const revisions = r.revisions.map((v) => ({ ...v, ingestedAt: isoTimestamp(v.ingestedAt) }));
    const data = { ...report, ingestedAt: isoTimestamp(r.ingestedAt), revisions, agency, url };
    return { kind: 'json', data };
  }, `no report ${id}`);
});

export const OPTIONS = preflight;
