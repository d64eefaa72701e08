import 'server-only';
/**
 * SEO for /{locale}/reports/{id}: generateMetadata and the JSON-LD (Dataset with CSV and JSON distributions +
 * BreadcrumbList). The report page re-exports `generateReportMetadata` as `generateMetadata` and renders
 * <ReportJsonLd />.
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { getReportDetail, type ReportDetail } from '@/db/queries/reports';
import { withDb } from '@/lib/db-errors';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { isoTimestamp } from '@/lib/api/time';
import { summarizeReport, type SummaryFigures } from '@/lib/seo/describe';
import { breadcrumbList, dataset } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';
import { absoluteUrl, isLocale, localeUrl } from '@/lib/seo/urls';
import { agencyCrumbs, loadAgencyProfile, regionFullName } from './agency';

/** Report ids are positive integers; anything else is no report. */
export function parseReportId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

/** Portal A's report, shared per request by the page, its metadata and its JSON-LD; synthetic reports are hidden. */
export const loadReportDetail = cache(async (raw: string) => {
  const id = parseReportId(raw);
  const r = id === null ? null : await withDb(() => getReportDetail(id));
  return r && (!r.synthetic || env().includeSynthetic) ? r : null; // bench:web shows synthetic ones
});

const total = (r: ReportDetail, row: string): number | null => r.applications[row]?.total ?? null;

export function reportFigures(r: ReportDetail): SummaryFigures & Record<string, number | null> {
  const denied = Object.entries(r.applications)
    .filter(([k]) => k.startsWith('denied'))
    .map(([, v]) => v.total);
  return {
    newReceived: total(r, 'newReceived'),
    carriedOver: total(r, 'carriedOver'),
    granted: total(r, 'granted'),
    partiallyGranted: total(r, 'partiallyGranted'),
    denied: denied.length && denied.every((v) => v !== null) ? denied.reduce<number>((s, v) => s + (v ?? 0), 0) : null,
    totalHandled: total(r, 'totalHandled'),
    carriedForward: total(r, 'carriedForward'),
    reconsiderationTotal: r.reviews.reconsideration?.total ?? null,
    litigationTotal:
      r.reviews.litigationDirect?.total != null && r.reviews.litigationAfterReconsideration?.total != null
        ? r.reviews.litigationDirect.total + r.reviews.litigationAfterReconsideration.total
        : null,
  };
}

export async function generateReportMetadata({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const r = await loadReportDetail(id);
  if (!r) return {};
  const [t, common] = await Promise.all([
    getTranslations({ locale, namespace: 'seo' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return pageMetadata({
    locale,
    path: `/reports/${r.id}`,
    title: t('report.title', { name: r.agency.name, year: String(r.year) }),
    description: summarizeReport(t, r.agency.name, r.year, reportFigures(r)),
    siteName: common('siteName'),
    type: 'article',
  });
}

export async function ReportJsonLd({ locale, id }: { locale: string; id: string }) {
  if (!isLocale(locale)) return null;
  const r = await loadReportDetail(id);
  if (!r) return null;
  const [t, common, agency] = await Promise.all([
    getTranslations({ locale, namespace: 'seo' }),
    getTranslations({ locale, namespace: 'common' }),
    loadAgencyProfile(r.agency.slug),
  ]);
  const figures = reportFigures(r);
  const url = localeUrl(locale as Locale, `/reports/${r.id}`);
  const data = dataset({
    name: t('report.datasetName', { name: r.agency.name, year: String(r.year) }),
    description: summarizeReport(t, r.agency.name, r.year, figures),
    url,
    inLanguage: locale === 'zh' ? 'zh-CN' : 'en',
    year: r.year,
    agency: { name: r.agency.name, url: localeUrl(locale, `/agencies/${r.agency.slug}`) },
    regionName: r.regionName ?? regionFullName(r.regionPath),
    publisher: { name: common('siteName'), url: localeUrl(locale, '') },
    datePublished: r.publishedOn,
    dateModified: isoTimestamp(r.ingestedAt),
    figures: Object.entries(figures).map(([name, value]) => ({ name, description: t(`figures.${name}`), value })),
    csvUrl: absoluteUrl(`/api/v1/reports/${r.id}?format=csv`),
    jsonUrl: absoluteUrl(`/api/v1/reports/${r.id}`),
  });
  const crumbs = agency ? await agencyCrumbs(locale, agency) : [];
  crumbs.push({ name: t('crumb.report', { year: String(r.year) }), url });
  return <JsonLdScript data={[data, breadcrumbList(crumbs)]} />;
}
