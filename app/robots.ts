import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/seo/urls';

export const dynamic = 'force-dynamic';

/** Crawl everything public; keep crawlers out of the API (the same data as the pages) and the embeds. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/embed/'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
