import { absoluteUrl } from '@/lib/seo/urls';
import { feedResponse } from '../feed-response';

export const dynamic = 'force-dynamic';

/** GET /feeds/reports.atom: the 50 most recently ingested reports. */
export async function GET(request: Request) {
  return feedResponse(request, { key: 'reports', selfUrl: absoluteUrl('/feeds/reports.atom'), alternatePath: '' });
}
