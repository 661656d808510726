import { KlensError } from '../../errors/klens-error.js';
import { mannKendallScore } from './mann-kendall-statistics.js';
import { sensSlope } from './sens-slope.js';
import { assertAlpha, assertEnoughValues, assertFiniteOrMissing, presentValues, type SeriesValue } from './series-values.js';

/** What the autocorrelation-corrected Mann-Kendall tests (Hamed-Rao, Yue-Wang) start from. */
export interface AutocorrelatedMannKendallStart {
  alpha: number;
  /** The present values, treated as consecutive. */
  x: number[];
  n: number;
  /** One past the largest lag summed (pyMannKendall: lag None → n, else lag + 1, at most n). */
  lagLimit: number;
  /** Mann-Kendall S. */
  s: number;
  slope: number;
  intercept: number;
  /** The present values detrended by Sen's slope over t = 1..n, as pyMannKendall does. */
  detrended: number[];
}

/**
 * Validates the input of a corrected Mann-Kendall test and computes the parts both corrections share:
 * S, Sen's slope, and the series detrended by it. Method: pyMannKendall's common preamble.
 *
 * @example
 * autocorrelatedMannKendallStart([1, 3, 2, 5, 4], { lag: 1 }, 'The Yue-Wang Mann-Kendall test').lagLimit; // 2
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values; INVALID_PARAMETER for a bad lag or alpha.
 */
export function autocorrelatedMannKendallStart(
  values: readonly SeriesValue[],
  options: { alpha?: number; lag?: number },
  testName: string,
): AutocorrelatedMannKendallStart {
  const alpha = options.alpha ?? 0.05;
  assertAlpha(alpha);
  assertFiniteOrMissing(values, testName);
  const x = presentValues(values);
  const n = x.length;
  assertEnoughValues(n, 3, testName);
  if (options.lag !== undefined && (!Number.isInteger(options.lag) || options.lag < 1)) {
    throw new KlensError('INVALID_PARAMETER', `lag must be a whole number of at least 1 (got ${options.lag}).`);
  }
  const lagLimit = Math.min(options.lag === undefined ? n : options.lag + 1, n);
  const { slope, intercept } = sensSlope(values);
  const detrended = x.map((value, index) => value - (index + 1) * slope);
  return { alpha, x, n, lagLimit, s: mannKendallScore(x), slope, intercept, detrended };
}
