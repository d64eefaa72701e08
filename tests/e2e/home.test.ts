/**
 * Home page: the two-sentence intro, a search form that GETs /{locale}/search?q=, the latest year's headline
 * figures (checked against the API's own figures), the newest reports and links into regions and ranking.
 */
import { describe, expect, it } from 'vitest';
import { fetchJson, newPage, screenshot, settle, url } from '../helpers/e2e';

interface ApiAgency {
  figures: { reportId: number; year: number; newReceived: number | null } | null;
}

/** The latest year over all agencies and the sum of its new requests, from the API (non-synthetic by default). */
async function expectedHeadline(): Promise<{ year: number; newReceived: number; reportIds: number[] }> {
  const { body } = await fetchJson<{ items: ApiAgency[] }>('/api/v1/agencies?limit=100');
  const figures = body.items.map((a) => a.figures).filter((f) => f !== null);
  const year = Math.max(...figures.map((f) => f.year));
  const latest = figures.filter((f) => f.year === year);
  return {
    year,
    newReceived: latest.reduce((s, f) => s + (f.newReceived ?? 0), 0),
    reportIds: figures.map((f) => f.reportId),
  };
}

describe('home page', () => {
  it.each(['zh', 'en'] as const)('%s: intro, headline figures, newest reports, explore links', async (locale) => {
    const expected = await expectedHeadline();
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}`), { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    await settle(page);

    const heading = await page.textContent('#headline');
    expect(heading).toContain(String(expected.year));
    const figures = (await page.textContent('#headline-figures')) ?? '';
    const formatted = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN').format(expected.newReceived);
    expect(figures).toContain(formatted);

    const newest = await page.$$eval('#newest-reports a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(newest.length).toBeGreaterThan(0);
    for (const href of newest) expect(href).toMatch(new RegExp(`^/${locale}/reports/\\d+$`));
    // every current report the API lists shows up among the newest (the sample data has fewer than ten)
    const ids = newest.map((h) => Number(h.split('/').pop()));
    for (const id of expected.reportIds) expect(ids).toContain(id);

    const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/${locale}/regions`);
    expect(links).toContain(`/${locale}/ranking`);

    await screenshot(page, `home-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('the search box sends a GET to /{locale}/search?q=, also without JavaScript', async () => {
    const { page, close } = await newPage({ javaScriptEnabled: false });
    await page.goto(url('/en'));
    expect(await page.getAttribute('form[role=search]', 'method')).toBe('get');
    await page.fill('form[role=search] input[name=q]', '芗城');
    await Promise.all([page.waitForURL(/\/en\/search\?q=/), page.click('form[role=search] button[type=submit]')]);
    const u = new URL(page.url());
    expect(u.pathname).toBe('/en/search');
    expect(u.searchParams.get('q')).toBe('芗城');
    await close();
  });
});
