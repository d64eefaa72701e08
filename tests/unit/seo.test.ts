/**
 * lib/seo: the one-sentence summaries in both languages (from the real message files), JSON-LD escaping,
 * canonical and hreflang URLs, sitemap planning and XML, and Atom escaping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { atomXml } from '@/lib/seo/atom';
import { summarizeReport, type Translate } from '@/lib/seo/describe';
import { breadcrumbList, dataset, serializeJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import {
  ENTITIES_PER_PART,
  MAX_URLS_PER_SITEMAP,
  parsePartName,
  planParts,
  sitemapIndexXml,
  urlsetXml,
} from '@/lib/seo/sitemap';
import { hreflangAlternates, localeUrl } from '@/lib/seo/urls';
import { env } from '@/lib/env';

function seoT(locale: 'zh' | 'en'): Translate {
  const messages = { seo: JSON.parse(fs.readFileSync(path.resolve('messages', locale, 'seo.json'), 'utf8')) };
  return createTranslator({ locale, messages, namespace: 'seo' }) as unknown as Translate;
}

// 芗城区人民政府 2023 (../shared/seeds/004): 80 received, 36 granted, 3 in part, 80 handled.
const XIANGCHENG = { newReceived: 80, granted: 36, partiallyGranted: 3, totalHandled: 80 };

describe('summarizeReport', () => {
  it('says the key figures in Chinese', () => {
    expect(summarizeReport(seoT('zh'), '芗城区人民政府', 2023, XIANGCHENG)).toBe(
      '2023年，芗城区人民政府收到政府信息公开申请80件，予以公开36件，部分公开3件，共办理80件。',
    );
  });

  it('says the key figures in English, with plurals and the year ungrouped', () => {
    expect(summarizeReport(seoT('en'), '芗城区人民政府', 2023, XIANGCHENG)).toBe(
      'In 2023, 芗城区人民政府 received 80 requests for government information, granted 36 in full, granted 3 in part and handled 80 in all.',
    );
    expect(summarizeReport(seoT('en'), 'X', 2021, { newReceived: 1, granted: 1, partiallyGranted: 0, totalHandled: 1 })).toBe(
      'In 2021, X received 1 request for government information, granted 1 in full and handled 1 in all.',
    );
  });

  it('leaves out missing figures', () => {
    const s = summarizeReport(seoT('zh'), '淮安市人民政府', 2024, {
      newReceived: 3119,
      granted: null,
      partiallyGranted: null,
      totalHandled: null,
    });
    expect(s).toBe('2024年，淮安市人民政府收到政府信息公开申请3119件。');
    expect(summarizeReport(seoT('zh'), 'A', 2020, { newReceived: null, granted: null, partiallyGranted: null, totalHandled: null })).toMatch(
      /^2020年，A的.*未列出申请数量。$/,
    );
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element, and parses back to the same data', () => {
    const data = breadcrumbList([{ name: '</script><script>alert(1)</script> & \u2028', url: 'https://x/zh' }]);
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(data);
  });

  it('describes a report as a Dataset with CSV and JSON downloads and its figures', () => {
    const d = dataset({
      name: 'n',
      description: 'd',
      url: 'https://x/zh/reports/5',
      inLanguage: 'zh-CN',
      year: 2023,
      agency: { name: '芗城区人民政府', url: 'https://x/zh/agencies/a' },
      regionName: '福建省漳州市芗城区',
      publisher: { name: '公开年报', url: 'https://x/zh' },
      datePublished: '2024-02-06',
      dateModified: '2026-01-01T00:00:00Z',
      figures: [{ name: 'newReceived', description: '本年新收', value: 80 }],
      csvUrl: 'https://x/api/v1/reports/5?format=csv',
      jsonUrl: 'https://x/api/v1/reports/5',
    });
    expect(d['@type']).toBe('Dataset');
    expect(d.temporalCoverage).toBe('2023-01-01/2023-12-31');
    expect(d.distribution).toEqual([
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'https://x/api/v1/reports/5?format=csv' },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: 'https://x/api/v1/reports/5' },
    ]);
    expect(d.variableMeasured).toEqual([{ '@type': 'PropertyValue', name: 'newReceived', description: '本年新收', value: 80 }]);
  });
});

const site = env().siteUrl;

describe('URLs and metadata', () => {
  it('builds hreflang alternates for zh, en and x-default (Chinese)', () => {
    expect(hreflangAlternates('/agencies/a')).toEqual({
      zh: `${site}/zh/agencies/a`,
      en: `${site}/en/agencies/a`,
      'x-default': `${site}/zh/agencies/a`,
    });
    expect(localeUrl('en', '')).toBe(`${site}/en`);
  });

  it('puts canonical, alternates, Open Graph and Twitter on a page', () => {
    const m = pageMetadata({ locale: 'en', path: '/reports/5', title: 'T', description: 'D', siteName: 'S' });
    expect(m.alternates?.canonical).toBe(`${site}/en/reports/5`);
    expect(m.alternates?.languages).toMatchObject({ zh: `${site}/zh/reports/5`, 'x-default': `${site}/zh/reports/5` });
    expect(m.openGraph).toMatchObject({ url: `${site}/en/reports/5`, locale: 'en_US', alternateLocale: ['zh_CN'] });
    expect(m.twitter).toMatchObject({ card: 'summary_large_image', title: 'T', description: 'D' });
  });
});

describe('sitemaps', () => {
  it('plans parts of at most 50,000 URLs (both locales of each entity), none for a kind without entries', () => {
    expect(ENTITIES_PER_PART * 2).toBeLessThanOrEqual(MAX_URLS_PER_SITEMAP);
    expect(planParts({ agencies: 0, reports: ENTITIES_PER_PART, regions: ENTITIES_PER_PART + 1 })).toEqual([
      'pages.xml',
      'reports-1.xml',
      'regions-1.xml',
      'regions-2.xml',
    ]);
  });

  it('parses only its own part names', () => {
    expect(parsePartName('reports-12.xml')).toEqual({ kind: 'reports', index: 12 });
    expect(parsePartName('pages.xml')).toEqual({ kind: 'pages', index: 1 });
    for (const bad of ['reports-0.xml', 'users-1.xml', 'reports-1.xml.gz', '../x', 'agencies-01.xml'])
      expect(parsePartName(bad)).toBeNull();
  });

  it('lists every path once per locale with alternates, escaping the URL', () => {
    const xml = urlsetXml([{ path: '/agencies/a&b', lastmod: '2024-01-02T03:04:05Z' }]);
    expect(xml.match(/<url>/g)).toHaveLength(2);
    expect(xml).toContain(`<loc>${site}/zh/agencies/a&amp;b</loc><lastmod>2024-01-02T03:04:05Z</lastmod>`);
    expect(xml).toContain(`hreflang="en" href="${site}/en/agencies/a&amp;b"`);
    expect(xml).not.toMatch(/a&b/);
    expect(sitemapIndexXml([{ loc: 'https://x/sitemaps/pages.xml', lastmod: null }])).toContain(
      '<sitemap><loc>https://x/sitemaps/pages.xml</loc></sitemap>',
    );
  });
});

describe('Atom', () => {
  it('escapes every text and attribute', () => {
    const xml = atomXml({
      id: 'tag:x,2024:feed',
      title: 'A & B <c>',
      updated: '2024-01-01T00:00:00Z',
      selfUrl: 'https://x/f.atom?a=1&b=2',
      alternateUrl: 'https://x/',
      lang: 'zh-CN',
      author: 'x',
      entries: [{ id: 'tag:x,2024:r/1', title: '"q"', updated: '2024-01-01T00:00:00Z', link: 'https://x/r', summary: '</summary>\u0001' }],
    });
    expect(xml).toContain('<title>A &amp; B &lt;c&gt;</title>');
    expect(xml).toContain('href="https://x/f.atom?a=1&amp;b=2"');
    expect(xml).toContain('<summary type="text">&lt;/summary&gt;</summary>');
    expect(xml).toContain('<title>&quot;q&quot;</title>');
  });
});
