import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

// The locale layout has already set the request locale, so translations here are in the reader's language.
export default async function LocaleNotFound() {
  const [t, locale] = await Promise.all([getTranslations('errors'), getLocale()]);
  return (
    <section data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <ul>
        <li>
          <Link href="/">{t('links.home')}</Link>
        </li>
        <li>
          <Link href="/search">{t('links.search')}</Link>
        </li>
        <li>
          <Link href="/regions">{t('links.regions')}</Link>
        </li>
      </ul>
      <form action={`/${locale}/search`} method="get" role="search">
        <label>
          {t('notFound.searchLabel')} <input type="search" name="q" />
        </label>{' '}
        <button type="submit">{t('notFound.searchButton')}</button>
      </form>
    </section>
  );
}
