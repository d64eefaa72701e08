import 'server-only';
/**
 * The share cards of agency and report pages: the latest (or the report's) figures through lib/seo/share-card.
 */
import { getTranslations } from 'next-intl/server';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/routing';
import { disclosureRate } from '@/lib/metrics';
import { shareCardResponse } from '@/lib/seo/share-card';
import { isLocale } from '@/lib/seo/urls';
import { loadAgencyProfile, regionFullName } from './agency';
import { loadReportDetail, reportFigures } from './report';

interface CardFigures {
  newReceived: number | null;
  granted: number | null;
  partiallyGranted: number | null;
  totalHandled: number | null;
}

async function card(locale: Locale, title: string, subtitle: string | null, year: number | null, f: CardFigures | null) {
  const t = await getTranslations({ locale, namespace: 'seo' });
  const count = (v: number | null) => (v === null ? '—' : `${formatNumber(v, locale, 0)}${t('card.unit')}`);
  return shareCardResponse({
    title,
    subtitle,
    yearLabel: year === null ? t('card.noData') : t('card.yearLabel', { year: String(year) }),
    figures: f
      ? [
          { label: t('card.received'), value: count(f.newReceived) },
          { label: t('card.granted'), value: count(f.granted) },
          { label: t('card.disclosureRate'), value: formatPercent(disclosureRate(f).value, locale) },
        ]
      : [],
    footer: t('card.footer'),
  });
}

export async function agencyShareCard(params: Promise<{ locale: string; slug: string }>) {
  const { locale, slug } = await params;
  const a = isLocale(locale) ? await loadAgencyProfile(slug) : null;
  if (!a || !isLocale(locale)) return new Response('not found', { status: 404 });
  const latest = a.years.at(-1) ?? null;
  return card(locale, a.name, regionFullName(a.regionPath), latest?.year ?? null, latest);
}

export async function reportShareCard(params: Promise<{ locale: string; id: string }>) {
  const { locale, id } = await params;
  const r = isLocale(locale) ? await loadReportDetail(id) : null;
  if (!r || !isLocale(locale)) return new Response('not found', { status: 404 });
  return card(locale, r.agency.name, r.regionName ?? regionFullName(r.regionPath), r.year, reportFigures(r));
}
