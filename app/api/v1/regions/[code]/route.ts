import { getDataVersion } from '@/db/queries/api';
import { getRegionDetail } from '@/db/queries/api-regions';
import { REGION_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { regionQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';
import { absoluteUrl } from '@/lib/seo/urls';

/** GET /api/v1/regions/{code}: one division with its path, counts and links to its children and agencies. */
export const GET = whenDbDown('json', async (request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> => {
  const parsed = parseQuery(request, regionQuery, await params);
  if (!parsed.ok) return parsed.response;
  const { code, format } = parsed.data;
  return answer(request, await getDataVersion(), async () => {
    const g = await getRegionDetail(code);
    if (!g) return null;
    if (format === 'csv') return { kind: 'csv', text: toCsv(REGION_COLUMNS, [g]), filename: `region-${g.code}.csv` };
    const links = {
      page: absoluteUrl(`/zh/regions/${g.code}`),
      children: absoluteUrl(`/api/v1/regions?parent=${g.code}`),
      agencies: absoluteUrl(`/api/v1/agencies?region=${g.code}`),
      feed: absoluteUrl(`/feeds/regions/${g.code}.atom`),
    };
    return { kind: 'json', data: { ...g, links } };
  }, `no region ${code}`);
});

export const OPTIONS = preflight;
