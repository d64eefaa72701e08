import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { loadAgencyProfile } from '@/app/_seo/agency';
import { isLocale, localeUrl } from '@/lib/seo/urls';
import { EmbedBars, EmbedTable } from './embed-bars';
import { buildEmbedChart, EMBED_CHARTS, type EmbedChartId } from './embed-series';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ locale: string; slug: string; chart: string }> };

const isChart = (c: string): c is EmbedChartId => (EMBED_CHARTS as readonly string[]).includes(c);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug, chart } = await params;
  const a = isLocale(locale) && isChart(chart) ? await loadAgencyProfile(slug) : null;
  if (!a || !isLocale(locale)) return {};
  const charts = await getTranslations({ locale, namespace: 'charts' });
  return {
    title: `${a.name} · ${charts(`titles.${chart}`)}`,
    // The agency page is the page to index; the embed only repeats one of its charts.
    robots: { index: false, follow: true },
    alternates: { canonical: localeUrl(locale, `/agencies/${a.slug}`) },
  };
}

/** /embed/{locale}/agencies/{slug}/{chart}: one chart of an agency, its data table and a source link. */
export default async function EmbedChartPage({ params }: Params) {
  const { locale, slug, chart } = await params;
  if (!isLocale(locale) || !isChart(chart)) notFound();
  setRequestLocale(locale);
  const a = await loadAgencyProfile(slug);
  if (!a) notFound();
  const [charts, metrics, t] = await Promise.all([getTranslations('charts'), getTranslations('metrics'), getTranslations('embed')]);
  const data = buildEmbedChart(chart, a.years, { charts, metrics, embed: t });
  const title = charts(`titles.${chart}`);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <strong>{a.name}</strong> · {title}
        <br />
        <span className="muted" style={{ fontSize: '0.85rem' }}>{charts(`descriptions.${chart}`)}</span>
      </figcaption>
      {data.rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <>
          <EmbedBars chart={data} title={`${a.name} · ${title}`} locale={locale} />
          <EmbedTable chart={data} caption={t('tableCaption', { title })} yearLabel={t('year')} locale={locale} />
        </>
      )}
      <p className="muted" style={{ fontSize: '0.8rem' }}>
        {t('source', { name: a.name })} ·{' '}
        <a href={localeUrl(locale, `/agencies/${a.slug}`)} target="_blank" rel="noopener">
          {t('viewOnSite')}
        </a>
      </p>
    </figure>
  );
}
