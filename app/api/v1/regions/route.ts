import { getDataVersion } from '@/db/queries/api';
import { listRegions } from '@/db/queries/api-regions';
import { REGION_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { pageInfo, pageRequest } from '@/lib/api/pagination';
import { regionsQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';

/** GET /api/v1/regions?parent=|level=&withData=1&limit=&offset=&format=: divisions with agency and report counts. */
export const GET = whenDbDown('json', async (request: Request): Promise<Response> => {
  const parsed = parseQuery(request, regionsQuery);
  if (!parsed.ok) return parsed.response;
  const { format, limit, offset, page, ...filter } = parsed.data;
  const p = pageRequest({ limit, offset, page });
  return answer(request, await getDataVersion(), async () => {
    const { total, items } = await listRegions({ ...filter, ...p });
    if (format === 'csv')
      return { kind: 'csv', text: toCsv(REGION_COLUMNS, items), filename: `regions-${filter.parent ?? `level${filter.level ?? 1}`}.csv` };
    return { kind: 'json', data: { ...pageInfo(request.url, p, total), items } };
  });
});

export const OPTIONS = preflight;
