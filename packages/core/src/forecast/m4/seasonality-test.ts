import { autocorrelation, defaultAcfLags } from './autocorrelation.js';

/** Options of {@link m4SeasonalityTest}. */
export interface SeasonalityTestOptions {
  /** One-sided critical value; M4 uses 1.645 (a 90% two-sided band). Default 1.645. */
  criticalValue?: number;
  /**
   * `false` (default) computes R's default number of acf lags, floor(10·log10(n)), and calls the
   * series non-seasonal when the season is beyond them, exactly as M4 did. `true` computes the acf
   * up to the season itself, which long seasons (168 hours in a week) need.
   */
  extendLags?: boolean;
}

/**
 * The M4 benchmarks' seasonality test: seasonal when n ≥ 3m and |r_m| > 1.645/√n·√(1 + 2·Σ_{k<m} r_k²)
 * (Bartlett's band). Source: `SeasonalityTest` in "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * const hourly = Array.from({ length: 240 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 24));
 * m4SeasonalityTest(hourly, 24); // true
 * m4SeasonalityTest(hourly.slice(0, 60), 24); // false: fewer than three seasons
 * ```
 */
export function m4SeasonalityTest(values: ArrayLike<number>, seasonLength: number, options: SeasonalityTestOptions = {}): boolean {
  const n = values.length;
  if (seasonLength <= 1 || n < 3 * seasonLength) return false;
  const maxLag = options.extendLags ? Math.max(seasonLength, defaultAcfLags(n)) : defaultAcfLags(n);
  if (seasonLength > maxLag || seasonLength > n - 1) return false;
  const acf = autocorrelation(values, seasonLength);
  let sumSquares = 0;
  for (let k = 0; k < seasonLength - 1; k += 1) sumSquares += acf[k]! ** 2;
  const limit = ((options.criticalValue ?? 1.645) / Math.sqrt(n)) * Math.sqrt(1 + 2 * sumSquares);
  return Math.abs(acf[seasonLength - 1]!) > limit;
}
