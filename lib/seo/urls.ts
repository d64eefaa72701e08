/**
 * Public URLs: absolute on env().siteUrl, one per locale, with the hreflang alternates every page announces.
 */
import { env } from '@/lib/env';
import { routing, type Locale } from '@/lib/i18n/routing';

/** `/zh/agencies/x` → `https://site/zh/agencies/x`. */
export function absoluteUrl(path: string): string {
  return `${env().siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The page at `path` (locale-less, e.g. `/agencies/x` or `` for home) in `locale`, absolute. */
export function localeUrl(locale: Locale, path: string): string {
  return absoluteUrl(`/${locale}${path === '/' ? '' : path}`);
}

/** hreflang → absolute URL for every locale, plus x-default (the default locale, Chinese). */
export function hreflangAlternates(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of routing.locales) out[l] = localeUrl(l, path);
  out['x-default'] = localeUrl(routing.defaultLocale, path);
  return out;
}

/** Next's `alternates` metadata: the canonical URL of this locale and the hreflang links. */
export function alternatesFor(locale: Locale, path: string) {
  return { canonical: localeUrl(locale, path), languages: hreflangAlternates(path) };
}

/** Open Graph locale tags. */
export const OG_LOCALE: Record<Locale, string> = { zh: 'zh_CN', en: 'en_US' };

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
