'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

function Links({ query }: { query: Record<string, string> }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <ul className="locale-switcher" aria-label={t('language')}>
      {routing.locales.map((l) => (
        <li key={l}>
          {l === locale ? (
            <span aria-current="true">{t(`localeName.${l}`)}</span>
          ) : (
            <Link href={{ pathname, query }} locale={l} hrefLang={l} lang={l}>
              {t(`localeName.${l}`)}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

function LinksWithQuery() {
  const search = useSearchParams();
  return <Links query={Object.fromEntries(search.entries())} />;
}

/**
 * Links to the same page in the other languages, keeping the query (a ranking's state lives there).
 * Plain links, so it works without JavaScript; statically rendered pages get the query-less fallback.
 */
export function LocaleSwitcher() {
  return (
    <Suspense fallback={<Links query={{}} />}>
      <LinksWithQuery />
    </Suspense>
  );
}
