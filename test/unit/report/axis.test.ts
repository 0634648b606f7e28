// Monthly chart axes: whole, distinct, evenly spaced labels reaching at least the maximum.
import { describe, expect, it } from 'vitest';
import { countAxis } from '../../../shared/report/axis.ts';

describe('countAxis', () => {
  it('gives five distinct whole-number ticks from 0 up to at least the maximum, for every maximum to 100,000', () => {
    for (let max = 0; max <= 100_000; max += max < 200 ? 1 : 97) {
      const { top, ticks } = countAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks).toHaveLength(5);
      expect(new Set(ticks).size).toBe(5);
      expect(ticks.every((t) => Number.isInteger(t))).toBe(true);
      expect(ticks[4]).toBe(top);
      // No more than about twice the room the bars need.
      if (max >= 4) expect(top).toBeLessThanOrEqual(max * 2.5);
    }
  });

  it('rounds to readable steps', () => {
    expect(countAxis(3).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(countAxis(100).ticks).toEqual([0, 25, 50, 75, 100]);
    expect(countAxis(55_000).ticks).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
  });
});
