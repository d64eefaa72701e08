import { afterEach, describe, expect, it } from 'vitest';
import { dbAvailable, registerDbProbe, reportDbDown, reportDbUp, resetDbHealth } from '@/lib/db-health';
import { unavailableHtml } from '@/lib/plain-pages';

afterEach(() => resetDbHealth());

describe('database health for the proxy', () => {
  it('lets everything through until a page has registered how to check', async () => {
    reportDbDown();
    expect(await dbAvailable()).toBe(true);
  });

  it('does not probe within a second of a success, and checks before trusting an older one', async () => {
    let up = true;
    let probes = 0;
    registerDbProbe(async () => {
      probes++;
      if (!up) throw new Error('ECONNREFUSED');
    });
    reportDbUp();
    const t0 = Date.now();
    expect(await dbAvailable(t0 + 500)).toBe(true);
    expect(probes).toBe(0);
    up = false; // gone while nothing asked: the next request after a quiet second finds out before rendering
    expect(await dbAvailable(t0 + 1_500)).toBe(false);
    expect(probes).toBe(1);
  });

  it('probes before the first request when nothing is known yet', async () => {
    let probes = 0;
    registerDbProbe(async () => {
      probes++;
      throw new Error('ECONNREFUSED');
    });
    expect(await dbAvailable()).toBe(false);
    expect(probes).toBe(1);
  });

  it('after a page saw it down: one probe decides, a failure stands for a second, a success lets requests through', async () => {
    let up = false;
    let probes = 0;
    registerDbProbe(async () => {
      probes++;
      if (!up) throw new Error('ECONNREFUSED');
    });
    const t0 = Date.now();
    reportDbDown();
    expect(await dbAvailable(t0)).toBe(false); // within the second after the failure: no probe
    expect(probes).toBe(0);
    const [a, b] = await Promise.all([dbAvailable(t0 + 5_000), dbAvailable(t0 + 5_000)]);
    expect([a, b]).toEqual([false, false]);
    expect(probes).toBe(1); // concurrent requests share one probe
    up = true;
    expect(await dbAvailable(Date.now() + 5_000)).toBe(true);
    expect(probes).toBe(2);
    expect(await dbAvailable()).toBe(true); // up again: free
    expect(probes).toBe(2);
  });

  it('treats a probe that hangs as down after its timeout', async () => {
    registerDbProbe(() => new Promise(() => {}));
    reportDbDown();
    expect(await dbAvailable(Date.now() + 5_000)).toBe(false);
  }, 10_000);
});

describe('the 503 page', () => {
  it('is localized, has no scripts, and escapes the address it offers to retry', () => {
    const zh = unavailableHtml('zh', '/zh/search?q=<script>alert(1)</script>');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('503 · 服务暂时不可用');
    expect(zh).not.toMatch(/<script/i);
    expect(zh).toContain('href="/zh/search?q=&lt;script&gt;alert(1)&lt;/script&gt;"');
    const en = unavailableHtml('en', '//evil.example/x');
    expect(en).toContain('503 · Service temporarily unavailable');
    expect(en).toContain('href="/en"');
    expect(en).not.toContain('evil.example');
  });
});
