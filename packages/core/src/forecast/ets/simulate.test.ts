import { describe, expect, it } from 'vitest';

import { quantileType8, simulateEtsPaths } from './simulate.js';
import { seededRandom } from '../../random/seeded-random.js';

describe('quantileType8', () => {
  it("matches R's quantile(1:10, c(0.1, 0.5, 0.9), type = 8)", () => {
    const sorted = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileType8(sorted, 0.1)).toBeCloseTo(1.366667, 6);
    expect(quantileType8(sorted, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileType8(sorted, 0.9)).toBeCloseTo(9.633333, 6);
    expect(quantileType8(sorted, 0.001)).toBe(1);
    expect(quantileType8(sorted, 0.999)).toBe(10);
  });
});

describe('simulateEtsPaths', () => {
  it('gives ANN paths whose h-step variance is σ²(1 + (h − 1)α²)', () => {
    const paths = simulateEtsPaths({
      state: [50],
      components: { error: 'A', trend: 'N', season: 'N', damped: false },
      m: 1,
      alpha: 0.5,
      beta: 0,
      gamma: 0,
      phi: 1,
      sigma2: 4,
      horizon: 3,
      paths: 20_000,
      random: seededRandom(5),
    });
    for (let h = 1; h <= 3; h += 1) {
      const draws = paths.map((path) => path[h - 1] as number);
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
      expect(Math.abs(mean - 50)).toBeLessThan(0.1);
      expect(Math.abs(variance / (4 * (1 + (h - 1) * 0.25)) - 1)).toBeLessThan(0.04);
    }
  });
});
