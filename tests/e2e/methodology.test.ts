/**
 * The methodology page in both locales: every metric row, the two templates and the seven identities.
 */
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, settle, url } from '../helpers/e2e';

describe.each(['zh', 'en'] as const)('methodology (%s)', (locale) => {
  it('documents metrics, templates, checks and recovery', async () => {
    const { page, errors, close } = await newPage();
    const res = await page.goto(url(`/${locale}/methodology`));
    expect(res?.status()).toBe(200);
    const codes = await page.locator('[data-testid="methodology-metrics"] td code').allInnerTexts();
    expect(codes).toEqual(expect.arrayContaining(['disclosureRate', 'disclosureRateOnMerits', 'backlogRate', 'dataQuality']));
    expect(codes).toHaveLength(13);
    await expect(page.locator('[data-testid="methodology-templates"]').innerText()).resolves.toMatch(/〔2019〕60号[\s\S]*〔2021〕30号/);
    await expect(page.locator('[data-testid="methodology-checks"] li').count()).resolves.toBe(7);
    for (const id of ['metrics', 'sample', 'templates', 'checks', 'recovery']) {
      await expect(page.locator(`#${id}`).count()).resolves.toBe(1);
    }
    await settle(page);
    await screenshot(page, `methodology-${locale}`);
    expect(errors).toEqual([]);
    await close();
  });
});
