/**
 * Agency page for the seed agency 芗城区人民政府 (and 洪泽区, which has two years): header with region links, key
 * figures, five charts each with a data table and a fixed-size box, the years table, checks, report links,
 * CSV/JSON links and the embed code; works without JavaScript; the interactive chart loads on hover.
 */
import { describe, expect, it } from 'vitest';
import { fetchJson, fetchText, newPage, screenshot, settle, url } from '../helpers/e2e';
import { SEED, seedAgency } from './seo-fixtures';

const CHARTS = ['requests', 'outcomes', 'exemptions', 'reviews', 'proactive'];

async function agencySlug(q: string, name: string): Promise<string> {
  const { body } = await fetchJson<{ items: { slug: string; name: string }[] }>(`/api/v1/agencies?q=${encodeURIComponent(q)}`);
  const a = body.items.find((i) => i.name === name);
  if (!a) throw new Error(`${name} not in the test data`);
  return a.slug;
}

describe('agency page', () => {
  it.each(['zh', 'en'] as const)('%s: the seed agency with figures, charts, tables and links', async (locale) => {
    const seed = await seedAgency();
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/agencies/${seed.slug}`), { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    await settle(page);

    expect(await page.textContent('h1')).toBe(SEED.name);
    const regionLinks = await page.$$eval('header nav.breadcrumbs a', (as) => as.map((a) => a.getAttribute('href')));
    expect(regionLinks).toEqual([`/${locale}/regions/35`, `/${locale}/regions/3506`, `/${locale}/regions/${SEED.regionCode}`]);

    expect(await page.textContent('h2#key-figures')).toContain(String(SEED.year));
    expect(await page.textContent('dl.card-grid')).toContain(String(SEED.newReceived));

    for (const id of CHARTS) {
      const fig = page.locator(`#chart-${id}`);
      expect(await fig.count()).toBe(1);
      expect(await fig.locator('table').count()).toBe(1);
      const box = await fig.locator('.chart-box').boundingBox();
      expect(box?.height).toBe(320);
      expect(await fig.locator('.chart-box svg').count()).toBe(1);
    }
    // the outcomes table holds the year's granted figure
    expect(await page.locator('#chart-outcomes table').textContent()).toContain(String(SEED.granted));

    expect(await page.getAttribute(`a[href="/${locale}/reports/${seed.reportId}"]`, 'href')).toBeTruthy();
    const api = `/api/v1/agencies/${seed.slug}`;
    expect(await page.locator(`a[href="${api}?format=csv"]`).count()).toBe(1);
    expect(await page.locator(`a[href="${api}"]`).count()).toBe(1);
    expect(await page.locator('#embed-code').count()).toBe(1);

    await screenshot(page, `agency-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('hovering a chart swaps in the interactive chart without errors, in the same box', async () => {
    const seed = await seedAgency();
    const { page, errors, close } = await newPage();
    await page.goto(url(`/en/agencies/${seed.slug}`));
    await settle(page);
    const box = page.locator('#chart-outcomes .chart-box');
    const before = await box.boundingBox();
    await box.hover();
    await page.waitForSelector('#chart-outcomes .chart-box[data-interactive="true"] .recharts-surface', { timeout: 20_000 });
    const after = await box.boundingBox();
    expect(after?.height).toBe(before?.height);
    expect(errors).toEqual([]);
    await close();
  });

  it('works without JavaScript: static charts and their tables are there', async () => {
    const slug = await agencySlug('洪泽', '洪泽区人民政府');
    const { page, errors, close } = await newPage({ javaScriptEnabled: false });
    const res = await page.goto(url(`/zh/agencies/${slug}`));
    expect(res?.status()).toBe(200);
    expect(await page.locator('.chart-box svg.static-chart').count()).toBe(CHARTS.length);
    // two years on file → the years table has two rows and the key figures compare with the year before
    expect(await page.locator('#years ~ .table-scroll tbody tr, section[aria-labelledby=years] tbody tr').count()).toBe(2);
    expect(await page.textContent('dl.card-grid')).toContain('2023');
    await page.click('#chart-requests summary');
    expect(await page.locator('#chart-requests table').isVisible()).toBe(true);
    await screenshot(page, 'agency-hongze-zh-nojs');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers 404 for an unknown slug', async () => {
    expect((await fetchText('/zh/agencies/no-such-agency-here')).status).toBe(404);
  });
});
