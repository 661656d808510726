import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hamedRaoMannKendallTest } from './hamed-rao.js';
import { linearTrend } from './linear-trend.js';
import { mannKendallTest } from './mann-kendall.js';
import { seasonalSensSlope, sensSlope } from './sens-slope.js';

// Integers keep the arithmetic exact, so invariances hold to the last bit rather than approximately.
const integerSeries = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 60 });
const shift = fc.integer({ min: -1_000_000, max: 1_000_000 });

describe('trend invariants (fast-check)', () => {
  it("Sen's slope and the Mann-Kendall test do not change when a constant is added", () => {
    fc.assert(
      fc.property(integerSeries, shift, (values, c) => {
        const shifted = values.map((value) => value + c);
        expect(sensSlope(shifted).slope).toBe(sensSlope(values).slope);
        const before = mannKendallTest(values);
        const after = mannKendallTest(shifted);
        expect([after.s, after.varS, after.p, after.trend]).toEqual([before.s, before.varS, before.p, before.trend]);
        // Not asserted for Hamed-Rao: its detrended values x − t·slope round differently after a
        // shift, which can create or break exact ties in the ranks (so also in pyMannKendall).
      }),
    );
  });

  it('the slope of a + b·t is b (Sen, seasonal Sen per cycle, least squares)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 3, max: 80 }), (a, b, n) => {
        const line = Array.from({ length: n }, (_, t) => a + b * t);
        expect(sensSlope(line)).toEqual({ slope: b, intercept: a });
        expect(linearTrend(line).slope).toBeCloseTo(b, 9);
        expect(linearTrend(line).intercept).toBeCloseTo(a, 7);
        if (n >= 8) expect(seasonalSensSlope(line, 4).slope).toBe(4 * b);
      }),
    );
  });

  it('p-values lie in [0, 1], Tau in [−1, 1], and the least-squares interval contains its slope', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 50 }), (values) => {
        const mk = mannKendallTest(values);
        expect(mk.p).toBeGreaterThanOrEqual(0);
        expect(mk.p).toBeLessThanOrEqual(1);
        expect(Math.abs(mk.tau)).toBeLessThanOrEqual(1);
        const hr = hamedRaoMannKendallTest(values);
        expect(Number.isFinite(hr.varS) && hr.p >= 0 && hr.p <= 1).toBe(true);
        const ols = linearTrend(values);
        expect(ols.slopeInterval.lower).toBeLessThanOrEqual(ols.slope);
        expect(ols.slopeInterval.upper).toBeGreaterThanOrEqual(ols.slope);
        expect(ols.pValue >= 0 && ols.pValue <= 1).toBe(true);
      }),
    );
  });
});
