/**
 * Atom feeds of newly ingested reports: well-formed XML in the Atom namespace with the elements RFC 4287 requires,
 * entries newest first with the figures, per-region filtering, and 404 for unknown regions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText, newPage, type TrackedPage } from '../helpers/e2e';
import { parseXmlInBrowser, SEED, seedAgency } from './seo-fixtures';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

interface Entry {
  id: string | null;
  title: string | null;
  updated: string | null;
  link: string | null;
  summary: string | null;
}

describe('Atom feeds', () => {
  let tracked: TrackedPage;
  beforeAll(async () => {
    tracked = await newPage();
  });
  afterAll(async () => {
    await tracked?.close();
  });

  async function read(xml: string) {
    return tracked.page.evaluate(
      ([t, ns]) => {
        const doc = new DOMParser().parseFromString(t, 'application/xml');
        const child = (el: Element, name: string) =>
          Array.from(el.children).find((c) => c.namespaceURI === ns && c.localName === name) ?? null;
        const feed = doc.documentElement;
        const entries = Array.from(feed.children).filter((c) => c.localName === 'entry');
        return {
          id: child(feed, 'id')?.textContent ?? null,
          title: child(feed, 'title')?.textContent ?? null,
          updated: child(feed, 'updated')?.textContent ?? null,
          self: Array.from(feed.children).find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
          author: child(feed, 'author') !== null,
          entries: entries.map((e) => ({
            id: child(e, 'id')?.textContent ?? null,
            title: child(e, 'title')?.textContent ?? null,
            updated: child(e, 'updated')?.textContent ?? null,
            link: child(e, 'link')?.getAttribute('href') ?? null,
            summary: child(e, 'summary')?.textContent ?? null,
          })),
        };
      },
      [xml, ATOM] as const,
    );
  }

  it('/feeds/reports.atom is valid Atom with the newest reports', async () => {
    const res = await fetchText('/feeds/reports.atom');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/atom\+xml/);
    expect(await parseXmlInBrowser(tracked.page, res.text)).toEqual({ ok: true, root: 'feed', ns: ATOM });
    const feed = await read(res.text);
    expect(feed.id).toMatch(/^tag:/);
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.self).toMatch(/\/feeds\/reports\.atom$/);
    expect(feed.author).toBe(true); // required when entries have none; we give both
    expect(feed.entries.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const e of feed.entries as Entry[]) {
      expect(e.id).toMatch(/^tag:gongkai,2024:report\/\d+$/);
      expect(ids.has(e.id!)).toBe(false);
      ids.add(e.id!);
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(RFC3339);
      expect(e.link).toMatch(/\/zh\/reports\/\d+$/);
    }
    const updated = feed.entries.map((e: Entry) => e.updated!);
    expect([...updated].sort().reverse()).toEqual(updated);
    const seed = await seedAgency();
    const mine = feed.entries.find((e: Entry) => e.id === `tag:gongkai,2024:report/${seed.reportId}`);
    expect(mine?.summary).toBe(`2023年，${SEED.name}收到政府信息公开申请80件，予以公开36件，部分公开3件，共办理80件。`);
  });

  it('per region: only that region’s reports; English with ?locale=en; 404 for unknown codes', async () => {
    const res = await fetchText('/feeds/regions/3506.atom?locale=en');
    expect(res.status).toBe(200);
    const feed = await read(res.text);
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]?.summary).toMatch(/^In 2023, 芗城区人民政府 received 80 requests/);
    expect(feed.entries[0]?.link).toMatch(/\/en\/reports\/\d+$/);
    expect((await fetchText('/feeds/regions/99.atom')).status).toBe(404);
    expect((await fetchText('/feeds/regions/35x.atom')).status).toBe(404);
  });
});
