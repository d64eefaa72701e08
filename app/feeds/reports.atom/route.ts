import { absoluteUrl } from '@/lib/seo/urls';
import { feedResponse } from '../feed-response';
import { whenDbDown } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

/** GET /feeds/reports.atom: the 50 most recently ingested reports. */
export const GET = whenDbDown('text', async (request: Request): Promise<Response> => {
  return feedResponse(request, { key: 'reports', selfUrl: absoluteUrl('/feeds/reports.atom'), alternatePath: '' });
});
