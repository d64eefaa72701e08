/**
 * lib/api and lib/cache: validation answers 400 naming the parameter, pagination links, ETag/304, CORS headers,
 * Content-Disposition, the data-version memo and caches, and the OpenAPI document covering every route.
 */
import { describe, expect, it, vi } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi';
import { pageInfo, pageRequest } from '@/lib/api/pagination';
import { agenciesQuery, rankingsQuery, regionsQuery } from '@/lib/api/queries';
import { answer, contentDisposition, parseQuery, preflight } from '@/lib/api/respond';
import { etagFor, isNotModified, memoize, VersionedCache } from '@/lib/cache';
import { env } from '@/lib/env';

const req = (q: string, headers: Record<string, string> = {}) =>
  new Request(`http://internal:1234/api/v1/agencies${q}`, { headers });

describe('parseQuery', () => {
  it('accepts and coerces good parameters, with defaults', () => {
    const r = parseQuery(req('?region=3506&year=2023&kind=government&q=%E8%8A%97%E5%9F%8E&page=2'), agenciesQuery);
    expect(r.ok && r.data).toEqual({ region: '3506', year: 2023, kind: 'government', q: '芗城', page: 2, format: 'json', limit: 100, offset: 0 });
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=100000', 'limit'],
    ['?offset=-1', 'offset'],
    ['?region=35a', 'region'],
    ['?region=350', 'region'],
    ['?year=1800', 'year'],
    ['?kind=ministry', 'kind'],
    ['?format=xml', 'format'],
  ])('answers %s with 400 naming %s', async (q, parameter) => {
    const r = parseQuery(req(q), agenciesQuery);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(400);
    expect(r.response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await r.response.json()) as { error: string; parameter: string; message: string };
    expect(body.error).toBe('invalid-parameter');
    expect(body.parameter).toBe(parameter);
    expect(body.message).toMatch(new RegExp(`^${parameter}: `));
  });

  it('treats blank values as absent', () => {
    const r = parseQuery(req('?year=&region=%20'), agenciesQuery);
    expect(r.ok && r.data.year).toBeUndefined();
  });

  it('validates the ranking parameters strictly (the page defaults them instead)', () => {
    const bad = parseQuery(new Request('http://x/api/v1/rankings?metric=nope'), rankingsQuery);
    expect(!bad.ok && bad.response.status).toBe(400);
    const good = parseQuery(new Request('http://x/api/v1/rankings?kind=agencies&metric=received&format=csv'), rankingsQuery);
    expect(good.ok && good.data).toMatchObject({ kind: 'agencies', metric: 'received', format: 'csv', page: 1 });
    const regions = parseQuery(new Request('http://x/api/v1/regions?withData=1&level=3'), regionsQuery);
    expect(regions.ok && regions.data).toMatchObject({ withData: true, level: 3 });
  });
});

describe('pagination', () => {
  it('lets page override offset', () => {
    expect(pageRequest({ limit: 20, offset: 5, page: 3 })).toEqual({ limit: 20, offset: 40 });
    expect(pageRequest({ limit: 20, offset: 5 })).toEqual({ limit: 20, offset: 5 });
  });

  it('links first, prev, next and last on the public origin, keeping the filter', () => {
    const site = env().siteUrl;
    const info = pageInfo('http://internal:1234/api/v1/agencies?region=35&page=2&limit=10', { limit: 10, offset: 10 }, 35);
    expect(info.total).toBe(35);
    expect(info.links.prev).toBe(`${site}/api/v1/agencies?region=35&limit=10&offset=0`);
    expect(info.links.next).toBe(`${site}/api/v1/agencies?region=35&limit=10&offset=20`);
    expect(info.links.last).toBe(`${site}/api/v1/agencies?region=35&limit=10&offset=30`);
    const end = pageInfo('http://i/api/v1/agencies', { limit: 10, offset: 30 }, 35);
    expect(end.links.next).toBeNull();
    expect(pageInfo('http://i/a', { limit: 10, offset: 0 }, 0).links.last).toMatch(/offset=0$/);
  });
});

