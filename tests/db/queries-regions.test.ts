/**
 * Region queries over the ranking fixture: the path of a code, child regions with report counts, the agencies of a
 * region, and its totals by year summed over the region and below, synthetic reports left out.
 */
import { describe, expect, it, vi } from 'vitest';
import { getRegion, listChildRegions, listRegionAgencies, listRegionYears, pathCodes } from '@/db/queries/regions';
import { dbTargets } from '../helpers/db-targets';
import { useFixtureDb } from './queries-ranking-fixture';

vi.mock('server-only', () => ({}));

describe('pathCodes', () => {
  it('cuts a code into its ancestors', () => {
    expect(pathCodes('350502004')).toEqual(['35', '3505', '350502', '350502004']);
    expect(pathCodes('35')).toEqual(['35']);
  });
});

describe.each(dbTargets())('region queries on $kind', (target) => {
  const fixtureDb = useFixtureDb(target);

  it('finds a region with its path, and nothing for unknown or malformed codes', async () => {
    const town = await getRegion('350502004', fixtureDb());
    expect(town?.path.map((p) => p.code)).toEqual(['35', '3505', '350502', '350502004']);
    expect(town?.fullName).toBe('福建省泉州市鲤城区开元街道');
    expect(await getRegion('99', fixtureDb())).toBeNull();
    expect(await getRegion('3505x', fixtureDb())).toBeNull();
    expect(await getRegion('350', fixtureDb())).toBeNull();
  });

  it('counts current, non-synthetic reports of child regions and below', async () => {
    const provinces = await listChildRegions(null, fixtureDb());
    expect(provinces.find((p) => p.code === '35')).toMatchObject({ reports: 5, agencies: 4 });
    expect(provinces.find((p) => p.code === '32')).toMatchObject({ reports: 1, agencies: 1 });
    expect(provinces.find((p) => p.code === '11')).toMatchObject({ reports: 0, agencies: 0 });
    const counties = await listChildRegions('3505', fixtureDb());
    expect(counties.find((c) => c.code === '350502')).toMatchObject({ reports: 3, agencies: 2 });
    expect(counties.find((c) => c.code === '350503')).toMatchObject({ reports: 1, agencies: 1 });
  });

  it('lists the agencies placed in the region itself, without synthetic ones', async () => {
    const list = await listRegionAgencies('350502', fixtureDb());
    expect(list).toEqual([{ slug: expect.any(String), name: '鲤城区人民政府', reports: 2, latestYear: 2022 }]);
  });

  it('sums numerators and denominators over the region and below by year', async () => {
    const county = await listRegionYears('350502', fixtureDb());
    expect(county.map((y) => y.year)).toEqual([2022, 2021]);
    // 2022: 鲤城区 40 of 50 and 开元街道 9 of 12; the synthetic 0 of 1000 is left out
    expect(county[0]).toMatchObject({ reports: 2, agencies: 2 });
    expect(county[0]!.metrics.disclosure).toEqual({ num: 49, den: 62 });
    const city = await listRegionYears('3505', fixtureDb());
    expect(city[0]!.metrics.received).toEqual({ num: 82, den: null });
    expect(city[0]!.metrics.disclosure).toEqual({ num: 59, den: 82 });
    expect(await listRegionYears('350505', fixtureDb())).toEqual([]);
  });
});
