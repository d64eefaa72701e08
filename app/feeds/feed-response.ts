import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getDataVersion } from '@/db/queries/api';
import { listRecentReports } from '@/db/queries/feeds';
import { answer, type Body } from '@/lib/api/respond';
import { VersionedCache } from '@/lib/cache';
import type { Locale } from '@/lib/i18n/routing';
import { reportFeedXml } from '@/lib/seo/report-feed';
import { isLocale } from '@/lib/seo/urls';

export const FEED_SIZE = 50;

// Feed readers poll; a feed is rebuilt only when the data version changes.
const feeds = new VersionedCache<Body>(500);

/** `?locale=en` for English titles and summaries; Chinese otherwise. */
export function feedLocale(request: Request): Locale {
  const l = new URL(request.url).searchParams.get('locale') ?? 'zh';
  return isLocale(l) ? l : 'zh';
}

/** Answers an Atom feed of the newest reports (within `region` when given), with the API's cache headers. */
export async function feedResponse(
  request: Request,
  opts: { key: string; region?: { code: string; name: string }; selfUrl: string; alternatePath: string },
): Promise<Response> {
  const locale = feedLocale(request);
  const version = await getDataVersion();
  return answer(request, version, () => feeds.get(version, `${locale}:${opts.key}`, async () => {
    const [rows, t, common] = await Promise.all([
      listRecentReports({ regionCode: opts.region?.code, limit: FEED_SIZE }),
      getTranslations({ locale, namespace: 'seo' }),
      getTranslations({ locale, namespace: 'common' }),
    ]);
    const title = opts.region ? t('feed.regionTitle', { name: opts.region.name }) : t('feed.allTitle');
    const text = reportFeedXml({ locale, t, key: opts.key, title, selfUrl: opts.selfUrl, alternatePath: opts.alternatePath, siteName: common('siteName'), rows });
    return { kind: 'text', text, contentType: 'application/atom+xml; charset=utf-8' };
  }));
}
