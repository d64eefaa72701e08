/**
 * Sitemaps (sitemaps.org 0.9): an index at /sitemap.xml naming the parts, each part at most 50,000 URLs. Every
 * page is listed once per locale, each with xhtml:link hreflang alternates to the others.
 */
import { routing } from '@/lib/i18n/routing';
import { hreflangAlternates, localeUrl } from './urls';
import { xmlEscape } from './xml';

/** The protocol's limit per file. */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Entities per part: each gives one URL per locale. */
export const ENTITIES_PER_PART = Math.floor(MAX_URLS_PER_SITEMAP / routing.locales.length);

export type PartKind = 'agencies' | 'reports' | 'regions';
export const PART_KINDS: readonly PartKind[] = ['agencies', 'reports', 'regions'];

/** Locale-less page paths that are not entities. */
export const STATIC_PATHS = ['', '/regions', '/ranking', '/compare', '/search', '/methodology'] as const;

/**
 * `pages.xml`, then `agencies-1.xml` … for as many parts as the counts need. A kind without entries gets no part:
 * the protocol's schema requires at least one <url> in a <urlset>.
 */
export function planParts(counts: Record<PartKind, number>, perPart = ENTITIES_PER_PART): string[] {
  const names = ['pages.xml'];
  for (const kind of PART_KINDS) {
    const parts = Math.ceil(counts[kind] / perPart);
    for (let i = 1; i <= parts; i += 1) names.push(`${kind}-${i}.xml`);
  }
  return names;
}

/** `agencies-2.xml` → { kind: 'agencies', index: 2 }; null for anything else. */
export function parsePartName(name: string): { kind: PartKind | 'pages'; index: number } | null {
  if (name === 'pages.xml') return { kind: 'pages', index: 1 };
  const m = /^(agencies|reports|regions)-([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? { kind: m[1] as PartKind, index: Number(m[2]) } : null;
}

export const PATH_OF: Record<PartKind, (key: string) => string> = {
  agencies: (slug) => `/agencies/${slug}`,
  reports: (id) => `/reports/${id}`,
  regions: (code) => `/regions/${code}`,
};

export interface SitemapUrl {
  /** Locale-less path */
  path: string;
  lastmod: string | null;
}

/** A <urlset>: each path once per locale, with hreflang alternates (zh, en, x-default). */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const u of urls) {
    const alternates = Object.entries(hreflangAlternates(u.path))
      .map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${xmlEscape(href)}"/>`)
      .join('');
    for (const locale of routing.locales) {
      const lastmod = u.lastmod ? `<lastmod>${xmlEscape(u.lastmod)}</lastmod>` : '';
      out.push(`<url><loc>${xmlEscape(localeUrl(locale, u.path))}</loc>${lastmod}${alternates}</url>`);
    }
  }
  out.push('</urlset>', '');
  return out.join('\n');
}

/** The <sitemapindex> naming every part. */
export function sitemapIndexXml(parts: readonly { loc: string; lastmod: string | null }[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(
      (p) =>
        `<sitemap><loc>${xmlEscape(p.loc)}</loc>${p.lastmod ? `<lastmod>${xmlEscape(p.lastmod)}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ];
  return out.join('\n');
}
