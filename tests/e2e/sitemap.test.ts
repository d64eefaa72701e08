/**
 * /sitemap.xml and its parts against the sitemaps.org 0.9 rules (no network for the XSD, so the rules are encoded
 * here and the XML is parsed by Chromium's XML parser): index → parts; urlset/url/loc required, absolute
 * same-site locs, lastmod a W3C datetime, at most 50,000 URLs and 50 MB per file; every agency and report listed
 * in both locales with hreflang alternates. Also robots.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJson, fetchText, newPage, type TrackedPage } from '../helpers/e2e';
import { parseXmlInBrowser } from './seo-fixtures';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
// W3C Datetime (https://www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD, or with time and zone.
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

interface UrlEntry {
  loc: string | null;
  lastmod: string | null;
  children: string[];
  alternates: Record<string, string>;
}

describe('sitemap', () => {
  let tracked: TrackedPage;
  beforeAll(async () => {
    tracked = await newPage();
  });
  afterAll(async () => {
    await tracked?.close();
  });

  async function entries(xml: string, item: 'url' | 'sitemap'): Promise<UrlEntry[]> {
    return tracked.page.evaluate(
      ([t, tag, ns]) => {
        const doc = new DOMParser().parseFromString(t, 'application/xml');
        return Array.from(doc.getElementsByTagNameNS(ns, tag)).map((el) => {
          const child = (name: string) => el.getElementsByTagNameNS(ns, name)[0]?.textContent ?? null;
          const alternates: Record<string, string> = {};
          for (const l of Array.from(el.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')))
            alternates[l.getAttribute('hreflang') ?? ''] = l.getAttribute('href') ?? '';
          return {
            loc: child('loc'),
            lastmod: child('lastmod'),
            children: Array.from(el.children).filter((c) => c.namespaceURI === ns).map((c) => c.localName),
            alternates,
          };
        });
      },
      [xml, item, SITEMAP_NS] as const,
    );
  }

  it('is an index of parts, and every part obeys the protocol', async () => {
    const index = await fetchText('/sitemap.xml');
    expect(index.status).toBe(200);
    expect(index.contentType).toMatch(/xml/);
    expect(await parseXmlInBrowser(tracked.page, index.text)).toEqual({ ok: true, root: 'sitemapindex', ns: SITEMAP_NS });
    const parts = await entries(index.text, 'sitemap');
    expect(parts.length).toBeGreaterThanOrEqual(4);
    const origin = new URL(parts[0]!.loc!).origin;

    const locs = new Set<string>();
    for (const part of parts) {
      expect(part.loc).toMatch(/^https?:\/\//);
      if (part.lastmod) expect(part.lastmod).toMatch(W3C_DATETIME);
      const res = await fetchText(new URL(part.loc!).pathname);
      expect(res.status).toBe(200);
      expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(50 * 1024 * 1024);
      expect(await parseXmlInBrowser(tracked.page, res.text)).toEqual({ ok: true, root: 'urlset', ns: SITEMAP_NS });
      const urls = await entries(res.text, 'url');
      expect(urls.length).toBeGreaterThan(0); // the 0.9 schema requires at least one <url>
      expect(urls.length).toBeLessThanOrEqual(50_000);
      for (const u of urls) {
        expect(u.loc).not.toBeNull();
        expect(u.loc!.length).toBeLessThan(2048);
        expect(new URL(u.loc!).origin).toBe(origin); // same host as the sitemap
        expect(u.children.every((c) => ['loc', 'lastmod', 'changefreq', 'priority'].includes(c))).toBe(true);
        expect(u.children.filter((c) => c === 'loc')).toHaveLength(1);
        if (u.lastmod) expect(u.lastmod).toMatch(W3C_DATETIME);
        expect(Object.keys(u.alternates).sort()).toEqual(['en', 'x-default', 'zh']);
        expect(locs.has(u.loc!)).toBe(false); // each URL once
        locs.add(u.loc!);
      }
    }

    // Every agency and every report, in both locales.
    const list = await fetchJson<{ total: number; items: { slug: string }[] }>('/api/v1/agencies?limit=1000');
    expect(list.body.total).toBeGreaterThan(0);
    for (const a of list.body.items) {
      for (const l of ['zh', 'en']) expect(locs.has(`${origin}/${l}/agencies/${a.slug}`)).toBe(true);
      const detail = await fetchJson<{ years: { reportId: number }[] }>(`/api/v1/agencies/${a.slug}`);
      for (const y of detail.body.years)
        for (const l of ['zh', 'en']) expect(locs.has(`${origin}/${l}/reports/${y.reportId}`)).toBe(true);
    }
    expect(locs.has(`${origin}/zh/regions/35`)).toBe(true);
    expect(locs.has(`${origin}/en`)).toBe(true);
  });

  it('answers 404 for parts that do not exist', async () => {
    expect((await fetchText('/sitemaps/agencies-99.xml')).status).toBe(404);
    expect((await fetchText('/sitemaps/secrets.xml')).status).toBe(404);
  });

  it('robots.txt names the sitemap and keeps crawlers out of the API', async () => {
    const r = await fetchText('/robots.txt');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    expect(r.text).toMatch(/^Disallow: \/api\/$/m);
  });
});
