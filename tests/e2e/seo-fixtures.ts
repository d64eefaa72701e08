/**
 * Shared look-ups for the SEO, sitemap, share-card, embed, feed and API browser tests: the seed agency
 * 芗城区人民政府 (../shared/seeds/004, in data/samples) and its 2023 report, found through the API.
 */
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
