import 'server-only';
/**
 * SEO for /{locale}/regions/{code}: generateMetadata and BreadcrumbList JSON-LD.
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { getRegionDetail } from '@/db/queries/api-regions';
import { breadcrumbList } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';
import { isLocale, localeUrl } from '@/lib/seo/urls';

const loadRegion = cache(async (code: string) => (/^\d{2,12}$/.test(code) ? getRegionDetail(code) : null));

export async function generateRegionMetadata({
  params,
}: {
  params: Promise<{ locale: string; code: string }>;
}): Promise<Metadata> {
  const { locale, code } = await params;
  if (!isLocale(locale)) return {};
  const g = await loadRegion(code);
  if (!g) return {};
  const [t, common] = await Promise.all([
    getTranslations({ locale, namespace: 'seo' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return pageMetadata({
    locale,
    path: `/regions/${g.code}`,
    title: t('region.title', { name: g.name }),
    description: t('region.description', { fullName: g.fullName, agencies: g.agencyCount, reports: g.reportCount }),
    siteName: common('siteName'),
  });
}

export async function RegionJsonLd({ locale, code }: { locale: string; code: string }) {
  if (!isLocale(locale)) return null;
  const g = await loadRegion(code);
  if (!g) return null;
  const t = await getTranslations({ locale, namespace: 'seo' });
  const crumbs = [
    { name: t('crumb.home'), url: localeUrl(locale, '') },
    { name: t('crumb.regions'), url: localeUrl(locale, '/regions') },
    ...g.path.map((r) => ({ name: r.name, url: localeUrl(locale, `/regions/${r.code}`) })),
  ];
  return <JsonLdScript data={breadcrumbList(crumbs)} />;
}
