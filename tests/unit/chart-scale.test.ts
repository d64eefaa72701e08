import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, maxValue, niceCeil, niceTicks, stackValues } from '../../lib/chart-scale';

describe('chart scales', () => {
  it('rounds up to nice numbers', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(23)).toBe(25);
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(45112)).toBe(50000);
  });
  it('gives integer ticks from 0 covering the maximum', () => {
    expect(niceTicks(50)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1, 4, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('ticks always start at 0, ascend evenly and cover the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (max) => {
        const t = niceTicks(max);
        const step = (t[1] ?? 0) - (t[0] ?? 0);
        return (
          t[0] === 0 &&
          (t.at(-1) ?? -1) >= max &&
          t.length <= 12 &&
          t.every((v, i) => i === 0 || Math.abs(v - (t[i - 1] ?? 0) - step) < 1e-6)
        );
      }),
    );
  });
  it('maps linearly, including inverted ranges for SVG y', () => {
    const y = linearScale(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(linearScale(5, 5, 1, 9)(5)).toBe(1);
  });
  it('stacks in series order and skips blanks', () => {
    expect(stackValues(['a', 'b', 'c'], { a: 2, b: null, c: 3 })).toEqual([
      { key: 'a', value: 2, y0: 0, y1: 2 },
      { key: 'c', value: 3, y0: 2, y1: 5 },
    ]);
    expect(maxValue(['a', 'b'], [{ a: 1, b: 2 }, { a: 4, b: null }], true)).toBe(4);
    expect(maxValue(['a', 'b'], [{ a: 1, b: 2 }, { a: 4, b: 5 }], true)).toBe(9);
    expect(maxValue(['a', 'b'], [{ a: 1, b: 2 }, { a: 4, b: 5 }], false)).toBe(5);
  });
});
