import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../../testing/thrown-code.js';
import { mstl, stl, type MstlOptions } from './index.js';

const referenceDir = fileURLToPath(new URL('../../../../../reference/stl/', import.meta.url));

function readRows(name: string): string[][] {
  const lines = readFileSync(referenceDir + name, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => line.split(','));
}

describe('mstl against R forecast::mstl (reference/stl, Victoria electricity demand)', () => {
  const y = readRows('mstl_elec_vic.csv').map((row) => Number(row[1]));
  const expected = readRows('mstl_r_elec_vic_results.csv').map((row) => row.map(Number));

  it('matches trend, both seasonal components and remainder', () => {
    expect(y).toHaveLength(3600);
    expect(expected).toHaveLength(3600);
    // reference/stl/SOURCE.md: periods 24 and 168, default windows (11, 15), iterate 2, no Box-Cox.
    const result = mstl(y, {
      periods: [24, 168],
      stl: {
        seasonalDegree: 0,
        seasonalJump: 1,
        trendJump: 1,
        trendDegree: 1,
        lowPassJump: 1,
        lowPassDegree: 1,
        innerIterations: 2,
        outerIterations: 0,
      },
    });
    expect(result.periods).toEqual([24, 168]);
    expect(result.parameters.map((p) => p.seasonalWindow)).toEqual([11, 15]);
    const columns = [result.trend, result.seasonals[0]!, result.seasonals[1]!, result.remainder];
    const scale = Math.max(...y.map(Math.abs));
    const diffs = columns.map((column, c) => {
      let maxAbs = 0;
      let maxRel = 0;
      for (let i = 0; i < y.length; i++) {
        const want = expected[i]![c + 1]!;
        const diff = Math.abs(column[i]! - want);
        maxAbs = Math.max(maxAbs, diff);
        maxRel = Math.max(maxRel, diff / Math.abs(want));
      }
      return { maxAbs, maxRel };
    });
    // Achieved: 4.9e-11 absolute on the trend, 5e-12 on the other columns (data up to 16 052), i.e.
    // at most 5e-15 relative to each R value, which R printed to 15 significant digits.
    for (const { maxAbs, maxRel } of diffs) {
      expect(maxAbs).toBeLessThan(1e-9);
      expect(maxAbs / scale).toBeLessThan(1e-13);
      expect(maxRel).toBeLessThan(1e-12);
    }
  });
});

describe('mstl options', () => {
  const n = 400;
  const y = Array.from({ length: n }, (_, t) => 50 + 0.05 * t + 3 * Math.sin((2 * Math.PI * t) / 7) + Math.cos((2 * Math.PI * t) / 30) + ((t * 7919) % 13) / 13);

  it('sorts periods ascending with their windows, defaulting windows to 7 + 4i', () => {
    const result = mstl(y, { periods: [30, 7] });
    expect(result.periods).toEqual([7, 30]);
    expect(result.parameters.map((p) => p.seasonalWindow)).toEqual([11, 15]);
    const given = mstl(y, { periods: [30, 7], windows: [21, 'periodic'] });
    expect(given.parameters.map((p) => [p.period, p.seasonalWindow, p.periodic])).toEqual([
      [7, 10 * n + 1, true],
      [30, 21, false],
    ]);
  });

  it('drops periods of half the length or more, as R does', () => {
    const result = mstl(y, { periods: [7, 200, 30, 365] });
    expect(result.periods).toEqual([7, 30]);
    expect(result.seasonals).toHaveLength(2);
    expect(mstl(y.slice(0, 60), { periods: [7, 30] }).periods).toEqual([7]);
  });

  it('with one period is STL with that period', () => {
    const result = mstl(y, { periods: [7], iterate: 3, stl: { robust: true } });
    const single = stl(y, { period: 7, seasonalWindow: 11, robust: true });
    expect(result.trend).toEqual(single.trend);
    expect(result.seasonals[0]).toEqual(single.seasonal);
    expect(result.remainder).toEqual(single.remainder);
  });

  it('decomposes the Box-Cox transformed series when lambda is given', () => {
    for (const lambda of [0, 0.5, -0.3]) {
      const result = mstl(y, { periods: [7, 30], lambda });
      expect(result.lambda).toBe(lambda);
      for (let t = 0; t < n; t++) {
        const transformed = lambda === 0 ? Math.log(y[t]!) : (y[t]! ** lambda - 1) / lambda;
        const sum = result.trend[t]! + result.seasonals[0]![t]! + result.seasonals[1]![t]! + result.remainder[t]!;
        expect(sum).toBeCloseTo(transformed, 10);
      }
    }
    expect(mstl(y, { periods: [7], lambda: null }).lambda).toBeNull();
  });

  it('rejects series it cannot decompose with INVALID_SERIES', () => {
    expect(thrownCode(() => mstl(y.slice(0, 14), { periods: [7, 30] }))).toBe('INVALID_SERIES');
    expect(() => mstl(y.slice(0, 14), { periods: [30, 7] })).toThrow(/more than two full cycles.*14 values.*shortest period is 7/);
    expect(thrownCode(() => mstl([...y.slice(0, 50), Number.NaN, ...y.slice(51)], { periods: [7] }))).toBe('INVALID_SERIES');
    const withZero = [...y];
    withZero[3] = 0;
    expect(thrownCode(() => mstl(withZero, { periods: [7], lambda: 0 }))).toBe('INVALID_SERIES');
    withZero[3] = -1;
    expect(thrownCode(() => mstl(withZero, { periods: [7], lambda: -0.5 }))).toBe('INVALID_SERIES');
  });

  const bad: Record<string, Partial<MstlOptions> | Record<string, unknown>> = {
    'no periods': { periods: [] },
    'periods not an array': { periods: 7 },
    'period 1': { periods: [1, 7] },
    'period 7.5': { periods: [7.5] },
    'duplicate periods': { periods: [7, 7] },
    'one window for two periods': { periods: [7, 30], windows: [11] },
    'window 2': { periods: [7], windows: [2] },
    'iterate 0': { periods: [7], iterate: 0 },
    'iterate 1.5': { periods: [7], iterate: 1.5 },
    'lambda NaN': { periods: [7], lambda: Number.NaN },
    'stl jump 0': { periods: [7], stl: { trendJump: 0 } },
  };
  for (const [name, options] of Object.entries(bad)) {
    it(`rejects ${name} with INVALID_PARAMETER`, () => {
      expect(thrownCode(() => mstl(y, options as MstlOptions))).toBe('INVALID_PARAMETER');
    });
  }
});
