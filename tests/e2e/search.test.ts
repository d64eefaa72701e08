/**
 * Search in both locales: Chinese characters, pinyin and initials find 鲤城区人民政府; report text is searched
 * literally (wildcards escaped) and shown escaped.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, settle, url } from '../helpers/e2e';

async function firstAgency(locale: string, q: string) {
  const { page, errors, close } = await newPage();
  const res = await page.goto(url(`/${locale}/search?q=${encodeURIComponent(q)}`));
  expect(res?.status()).toBe(200);
  const first = page.locator('[data-testid="search-agencies"] li a').first();
  const name = await first.innerText().catch(() => null);
  const href = await first.getAttribute('href').catch(() => null);
  await settle(page);
  return { page, errors, close, name, href };
}

describe.each(['zh', 'en'] as const)('search (%s)', (locale) => {
  it.each(['鲤城', 'licheng', 'lcq'])('finds 鲤城区人民政府 first for %s', async (q) => {
    const r = await firstAgency(locale, q);
    expect(r.name).toBe('鲤城区人民政府');
    expect(r.href).toMatch(new RegExp(`^/${locale}/agencies/licheng-`));
    // the county itself is among the regions, first since it has reports
    await expect(r.page.locator('[data-testid="search-regions"] li a').first().getAttribute('href')).resolves.toBe(
      `/${locale}/regions/350502`,
    );
    if (q === '鲤城') await screenshot(r.page, `search-${locale}`);
    expect(r.errors).toEqual([]);
    await r.close();
  });

  it('searches report text and links to the line', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(url(`/${locale}/search?q=${encodeURIComponent('依申请公开')}`));
    const hits = page.locator('[data-testid="search-reports"] li');
    expect(await hits.count()).toBeGreaterThan(0);
    await expect(hits.first().locator('mark').innerText()).resolves.toBe('依申请公开');
    await expect(hits.first().locator('a').getAttribute('href')).resolves.toMatch(new RegExp(`^/${locale}/reports/\\d+#L\\d+$`));
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('treats % and markup literally', async () => {
    const { page, errors, close } = await newPage();
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(url(`/${locale}/search?q=${encodeURIComponent('%%')}`));
    await expect(page.locator('[data-testid="search-reports"] li').count()).resolves.toBe(0);
    await page.goto(url(`/${locale}/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`));
    await expect(page.locator('h1').innerText()).resolves.toContain('<img src=x onerror=alert(1)>');
    await expect(page.locator('main img').count()).resolves.toBe(0);
    expect(dialog).toBe(false);
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });
});
