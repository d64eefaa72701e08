/**
 * Next `Metadata` for a page: title and description in the page's language, canonical URL on env().siteUrl,
 * hreflang alternates (zh, en, x-default), Open Graph and Twitter tags. The share image itself comes from the
 * segment's opengraph-image.tsx, which Next adds to `openGraph.images`.
 */
import type { Metadata } from 'next';
import { routing, type Locale } from '@/lib/i18n/routing';
import { alternatesFor, localeUrl, OG_LOCALE } from './urls';

export interface PageMetadataInput {
  locale: Locale;
  /** Locale-less path: '' for home, '/agencies/x', … */
  path: string;
  title: string;
  description: string;
  siteName: string;
  /** 'article' for a report page, 'website' otherwise. */
  type?: 'website' | 'article';
  /** The title is used as is, without the layout's "· site name" suffix. */
  absoluteTitle?: boolean;
}

export function pageMetadata(p: PageMetadataInput): Metadata {
  const url = localeUrl(p.locale, p.path);
  return {
    title: p.absoluteTitle ? { absolute: p.title } : p.title,
    description: p.description,
    alternates: alternatesFor(p.locale, p.path),
    openGraph: {
      type: p.type ?? 'website',
      url,
      title: p.title,
      description: p.description,
      siteName: p.siteName,
      locale: OG_LOCALE[p.locale],
      alternateLocale: routing.locales.filter((l) => l !== p.locale).map((l) => OG_LOCALE[l]),
    },
    twitter: { card: 'summary_large_image', title: p.title, description: p.description },
  };
}
