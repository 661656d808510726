import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { esdCriticalValue, hybridGeneralizedEsd } from './generalized-esd.js';
import { robustZScoreOutliers } from './robust-z-score.js';

describe('modified z-score (Iglewicz & Hoaglin)', () => {
  it('worked example: median 12, MAD 1, the 95 scores 0.6745·83 = 55.98', () => {
    const result = robustZScoreOutliers([10, 12, 11, 13, 12, 95, 11]);
    expect(result).toMatchObject({ median: 12, mad: 1, status: 'ok' });
    expect(result.outliers).toHaveLength(1);
    expect(result.outliers[0]?.index).toBe(5);
    expect(result.outliers[0]?.score).toBeCloseTo(0.6745 * 83, 12);
  });

  it('a constant majority gives MAD 0: no outliers, status mad-zero, no NaN or Infinity', () => {
    const result = robustZScoreOutliers([5, 5, 5, 5, 9, null, 5]);
    expect(result).toMatchObject({ status: 'mad-zero', mad: 0, outliers: [], n: 6 });
  });

  it('flags an injected huge spike, whatever the background (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.nat(),
        (background, at) => {
          const values = [...background];
          const position = at % values.length;
          const spread = Math.max(...background) - Math.min(...background);
          values[position] = Math.max(...background) + 1e6 * (spread + 1);
          const result = robustZScoreOutliers(values);
          // With a MAD of 0 nothing can be scored; otherwise the spike must be flagged.
          if (result.status === 'ok') expect(result.outliers.map((outlier) => outlier.index)).toContain(position);
        },
      ),
    );
  });

  it('rejects fewer than 3 values with a code', () => {
    expect(() => robustZScoreOutliers([1, null, 2])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
  });
});

describe("Rosner's generalized ESD (median/MAD)", () => {
  it('finds one gross outlier and nothing in clean data', () => {
    expect(hybridGeneralizedEsd([1, 2, 1, 3, 2, 40, 2, 1, 2, 3], { maxOutliers: 2 }).outliers).toEqual([5]);
    expect(hybridGeneralizedEsd([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { maxOutliers: 3 }).outliers).toEqual([]);
  });

  it("critical values match Rosner's (1983) table: n = 20, alpha 0.05, lambda_1 = 2.71", () => {
    // Rosner's Table 2 lists 2.71 for n = 20, i = 1 (alpha 0.05, two-sided).
    expect(esdCriticalValue(20, 1, 0.05, true)).toBeCloseTo(2.71, 2);
  });

  it('direction pos ignores a drop; neg finds it', () => {
    const series = [5, 6, 5, 7, 6, 5, -60, 6, 5, 7, 6, 5];
    expect(hybridGeneralizedEsd(series, { maxOutliers: 2, direction: 'pos' }).outliers).toEqual([]);
    expect(hybridGeneralizedEsd(series, { maxOutliers: 2, direction: 'neg' }).outliers).toEqual([6]);
  });
});
