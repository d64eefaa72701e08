import NextLink from 'next/link';
import { redirect as nextRedirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { ComponentProps } from 'react';
import type { Locale } from './routing';

// next-intl's createNavigation is not used: merely importing it registers its client Link (and with it next-intl's
// client runtime, ~10 KB gzipped) as a client reference of every page (issue 5, JS budget).

type NextLinkProps = ComponentProps<typeof NextLink>;
type Href = NextLinkProps['href'];

function prefix(locale: string, pathname: string): string {
  return pathname === '/' ? `/${locale}` : `/${locale}${pathname}`;
}

/** Puts the locale in front of an app-relative href ("/ranking" → "/zh/ranking"); other hrefs pass unchanged. */
export function localizeHref(href: Href, locale: string): Href {
  if (typeof href === 'string') return href.startsWith('/') ? prefix(locale, href) : href;
  if (href.pathname?.startsWith('/')) return { ...href, pathname: prefix(locale, href.pathname) };
  return href;
}

/**
 * Locale-aware Link for server components: a plain next/link with the locale prefixed on the server. next-intl's
 * own Link is a client component and would ship next-intl's client code on every page (issue 5, JS budget).
 */
export async function Link({ href, locale, ...rest }: Omit<NextLinkProps, 'locale'> & { locale?: Locale }) {
  return <NextLink href={localizeHref(href, locale ?? (await getLocale()))} {...rest} />;
}

/** Query values as next-intl serialised them: arrays repeat the key; null/undefined are left out. */
export type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** "/compare" + {agencies: "a,b"} in locale zh → "/zh/compare?agencies=a%2Cb". */
export function getPathname({ href, locale }: { href: string | { pathname: string; query?: Query }; locale: string }): string {
  if (typeof href === 'string') return href.startsWith('/') ? prefix(locale, href) : href;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(href.query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const search = params.toString();
  return prefix(locale, href.pathname) + (search ? `?${search}` : '');
}

/** Redirects (in a server component or action) to an app-relative href in the given locale. */
export function redirect(args: { href: string | { pathname: string; query?: Query }; locale: string }): never {
  return nextRedirect(getPathname(args));
}
