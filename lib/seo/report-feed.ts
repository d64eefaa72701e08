/**
 * The Atom feed of newly ingested reports, from plain rows: titles and summaries in the feed's language.
 */
import type { Locale } from '@/lib/i18n/routing';
import { atomXml, tagUri } from './atom';
import { summarizeReport, type SummaryFigures, type Translate } from './describe';
import { localeUrl } from './urls';

export interface FeedRow extends SummaryFigures {
  reportId: number;
  year: number;
  revision: number;
  ingestedAt: string;
  publishedOn: string | null;
  agencyName: string;
  regionName: string | null;
}

export interface ReportFeedInput {
  locale: Locale;
  t: Translate;
  /** Feed id suffix: `reports` or `regions/350602`. */
  key: string;
  title: string;
  selfUrl: string;
  /** The page the feed mirrors (locale-less path). */
  alternatePath: string;
  siteName: string;
  rows: readonly FeedRow[];
}

export function reportFeedXml(f: ReportFeedInput): string {
  return atomXml({
    id: tagUri(`feed/${f.key}`),
    title: f.title,
    updated: f.rows[0]?.ingestedAt ?? '1970-01-01T00:00:00Z',
    selfUrl: f.selfUrl,
    alternateUrl: localeUrl(f.locale, f.alternatePath),
    lang: f.locale === 'zh' ? 'zh-CN' : 'en',
    author: f.siteName,
    entries: f.rows.map((r) => ({
      id: tagUri(`report/${r.reportId}`),
      title:
        f.t('feed.entryTitle', { name: r.agencyName, year: String(r.year) }) +
        (r.revision > 1 ? f.t('feed.revision', { revision: r.revision }) : ''),
      updated: r.ingestedAt,
      // The signing date has no time: noon in China keeps it on the same calendar day everywhere near.
      published: r.publishedOn ? `${r.publishedOn}T12:00:00+08:00` : null,
      link: localeUrl(f.locale, `/reports/${r.reportId}`),
      author: r.agencyName,
      summary: summarizeReport(f.t, r.agencyName, r.year, r),
    })),
  });
}
