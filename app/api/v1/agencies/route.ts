import { z } from 'zod';
import { getDataVersion, listAgencies } from '@/db/queries/api';
import { AGENCY_LIST_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { pageInfo, pageRequest, paginationParams } from '@/lib/api/pagination';
import { agencyKind, regionCode, year } from '@/lib/api/params';
import { answer, formatParam, parseQuery, preflight } from '@/lib/api/respond';

const query = z.object({
  region: regionCode.optional(),
  kind: agencyKind.optional(),
  q: z.string().max(100).optional(),
  year: year.optional(),
  format: formatParam,
  ...paginationParams,
});

/** GET /api/v1/agencies?region=&kind=&q=&year=&limit=&offset=|page=&format=json|csv */
export async function GET(request: Request) {
  const parsed = parseQuery(request, query);
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
}

export const OPTIONS = preflight;
