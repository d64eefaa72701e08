import { getTranslations } from 'next-intl/server';
import { COMPARE_MAX } from '@/db/queries/compare';
import styles from './compare.module.css';

/** GET form: the current list rides along hidden; `add` is a slug or a name, resolved by the page. */
export async function CompareForm({
  locale,
  slugs,
  suggestions,
}: {
  locale: string;
  slugs: string[];
  suggestions: { slug: string; name: string }[];
}) {
  const t = await getTranslations('compare');
  const full = slugs.length >= COMPARE_MAX;
  return (
    <form className={styles.form} action={`/${locale}/compare`} method="get" data-testid="compare-form">
      {slugs.length > 0 ? <input type="hidden" name="agencies" value={slugs.join(',')} /> : null}
      <label>
        {t('addLabel')}
        <input type="text" name="add" list="compare-agencies" placeholder={t('addPlaceholder')} disabled={full} required />
      </label>
      <datalist id="compare-agencies">
        {suggestions
          .filter((s) => !slugs.includes(s.slug))
          .map((s) => (
            <option key={s.slug} value={s.name} />
          ))}
      </datalist>
      <button type="submit" disabled={full}>
        {t('add')}
      </button>
      {full ? <span className="muted">{t('full', { max: COMPARE_MAX })}</span> : null}
    </form>
  );
}
