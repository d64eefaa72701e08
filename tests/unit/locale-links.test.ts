/**
 * The locale switcher and the locale-aware Link build their hrefs without next-intl's client code (issue 5): the
 * path arithmetic they do instead is checked here.
 */
import { describe, expect, it } from 'vitest';
import { switchLocalePath } from '@/components/locale-switcher';

describe('switchLocalePath', () => {
  it('swaps the locale prefix and keeps the rest of the path', () => {
    expect(switchLocalePath('/zh/agencies/hongze-qu-renmin-zhengfu-320813', 'zh', 'en')).toBe(
      '/en/agencies/hongze-qu-renmin-zhengfu-320813',
    );
    expect(switchLocalePath('/en/reports/7', 'en', 'zh')).toBe('/zh/reports/7');
  });

  it('maps a locale home to the other home', () => {
    expect(switchLocalePath('/zh', 'zh', 'en')).toBe('/en');
  });

  it('does not take a path that merely starts with the locale letters for a prefix', () => {
    expect(switchLocalePath('/zhx/page', 'zh', 'en')).toBe('/en');
    expect(switchLocalePath('/', 'zh', 'en')).toBe('/en');
  });
});

describe('getPathname (the href of Link and redirect)', () => {
  it('prefixes app-relative paths and serialises the query as next-intl did', async () => {
    const { getPathname, localizeHref } = await import('@/lib/i18n/navigation');
    expect(getPathname({ href: '/', locale: 'zh' })).toBe('/zh');
    expect(getPathname({ href: '/reports/7#L12', locale: 'en' })).toBe('/en/reports/7#L12');
    expect(getPathname({ href: { pathname: '/compare', query: { agencies: 'a,b', skip: undefined } }, locale: 'zh' })).toBe(
      '/zh/compare?agencies=a%2Cb',
    );
    expect(getPathname({ href: { pathname: '/ranking', query: { y: [2023, 2024] } }, locale: 'en' })).toBe('/en/ranking?y=2023&y=2024');
    expect(localizeHref({ pathname: '/ranking', query: { page: 2 } }, 'en')).toEqual({ pathname: '/en/ranking', query: { page: 2 } });
    expect(localizeHref('https://example.org/x', 'en')).toBe('https://example.org/x');
  });
});
