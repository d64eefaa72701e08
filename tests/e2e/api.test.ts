/**
 * The open-data API over HTTP against `next start`: JSON and CSV give the same numbers (and the same as the pages),
 * bad parameters get 400 naming them, CORS on GET and preflight, ETag revalidation, pagination links, OpenAPI.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/api/csv';
import { fetchJson, fetchText, url } from '../helpers/e2e';
import { REPORT_PAGE_EXISTS, SEED, seedAgency } from './seo-fixtures';

type Figures = Record<string, number | null>;

describe('open data API', () => {
  it('agency list: JSON and CSV agree; CSV has a BOM and is an attachment', async () => {
    const json = await fetchJson<{ total: number; items: { slug: string; figures: Figures | null }[] }>('/api/v1/agencies?limit=1000');
    const csv = await fetchText('/api/v1/agencies?limit=1000&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    // fetch's text() drops a BOM, so read the bytes.
    const bytes = new Uint8Array(await (await fetch(url('/api/v1/agencies?limit=1000&format=csv'))).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="agencies\.csv"/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(rows).toHaveLength(json.body.total);
    const col = (name: string) => header!.indexOf(name);
    for (const item of json.body.items) {
      const row = rows.find((r) => r[col('slug')] === item.slug);
      for (const k of ['newReceived', 'granted', 'totalHandled', 'reconsiderationTotal'])
        expect(row?.[col(k)]).toBe(item.figures?.[k] == null ? '' : String(item.figures[k]));
    }
  });

  it('one report: every figure in JSON and CSV, the same as the seed and as the report page', async () => {
    const seed = await seedAgency();
    const json = await fetchJson<{ applications: Record<string, Figures>; checks: unknown[]; warnings: unknown[] }>(`/api/v1/reports/${seed.reportId}`);
    expect(json.status).toBe(200);
    expect(json.body.applications.newReceived?.total).toBe(SEED.newReceived);
    expect(json.body.applications.granted?.total).toBe(SEED.granted);
    expect(json.body.checks.length).toBeGreaterThan(0);
    expect(Array.isArray(json.body.warnings)).toBe(true);
    const csv = await fetchText(`/api/v1/reports/${seed.reportId}?format=csv`);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual(['table', 'row', 'column', 'value', 'sourceLine']);
    let compared = 0;
    for (const [table, row, column, value] of rows) {
      if (table !== 'applications') continue;
      expect(value).toBe(String(json.body.applications[row!]?.[column!] ?? ''));
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(7 * 20);
    if (REPORT_PAGE_EXISTS) {
      const page = await fetchText(`/zh/reports/${seed.reportId}`);
      expect(page.status).toBe(200);
      for (const n of [SEED.newReceived, SEED.granted]) expect(page.text).toMatch(new RegExp(`>\\s*${n}\\s*<`));
    }
  });

  it('one agency: years in JSON and CSV agree with the list', async () => {
    const seed = await seedAgency();
    const json = await fetchJson<{ name: string; years: (Figures & { year: number })[] }>(`/api/v1/agencies/${seed.slug}`);
    expect(json.body.name).toBe(SEED.name);
    expect(json.body.years.find((y) => y.year === SEED.year)).toMatchObject({ newReceived: 80, granted: 36 });
    const [header, ...rows] = parseCsv((await fetchText(`/api/v1/agencies/${seed.slug}?format=csv`)).text);
    const y = rows.find((r) => r[header!.indexOf('year')] === String(SEED.year));
    expect(y?.[header!.indexOf('newReceived')]).toBe('80');
    expect(y?.[header!.indexOf('granted')]).toBe('36');
  });

  it('regions and rankings answer JSON and CSV', async () => {
    const regions = await fetchJson<{ items: { code: string; agencyCount: number }[] }>('/api/v1/regions?withData=1');
    expect(regions.body.items.find((r) => r.code === '35')?.agencyCount).toBeGreaterThan(0);
    const region = await fetchJson<{ path: { code: string }[]; agencyCount: number }>('/api/v1/regions/350602');
    expect(region.body.path.map((p) => p.code)).toEqual(['35', '3506', '350602']);
    const ranking = await fetchJson<{ rows: { name: string; num: number | null }[] }>('/api/v1/rankings?kind=agencies&metric=received&year=2023&min=0');
    expect(ranking.body.rows.find((r) => r.name === SEED.name)?.num).toBe(80);
    const csv = await fetchText('/api/v1/rankings?kind=agencies&metric=received&year=2023&min=0&format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/ranking-agencies-received-2023\.csv/);
    expect(csv.text).toContain(`${SEED.name}`);
  });

  it.each([
    ['/api/v1/agencies?limit=0', 'limit'],
    ['/api/v1/agencies?region=abc', 'region'],
    ['/api/v1/agencies?format=xlsx', 'format'],
    ['/api/v1/reports/abc', 'id'],
    ['/api/v1/regions?level=9', 'level'],
    ['/api/v1/regions/12345', 'code'],
    ['/api/v1/rankings?metric=nope', 'metric'],
    ['/api/v1/rankings?size=100000', 'size'],
  ])('%s → 400 naming %s', async (path, parameter) => {
    const r = await fetchJson<{ error: string; parameter: string }>(path);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid-parameter', parameter });
  });

  it('404 for unknown resources, as JSON', async () => {
    for (const path of ['/api/v1/agencies/no-such-agency', '/api/v1/reports/999999', '/api/v1/regions/999999']) {
      const r = await fetchJson<{ error: string }>(path);
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('not-found');
    }
  });

  it('CORS on GET and preflight; ETag revalidates to 304', async () => {
    const get = await fetchText('/api/v1/agencies', { headers: { Origin: 'https://elsewhere.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const pre = await fetchText('/api/v1/agencies', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/GET/);
    const etag = get.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetchText('/api/v1/agencies', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    const other = await fetchText('/api/v1/agencies?limit=1', { headers: { 'If-None-Match': etag! } });
    expect(other.status).toBe(200);
  });

  it('paginates with total and links', async () => {
    const p1 = await fetchJson<{ total: number; items: { slug: string }[]; links: { next: string | null; prev: string | null } }>('/api/v1/agencies?limit=2');
    expect(p1.body.items).toHaveLength(Math.min(2, p1.body.total));
    expect(p1.body.links.prev).toBeNull();
    const next = new URL(p1.body.links.next!);
    const p2 = await fetchJson<{ items: { slug: string }[] }>(next.pathname + next.search);
    expect(p2.body.items[0]?.slug).not.toBe(p1.body.items[0]?.slug);
    const byPage = await fetchJson<{ items: { slug: string }[] }>('/api/v1/agencies?limit=2&page=2');
    expect(byPage.body.items).toEqual(p2.body.items);
  });

  it('publishes an OpenAPI 3.1 document of every route', async () => {
    const doc = await fetchJson<{ openapi: string; paths: Record<string, unknown> }>('/api/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/agencies', '/api/v1/reports/{id}', '/api/v1/rankings']));
  });
});
