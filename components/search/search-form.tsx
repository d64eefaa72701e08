import { getTranslations } from 'next-intl/server';
import styles from './search.module.css';

/** A plain GET form: works without JavaScript and keeps the query in the URL. */
export async function SearchForm({ locale, query }: { locale: string; query: string }) {
  const t = await getTranslations('search');
  return (
    <form className={styles.form} action={`/${locale}/search`} method="get" role="search">
      <label htmlFor="search-q" className="visually-hidden">
        {t('label')}
      </label>
      <input id="search-q" type="search" name="q" defaultValue={query} placeholder={t('placeholder')} maxLength={100} />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
