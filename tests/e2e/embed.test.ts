/**
 * Embeds: /embed/{locale}/agencies/{slug}/{chart} shows the chart, its table and a source link, and other sites
 * may frame it; every other page refuses to be framed (X-Frame-Options + CSP frame-ancestors), checked both in the
 * headers and in Chromium framing them from another origin.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchText, newPage, url } from '../helpers/e2e';
import { SEED, seedAgency } from './seo-fixtures';

describe('embeds', () => {
  it.each(['requests', 'outcomes', 'exemptions', 'reviews', 'proactive'])('%s chart: frameable, with a table and a source link', async (chart) => {
    const seed = await seedAgency();
    const res = await fetchText(`/embed/zh/agencies/${seed.slug}/${chart}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(res.text).toContain(SEED.name);
    expect(res.text).toMatch(/<table/);
    expect(res.text).toMatch(new RegExp(`href="https?://[^"]+/zh/agencies/${seed.slug}"`));
    expect(res.text).toMatch(/noindex/);
  });

  it('answers 404 for an unknown chart or agency', async () => {
    const seed = await seedAgency();
    expect((await fetchText(`/embed/zh/agencies/${seed.slug}/nonsense`)).status).toBe(404);
    expect((await fetchText('/embed/zh/agencies/no-such-agency/requests')).status).toBe(404);
  });

  it.each(['/zh', '/en/ranking', '/api/v1/agencies', '/sitemap.xml'])('%s may not be framed', async (path) => {
    const seed = await seedAgency();
    const res = await fetchText(path.replace('{slug}', seed.slug));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });

  it('renders inside an iframe on another origin, while an ordinary page is blocked', async () => {
    const seed = await seedAgency();
    // Another origin on loopback (a different port): Chromium blocks public pages from framing local servers.
    const html = `<iframe id="e" src="${url(`/embed/zh/agencies/${seed.slug}/requests`)}" width="600" height="500"></iframe>` +
      `<iframe id="p" src="${url(`/zh/agencies/${seed.slug}`)}" width="600" height="500"></iframe>`;
    const host = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const { port } = host.address() as AddressInfo;
    const { page, close } = await newPage({ ignoreErrors: [/frame|Refused|ancestor/i] });
    try {
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
      const embed = await (await page.$('#e'))?.contentFrame();
      await embed?.waitForSelector('figure', { timeout: 20_000 });
      expect(await embed?.locator('figure table').count()).toBeGreaterThan(0);
      const blocked = await (await page.$('#p'))?.contentFrame();
      expect(blocked?.url()).not.toContain('/agencies/');
      expect(await blocked?.locator('header').count().catch(() => 0)).toBe(0);
    } finally {
      await close();
      host.close();
    }
  });
});
