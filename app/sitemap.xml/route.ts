import { getDataVersion } from '@/db/queries/api';
import { countSitemapEntries, getLastIngest } from '@/db/queries/sitemap';
import { answer, whenDbDown } from '@/lib/api/respond';
import { planParts, sitemapIndexXml } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/seo/urls';

export const dynamic = 'force-dynamic';

/** GET /sitemap.xml: the sitemap index; parts at /sitemaps/{pages|agencies-N|reports-N|regions-N}.xml. */
export const GET = whenDbDown('text', async (request: Request): Promise<Response> => {
  return answer(request, await getDataVersion(), async () => {
    const [counts, lastmod] = await Promise.all([countSitemapEntries(), getLastIngest()]);
    const parts = planParts(counts).map((name) => ({ loc: absoluteUrl(`/sitemaps/${name}`), lastmod }));
    return { kind: 'text', text: sitemapIndexXml(parts), contentType: 'application/xml; charset=utf-8' };
  });
});
