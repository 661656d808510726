import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mstl, seasonalStrength, stl, trendStrength, type StlOptions } from './index.js';

// Irregular noise of size about 10 that no trend or seasonal pattern can absorb. Without it a seed
// of length 1 gives an exactly linear-plus-periodic series whose residuals are pure rounding error;
// robustness weights computed from such residuals are noise, in R as here, so no shift or scale
// property can hold for them.
function noise(i: number): number {
  const x = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 20;
}

// Random series and STL settings. Values are moderate doubles; the series spans 2 to 6 periods.
const stlCase = fc
  .record({
    period: fc.integer({ min: 2, max: 13 }),
    cycles: fc.integer({ min: 2, max: 6 }),
    extra: fc.integer({ min: 0, max: 11 }),
    seasonalWindow: fc.oneof(fc.constant('periodic' as const), fc.integer({ min: 3, max: 41 })),
    seasonalDegree: fc.constantFrom(0 as const, 1 as const),
    trendDegree: fc.constantFrom(0 as const, 1 as const),
    robust: fc.boolean(),
    innerIterations: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
  })
  .map(({ period, cycles, extra, seed, ...rest }) => {
    const n = period * cycles + (extra % period);
    const values = Array.from({ length: n }, (_, i) => seed[i % seed.length]! + (i % period) * 3 - i * 0.5 + noise(i));
    const options: StlOptions = { period, ...rest };
    return { values, options };
  });

/**
 * Without robustness iterations STL is a chain of linear smoothers, so shifts and scalings carry
 * through up to rounding. With them, the bisquare weight of a residual drops from about 4e-6 to 0
 * at 0.999 × 6·median|residual| (the Fortran's cutoff), and in a sparse loess window a single point
 * of weight 4e-6 still sets the slope of the local line: a rounding-size change can flip that
 * and move the fit by far more than rounding. Robust STL is equivariant in exact arithmetic, and
 * that is what the power-of-two tests check, bit for bit.
 */
function linear<T extends { options: StlOptions }>(c: T): T {
  return { ...c, options: { ...c.options, robust: false, outerIterations: 0 } };
}
const linearStlCase = stlCase.map(linear);

function scaleOf(values: readonly number[]): number {
  return Math.max(1, ...values.map(Math.abs));
}

describe('stl properties', () => {
  it('trend + seasonal + remainder adds up to the series', () => {
    fc.assert(
      fc.property(stlCase, ({ values, options }) => {
        const { trend, seasonal, remainder } = stl(values, options);
        const tolerance = 1e-9 * scaleOf(values);
        for (let i = 0; i < values.length; i++) {
          expect(Math.abs(trend[i]! + seasonal[i]! + remainder[i]! - values[i]!)).toBeLessThanOrEqual(tolerance);
        }
      }),
    );
  });

  it('without robustness, adding a constant adds it to the trend and leaves seasonal and remainder unchanged', () => {
    fc.assert(
      fc.property(linearStlCase, fc.double({ min: -1e4, max: 1e4, noNaN: true }), ({ values, options }, c) => {
        const base = stl(values, options);
        const shifted = stl(
          values.map((v) => v + c),
          options,
        );
        const tolerance = 1e-9 * (scaleOf(values) + Math.abs(c));
        for (let i = 0; i < values.length; i++) {
          expect(Math.abs(shifted.trend[i]! - (base.trend[i]! + c))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(shifted.seasonal[i]! - base.seasonal[i]!)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(shifted.remainder[i]! - base.remainder[i]!)).toBeLessThanOrEqual(tolerance);
        }
      }),
    );
  });

  it('without robustness, scaling by a (even negative) scales every component by a', () => {
    fc.assert(
      fc.property(
        linearStlCase,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.boolean(),
        ({ values, options }, magnitude, negative) => {
          const a = negative ? -magnitude : magnitude;
          const base = stl(values, options);
          const scaled = stl(
            values.map((v) => a * v),
            options,
          );
          const tolerance = 1e-9 * Math.abs(a) * scaleOf(values);
          for (let i = 0; i < values.length; i++) {
            expect(Math.abs(scaled.trend[i]! - a * base.trend[i]!)).toBeLessThanOrEqual(tolerance);
            expect(Math.abs(scaled.seasonal[i]! - a * base.seasonal[i]!)).toBeLessThanOrEqual(tolerance);
          }
        },
      ),
    );
  });

  it('with or without robustness, scaling by ±2^k scales every component exactly and keeps the weights', () => {
    fc.assert(
      fc.property(stlCase, fc.integer({ min: -20, max: 20 }), fc.boolean(), ({ values, options }, k, negative) => {
        const a = (negative ? -1 : 1) * 2 ** k;
        const base = stl(values, options);
        const scaled = stl(
          values.map((v) => a * v),
          options,
        );
        expect(scaled.trend).toEqual(base.trend.map((v) => a * v));
        expect(scaled.seasonal).toEqual(base.seasonal.map((v) => a * v));
        expect(scaled.weights).toEqual(base.weights);
      }),
    );
  });

  it('reproduces a series that is exactly periodic plus a constant', () => {
    fc.assert(
      fc.property(stlCase, fc.double({ min: -100, max: 100, noNaN: true }), ({ values, options }, level) => {
        const pattern = values.slice(0, options.period);
        const mean = pattern.reduce((s, v) => s + v, 0) / pattern.length;
        const series = values.map((_, i) => level + pattern[i % options.period]! - mean);
        const { trend, seasonal } = stl(series, options);
        const tolerance = 1e-8 * scaleOf(series);
        for (let i = 0; i < series.length; i++) {
          expect(Math.abs(trend[i]! + seasonal[i]! - series[i]!)).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 50 },
    );
  });
});

const mstlCase = fc
  .record({
    shortPeriod: fc.integer({ min: 2, max: 8 }),
    factor: fc.integer({ min: 2, max: 5 }),
    cycles: fc.integer({ min: 3, max: 5 }),
    iterate: fc.integer({ min: 1, max: 3 }),
    robust: fc.boolean(),
    seed: fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 100 }),
  })
  .map(({ shortPeriod, factor, cycles, seed, iterate, robust }) => {
    const longPeriod = shortPeriod * factor + 1;
    const n = longPeriod * cycles;
    const values = Array.from({ length: n }, (_, i) => seed[i % seed.length]! + (i % shortPeriod) * 5 + i * 0.1 + noise(i));
    return { values, periods: [longPeriod, shortPeriod], iterate, robust };
  });

