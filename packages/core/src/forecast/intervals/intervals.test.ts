import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtestIntervals, randomWalkIntervals } from './backtest-intervals.js';
import { normalQuantile } from './normal-quantile.js';

describe('normalQuantile', () => {
  it('matches R qnorm', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281551565544601, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });
});

describe('backtestIntervals', () => {
  it('uses the split-conformal rank ⌈(n + 1)·L⌉ of the pooled absolute errors', () => {
    const errors = [[1, -2], [-1, 3], [0.5, 1]]; // pooled |e|: 0.5, 1, 1, 1, 2, 3 (n = 6)
    const [median, high] = backtestIntervals([10, 20], errors, [50, 85]);
    expect(median!.upper).toEqual([11, 21]); // rank ⌈3.5⌉ = 4 → 1
    expect(median!.lower).toEqual([9, 19]);
    expect(high!.upper).toEqual([13, 23]); // rank ⌈5.95⌉ = 6 → 3, the largest
  });

  it('widens with the horizon and contains the point forecast at every level', () => {
    const errorRows = fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(errorRows, fc.double({ min: 1, max: 99, noNaN: true }), (errors, level) => {
        const mean = Array.from({ length: 12 }, (_, h) => 50 + h);
        const [interval] = backtestIntervals(mean, errors, [level]);
        mean.forEach((value, h) => {
          expect(interval!.lower[h]).toBeLessThanOrEqual(value);
          expect(interval!.upper[h]).toBeGreaterThanOrEqual(value);
          // The widths never shrink; reading them back as upper − mean rounds (to an ulp of the upper
          // bound, about 1e-14 here), so equal widths may come back a hair apart (fast-check found one).
          if (h > 0) expect(interval!.upper[h]! - value).toBeGreaterThanOrEqual(interval!.upper[h - 1]! - mean[h - 1]! - 1e-12);
        });
      }),
    );
  });
});

describe('randomWalkIntervals', () => {
  it('grows as z·σ·√h', () => {
    const [interval] = randomWalkIntervals([5, 5], [1, -1, null], [95]);
    expect(interval!.upper[0]).toBeCloseTo(5 + 1.959963984540054, 12);
    expect(interval!.upper[1]).toBeCloseTo(5 + 1.959963984540054 * Math.SQRT2, 12);
  });
});
