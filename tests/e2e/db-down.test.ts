/**
 * A database that cannot be reached: every data page answers with the localized "service temporarily unavailable"
 * page and no stack trace, with a real HTTP 503 and Retry-After from the proxy (lib/db-health.ts: the probe that
 * instrumentation.ts registers runs before the first request is rendered). A second `next start` on the tests'
 * build points at a closed loopback port.
 * Regression: the custom TCP_NODELAY socket rejected on a refused connection, which left postgres.js's pool stuck;
 * after the first ten failures every request hung instead of answering. API routes query on every request (the
 * proxy does not stand in front of them): fifteen in a row must each answer 503.
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

describe('database down: the status', () => {
  it('is a 503 with Retry-After and no scripts, from the first page request', async () => {
    for (const path of ['/en/agencies/hongze-qu-renmin-zhengfu-320813', '/zh/regions/32', '/en/ranking', '/zh/search?q=%E6%B4%AA%E6%B3%BD']) {
      const res = await fetch(down.url + path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(path.startsWith('/en') ? TITLE.en : TITLE.zh);
      expect(html).not.toMatch(/<script/i);
    }
    const embed = await fetch(`${down.url}/embed/zh/agencies/hongze-qu-renmin-zhengfu-320813/requests`);
    expect(embed.status).toBe(503);
    expect(await embed.text()).toContain(TITLE.zh);
  });

  it('is a 503 for the API (JSON), feeds and sitemaps, from the first request', async () => {
    const api = await fetch(`${down.url}/api/v1/agencies`);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('30');
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    expect(await api.json()).toMatchObject({ error: 'unavailable' });
    for (let i = 0; i < 15; i++) {
      const res = await fetch(`${down.url}/api/v1/agencies?page=${i + 1}`, { signal: AbortSignal.timeout(10_000) });
      expect(res.status, `request ${i + 1}`).toBe(503);
      await res.text();
    }
    for (const path of ['/api/v1/reports/1', '/sitemap.xml', '/feeds/reports.atom']) {
      const res = await fetch(down.url + path);
      expect(res.status, path).toBe(503);
      const body = await res.text();
      expect(body.includes('ECONNREFUSED') || /at \w+ \(/.test(body), `${path} leaks the driver error`).toBe(false);
    }
  });
});

describe.each(['zh', 'en'] as const)('database down (%s)', (locale) => {
  it.each(PAGES)('%s shows the unavailable page without a stack trace', async (path) => {
    // The failed document load is reported by Chromium as a console error: expected here.
    const { page, close } = await newPage({ ignoreErrors: [/status of 5\d\d/] });
    const res = await page.goto(`${down.url}/${locale}${path}`);
    expect(res?.status()).toBe(503);
    await page.locator('[data-testid="error-unavailable"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-testid="error-unavailable"] h1').innerText()).resolves.toBe(TITLE[locale]);
    const html = await page.content();
    expect(/at \w+ \(.*:\d+:\d+\)/.test(html), 'stack trace').toBe(false);
    expect(html.includes('ECONNREFUSED'), 'driver message').toBe(false);
    await close();
  }, 60_000);
});
