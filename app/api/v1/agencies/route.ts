import { getDataVersion, listAgencies } from '@/db/queries/api';
import { AGENCY_LIST_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { pageInfo, pageRequest } from '@/lib/api/pagination';
import { agenciesQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';

/** GET /api/v1/agencies?region=&kind=&q=&year=&limit=&offset=|page=&format=json|csv */
export const GET = whenDbDown('json', async (request: Request): Promise<Response> => {
  const parsed = parseQuery(request, agenciesQuery);
  if (!parsed.ok) return parsed.response;
  const { format, limit, offset, page, ...filter } = parsed.data;
  const p = pageRequest({ limit, offset, page });
  return answer(request, await getDataVersion(), async () => {
    const { total, items } = await listAgencies({ ...filter, ...p });
    if (format === 'csv') {
      const name = ['agencies', filter.region, filter.kind, filter.year].filter(Boolean).join('-');
      return { kind: 'csv', text: toCsv(AGENCY_LIST_COLUMNS, items), filename: `${name}.csv` };
    }
    return { kind: 'json', data: { ...pageInfo(request.url, p, total), items } };
  });
});

export const OPTIONS = preflight;
