import { describe, expect, it } from 'vitest';
import { cumulativeWeights, logGamma, logNormal, pickWeighted, poisson } from './distributions.js';
import { createRandomSource } from './random-source.js';

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('logGamma', () => {
  it('matches log((n-1)!) and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Python's math.lgamma: lgamma(3.7) = 1.4280723266653883, lgamma(100.5) = 361.4355404677776,
    // lgamma(10000.25) = 82102.0200721603.
    expect(logGamma(3.7)).toBeCloseTo(1.4280723266653883, 12);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 9);
    expect(logGamma(10_000.25)).toBeCloseTo(82102.0200721603, 7);
  });
});

describe('poisson', () => {
  it.each([0.5, 4, 15, 120, 900])('has mean and variance equal to λ = %s', (lambda) => {
    const random = createRandomSource(42, 'poisson', lambda);
    const draws = Array.from({ length: 20_000 }, () => poisson(random, lambda));
    const { mean, variance } = meanAndVariance(draws);
    expect(draws.every((draw) => Number.isInteger(draw) && draw >= 0)).toBe(true);
    // Standard error of the mean is √(λ/n); allow five of them.
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / draws.length));
    expect(variance / lambda).toBeGreaterThan(0.93);
    expect(variance / lambda).toBeLessThan(1.07);
  });

  it('rejects a negative mean', () => {
    expect(() => poisson(createRandomSource(1), -1)).toThrow(RangeError);
  });
});

describe('logNormal and pickWeighted', () => {
  it('draws log-normal amounts around the median', () => {
    const random = createRandomSource(7, 'log-normal');
    const draws = Array.from({ length: 10_001 }, () => logNormal(random, 70, 0.55)).sort((a, b) => a - b);
    expect(draws[5000]).toBeGreaterThan(67);
    expect(draws[5000]).toBeLessThan(73);
  });

  it('picks indexes in proportion to their weights', () => {
    const random = createRandomSource(7, 'weighted');
    const counts = [0, 0, 0];
    const cumulative = cumulativeWeights([1, 0, 3]);
    for (let i = 0; i < 8000; i += 1) counts[pickWeighted(random, cumulative)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
  });
});
