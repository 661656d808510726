import type { RandomSource } from './random-source.js';

const STIRLING_COEFFICIENTS = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
] as const;

/**
 * Natural logarithm of the gamma function for x > 0, by the Stirling series with upward
 * recurrence below 7 (the `loggam` routine of NumPy's random module).
 *
 * @example logGamma(5) // ≈ Math.log(24)
 */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x <= 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const inverseSquare = 1 / (x0 * x0);
  let series = 0;
  for (let k = STIRLING_COEFFICIENTS.length - 1; k >= 0; k -= 1) {
    series = series * inverseSquare + (STIRLING_COEFFICIENTS[k] ?? 0);
  }
  let result = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k += 1) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

/**
 * Draws from a Poisson distribution with mean `mean`: Knuth's multiplication method below 10,
 * Hörmann's transformed rejection (PTRS, 1993) above, as NumPy does.
 *
 * @throws {RangeError} when the mean is negative or not finite.
 * @example poisson(createRandomSource(1), 0) // 0
 */
export function poisson(random: RandomSource, mean: number): number {
  if (!Number.isFinite(mean) || mean < 0) throw new RangeError(`Poisson mean must be ≥ 0, got ${mean}`);
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = random.next();
    while (product > limit) {
      count += 1;
      product *= random.next();
    }
    return count;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const acceptBound = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptBound) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const left = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
    if (left <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/**
 * Draws from a log-normal distribution given its median and the standard deviation of its log.
 *
 * @example logNormal(random, 70, 0.6) // a positive amount whose median over many draws is ≈ 70
 */
export function logNormal(random: RandomSource, median: number, logSpread: number): number {
  return median * Math.exp(logSpread * random.nextNormal());
}

/** Running totals of `weights`, for {@link pickWeighted}. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

/**
 * Picks an index with probability proportional to its weight, given running totals from
 * {@link cumulativeWeights}; binary search, so large tables stay cheap.
 */
export function pickWeighted(random: RandomSource, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = random.next() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}
