/**
 * Unknown agencies, reports, region codes and paths under a locale answer with the localized 404 page and HTTP 404,
 * as real HTML: the proxy answers them itself (lib/missing-page.ts), since a notFound() page in a production build
 * carries its content only in the RSC payload (vercel/next.js#62228) and would be blank without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { fetchText, newPage, screenshot, settle, url } from '../helpers/e2e';

const TITLE = { zh: '404 · 页面不存在', en: '404 · Page not found' } as const;
const PATHS = [
  '/agencies/no-such-agency-slug',
  '/agencies/%E4%B8%8D%E5%AD%98%E5%9C%A8',
  '/agencies',
  '/regions/99',
  '/regions/35abc',
  '/no/such/page',
  '/reports/999999999',
  '/reports/abc',
];

describe.each(['zh', 'en'] as const)('not found (%s)', (locale) => {
  it.each(PATHS)('answers %s with 404 and the localized page', async (path) => {
    const res = await fetchText(`/${locale}${path}`);
    expect(res.status).toBe(404);
    // booleans: a failing match would otherwise print the whole document
    // The heading is in the document itself, not only in a script payload.
    const markup = res.text.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(markup.includes(`<h1>${TITLE[locale]}</h1>`), 'localized heading in the HTML').toBe(true);
    expect(markup.includes(`action="/${locale}/search"`), 'search form').toBe(true);
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