describe('mstl properties', () => {
  it('trend + seasonals + remainder adds up to the series', () => {
    fc.assert(
      fc.property(mstlCase, ({ values, periods, iterate, robust }) => {
        const result = mstl(values, { periods, iterate, stl: { robust } });
        expect(result.periods).toEqual([...periods].sort((a, b) => a - b));
        const tolerance = 1e-9 * scaleOf(values);
        for (let i = 0; i < values.length; i++) {
          const sum = result.trend[i]! + result.seasonals.reduce((s, c) => s + c[i]!, 0) + result.remainder[i]!;
          expect(Math.abs(sum - values[i]!)).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('without robustness, adding a constant adds it to the trend only; scaling scales every component', () => {
    fc.assert(
      fc.property(
        mstlCase,
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }).filter((a) => Math.abs(a) > 1e-3),
        ({ values, periods, iterate }, c, a) => {
          const options = { periods, iterate };
          const base = mstl(values, options);
          const shifted = mstl(
            values.map((v) => v + c),
            options,
          );
          const scaled = mstl(
            values.map((v) => a * v),
            options,
          );
          const shiftTolerance = 1e-9 * (scaleOf(values) + Math.abs(c));
          const scaleTolerance = 1e-9 * Math.abs(a) * scaleOf(values);
          for (let i = 0; i < values.length; i++) {
            expect(Math.abs(shifted.trend[i]! - (base.trend[i]! + c))).toBeLessThanOrEqual(shiftTolerance);
            expect(Math.abs(scaled.trend[i]! - a * base.trend[i]!)).toBeLessThanOrEqual(scaleTolerance);
            for (let k = 0; k < periods.length; k++) {
              expect(Math.abs(shifted.seasonals[k]![i]! - base.seasonals[k]![i]!)).toBeLessThanOrEqual(shiftTolerance);
              expect(Math.abs(scaled.seasonals[k]![i]! - a * base.seasonals[k]![i]!)).toBeLessThanOrEqual(scaleTolerance);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('mstl robust properties', () => {
  it('scaling by ±2^k scales every component exactly', () => {
    fc.assert(
      fc.property(mstlCase, fc.integer({ min: -20, max: 20 }), fc.boolean(), ({ values, periods, iterate }, k, negative) => {
        const a = (negative ? -1 : 1) * 2 ** k;
        const options = { periods, iterate, stl: { robust: true } };
        const base = mstl(values, options);
        const scaled = mstl(
          values.map((v) => a * v),
          options,
        );
        expect(scaled.trend).toEqual(base.trend.map((v) => a * v));
        expect(scaled.seasonals).toEqual(base.seasonals.map((s) => s.map((v) => a * v)));
        expect(scaled.remainder).toEqual(base.remainder.map((v) => a * v));
      }),
      { numRuns: 40 },
    );
  });
});

describe('strength properties', () => {
  it('lies in [0, 1] and does not change when the series is shifted or scaled', () => {
    fc.assert(
      fc.property(
        linearStlCase,
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        ({ values, options }, c, a) => {
          const base = stl(values, options);
          const moved = stl(
            values.map((v) => a * v + c),
            options,
          );
          for (const f of [seasonalStrength, trendStrength]) {
            const s = f(base);
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1);
            expect(Math.abs(f(moved) - s)).toBeLessThanOrEqual(1e-6);
          }
        },
      ),
    );
  });
});
