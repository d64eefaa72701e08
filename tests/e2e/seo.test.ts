/**
 * Meta tags, hreflang and JSON-LD of the agency and report pages, read in Chromium, for the seed agency
 * 芗城区人民政府 2023 (80 requests, 36 granted).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, type TrackedPage, url } from '../helpers/e2e';
import { AGENCY_PAGE_READY, REPORT_PAGE_READY, SEED, seedAgency, type SeedAgency } from './seo-fixtures';

interface Head {
  title: string;
  canonical: string | null;
  alternates: Record<string, string>;
  meta: Record<string, string>;
  jsonLd: Record<string, unknown>[];
}

async function readHead(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const meta: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll('meta'))) {
      const key = m.getAttribute('property') ?? m.getAttribute('name');
      if (key && !(key in meta)) meta[key] = m.getAttribute('content') ?? '';
    }
    const alternates: Record<string, string> = {};
    for (const l of Array.from(document.querySelectorAll('link[rel="alternate"][hreflang]')))
      alternates[l.getAttribute('hreflang') ?? ''] = l.getAttribute('href') ?? '';
    const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).flatMap((s) => {
      const v = JSON.parse(s.textContent ?? 'null') as unknown;
      return Array.isArray(v) ? v : [v];
    });
    return {
      title: document.title,
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      alternates,
      meta,
      jsonLd,
    };
  });
}

// JSON-LD is untyped JSON; the assertions below are what check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const ofType = (head: Head, type: string) => head.jsonLd.find((d) => d['@type'] === type) as Loose | undefined;

describe('SEO metadata', () => {
  let seed: SeedAgency;
  let tracked: TrackedPage;
  beforeAll(async () => {
    seed = await seedAgency();
    tracked = await newPage();
  });
  afterAll(async () => {
    await tracked?.close();
  });

  async function head(path: string): Promise<Head> {
    const res = await tracked.page.goto(url(path), { waitUntil: 'domcontentloaded' });
    expect(res?.status()).toBe(200);
    return readHead(tracked.page);
  }

  it.runIf(AGENCY_PAGE_READY)('agency page (zh): title, one-sentence description with the figures, canonical, hreflang, OG, Twitter', async () => {
    const path = `/zh/agencies/${seed.slug}`;
    const h = await head(path);
    expect(h.title).toContain(SEED.name);
    expect(h.meta.description).toBe(`2023年，${SEED.name}收到政府信息公开申请80件，予以公开36件，部分公开3件，共办理80件。`);
    expect(h.canonical).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    const origin = new URL(h.canonical!).origin;
    expect(h.alternates).toEqual({
      zh: `${origin}/zh/agencies/${seed.slug}`,
      en: `${origin}/en/agencies/${seed.slug}`,
      'x-default': `${origin}/zh/agencies/${seed.slug}`,
    });
    expect(h.meta['og:url']).toBe(h.canonical);
    expect(h.meta['og:title']).toContain(SEED.name);
    expect(h.meta['og:description']).toBe(h.meta.description);
    expect(h.meta['og:locale']).toBe('zh_CN');
    expect(h.meta['og:image']).toMatch(/opengraph-image/);
    expect(h.meta['og:image:width']).toBe('1200');
    expect(h.meta['twitter:card']).toBe('summary_large_image');
  });

  it.runIf(AGENCY_PAGE_READY)('agency page: GovernmentOrganization and BreadcrumbList JSON-LD', async () => {
    const h = await head(`/zh/agencies/${seed.slug}`);
    const org = ofType(h, 'GovernmentOrganization');
    expect(org?.name).toBe(SEED.name);
    expect(org?.url).toBe(h.canonical);
    expect(org?.description).toContain('80件');
    expect(org?.areaServed?.name).toContain('芗城区');
    expect(org?.subjectOf?.[0]?.url).toMatch(new RegExp(`/zh/reports/${seed.reportId}$`));
    const crumbs = ofType(h, 'BreadcrumbList');
    const items = crumbs?.itemListElement as { position: number; name: string; item: string }[];
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
    expect(items.at(-1)).toMatchObject({ name: SEED.name, item: h.canonical });
    expect(items.map((i) => i.name)).toContain('漳州市');
  });

  it.runIf(REPORT_PAGE_READY)('report page (en): English description and a Dataset with its figures and CSV/JSON downloads', async () => {
    const h = await head(`/en/reports/${seed.reportId}`);
    expect(h.meta.description).toMatch(/^In 2023, 芗城区人民政府 received 80 requests for government information, granted 36 in full/);
    expect(h.alternates['x-default']).toMatch(new RegExp(`/zh/reports/${seed.reportId}$`));
    expect(h.meta['og:locale']).toBe('en_US');
    const ds = ofType(h, 'Dataset');
    expect(ds?.temporalCoverage).toBe('2023-01-01/2023-12-31');
    expect(ds?.creator?.name).toBe(SEED.name);
    const figure = (name: string) => (ds?.variableMeasured as { name: string; value?: number }[]).find((v) => v.name === name)?.value;
    expect(figure('newReceived')).toBe(SEED.newReceived);
    expect(figure('granted')).toBe(SEED.granted);
    const downloads = ds?.distribution as { encodingFormat: string; contentUrl: string }[];
    expect(downloads.map((d) => d.encodingFormat).sort()).toEqual(['application/json', 'text/csv']);
    expect(downloads.find((d) => d.encodingFormat === 'text/csv')?.contentUrl).toMatch(
      new RegExp(`/api/v1/reports/${seed.reportId}\\?format=csv$`),
    );
    const crumbs = ofType(h, 'BreadcrumbList')?.itemListElement as { name: string }[];
    expect(crumbs.at(-1)?.name).toBe('2023 report');
  });
});
