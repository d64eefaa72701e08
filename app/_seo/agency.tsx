import 'server-only';
/**
 * SEO for /{locale}/agencies/{slug}: generateMetadata and the JSON-LD (GovernmentOrganization + BreadcrumbList).
 * The agency page re-exports `generateAgencyMetadata` as `generateMetadata` and renders <AgencyJsonLd />.
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { getAgencyProfile, type AgencyProfile } from '@/db/queries/agencies';
import { withDb } from '@/lib/db-errors';
import { env } from '@/lib/env';
import { summarizeReport } from '@/lib/seo/describe';
import { breadcrumbList, governmentOrganization } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';
import { isLocale, localeUrl } from '@/lib/seo/urls';
import type { Locale } from '@/lib/i18n/routing';

/** Portal A's profile, shared per request by the page, its metadata and its JSON-LD; synthetic agencies are hidden. */
export const loadAgencyProfile = cache(async (slug: string) => {
  const a = await withDb(() => getAgencyProfile(slug));
  return a && (!a.synthetic || env().includeSynthetic) ? a : null; // bench:web shows synthetic ones
});

export const regionFullName = (path: { name: string }[]): string | null =>
  path.length ? path.map((r) => r.name).join('') : null;

async function describeAgency(locale: Locale, a: AgencyProfile): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'seo' });
  const latest = a.years.at(-1);
  if (!latest) return t('agency.noReports', { name: a.name });
  const summary = summarizeReport(t, a.name, latest.year, latest);
  return a.years.length > 1 ? `${summary}${locale === 'en' ? ' ' : ''}${t('agency.more', { years: a.years.length })}` : summary;
}

export async function generateAgencyMetadata({
  params,
}: {
  params: Promise<{ locale: string; slug: string }>;
}): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const a = await loadAgencyProfile(slug);
  if (!a) return {};
  const [t, common] = await Promise.all([
    getTranslations({ locale, namespace: 'seo' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return pageMetadata({
    locale,
    path: `/agencies/${a.slug}`,
    title: t('agency.title', { name: a.name }),
    description: await describeAgency(locale, a),
    siteName: common('siteName'),
  });
}

/** Breadcrumbs home › regions › province › … › the agency's region, shared with the report page. */
export async function agencyCrumbs(locale: Locale, a: AgencyProfile) {
  const t = await getTranslations({ locale, namespace: 'seo' });
  return [
    { name: t('crumb.home'), url: localeUrl(locale, '') },
    { name: t('crumb.regions'), url: localeUrl(locale, '/regions') },
    ...a.regionPath.map((r) => ({ name: r.name, url: localeUrl(locale, `/regions/${r.code}`) })),
    { name: a.name, url: localeUrl(locale, `/agencies/${a.slug}`) },
  ];
}

export async function AgencyJsonLd({ locale, slug }: { locale: string; slug: string }) {
  if (!isLocale(locale)) return null;
  const a = await loadAgencyProfile(slug);
  if (!a) return null;
  const t = await getTranslations({ locale, namespace: 'seo' });
  const org = governmentOrganization({
    name: a.name,
    url: localeUrl(locale, `/agencies/${a.slug}`),
    description: await describeAgency(locale, a),
    regionName: regionFullName(a.regionPath),
    regionCode: a.regionCode,
    reports: a.years.map((y) => ({
      name: t('report.title', { name: a.name, year: String(y.year) }),
      url: localeUrl(locale, `/reports/${y.reportId}`),
    })),
  });
  return <JsonLdScript data={[org, breadcrumbList(await agencyCrumbs(locale, a))]} />;
}
