import { openApiDocument } from '@/lib/api/openapi';
import { CORS_HEADERS, preflight } from '@/lib/api/respond';
import { PUBLIC_CACHE_CONTROL } from '@/lib/cache';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1. */
export function GET() {
  return Response.json(openApiDocument(env().siteUrl), {
    headers: { ...CORS_HEADERS, 'Cache-Control': PUBLIC_CACHE_CONTROL },
  });
}

export const OPTIONS = preflight;
