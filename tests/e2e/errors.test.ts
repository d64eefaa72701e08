/**
 * Unknown agencies, region codes and paths under a locale answer with the localized 404 page and HTTP 404.
 * The markup is checked in the browser: in production builds Next 16 sends a notFound() page's content only in the
 * RSC payload (vercel/next.js#98295), so the raw HTML is checked for status, noindex and no stack trace only.
 */
import { describe, expect, it } from 'vitest';
import { fetchText, newPage, screenshot, settle, url } from '../helpers/e2e';

const TITLE = { zh: '404 · 页面不存在', en: '404 · Page not found' } as const;
const PATHS = ['/agencies/no-such-agency-slug', '/regions/99', '/regions/35abc', '/no/such/page', '/reports/999999999'];

describe.each(['zh', 'en'] as const)('not found (%s)', (locale) => {
  it.each(PATHS)('answers %s with 404 and the localized page', async (path) => {
    const res = await fetchText(`/${locale}${path}`);
    expect(res.status).toBe(404);
    // booleans: a failing match would otherwise print the whole document
    expect(res.text.includes(TITLE[locale]), 'localized title').toBe(true);
    expect(res.text.includes('noindex'), 'noindex').toBe(true);
    expect(/at \w+ \(.*:\d+:\d+\)/.test(res.text), 'stack trace').toBe(false);
  });

  it('shows the 404 page in the browser with links home and to search', async () => {
    // The document's own 404 is reported by Chromium as a console error: expected here.
    const { page, errors, close } = await newPage({ ignoreErrors: [/status of 404/] });
    const res = await page.goto(url(`/${locale}/regions/99`));
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe(TITLE[locale]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toMatch(locale === 'zh' ? /^zh/ : /^en/);
    await expect(page.locator('[data-testid="not-found"] a[href="/' + locale + '"]').count()).resolves.toBe(1);
    await settle(page);
    await screenshot(page, `not-found-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });
});
