/**
 * The open-data, sitemap and feed queries on PGlite and on PostgreSQL, over the five seeds stored through the real
 * ingest, plus one synthetic report that must never show. 芗城区人民政府 2023 (seed 004): 80 received, 36 granted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAgencies, readDataVersion } from '@/db/queries/api';
import { getRegionDetail, listRegions } from '@/db/queries/api-regions';
import { listRecentReports } from '@/db/queries/feeds';
import { countSitemapEntries, getLastIngest, listSitemapEntries } from '@/db/queries/sitemap';
import { ingestParsed } from '@/lib/ingest';
import { dbTargets, openTestDb, type TestDb } from '../helpers/db-targets';
import { completeReport, loadSeeds, okResult } from './seed-reports';

vi.mock('server-only', () => ({}));

const seeds = loadSeeds();
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe.each(dbTargets())('open-data queries on $kind', (target) => {
  let t: TestDb;
  let emptyVersion: string;
  beforeAll(async () => {
    t = await openTestDb(target);
    emptyVersion = await readDataVersion(t.db);
    for (const s of seeds) await ingestParsed(t.db, { fileName: s.file, bytes: s.bytes, result: okResult(s.text, s.report) });
    const fake = completeReport({ ...seeds[0]!.report, agencyName: '合成测试局', year: 2030 });
    await ingestParsed(t.db, { fileName: 'synthetic.txt', bytes: new TextEncoder().encode('synthetic'), result: okResult('x', fake), synthetic: true });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('changes the data version when an ingest changes the data', async () => {
    const before = await readDataVersion(t.db);
    expect(before).not.toBe(emptyVersion);
    expect(await readDataVersion(t.db)).toBe(before);
    const extra = completeReport({ ...seeds[1]!.report, year: 2031 });
    await ingestParsed(t.db, { fileName: 'extra.txt', bytes: new TextEncoder().encode('extra'), result: okResult('y', extra) });
    expect(await readDataVersion(t.db)).not.toBe(before);
  });

  it('lists agencies with the latest figures, without synthetic ones', async () => {
    const all = await listAgencies({ limit: 100, offset: 0 }, t.db);
    const names = new Set(seeds.map((s) => s.report.agencyName));
    expect(all.total).toBe(names.size);
    expect(all.items.map((a) => a.name).sort()).toEqual([...names].sort());
    const x = all.items.find((a) => a.name === '芗城区人民政府');
    expect(x).toMatchObject({ regionCode: '350602', years: [2023] });
    expect(x?.figures).toMatchObject({ year: 2023, newReceived: 80, granted: 36 });
    expect(x?.figures?.ingestedAt).toMatch(ISO);
  });

  it('filters by region prefix, kind, name/pinyin, year, and pages consistently', async () => {
    const fj = await listAgencies({ region: '35', limit: 100, offset: 0 }, t.db);
    expect(fj.items.length).toBeGreaterThan(0);
    expect(fj.items.every((a) => a.regionCode?.startsWith('35'))).toBe(true);
    expect((await listAgencies({ region: '3506', limit: 100, offset: 0 }, t.db)).items.map((a) => a.name)).toEqual(['芗城区人民政府']);
    expect((await listAgencies({ q: '芗城', limit: 10, offset: 0 }, t.db)).total).toBe(1);
    expect((await listAgencies({ q: 'xiangcheng', limit: 10, offset: 0 }, t.db)).items[0]?.name).toBe('芗城区人民政府');
    expect((await listAgencies({ q: '%', limit: 10, offset: 0 }, t.db)).total).toBe(0); // LIKE wildcards are literal
    expect((await listAgencies({ q: '合成', limit: 10, offset: 0 }, t.db)).total).toBe(0); // synthetic
    const y2023 = await listAgencies({ year: 2023, limit: 100, offset: 0 }, t.db);
    expect(y2023.items.every((a) => a.figures?.year === 2023)).toBe(true);
    const gov = await listAgencies({ kind: 'government', limit: 100, offset: 0 }, t.db);
    expect(gov.items.every((a) => a.kind === 'government')).toBe(true);
    const whole = await listAgencies({ limit: 100, offset: 0 }, t.db);
    const paged = [];
    for (let offset = 0; offset < whole.total; offset += 2)
      paged.push(...(await listAgencies({ limit: 2, offset }, t.db)).items.map((a) => a.slug));
    expect(paged).toEqual(whole.items.map((a) => a.slug));
  });

  it('lists regions with counts and a path', async () => {
    const provinces = await listRegions({ limit: 100, offset: 0, withData: true }, t.db);
    expect(provinces.items.every((r) => r.level === 1 && r.agencyCount > 0)).toBe(true);
    expect(provinces.items.map((r) => r.code)).toContain('35');
    const city = await getRegionDetail('3506', t.db);
    expect(city).toMatchObject({ name: '漳州市', agencyCount: 1, reportCount: 1, latestYear: 2023 });
    expect(city?.path.map((p) => p.code)).toEqual(['35', '3506']);
    const children = await listRegions({ parent: '3506', limit: 100, offset: 0 }, t.db);
    expect(children.items.map((r) => r.code)).toContain('350602');
    expect(await getRegionDetail('999999', t.db)).toBeNull();
  });

  it('gives the sitemap every public agency, report and region with data, with ISO lastmod', async () => {
    const counts = await countSitemapEntries(t.db);
    const agencies = await listSitemapEntries('agencies', 0, 1000, t.db);
    const reports = await listSitemapEntries('reports', 0, 1000, t.db);
    const regions = await listSitemapEntries('regions', 0, 1000, t.db);
    expect(agencies).toHaveLength(counts.agencies);
    expect(reports).toHaveLength(counts.reports);
    expect(regions).toHaveLength(counts.regions);
    expect(counts.agencies).toBe((await listAgencies({ limit: 1000, offset: 0 }, t.db)).total);
    expect(counts.reports).toBe(seeds.length + 1); // + the extra non-synthetic report of the first test
    expect(regions.map((r) => r.key)).toEqual(expect.arrayContaining(['35', '3506', '350602']));
    for (const e of [...agencies, ...reports, ...regions]) expect(e.lastmod).toMatch(ISO);
    expect(await getLastIngest(t.db)).toMatch(ISO);
    // slices are disjoint and ordered
    const a1 = await listSitemapEntries('agencies', 0, 2, t.db);
    const a2 = await listSitemapEntries('agencies', 2, 2, t.db);
    expect([...a1, ...a2].map((e) => e.key)).toEqual(agencies.slice(0, 4).map((e) => e.key));
  });

  it('feeds the newest public reports first, optionally within a region', async () => {
    const all = await listRecentReports({ limit: 50 }, t.db);
    expect(all.every((e) => e.agencyName !== '合成测试局')).toBe(true);
    const times = all.map((e) => e.ingestedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const zz = await listRecentReports({ regionCode: '3506', limit: 50 }, t.db);
    expect(zz).toHaveLength(1);
    expect(zz[0]).toMatchObject({ agencyName: '芗城区人民政府', year: 2023, newReceived: 80, granted: 36 });
  });
});
