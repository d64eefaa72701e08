import { getDataVersion } from '@/db/queries/api';
import { getRankingCached } from '@/db/queries/rankings';
import { RANKING_COLUMNS } from '@/lib/api/columns';
import { toCsv } from '@/lib/api/csv';
import { rankingsQuery } from '@/lib/api/queries';
import { answer, parseQuery, preflight, whenDbDown } from '@/lib/api/respond';

/** GET /api/v1/rankings?kind=&level=&parent=&metric=&year=&sort=&dir=&min=&hide=&page=&size=&format= */
export const GET = whenDbDown('json', async (request: Request): Promise<Response> => {
  const parsed = parseQuery(request, rankingsQuery);
  if (!parsed.ok) return parsed.response;
  const { format, ...params } = parsed.data;
  return answer(request, await getDataVersion(), async () => {
    const result = await getRankingCached(params);
    if (format === 'csv') {
      const name = ['ranking', params.kind, params.metric, result.year ?? 'none', params.parent].filter(Boolean).join('-');
      return { kind: 'csv', text: toCsv(RANKING_COLUMNS, result.rows), filename: `${name}.csv` };
    }
    return { kind: 'json', data: result };
  });
});

export const OPTIONS = preflight;
