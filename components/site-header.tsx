import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import { LocaleSwitcher } from './locale-switcher';

const NAV = [
  ['/regions', 'regions'],
  ['/ranking', 'ranking'],
  ['/compare', 'compare'],
  ['/search', 'search'],
  ['/methodology', 'methodology'],
] as const;

/** The header of every page: site name, main navigation and the language switcher. */
export async function SiteHeader() {
  const t = await getTranslations('common');
  const locale = await getLocale();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {t('siteName')}
        </Link>
        <nav aria-label={t('mainNav')}>
          <ul className="site-nav">
            {NAV.map(([href, key]) => (
              <li key={key}>
                <Link href={href}>{t(`nav.${key}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <LocaleSwitcher
          current={locale}
          label={t('language')}
          options={routing.locales.map((l) => ({ locale: l, label: t(`localeName.${l}`) }))}
        />
      </div>
    </header>
  );
}
