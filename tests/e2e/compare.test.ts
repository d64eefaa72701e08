/**
 * Compare in both locales: agencies side by side by year, adding one by name through the GET form.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, settle, url } from '../helpers/e2e';

const LICHENG = 'licheng-qu-renmin-zhengfu-350502';
const HONGZE = 'hongze-qu-renmin-zhengfu-320813';

describe.each(['zh', 'en'] as const)('compare (%s)', (locale) => {
  it('shows two agencies side by side with their years', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/compare?agencies=${LICHENG},${HONGZE}`));
    expect(res?.status()).toBe(200);
    const heads = await page.locator('[data-testid="compare-table"] thead th').allInnerTexts();
    expect(heads.slice(1)).toEqual(['鲤城区人民政府', '洪泽区人民政府']);
    const rows = await page.locator('[data-testid="compare-table"] tbody').first().locator('tr th[scope="row"]').allInnerTexts();
    expect(rows).toEqual(['2024', '2023', '2022']);
    // 洪泽区 received 95 requests in 2024 (sample hongze-2024.pdf)
    const y2024 = page.locator('[data-testid="compare-table"] tbody').first().locator('tr', { hasText: '2024' });
    await expect(y2024.locator('td').nth(1).innerText()).resolves.toBe('95');
    await settle(page);
    await screenshot(page, `compare-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('adds an agency by name through the form', async () => {
    const { page, errors, close } = await newPage();
    await page.goto(url(`/${locale}/compare?agencies=${LICHENG}`));
    await expect(page.locator('[data-testid="compare-need-more"]').isVisible()).resolves.toBe(true);
    await page.fill('[data-testid="compare-form"] input[name="add"]', '芗城区人民政府');
    await Promise.all([page.waitForURL(/agencies=.*xiangcheng/), page.click('[data-testid="compare-form"] button')]);
    expect(decodeURIComponent(page.url())).toContain(`agencies=${LICHENG},xiangcheng-qu-renmin-zhengfu-350602`);
    await expect(page.locator('[data-testid="compare-table"] thead th').count()).resolves.toBe(3);
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('ignores unknown slugs with a notice', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/compare?agencies=${LICHENG},no-such-agency`));
    expect(res?.status()).toBe(200);
    await expect(page.locator('[data-testid="compare-unknown"]').innerText()).resolves.toContain('no-such-agency');
    await settle(page);
    expect(errors).toEqual([]);
    await close();
  });
});
