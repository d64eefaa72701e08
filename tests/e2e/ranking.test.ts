/**
 * The ranking in both locales: a sortable header is a link that changes the URL and the order.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, settle, url } from '../helpers/e2e';

const HEADER = { zh: '分母', en: 'Denominator' } as const;

describe.each(['zh', 'en'] as const)('ranking (%s)', (locale) => {
  it('renders regions by default', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/ranking`));
    expect(res?.status()).toBe(200);
    expect(await page.locator('[data-testid="ranking-table"] tbody tr[data-key]').count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, `ranking-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('re-sorts by a header click: URL and order change', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(url(`/${locale}/ranking?kind=agencies&year=2023&min=1`));
    const dens = async () =>
      (await page.locator('[data-testid="ranking-table"] tbody tr[data-key] td:nth-child(5)').allInnerTexts()).map((s) =>
        Number(s.replace(/[^\d.]/g, '')),
      );
    const header = page.locator('[data-testid="ranking-table"] thead th a', { hasText: HEADER[locale] });
    await Promise.all([page.waitForURL(/sort=den/), header.click()]);
    const first = await dens();
    const firstUrl = page.url();
    expect(first.length).toBeGreaterThanOrEqual(2);
    const asc = [...first].sort((a, b) => a - b);
    expect([asc, [...asc].reverse()]).toContainEqual(first);
    // clicking the active header again reverses the direction
    await Promise.all([page.waitForURL((u) => u.toString() !== firstUrl), header.click()]);
    expect(page.url()).toMatch(/dir=(asc|desc)/);
    expect(await dens()).toEqual([...first].reverse());
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });
});
