import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function SiteFooter() {
  const t = await getTranslations('common');
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.about')}</p>
        <p>
          <Link href="/methodology">{t('nav.methodology')}</Link> · <a href="/api/v1/openapi.json">{t('footer.api')}</a>
        </p>
      </div>
    </footer>
  );
}
