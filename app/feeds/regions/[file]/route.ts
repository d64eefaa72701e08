import { getRegionName } from '@/db/queries/feeds';
import { notFound, whenDbDown } from '@/lib/api/respond';
import { absoluteUrl } from '@/lib/seo/urls';
import { feedResponse } from '../../feed-response';

export const dynamic = 'force-dynamic';

/** GET /feeds/regions/{code}.atom: the newest reports of agencies in that division and every division inside. */
export const GET = whenDbDown('text', async (request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> => {
  const m = /^(\d{2}|\d{4}|\d{6}|\d{9})\.atom$/.exec((await params).file);
  const region = m?.[1] ? await getRegionName(m[1]) : null;
  if (!m?.[1] || !region) return notFound('no such region feed');
  const code = m[1];
  return feedResponse(request, {
    key: `regions/${code}`,
    region: { code, name: region.fullName },
    selfUrl: absoluteUrl(`/feeds/regions/${code}.atom`),
    alternatePath: `/regions/${code}`,
  });
});
