import { autocorrelatedMannKendallStart } from './autocorrelated-mann-kendall.js';
import type { MannKendallOptions, MannKendallResult } from './mann-kendall.js';
import { mannKendallVariance, mannKendallZ, twoSidedNormalDecision } from './mann-kendall-statistics.js';
import { normalQuantile } from './normal-distribution.js';
import type { SeriesValue } from './series-values.js';

/** Options of {@link hamedRaoMannKendallTest}. */
export interface HamedRaoOptions extends MannKendallOptions {
  /**
   * Number of autocorrelation lags considered; `undefined` (default) uses all n − 1 lags, as
   * pyMannKendall's `lag=None`. Hamed & Rao suggest 3.
   */
  lag?: number;
}

/** Result of {@link hamedRaoMannKendallTest}: the Mann-Kendall fields with the corrected Var(S). */
export interface HamedRaoResult extends MannKendallResult {
  /** Largest autocorrelation lag considered (n − 1 when no lag limit was given). */
  lag: number;
  /** 'hamed-rao-1998' (the paper's factor) or 'absolute-sum' when that factor was not positive. */
  correction: 'hamed-rao-1998' | 'absolute-sum';
  /** The factor n/n* that multiplied the tie-corrected Var(S). */
  correctionFactor: number;
}

/** Ranks 1..n with ties given their average rank (scipy `rankdata`, method 'average'). */
export function averageRanks(x: readonly number[]): number[] {
  const order = x.map((_, index) => index).sort((a, b) => (x[a] as number) - (x[b] as number));
  const ranks: number[] = new Array<number>(x.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && x[order[end + 1] as number] === x[order[start] as number]) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k] as number] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Sample autocorrelation at lags 0..maxLag, autocovariances divided by n (pyMannKendall `__acf`). */
export function autocorrelation(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  const mean = x.reduce((sum, value) => sum + value, 0) / n;
  const centred = x.map((value) => value - mean);
  const acov: number[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) {
    let sum = 0;
    for (let i = 0; i + lag < n; i += 1) sum += (centred[i] as number) * (centred[i + lag] as number);
    acov.push(sum / n);
  }
  const variance = acov[0] as number;
  return variance !== 0 ? acov.map((value) => value / variance) : acov;
}

/**
 * Mann-Kendall test with Hamed & Rao's variance correction for autocorrelation: the series is
 * detrended with Sen's slope, ranked, and Var(S) is multiplied by 1 + 2/(n(n−1)(n−2)) · Σ (n−i)(n−i−1)(n−i−2) ρ_i
 * over the lags i whose rank autocorrelation ρ_i lies outside ±Φ⁻¹(1 − α/2)/√n (|Σ| if that factor is ≤ 0).
 * Method: Hamed & Rao (1998), J. Hydrology 204:182-196; reproduces the published pyMannKendall
 * `hamed_rao_modification_test` values (pyMannKendall's code after its issue #29 always takes |Σ|, which can only widen Var(S)).
 *
 * @example
 * hamedRaoMannKendallTest(dailyOrders, { lag: 3 }).p;
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values; INVALID_PARAMETER for a bad lag.
 */
export function hamedRaoMannKendallTest(values: readonly SeriesValue[], options: HamedRaoOptions = {}): HamedRaoResult {
  // pyMannKendall: lag None → n, else lag + 1; lags 1..lag−1 are summed (acf stops at lag n − 1).
  const { alpha, x, n, lagLimit, s, slope, intercept, detrended } = autocorrelatedMannKendallStart(values, options, 'The Hamed-Rao Mann-Kendall test');
  const ranks = averageRanks(detrended);
  const rho = autocorrelation(ranks, lagLimit - 1);
  const bound = normalQuantile(1 - alpha / 2) / Math.sqrt(n);
  let sum = 0;
  for (let i = 1; i < lagLimit; i += 1) {
    const r = rho[i] as number;
    if (r > bound || r < -bound) sum += (n - i) * (n - i - 1) * (n - i - 2) * r;
  }
  // Hamed & Rao's n/n*: the published pyMannKendall values use it as in the paper; a strongly
  // negative sum makes it ≤ 0 (a negative variance, pyMannKendall issue #29), and only then do we
  // fall back to pyMannKendall's later fix, the absolute value of the sum.
  const scale = 2 / (n * (n - 1) * (n - 2));
  const paperFactor = 1 + scale * sum;
  const correction = paperFactor > 0 ? 'hamed-rao-1998' : 'absolute-sum';
  const correctionFactor = paperFactor > 0 ? paperFactor : 1 + scale * Math.abs(sum);
  const varS = mannKendallVariance(x) * correctionFactor;
  const z = mannKendallZ(s, varS);
  return {
    method: 'hamed-rao-mann-kendall', ...twoSidedNormalDecision(z, alpha), z, tau: s / (0.5 * n * (n - 1)), s, varS, slope, intercept, n, alpha,
    lag: lagLimit - 1, correction, correctionFactor,
  };
}
