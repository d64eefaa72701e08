/**
 * Search over the ranking fixture stored through the real ingest: names, pinyin and initials with exact matches
 * first, report text with literal wildcards, and synthetic data left out.
 */
import { describe, expect, it, vi } from 'vitest';
import { escapeLike, normalizeQuery, search, searchAgencies, searchRegions, searchReportText } from '@/db/queries/search';
import { dbTargets } from '../helpers/db-targets';
import { useFixtureDb } from './queries-ranking-fixture';

vi.mock('server-only', () => ({}));

describe('search helpers', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
  it('normalizes whitespace, arrays and length', () => {
    expect(normalizeQuery('  鲤城   区 ')).toBe('鲤城 区');
    expect(normalizeQuery(['lcq', 'x'])).toBe('lcq');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery('x'.repeat(500))).toHaveLength(100);
  });
});

describe.each(dbTargets())('search queries on $kind', (target) => {
  const fixtureDb = useFixtureDb(target);

  it('finds an agency by Chinese characters, pinyin and initials', async () => {
    for (const q of ['鲤城', 'licheng', 'LiCheng', 'lcq']) {
      const hits = await searchAgencies(q, 30, fixtureDb());
      expect(hits[0]?.name, q).toBe('鲤城区人民政府');
    }
    expect((await searchAgencies('鲤城区人民政府', 30, fixtureDb()))[0]).toMatchObject({ name: '鲤城区人民政府', match: 'exact' });
  });

  it('never returns synthetic agencies or reports', async () => {
    const names = (await searchAgencies('鲤城', 30, fixtureDb())).map((a) => a.name);
    expect(names).not.toContain('鲤城区合成测试局');
    const text = await searchReportText('征地拆迁', 20, fixtureDb());
    expect(text.map((r) => r.agencyName)).toEqual(['鲤城区人民政府']);
  });

  it('orders regions exact before prefix before contains', async () => {
    const hits = await searchRegions('鲤城区', 30, fixtureDb());
    expect(hits[0]).toMatchObject({ code: '350502', match: 'exact' });
    expect(hits[0]!.reports).toBeGreaterThan(0);
    const order = hits.map((h) => ['exact', 'prefix', 'contains'].indexOf(h.match));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // initials: 鲤城区 is one of several lcq districts, but the one with reports comes first
    expect((await searchRegions('lcq', 30, fixtureDb()))[0]?.code).toBe('350502');
  });

  it('matches report text literally and returns the line and the match', async () => {
    const [hit] = await searchReportText('征地拆迁', 20, fixtureDb());
    expect(hit).toMatchObject({ agencyName: '鲤城区人民政府', year: 2022, match: '征地拆迁', line: 2 });
    expect(hit!.before + hit!.match + hit!.after).toContain('涉及征地拆迁补偿');
    expect(await searchReportText('%%', 20, fixtureDb())).toEqual([]);
    expect(await searchReportText('__', 20, fixtureDb())).toEqual([]);
    expect(await searchAgencies('%', 30, fixtureDb())).toEqual([]);
  });

  it('groups everything for the page and skips text search for one character', async () => {
    const r = await search('鲤', fixtureDb());
    expect(r.textSearched).toBe(false);
    expect(r.reports).toEqual([]);
    expect(r.agencies.length).toBeGreaterThan(0);
    expect((await search('', fixtureDb())).agencies).toEqual([]);
  });
});
