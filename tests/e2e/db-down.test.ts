/**
 * A database that cannot be reached: every data page answers with the localized "service temporarily unavailable"
 * page and no stack trace. A second `next start` on the tests' build points at a closed loopback port.
 * Regression: the custom TCP_NODELAY socket rejected on a refused connection, which left postgres.js's pool stuck;
 * after the first ten failures every request hung instead of answering (six pages × two locales cover that).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage } from '../helpers/e2e';
import { freePort, startNext, TEST_DIST_DIR, type NextServer } from '../helpers/server';

const TITLE = { zh: '503 · 服务暂时不可用', en: '503 · Service temporarily unavailable' } as const;
const PAGES = ['', '/agencies/hongze-qu-renmin-zhengfu-320813', '/reports/1', '/regions/32', '/ranking', '/search?q=洪泽'];

let down: NextServer;

beforeAll(async () => {
  const closed = await freePort(); // nothing listens there
  down = await startNext({
    distDir: TEST_DIST_DIR,
    env: { DATABASE_URL: `postgres://gongkai:x@127.0.0.1:${closed}/gongkai`, DATABASE_READ_URL: undefined },
  });
}, 90_000);

afterAll(async () => {
  await down?.stop();
});

describe.each(['zh', 'en'] as const)('database down (%s)', (locale) => {
  it.each(PAGES)('%s shows the unavailable page without a stack trace', async (path) => {
    // The failed document load is reported by Chromium as a console error: expected here.
    const { page, close } = await newPage({ ignoreErrors: [/status of 5\d\d/] });
    const res = await page.goto(`${down.url}/${locale}${path}`);
    expect(res?.status()).toBeGreaterThanOrEqual(500);
    await page.locator('[data-testid="error-unavailable"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid="error-unavailable"] h1').innerText()).resolves.toBe(TITLE[locale]);
    const html = await page.content();
    expect(/at \w+ \(.*:\d+:\d+\)/.test(html), 'stack trace').toBe(false);
    expect(html.includes('ECONNREFUSED'), 'driver message').toBe(false);
    await close();
  }, 60_000);
});
