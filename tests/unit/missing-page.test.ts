import { afterEach, describe, expect, it } from 'vitest';
import { classifyPath, registerEntityCheck, resetEntityCheck, type EntityKind } from '@/lib/missing-page';
import { notFoundHtml } from '@/lib/plain-pages';

afterEach(() => resetEntityCheck());

const EXISTING = new Set(['agency:xiangcheng-qu-renmin-zhengfu-350602', 'report:7', 'region:350602', 'agency:洪泽']);

function withCheck(): { asked: string[] } {
  const asked: string[] = [];
  registerEntityCheck(async (kind: EntityKind, key: string) => {
    asked.push(`${kind}:${key}`);
    return EXISTING.has(`${kind}:${key}`);
  });
  return { asked };
}

describe('which addresses the proxy answers with a 404', () => {
  it('lets everything through until a check is registered, except unknown sections', async () => {
    await expect(classifyPath('/zh/agencies/whatever')).resolves.toEqual({ missing: false });
    await expect(classifyPath('/en/nonsense')).resolves.toEqual({ missing: true, locale: 'en' });
  });

  it('knows the sections, and sends paths outside a locale on to Next', async () => {
    const { asked } = withCheck();
    for (const p of ['/zh', '/en/', '/zh/ranking', '/zh/regions', '/en/compare', '/zh/search', '/zh/methodology', '/robots', '/fr/agencies/x']) {
      await expect(classifyPath(p), p).resolves.toEqual({ missing: false });
    }
    for (const p of ['/zh/no/such/page', '/en/agencies', '/zh/reports/']) {
      await expect(classifyPath(p), p).resolves.toMatchObject({ missing: true });
    }
    expect(asked).toEqual([]);
  });

  it('asks whether an agency, report or region exists, decoding the address', async () => {
    const { asked } = withCheck();
    await expect(classifyPath('/zh/agencies/xiangcheng-qu-renmin-zhengfu-350602')).resolves.toEqual({ missing: false });
    await expect(classifyPath('/zh/agencies/%E6%B4%AA%E6%B3%BD')).resolves.toEqual({ missing: false });
    await expect(classifyPath('/en/reports/8')).resolves.toEqual({ missing: true, locale: 'en' });
    await expect(classifyPath('/zh/regions/350602')).resolves.toEqual({ missing: false });
    await expect(classifyPath('/zh/regions/99')).resolves.toEqual({ missing: true, locale: 'zh' });
    await expect(classifyPath('/zh/agencies/%E0%A4%A')).resolves.toEqual({ missing: true, locale: 'zh' }); // bad escape
    expect(asked).toEqual(['agency:xiangcheng-qu-renmin-zhengfu-350602', 'agency:洪泽', 'report:8', 'region:350602', 'region:99']);
  });

  it('checks the agency of an embed, and leaves deeper addresses (share cards) to Next', async () => {
    const { asked } = withCheck();
    await expect(classifyPath('/embed/en/agencies/nope/requests')).resolves.toEqual({ missing: true, locale: 'en' });
    await expect(classifyPath('/embed/zh/agencies/洪泽/requests')).resolves.toEqual({ missing: false });
    await expect(classifyPath('/zh/agencies/nope/opengraph-image')).resolves.toEqual({ missing: false });
    expect(asked).toEqual(['agency:nope', 'agency:洪泽']);
  });

  it('remembers what exists for a minute, never what does not', async () => {
    const { asked } = withCheck();
    const t0 = 1_000_000;
    await classifyPath('/zh/reports/7', t0);
    await classifyPath('/zh/reports/7', t0 + 30_000);
    await classifyPath('/zh/reports/8', t0);
    await classifyPath('/zh/reports/8', t0 + 1);
    await classifyPath('/zh/reports/7', t0 + 61_000);
    expect(asked).toEqual(['report:7', 'report:8', 'report:8', 'report:7']);
  });

  it('lets the page decide when the check fails', async () => {
    registerEntityCheck(async () => {
      throw new Error('ECONNREFUSED');
    });
    await expect(classifyPath('/zh/agencies/x')).resolves.toEqual({ missing: false });
  });
});

describe('the 404 page', () => {
  it('is localized, has no scripts, and offers home, search and regions', () => {
    const en = notFoundHtml('en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>404 · Page not found</h1>');
    expect(en).toContain('<form action="/en/search" method="get" role="search">');
    expect(en).not.toMatch(/<script/i);
    const zh = notFoundHtml('zh');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>404 · 页面不存在</h1>');
    expect(zh).toContain('href="/zh/regions"');
  });
});
