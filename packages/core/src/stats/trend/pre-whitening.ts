import { autocorrelation } from './hamed-rao.js';
import type { MannKendallOptions, MannKendallResult } from './mann-kendall.js';
import { mannKendallScore, mannKendallVariance, mannKendallZ, twoSidedNormalDecision } from './mann-kendall-statistics.js';
import { sensSlope } from './sens-slope.js';
import { assertAlpha, assertEnoughValues, assertFiniteOrMissing, presentValues, type SeriesValue } from './series-values.js';

/** Mann-Kendall statistics of an already whitened series; slope and intercept stay those of the original. */
function testWhitened(
  method: MannKendallResult['method'],
  whitened: readonly number[],
  original: readonly SeriesValue[],
  alpha: number,
): MannKendallResult {
  const n = whitened.length;
  const s = mannKendallScore(whitened);
  const varS = mannKendallVariance(whitened);
  const z = mannKendallZ(s, varS);
  const { slope, intercept } = sensSlope(original);
  return { method, ...twoSidedNormalDecision(z, alpha), z, tau: s / (0.5 * n * (n - 1)), s, varS, slope, intercept, n, alpha };
}

function prepare(values: readonly SeriesValue[], what: string, alpha: number): number[] {
  assertAlpha(alpha);
  assertFiniteOrMissing(values, what);
  const x = presentValues(values);
  // One value is lost to whitening; the test then needs three.
  assertEnoughValues(x.length, 4, what);
  return x;
}

/**
 * Mann-Kendall test on the pre-whitened series x_t − r₁·x_{t−1} (r₁ the lag-1 autocorrelation),
 * which removes AR(1) serial correlation before testing; n is one less than the present values.
 * Method: Yue & Wang (2002), Water Resources Research 38(6); reproduces pyMannKendall `pre_whitening_modification_test`.
 *
 * @example
 * preWhiteningMannKendallTest(monthlyRevenue).trend;
 * @throws {KlensError} INVALID_SERIES with fewer than 4 present values.
 */
export function preWhiteningMannKendallTest(values: readonly SeriesValue[], options: MannKendallOptions = {}): MannKendallResult {
  const alpha = options.alpha ?? 0.05;
  const x = prepare(values, 'The pre-whitened Mann-Kendall test', alpha);
  const r1 = autocorrelation(x, 1)[1] as number;
  const whitened = x.slice(1).map((value, t) => value - (x[t] as number) * r1);
  return testWhitened('pre-whitening-mann-kendall', whitened, values, alpha);
}

/**
 * Trend-free pre-whitening: detrend with Sen's slope, remove the lag-1 autocorrelation of the
 * residuals, add the trend back, then run the Mann-Kendall test (n one less than the present values).
 * Method: Yue, Pilon, Phinney & Cavadias (2002), Hydrological Processes 16:1807-1829; reproduces
 * pyMannKendall `trend_free_pre_whitening_modification_test`.
 *
 * @example
 * trendFreePreWhiteningMannKendallTest(monthlyRevenue).p;
 * @throws {KlensError} INVALID_SERIES with fewer than 4 present values.
 */
export function trendFreePreWhiteningMannKendallTest(values: readonly SeriesValue[], options: MannKendallOptions = {}): MannKendallResult {
  const alpha = options.alpha ?? 0.05;
  const x = prepare(values, 'The trend-free pre-whitened Mann-Kendall test', alpha);
  const { slope } = sensSlope(values);
  const detrended = x.map((value, index) => value - (index + 1) * slope);
  const r1 = autocorrelation(detrended, 1)[1] as number;
  const whitened = detrended.slice(1).map((value, t) => value - (detrended[t] as number) * r1 + (t + 1) * slope);
  return testWhitened('trend-free-pre-whitening-mann-kendall', whitened, values, alpha);
}
