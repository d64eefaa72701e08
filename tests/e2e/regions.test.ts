/**
 * Region pages in both locales with the sample data: index, a city with data, a town without a row of its own,
 * a county with no reports; breadcrumbs, totals by year, agencies, child regions and the rank among siblings.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, settle, url } from '../helpers/e2e';

describe.each(['zh', 'en'] as const)('region pages (%s)', (locale) => {
  it('lists the provinces with report counts', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/regions`));
    expect(res?.status()).toBe(200);
    const fujian = page.locator('[data-testid="child-regions"] tr', { has: page.locator(`a[href="/${locale}/regions/35"]`) });
    expect(Number(await fujian.locator('td').nth(2).innerText())).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="child-regions"] tbody tr').count()).toBeGreaterThanOrEqual(31);
    await settle(page);
    await screenshot(page, `regions-index-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a city: breadcrumbs, totals by year, child regions and its rank with a ranking link', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/regions/3505`));
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('福建省泉州市');
    const crumbs = page.locator('nav.breadcrumbs a');
    await expect(crumbs.nth(1).getAttribute('href')).resolves.toBe(`/${locale}/regions/35`);
    const years = page.locator('[data-testid="region-years"] thead th');
    expect(await years.allInnerTexts()).toEqual(expect.arrayContaining(['2022', '2020']));
    // 鲤城区 has 2 current reports in the samples (鲤城区人民政府 2022, 开元街道 2020)
    const licheng = page.locator('[data-testid="child-regions"] tr', { has: page.locator(`a[href="/${locale}/regions/350502"]`) });
    await expect(licheng.locator('td').nth(2).innerText()).resolves.toBe('2');
    const rankLink = page.locator('[data-testid="region-rank"] a').first();
    const href = (await rankLink.getAttribute('href')) ?? '';
    expect(href).toContain(`/${locale}/ranking?`);
    expect(href).toContain('parent=35');
    expect(href).toContain('level=city');
    await settle(page);
    await screenshot(page, `region-city-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a county with its agencies linking to agency pages', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(url(`/${locale}/regions/350502`));
    const agency = page.locator('[data-testid="region-agencies"] a', { hasText: '鲤城区人民政府' });
    await expect(agency.getAttribute('href')).resolves.toMatch(new RegExp(`^/${locale}/agencies/licheng-`));
    await expect(page.locator('[data-testid="child-regions"]').innerText()).resolves.toContain('开元街道');
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('renders a region without reports with a no-data note', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/regions/350505`));
    expect(res?.status()).toBe(200);
    await expect(page.locator('[data-testid="region-no-data"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="region-years"]').count()).resolves.toBe(0);
    await settle(page);
    await screenshot(page, `region-nodata-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a town (9-digit code) with its agency', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/regions/350502004`));
    expect(res?.status()).toBe(200);
    await expect(page.locator('[data-testid="region-agencies"]').innerText()).resolves.toContain('开元街道办事处');
    await expect(page.locator('nav.breadcrumbs li').count()).resolves.toBe(5);
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });
});
