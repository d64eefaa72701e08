import 'server-only';
/**
 * SEO for the pages without an entity (home, regions index, ranking, compare, search, methodology): canonical,
 * hreflang, Open Graph and a BreadcrumbList. The title is the page's own heading, passed by the page.
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { breadcrumbList } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';
import { isLocale, localeUrl } from '@/lib/seo/urls';

/** Metadata for the home page (path '') or a section: title/description default to the site's own. */
export async function sectionMetadata(
  locale: string,
  path: string,
  title?: string,
  description?: string,
): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  const [t, common] = await Promise.all([
    getTranslations({ locale, namespace: 'seo' }),
    getTranslations({ locale, namespace: 'common' }),
  ]);
  return pageMetadata({
    locale,
    path,
    title: title ?? t('home.title'),
    description: description ?? t('home.description'),
    siteName: common('siteName'),
    absoluteTitle: title === undefined,
  });
}

/** Home › the section (or just Home on the home page). */
export async function SectionJsonLd({ locale, path, title }: { locale: string; path: string; title?: string }) {
  if (!isLocale(locale)) return null;
  const t = await getTranslations({ locale, namespace: 'seo' });
  const crumbs = [{ name: t('crumb.home'), url: localeUrl(locale, '') }];
  if (path && title) crumbs.push({ name: title, url: localeUrl(locale, path) });
  return <JsonLdScript data={breadcrumbList(crumbs)} />;
}
