/**
 * Shared look-ups for the SEO, sitemap, share-card, embed, feed and API browser tests: the seed agency
 * 芗城区人民政府 (../shared/seeds/004, in data/samples) and its 2023 report, found through the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fetchJson } from '../helpers/e2e';

export const SEED = { name: '芗城区人民政府', regionCode: '350602', year: 2023, newReceived: 80, granted: 36 } as const;

export interface SeedAgency {
  slug: string;
  reportId: number;
}

let cached: Promise<SeedAgency> | undefined;

export function seedAgency(): Promise<SeedAgency> {
  cached ??= (async () => {
    const list = await fetchJson<{ items: { slug: string; name: string; figures: { reportId: number; year: number } | null }[] }>(
      `/api/v1/agencies?q=${encodeURIComponent('芗城')}`,
    );
    const a = list.body.items.find((i) => i.name === SEED.name);
    if (!a?.figures) throw new Error(`seed agency ${SEED.name} is not in the test data`);
    return { slug: a.slug, reportId: a.figures.reportId };
  })();
  return cached;
}

export interface ParsedXml {
  ok: boolean;
  root: string;
  ns: string | null;
}

/** Parses XML with the browser's own XML parser; returns the root element's name and namespace. */
export async function parseXmlInBrowser(page: Page, text: string): Promise<ParsedXml> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    const bad = doc.getElementsByTagName('parsererror').length > 0;
    return { ok: !bad, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI };
  }, text);
}

/**
 * Whether a page file exists and carries this project's SEO hook (generateMetadata + JSON-LD from app/_seo). The
 * agency and report pages belong to another part of the site; until they exist with the hook, the tests that read
 * their metadata are skipped rather than failing on someone else's missing page.
 */
export function pageHasSeoHook(pageFile: string, marker: string): boolean {
  const file = path.join(process.cwd(), 'app', '[locale]', pageFile);
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(marker);
}

export const AGENCY_PAGE_READY = pageHasSeoHook(path.join('agencies', '[slug]', 'page.tsx'), 'AgencyJsonLd');
export const REPORT_PAGE_READY = pageHasSeoHook(path.join('reports', '[id]', 'page.tsx'), 'ReportJsonLd');
/** The page exists at all (its figures can be compared with the API's). */
export const REPORT_PAGE_EXISTS = fs.existsSync(path.join(process.cwd(), 'app', '[locale]', 'reports', '[id]', 'page.tsx'));
export const AGENCY_PAGE_EXISTS = fs.existsSync(path.join(process.cwd(), 'app', '[locale]', 'agencies', '[slug]', 'page.tsx'));
