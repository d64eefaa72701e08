/**
 * Rankings over the fixture (tests/db/queries-ranking-fixture.ts), on PGlite and on a PostgreSQL server: regions at
 * a level within a parent sum their agencies and everything below them, rates carry their counts and a Wilson
 * interval, groups under the minimum sample are listed after the others, and synthetic reports never count.
 */
import { describe, expect, it, vi } from 'vitest';
import { rankAgencies, rankRegions } from '@/db/queries/rankings';
import { wilsonInterval } from '@/lib/metrics';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '@/lib/ranking-params';
import { dbTargets } from '../helpers/db-targets';
import { useFixtureDb } from './queries-ranking-fixture';

vi.mock('server-only', () => ({}));

const params = (p: Partial<RankingParams>): RankingParams => ({ ...DEFAULT_RANKING_PARAMS, year: 2022, ...p });

describe.each(dbTargets())('rankings on $kind', (target) => {
  const fixtureDb = useFixtureDb(target);

  it('ranks the counties of 泉州市 by disclosure rate, towns summed into their county, synthetic left out', async () => {
    const r = await rankRegions(params({ level: 'county', parent: '3505' }), { db: fixtureDb(), includeSynthetic: false });
    expect(r.rows.map((x) => [x.key, x.num, x.den])).toEqual([
      ['350502', 49, 62], // 鲤城区 40/50 + 开元街道 9/12; the synthetic 0/1000 is not there
      ['350503', 10, 20],
    ]);
    expect(r.rows[0]!.rank).toBe(1);
    expect(r.rows[0]!.value).toBeCloseTo(49 / 62, 10);
    const w = wilsonInterval(49, 62);
    expect(r.rows[0]!.interval?.low).toBeCloseTo(w!.low, 6);
    expect(r.rows[0]!.interval?.high).toBeCloseTo(w!.high, 6);
  });

  it('lists groups below the minimum sample after the others, unranked', async () => {
    const r = await rankRegions(params({ level: 'county', parent: '35', min: 10 }), { db: fixtureDb(), includeSynthetic: false });
    // 思明区 5/5 is the highest rate but below the minimum of 10: last, no rank
    const last = r.rows.at(-1)!;
    expect(last.key).toBe('350203');
    expect(last.sufficient).toBe(false);
    expect(last.rank).toBeNull();
    expect(r.sufficientTotal).toBe(r.rows.length - 1);
  });

  it('ranks provinces, and agencies by ascending name when asked', async () => {
    const provinces = await rankRegions(params({}), { db: fixtureDb(), includeSynthetic: false });
    expect(provinces.rows.map((x) => [x.key, x.num, x.den])).toEqual([
      ['35', 64, 87], // 40 + 9 + 10 + 5 of 50 + 12 + 20 + 5: 73.6%
      ['32', 60, 100],
    ]);
    const agencies = await rankAgencies(params({ kind: 'agencies', sort: 'name', dir: 'asc' }), { db: fixtureDb(), includeSynthetic: false });
    expect(agencies.rows).toHaveLength(5);
    expect(agencies.rows.every((x) => x.slug && !x.name.includes('合成'))).toBe(true);
    // The region's full name is looked up for the rows of the page (after the limit), from the gazetteer.
    const names = Object.fromEntries(agencies.rows.map((x) => [x.name, x.regionName]));
    expect(names['开元街道办事处']).toBe('福建省泉州市鲤城区开元街道');
    expect(names['鲤城区人民政府']).toBe('福建省泉州市鲤城区');
    const second = await rankAgencies(params({ kind: 'agencies', sort: 'name', dir: 'asc', size: 2, page: 2 }), { db: fixtureDb(), includeSynthetic: false });
    expect(second.rows.map((x) => [x.name, x.regionName])).toEqual(agencies.rows.slice(2, 4).map((x) => [x.name, x.regionName]));
  });

  it('includes synthetic reports only when asked (benchmarks)', async () => {
    const r = await rankRegions(params({ level: 'county', parent: '3505' }), { db: fixtureDb(), includeSynthetic: true });
    expect(r.rows.find((x) => x.key === '350502')).toMatchObject({ num: 49, den: 1062 });
  });
});
