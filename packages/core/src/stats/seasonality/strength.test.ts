import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KlensError } from '../../errors/klens-error.js';
import { mstl, seasonalStrength, stl, trendStrength } from './index.js';

const referenceDir = fileURLToPath(new URL('../../../../../reference/stl/', import.meta.url));
const co2 = readFileSync(referenceDir + 'stl_co2.csv', 'utf8').split('\n').filter((l) => l.trim() !== '').map(Number);

describe('seasonalStrength and trendStrength', () => {
  it('is max(0, 1 − Var(R)/Var(S + R))', () => {
    // R has sum of squares 0.02; S + R = [1.1, −1, 0.9, −1] has mean 0 and sum of squares 4.02.
    expect(seasonalStrength({ seasonal: [1, -1, 1, -1], remainder: [0.1, 0, -0.1, 0] })).toBeCloseTo(1 - 0.02 / 4.02, 14);
    expect(trendStrength({ trend: [0, 1, 2, 3], remainder: [1, -1, 1, -1] })).toBeCloseTo(1 - 4 / 5, 14);
  });

  it('is 0 when the component does not reduce the variance, and when S + R does not vary', () => {
    expect(seasonalStrength({ seasonal: [-1, 1, -1, 1], remainder: [1, -1, 1, -1] })).toBe(0);
    expect(seasonalStrength({ seasonal: [1, -1, 1, -1], remainder: [-1, 1, -1, 1] })).toBe(0);
    expect(seasonalStrength({ seasonal: [0.5, 0.5, 0.5], remainder: [0, 0, 0] })).toBe(0);
    expect(seasonalStrength({ seasonal: [1, -1, 1, -1], remainder: [0, 0, 0, 0] })).toBe(1);
  });

  it('gives one strength per seasonal component of an MSTL decomposition', () => {
    const decomposition = { seasonals: [[1, -1, 1, -1], [0, 0, 0, 0]], remainder: [0.1, 0, -0.1, 0] };
    const strengths = seasonalStrength(decomposition);
    expect(strengths).toHaveLength(2);
    expect(strengths[0]).toBeCloseTo(1 - 0.02 / 4.02, 14);
    expect(strengths[1]).toBe(0);
  });

  it('finds CO2 strongly trended and seasonal, and daily electricity demand more seasonal than weekly', () => {
    const co2Fit = stl(co2, { period: 12, seasonalWindow: 'periodic', robust: true });
    expect(trendStrength(co2Fit)).toBeGreaterThan(0.99);
    expect(seasonalStrength(co2Fit)).toBeGreaterThan(0.9);
    const elec = readFileSync(referenceDir + 'mstl_elec_vic.csv', 'utf8').split('\n').slice(1).filter((l) => l !== '').map((l) => Number(l.split(',')[1]));
    const [daily, weekly] = seasonalStrength(mstl(elec, { periods: [24, 168] }));
    expect(daily).toBeGreaterThan(weekly!);
    expect(daily).toBeGreaterThan(0.8);
    const noise = Array.from({ length: 240 }, (_, i) => Math.sin(i * i * 0.37) * 10);
    expect(seasonalStrength(stl(noise, { period: 12, seasonalWindow: 'periodic' }))).toBeLessThan(0.3);
  });

  it('rejects mismatched, too short or non-finite components with INVALID_SERIES', () => {
    const cases = [
      () => seasonalStrength({ seasonal: [1, 2, 3], remainder: [1, 2] }),
      () => seasonalStrength({ seasonal: [1], remainder: [1] }),
      () => trendStrength({ trend: [1, Number.NaN], remainder: [1, 2] }),
      () => seasonalStrength({ seasonals: [[1, 2], [1]], remainder: [1, 2] }),
    ];
    for (const f of cases) {
      expect(f).toThrow(KlensError);
      expect(f).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    }
  });
});
