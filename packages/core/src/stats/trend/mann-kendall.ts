import { mannKendallScore, mannKendallVariance, mannKendallZ, twoSidedNormalDecision, type TrendDirection } from './mann-kendall-statistics.js';
import { sensSlope } from './sens-slope.js';
import { assertAlpha, assertEnoughValues, assertFiniteOrMissing, presentValues, type SeriesValue } from './series-values.js';

/** Result of a Mann-Kendall-family test, with pyMannKendall's fields (camel-cased) and what was run. */
export interface MannKendallResult {
  /** Which test produced it. */
  method:
    | 'mann-kendall'
    | 'seasonal-mann-kendall'
    | 'hamed-rao-mann-kendall'
    | 'yue-wang-mann-kendall'
    | 'pre-whitening-mann-kendall'
    | 'trend-free-pre-whitening-mann-kendall';
  /** 'increasing' / 'decreasing' when h, else 'no trend'. */
  trend: TrendDirection;
  /** True when the two-sided test rejects "no trend" at level alpha. */
  h: boolean;
  /** Two-sided normal p-value, 2(1 − Φ(|z|)). */
  p: number;
  /** Standardised score with the continuity correction. */
  z: number;
  /** Kendall's tau: S / (n(n−1)/2) (summed over seasons for the seasonal test). */
  tau: number;
  /** Mann-Kendall score S. */
  s: number;
  /** Var(S) with the tie correction (and the autocorrelation correction for Hamed-Rao). */
  varS: number;
  /** Sen's slope per step (per cycle for the seasonal test). */
  slope: number;
  /** Intercept of the Kendall-Theil line. */
  intercept: number;
  /** Number of present (non-missing) values used. */
  n: number;
  /** Significance level used. */
  alpha: number;
}

/** Options shared by the Mann-Kendall tests. */
export interface MannKendallOptions {
  /** Significance level of the two-sided test. Default 0.05. */
  alpha?: number;
}

/**
 * Mann-Kendall trend test. Missing values (null/NaN) are dropped and the rest treated as
 * consecutive; Sen's slope keeps their original positions. Var(S) has the tie correction, z the
 * continuity correction, p is two-sided normal.
 * Method: Mann (1945), Kendall (1975), Gilbert (1987); reproduces pyMannKendall 1.4 `original_test`.
 *
 * @example
 * mannKendallTest([1, 2, 3, 5, 4, 6, 7, 8, 9, 10]).trend; // 'increasing'
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values or an infinite value.
 */
export function mannKendallTest(values: readonly SeriesValue[], options: MannKendallOptions = {}): MannKendallResult {
  const alpha = options.alpha ?? 0.05;
  assertAlpha(alpha);
  assertFiniteOrMissing(values, 'The Mann-Kendall test');
  const x = presentValues(values);
  const n = x.length;
  assertEnoughValues(n, 3, 'The Mann-Kendall test');
  const s = mannKendallScore(x);
  const varS = mannKendallVariance(x);
  const z = mannKendallZ(s, varS);
  const { slope, intercept } = sensSlope(values);
  return { method: 'mann-kendall', ...twoSidedNormalDecision(z, alpha), z, tau: s / (0.5 * n * (n - 1)), s, varS, slope, intercept, n, alpha };
}
