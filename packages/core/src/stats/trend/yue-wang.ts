import { autocorrelatedMannKendallStart } from './autocorrelated-mann-kendall.js';
import { autocorrelation } from './hamed-rao.js';
import type { MannKendallOptions, MannKendallResult } from './mann-kendall.js';
import { mannKendallVariance, mannKendallZ, twoSidedNormalDecision } from './mann-kendall-statistics.js';
import type { SeriesValue } from './series-values.js';

/** Options of {@link yueWangMannKendallTest}. */
export interface YueWangOptions extends MannKendallOptions {
  /** Autocorrelation lags considered; `undefined` (default) uses all n − 1, as pyMannKendall's `lag=None`. Yue & Wang suggest 1. */
  lag?: number;
}

/** Result of {@link yueWangMannKendallTest}. */
export interface YueWangResult extends MannKendallResult {
  lag: number;
  /** 'yue-wang-2004' (the paper's factor) or 'absolute-sum' when that factor was not positive. */
  correction: 'yue-wang-2004' | 'absolute-sum';
  /** The effective-sample-size factor n/n* that multiplied the tie-corrected Var(S). */
  correctionFactor: number;
}

/**
 * Mann-Kendall test with Yue & Wang's variance correction: Var(S) is multiplied by
 * 1 + 2 Σ (1 − i/n) ρ_i, with ρ the autocorrelation of the series detrended by Sen's slope.
 * Method: Yue & Wang (2004), Water Resources Management 18:201-218; reproduces pyMannKendall
 * `yue_wang_modification_test` (if the factor is not positive, |Σ| is used instead of returning NaN).
 *
 * @example
 * yueWangMannKendallTest(weeklyOrders, { lag: 1 }).p;
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values; INVALID_PARAMETER for a bad lag.
 */
export function yueWangMannKendallTest(values: readonly SeriesValue[], options: YueWangOptions = {}): YueWangResult {
  const { alpha, x, n, lagLimit, s, slope, intercept, detrended } = autocorrelatedMannKendallStart(values, options, 'The Yue-Wang Mann-Kendall test');
  const rho = autocorrelation(detrended, lagLimit - 1);
  let sum = 0;
  for (let i = 1; i < lagLimit; i += 1) sum += (1 - i / n) * (rho[i] as number);
  const paperFactor = 1 + 2 * sum;
  const correction = paperFactor > 0 ? 'yue-wang-2004' : 'absolute-sum';
  const correctionFactor = paperFactor > 0 ? paperFactor : 1 + 2 * Math.abs(sum);
  const varS = mannKendallVariance(x) * correctionFactor;
  const z = mannKendallZ(s, varS);
  return {
    method: 'yue-wang-mann-kendall', ...twoSidedNormalDecision(z, alpha), z, tau: s / (0.5 * n * (n - 1)), s, varS, slope, intercept, n, alpha,
    lag: lagLimit - 1, correction, correctionFactor,
  };
}
