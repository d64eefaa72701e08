'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';

export interface LocaleOption {
  locale: string;
  /** The language's own name, e.g. 中文, English. */
  label: string;
}

interface Props {
  /** The page's locale: its path prefix is swapped for the others'. */
  current: string;
  options: LocaleOption[];
  /** Accessible name of the list. */
  label: string;
}

/** The same path under another locale: /zh/agencies/x → /en/agencies/x. */
export function switchLocalePath(pathname: string, current: string, target: string): string {
  const from = `/${current}`;
  if (pathname === from || pathname.startsWith(`${from}/`)) return `/${target}${pathname.slice(from.length)}`;
  return `/${target}`;
}

function Links({ current, options, label, search }: Props & { search: string }) {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="locale-switcher" aria-label={label}>
      {options.map(({ locale, label: name }) => (
        <li key={locale}>
          {locale === current ? (
            <span aria-current="true">{name}</span>
          ) : (
            // A plain link: another locale is another root layout, so the browser loads the page anew anyway.
            <a href={switchLocalePath(pathname, current, locale) + search} hrefLang={locale} lang={locale}>
              {name}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function LinksWithQuery(props: Props) {
  const query = useSearchParams()?.toString() ?? '';
  return <Links {...props} search={query ? `?${query}` : ''} />;
}

/**
 * Links to the same page in the other languages, keeping the query (a ranking's state lives there). Labels come
 * from the server, so no i18n library ships to the browser. Plain links, so it works without JavaScript;
 * statically rendered pages get the query-less fallback.
 */
export function LocaleSwitcher(props: Props) {
  return (
    <Suspense fallback={<Links {...props} search="" />}>
      <LinksWithQuery {...props} />
    </Suspense>
  );
}
