/** The ranking's URL state: defaults, bad values replaced and named, coherent parent/level, short shareable links. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_PARAMS, parseRankingParams, rankingQuery } from '@/lib/ranking-params';

describe('parseRankingParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseRankingParams({})).toEqual({ params: DEFAULT_RANKING_PARAMS, notices: [] });
  });

  it('replaces bad values by their defaults and names them, never throwing', () => {
    const { params, notices } = parseRankingParams({ metric: 'nonsense', year: 'abc', min: '-3', page: '0' });
    expect(params.metric).toBe(DEFAULT_RANKING_PARAMS.metric);
    expect(params.year).toBeNull();
    expect(params.min).toBe(DEFAULT_RANKING_PARAMS.min);
    expect(params.page).toBe(DEFAULT_RANKING_PARAMS.page);
    expect(new Set(notices)).toEqual(new Set(['metric', 'year', 'min', 'page']));
  });

  it('ranks the level below a parent (cities within a province), not above it', () => {
    const { params } = parseRankingParams({ level: 'province', parent: '35' });
    expect(params.level).toBe('city');
    expect(parseRankingParams({ level: 'county', parent: '3505' }).params).toMatchObject({ level: 'county', parent: '3505' });
  });

  it('takes the natural direction of a sort column when none is given', () => {
    expect(parseRankingParams({ sort: 'name' }).params.dir).toBe('asc');
    expect(parseRankingParams({ sort: 'value' }).params.dir).toBe('desc');
  });

  it('round-trips through a short link that keeps only what differs from the defaults', () => {
    const { params } = parseRankingParams({ kind: 'agencies', metric: 'backlog', year: '2023', sort: 'name' });
    const q = rankingQuery(params);
    expect(q).not.toHaveProperty('level');
    expect(parseRankingParams(q).params).toEqual(params);
    expect(rankingQuery(DEFAULT_RANKING_PARAMS)).toEqual({});
  });
});