describe('answer', () => {
  it('sends ETag, CDN cache headers and CORS, then 304 without running the query', async () => {
    const build = vi.fn(async () => ({ kind: 'json' as const, data: { n: 80 } }));
    const first = await answer(req('?q=1'), 'v1', build);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ n: 80 });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');

    const again = await answer(req('?q=1', { 'If-None-Match': etag }), 'v1', build);
    expect(again.status).toBe(304);
    expect(build).toHaveBeenCalledTimes(1);

    // New data version: the old ETag no longer matches.
    const changed = await answer(req('?q=1', { 'If-None-Match': etag }), 'v2', build);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers CSV as an attachment, and 404 as JSON', async () => {
    const csv = await answer(req('?format=csv'), 'v', async () => ({ kind: 'csv', text: '\uFEFFa\r\n', filename: '芗城区.csv' }));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="___.csv"; filename*=UTF-8''%E8%8A%97%E5%9F%8E%E5%8C%BA.csv`);
    const missing = await answer(req(''), 'v', async () => null);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not-found' });
  });

  it('answers preflight with CORS for GET, HEAD and OPTIONS', () => {
    const r = preflight();
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });

  it('keeps header injection out of file names', () => {
    expect(contentDisposition('a"\r\nb.csv')).not.toMatch(/[\r\n]/);
  });
});

describe('cache', () => {
  it('memoises a loader for its time window and retries after a failure', async () => {
    let now = 0;
    let calls = 0;
    const load = memoize(async () => ++calls, 1000, () => now);
    expect(await load()).toBe(1);
    now = 999;
    expect(await load()).toBe(1);
    now = 1000;
    expect(await load()).toBe(2);
    let fail = true;
    const flaky = memoize(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 1000, () => 0);
    await expect(flaky()).rejects.toThrow('down');
    fail = false;
    expect(await flaky()).toBe('up');
  });

  it('drops every entry when the data version changes', async () => {
    const cache = new VersionedCache<number>();
    let computed = 0;
    const get = (version: string) => cache.get(version, 'k', async () => ++computed);
    expect(await get('a')).toBe(1);
    expect(await get('a')).toBe(1);
    expect(await get('b')).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('matches If-None-Match weakly and in lists', () => {
    const etag = etagFor('v', '/x');
    expect(etag).not.toBe(etagFor('v', '/y'));
    const r = (h: string) => new Request('http://x/', { headers: { 'If-None-Match': h } });
    expect(isNotModified(r(etag), etag)).toBe(true);
    expect(isNotModified(r(`"other", ${etag.slice(2)}`), etag)).toBe(true);
    expect(isNotModified(r('"other"'), etag)).toBe(false);
  });
});

describe('OpenAPI document', () => {
  const doc = openApiDocument('https://gongkai.example.org');

  it('is OpenAPI 3.1 and describes every route with its parameters', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/v1/agencies', '/api/v1/agencies/{slug}', '/api/v1/rankings', '/api/v1/regions', '/api/v1/regions/{code}', '/api/v1/reports/{id}'].sort(),
    );
    const names = (p: keyof typeof doc.paths) => doc.paths[p].get.parameters.map((x) => x.name).sort();
    expect(names('/api/v1/agencies')).toEqual(['format', 'kind', 'limit', 'offset', 'page', 'q', 'region', 'year']);
    expect(names('/api/v1/rankings')).toEqual(expect.arrayContaining(['metric', 'kind', 'level', 'parent', 'year', 'format']));
    const slug = doc.paths['/api/v1/agencies/{slug}'].get.parameters.find((x) => x.name === 'slug');
    expect(slug).toMatchObject({ in: 'path', required: true });
    expect(doc.paths['/api/v1/reports/{id}'].get.responses).toHaveProperty('400');
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/(\w+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(doc.components.schemas).toHaveProperty(r.split('/').at(-1)!.replace('"', ''));
  });
});
