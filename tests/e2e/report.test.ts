/**
 * Report page: tables 1, 3 and 4 in the template's layout, every figure a link to its source line (#L<n>, which
 * holds that number), failed identities marked with both sides (洪泽区 2023: reconsideration 11 ≠ 0), translated
 * warnings, revision and provenance info, official Chinese labels in English, 404 for unknown ids.
 */
import { describe, expect, it } from 'vitest';
import { fetchJson, fetchText, newPage, screenshot, settle, url } from '../helpers/e2e';
import { SEED, seedAgency } from './seo-fixtures';

async function hongze2023(): Promise<number> {
  const { body } = await fetchJson<{ items: { slug: string; name: string }[] }>(`/api/v1/agencies?q=${encodeURIComponent('洪泽')}`);
  const a = body.items.find((i) => i.name === '洪泽区人民政府');
  if (!a) throw new Error('洪泽区人民政府 not in the test data');
  const detail = await fetchJson<{ years: { reportId: number; year: number }[] }>(`/api/v1/agencies/${a.slug}`);
  const y = detail.body.years.find((x) => x.year === 2023);
  if (!y) throw new Error('no 2023 report for 洪泽区');
  return y.reportId;
}

describe('report page', () => {
  it.each(['zh', 'en'] as const)('%s: template tables, provenance, and a figure that jumps to its source line', async (locale) => {
    const seed = await seedAgency();
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/reports/${seed.reportId}`), { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    await settle(page);

    expect(await page.textContent('h1')).toContain(SEED.name);
    for (const id of ['table-proactive', 'table-applications', 'table-reviews']) expect(await page.locator(`#${id}`).count()).toBe(1);
    // group headers span their rows as in the template: （三）不予公开 over eight rows
    expect(await page.locator('#table-applications th[rowspan="8"]').count()).toBe(1);
    expect(await page.textContent('article > header')).toMatch(/[0-9a-f]{64}/);

    const cell = page.locator('td[data-path="applications.newReceived.total"] a');
    expect((await cell.textContent())?.trim()).toBe(String(SEED.newReceived));
    const href = (await cell.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#L\d+$/);
    await cell.click();
    await page.waitForFunction((h) => location.hash === h, href);
    const line = page.locator(href);
    expect(await line.textContent()).toContain(String(SEED.newReceived));
    // :target highlights the line
    const bg = await line.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(href.slice(1));

    if (locale === 'en') {
      expect(await page.locator('#table-applications [lang="zh-CN"]', { hasText: '一、本年新收政府信息公开申请数量' }).count()).toBe(1);
    }
    await screenshot(page, `report-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('every linked figure points at a line that contains it', async () => {
    const seed = await seedAgency();
    const { page, close } = await newPage({ javaScriptEnabled: false });
    await page.goto(url(`/zh/reports/${seed.reportId}`));
    const pairs = await page.$$eval('td[data-path] a[href^="#L"]', (as) =>
      as.map((a) => {
        const line = document.getElementById(a.getAttribute('href')!.slice(1));
        return { n: a.textContent!.replace(/,/g, ''), line: (line?.textContent ?? '').replace(/[,\s]/g, '') };
      }),
    );
    expect(pairs.length).toBeGreaterThan(50);
    const misses = pairs.filter((p) => !p.line.includes(p.n));
    expect(misses).toEqual([]);
    // Regression: decimals were rounded for display (2260.072204 万元 showed as 2,260.07); figures show as printed.
    expect((await page.textContent('td[data-path="proactive.fees.amountTenThousandYuan"] a'))?.trim()).toBe('2,260.072204');
    await close();
  });

  it.each(['zh', 'en'] as const)('%s: 洪泽区 2023 shows the failed reconsideration identity with both sides', async (locale) => {
    const id = await hongze2023();
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/reports/${id}`));
    expect(res?.status()).toBe(200);
    await settle(page);
    const row = page.locator('tr[data-check="reviews.reconsideration"]');
    expect(await row.getAttribute('data-passed')).toBe('false');
    const nums = await row.locator('td.num').allTextContents();
    expect(nums.slice(0, 2)).toEqual(['11', '0']);
    // the table-4 reconsideration figures carry the failed mark
    const marked = await page.$$eval('#table-reviews td[data-path^="reviews.reconsideration."]', (tds) =>
      tds.map((td) => td.className),
    );
    expect(marked).toHaveLength(5);
    for (const c of marked) expect(c).toMatch(/failed/);
    // …and a figure of a check that holds does not
    expect(await page.getAttribute('#table-reviews td[data-path="reviews.litigationDirect.total"]', 'class')).not.toMatch(/failed/);
    // warnings are translated, not raw codes
    const warnings = await page.locator('#warnings-list li').allTextContents();
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).not.toMatch(/label-fuzzy|published-date-missing/);
    await screenshot(page, `report-hongze-2023-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('a 2019-template report is laid out as the 2019 template (tables 1 and 3 differ from 2021)', async () => {
    const { body } = await fetchJson<{ items: { name: string; figures: { reportId: number; template: string } | null }[] }>(
      `/api/v1/agencies?q=${encodeURIComponent('丰泽')}`,
    );
    const r = body.items.find((i) => i.figures?.template === '2019')?.figures;
    if (!r) throw new Error('no 2019-template report in the test data');
    const seed = await seedAgency();
    const { page, errors, close } = await newPage();
    await page.goto(url(`/en/reports/${r.reportId}`));
    // 2019: procurement (art. 20 (9)) in table 1, （六）其他处理 as one row in table 3
    expect(await page.locator('#table-proactive tr[data-row="procurement"]').count()).toBe(1);
    expect(await page.locator('#table-applications tr[data-row="otherTotal"]').count()).toBe(1);
    expect(await page.locator('#table-applications tr[data-row="otherOverdueCorrection"]').count()).toBe(0);
    await page.goto(url(`/en/reports/${seed.reportId}`));
    expect(await page.locator('#table-proactive tr[data-row="procurement"]').count()).toBe(0);
    expect(await page.locator('#table-applications tr[data-row="otherOverdueCorrection"]').count()).toBe(1);
    expect(await page.textContent('article > header')).toMatch(/Revision 1 of 1/);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(['/zh/reports/abc', '/en/reports/1e3', '/zh/reports/0', '/zh/reports/99999999'])('%s is 404', async (path) => {
    expect((await fetchText(path)).status).toBe(404);
  });
});
