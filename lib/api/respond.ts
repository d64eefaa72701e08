/**
 * The open-data API's answers: JSON or CSV with CORS, CDN cache headers and a data-version ETag (see lib/cache.ts),
 * 304 when the client already has it, and JSON errors naming the bad parameter.
 */
import { z } from 'zod';
import { etagFor, isNotModified, NO_STORE, PUBLIC_CACHE_CONTROL } from '@/lib/cache';
import { dbAvailable, reportDbDown } from '@/lib/db-health';
import { isConnectionError } from '@/lib/db-errors';

/** Anyone may read the open data from a browser; nothing here uses cookies or credentials. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Content-Type',
  'Access-Control-Expose-Headers': 'ETag, Link, Content-Disposition',
  'Access-Control-Max-Age': '86400',
};

/** The preflight answer; export as `OPTIONS` from every API route. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, 'Cache-Control': PUBLIC_CACHE_CONTROL } });
}

export function apiError(status: number, error: string, message: string, parameter?: string): Response {
  return Response.json(parameter === undefined ? { error, message } : { error, parameter, message }, {
    status,
    headers: { ...CORS_HEADERS, 'Cache-Control': NO_STORE },
  });
}

export function notFound(message: string): Response {
  return apiError(404, 'not-found', message);
}

export const formatParam = z.enum(['json', 'csv']).default('json');

export type ParsedQuery<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Validates the query string (and any route params merged in) with a zod object schema. Blank values count as
 * absent. The 400 answer names the first bad parameter.
 */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
  extra: Record<string, string> = {},
): ParsedQuery<z.infer<S>> {
  const input: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) if (v.trim() !== '') input[k] = v.trim();
  const result = schema.safeParse({ ...input, ...extra });
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const parameter = issue?.path.map(String).join('.') || 'query';
  return {
    ok: false,
    response: apiError(400, 'invalid-parameter', `${parameter}: ${issue?.message ?? 'invalid'}`, parameter),
  };
}

export type Body =
  | { kind: 'json'; data: unknown }
  | { kind: 'csv'; text: string; filename: string }
  | { kind: 'text'; text: string; contentType: string };

/**
 * Answers a GET: 304 when If-None-Match matches this representation at this data version (the query in
 * `build` does not run), otherwise the body with ETag, Cache-Control and CORS headers. `build` returns null for 404.
 */
export async function answer(
  request: Request,
  version: string,
  build: () => Promise<Body | null>,
  notFoundMessage = 'no such resource',
): Promise<Response> {
  const url = new URL(request.url);
  const etag = etagFor(version, `${url.pathname}?${url.searchParams.toString()}`);
  const headers: Record<string, string> = { ...CORS_HEADERS, 'Cache-Control': PUBLIC_CACHE_CONTROL, ETag: etag };
  if (isNotModified(request, etag)) return new Response(null, { status: 304, headers });
  const body = await build();
  if (body === null) return notFound(notFoundMessage);
  if (body.kind === 'json') return Response.json(body.data, { headers });
  if (body.kind === 'text') return new Response(body.text, { headers: { ...headers, 'Content-Type': body.contentType } });
  return new Response(body.text, {
    headers: {
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(body.filename),
    },
  });
}

/** attachment with an ASCII fallback and the UTF-8 name (RFC 6266), so a Chinese file name survives. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A route handler that answers 503 with Retry-After (JSON for the API, plain text for feeds and sitemaps) when the
 * database cannot be reached, instead of a bare 500 or a request left waiting on the driver's reconnection. Like
 * the proxy for pages (lib/db-health.ts), it asks first whether the database is known to be down; a connection
 * failure during the handler counts as well.
 */
export function whenDbDown<A extends unknown[]>(
  kind: 'json' | 'text',
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  const unavailable = (): Response => {
    const message = 'The database cannot be reached right now; please try again in a moment.';
    const headers = { ...CORS_HEADERS, 'Cache-Control': NO_STORE, 'Retry-After': '30' };
    return kind === 'json'
      ? Response.json({ error: 'unavailable', message }, { status: 503, headers })
      : new Response(`503 Service Unavailable. ${message}\n`, { status: 503, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  };
  return async (...args: A) => {
    if (!(await dbAvailable())) return unavailable();
    try {
      return await handler(...args);
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      reportDbDown();
      return unavailable();
    }
  };
}
