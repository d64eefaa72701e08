import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { sectionMetadata, SectionJsonLd } from '@/app/_seo/section';
import { search } from '@/db/queries/search';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { withDb } from '@/lib/db-errors';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'search' });
  const meta = await sectionMetadata(locale, '/search', t('title'), t('intro'));
  // Result pages are endless and thin: only the empty search page is worth indexing.
  return { ...meta, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations('search');
  const { q } = await searchParams;
  const results = await withDb(() => search(q));
  const total = results.agencies.length + results.regions.length + results.reports.length;
  return (
    <>
      <SectionJsonLd locale={locale} path="/search" title={t('title')} />
      <h1>{results.query ? t('titleFor', { q: results.query }) : t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SearchForm locale={locale} query={results.query} />
      {results.query ? (
        <>
          <p role="status" data-testid="search-summary">
            {total === 0 ? t('none', { q: results.query }) : t('summary', { count: total })}
          </p>
          <SearchResults results={results} />
        </>
      ) : (
        <p>{t('hint')}</p>
      )}
    </>
  );
}
