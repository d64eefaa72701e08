import { getDataVersion } from '@/db/queries/api';
import { getLastIngest, listSitemapEntries } from '@/db/queries/sitemap';
import { answer, notFound, type Body, whenDbDown } from '@/lib/api/respond';
import { VersionedCache } from '@/lib/cache';
import { ENTITIES_PER_PART, parsePartName, PATH_OF, STATIC_PATHS, urlsetXml } from '@/lib/seo/sitemap';

export const dynamic = 'force-dynamic';

// Crawlers fetch the same parts over and over; the XML is rebuilt only when the data version changes.
const parts = new VersionedCache<Body | null>(200);

/** GET /sitemaps/{part}.xml: one <urlset> of at most 50,000 URLs (both locales of each page). */
export const GET = whenDbDown('text', async (request: Request, { params }: { params: Promise<{ part: string }> }): Promise<Response> => {
  const part = parsePartName((await params).part);
  if (!part) return notFound('no such sitemap');
  const version = await getDataVersion();
  return answer(request, version, () => parts.get(version, `${part.kind}-${part.index}`, async () => {
    let urls;
    if (part.kind === 'pages') {
      const lastmod = await getLastIngest();
      urls = STATIC_PATHS.map((path) => ({ path, lastmod }));
    } else {
      const entries = await listSitemapEntries(part.kind, (part.index - 1) * ENTITIES_PER_PART, ENTITIES_PER_PART);
      if (entries.length === 0) return null; // an empty <urlset> is invalid: no such part
      urls = entries.map((e) => ({ path: PATH_OF[part.kind as keyof typeof PATH_OF](e.key), lastmod: e.lastmod }));
    }
    return { kind: 'text', text: urlsetXml(urls), contentType: 'application/xml; charset=utf-8' };
  }), 'no such sitemap');
});
