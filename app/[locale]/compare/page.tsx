import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata, SectionJsonLd } from '@/app/_seo/section';
import { COMPARE_MAX, compareAgencies, listAgencyNames, resolveAgency } from '@/db/queries/compare';
import { CompareForm } from '@/components/compare/compare-form';
import { firstParam, parseSlugs } from '@/components/compare/parse-slugs';
import { CompareTable } from '@/components/compare/compare-table';
import styles from '@/components/compare/compare.module.css';
import { withDb } from '@/lib/db-errors';
import { Link, redirect } from '@/lib/i18n/navigation';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'compare' });
  return sectionMetadata(locale, '/compare', t('title'), t('intro', { max: COMPARE_MAX }));
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations('compare');
  const sp = await searchParams;
  const requested = parseSlugs(firstParam(sp.agencies));
  const add = firstParam(sp.add).trim();

  let addMissing: string | null = null;
  if (add) {
    const slug = await withDb(() => resolveAgency(add));
    if (slug) {
      const next = requested.includes(slug) ? requested : [...requested, slug].slice(0, COMPARE_MAX);
      // The canonical URL carries only the list, so that it can be shared and bookmarked.
      redirect({ href: { pathname: '/compare', query: { agencies: next.join(',') } }, locale });
    }
    addMissing = add;
  }

  const [entries, suggestions] = await withDb(() => Promise.all([compareAgencies(requested), listAgencyNames()]));
  const slugs = entries.map((e) => e.slug);
  const unknown = requested.slice(0, COMPARE_MAX).filter((s) => !slugs.includes(s));
  const dropped = requested.length > COMPARE_MAX;
  const without = (slug: string) => slugs.filter((s) => s !== slug).join(',');

  return (
    <>
      <SectionJsonLd locale={locale} path="/compare" title={t('title')} />
      <h1>{t('title')}</h1>
      <p>{t('intro', { max: COMPARE_MAX })}</p>
      {addMissing ? (
        <p className={styles.notice} role="status" data-testid="compare-add-missing">
          {t('addMissing', { q: addMissing })} <Link href={{ pathname: '/search', query: { q: addMissing } }}>{t('searchFor')}</Link>
        </p>
      ) : null}
      {unknown.length > 0 ? (
        <p className={styles.notice} role="status" data-testid="compare-unknown">
          {t('unknown', { slugs: unknown.join(', ') })}
        </p>
      ) : null}
      {dropped ? (
        <p className={styles.notice} role="status">
          {t('tooMany', { max: COMPARE_MAX })}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <ul className={styles.chips} aria-label={t('selected')}>
          {entries.map((e) => (
            <li key={e.slug}>
              <Link href={`/agencies/${e.slug}`}>{e.name}</Link>
              {e.regionName ? <span className="muted"> · {e.regionName}</span> : null}
              <Link
                className={styles.remove}
                href={{ pathname: '/compare', query: slugs.length > 1 ? { agencies: without(e.slug) } : {} }}
                aria-label={t('remove', { name: e.name })}
              >
                ×
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <CompareForm locale={locale} slugs={slugs} suggestions={suggestions} />
      {entries.length < 2 ? (
        <p data-testid="compare-need-more">{t('needMore')}</p>
      ) : null}
      {entries.length > 0 ? (
        <>
          <CompareTable entries={entries} locale={locale} />
          <p className="muted">
            {t('note')} <Link href="/methodology#metrics">{t('howComputed')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
