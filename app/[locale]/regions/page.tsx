import type { Metadata } from 'next';
import { sectionMetadata, SectionJsonLd } from '@/app/_seo/section';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listChildRegions } from '@/db/queries/regions';
import { ChildRegionsTable } from '@/components/region/child-regions-table';
import { withDb } from '@/lib/db-errors';
import { Link } from '@/lib/i18n/navigation';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'regions' });
  return sectionMetadata(locale, '/regions', t('title'), t('intro'));
}

export default async function RegionsIndexPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('regions');
  const provinces = await withDb(() => listChildRegions(null));
  const withData = provinces.filter((p) => p.reports > 0).length;
  return (
    <>
      <SectionJsonLd locale={locale} path="/regions" title={t('title')} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="muted">
        {t('indexSummary', { count: provinces.length, withData })}{' '}
        <Link href={{ pathname: '/ranking', query: { level: 'province' } }}>{t('rankProvinces')}</Link>
      </p>
      <ChildRegionsTable items={provinces} locale={locale} caption={t('provincesCaption')} />
    </>
  );
}
