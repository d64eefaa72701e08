/**
 * The frame works: the portal answers in both locales, the root redirects to the default locale, pages render
 * without console errors in Chromium, and the CJK font is there to draw them.
 */
import { describe, expect, it } from 'vitest';
import { fetchText, newPage, screenshot, settle, url } from '../helpers/e2e';

describe('smoke', () => {
  it('redirects / to the default locale /zh', async () => {
    const res = await fetchText('/');
    expect([302, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/zh\/?$/);
  });

  it.each(['zh', 'en'] as const)('serves the home page in %s without console errors', async (locale) => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}`), { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toMatch(locale === 'zh' ? /^zh\b/ : /^en\b/);
    await expect(page.locator('header').first().isVisible()).resolves.toBe(true);
    await settle(page);
    await screenshot(page, `smoke-home-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('answers an unknown path with a 404 page, not a crash', async () => {
    const res = await fetchText('/zh/this-page-does-not-exist');
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/at \w+ \(.*:\d+:\d+\)/); // no stack trace
  });

  it('draws Chinese text with a CJK font, not tofu boxes', async () => {
    const { page, close } = await newPage();
    await page.goto(url('/zh'));
    // Without a CJK font every character falls back to the same .notdef box, so two different characters draw
    // identical pixels.
    const [a, b] = await page.evaluate(() =>
      ['政', '府'].map((ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.font = '48px sans-serif';
        ctx.fillText(ch, 4, 52);
        return canvas.toDataURL();
      }),
    );
    expect(a).not.toBe(b);
    await close();
  });
});
