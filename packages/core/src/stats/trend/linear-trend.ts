import { KlensError } from '../../errors/klens-error.js';
import { assertFiniteOrMissing, isMissing, type SeriesValue } from './series-values.js';
import { studentTCdf, studentTQuantile } from './student-t-distribution.js';

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

/** Options of {@link linearTrend}. */
export interface LinearTrendOptions {
  /**
   * The x value of each observation (same length as the values). Default: the position 0, 1, 2, …,
   * so the slope is per step (per day for daily data) and the intercept is the fitted first value.
   */
  x?: readonly number[];
  /** Confidence level of the intervals. Default 0.95. */
  confidenceLevel?: number;
}

/** A least-squares line with its inference, as R's `summary(lm(y ~ x))` and `confint` report it. */
export interface LinearTrendResult {
  method: 'ordinary-least-squares';
  slope: number;
  intercept: number;
  slopeStandardError: number;
  interceptStandardError: number;
  /** slope ± t(1 − (1 − level)/2, n − 2) · SE, Student's t with n − 2 degrees of freedom. */
  slopeInterval: ConfidenceInterval;
  interceptInterval: ConfidenceInterval;
  confidenceLevel: number;
  /** Residual degrees of freedom, n − 2 (two estimated coefficients). */
  degreesOfFreedom: number;
  /** Two-sided p-value of slope = 0 (t test); 0 or 1 for an exact fit. */
  pValue: number;
  /** Share of the variance explained; 1 for an exact fit, 0 when the values are constant. */
  rSquared: number;
  residualStandardError: number;
  /** Observations used (missing values are skipped). */
  n: number;
}

function interval(estimate: number, halfWidth: number): ConfidenceInterval {
  return { lower: estimate - halfWidth, upper: estimate + halfWidth };
}

/** The (x, y) pairs with a present y. */
function presentPairs(values: readonly SeriesValue[], x: readonly number[] | undefined): { xs: number[]; ys: number[] } {
  if (x !== undefined && x.length !== values.length) {
    throw new KlensError('INVALID_PARAMETER', `x has ${x.length} values but the series has ${values.length}.`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [index, value] of values.entries()) {
    if (isMissing(value)) continue;
    const xi = x === undefined ? index : (x[index] as number);
    if (!Number.isFinite(xi)) throw new KlensError('INVALID_PARAMETER', `x[${index}] is ${xi}; x values must be finite.`);
    xs.push(xi);
    ys.push(value);
  }
  return { xs, ys };
}

/**
 * Least-squares line y = intercept + slope·x with standard errors, Student-t confidence intervals on
 * n − 2 degrees of freedom, and the t-test p-value of the slope; missing values are skipped.
 * Method: ordinary least squares (as R `lm`, `confint`), computed on centred sums for accuracy.
 *
 * @example
 * linearTrend([126, 347, 298, 309, 450, 187, 266, 385, 400], { x: [34, 9, 78, 60, 22, 45, 83, 59, 25] }).slopeInterval;
 * // { lower: -4.491961…, upper: 2.473935… } (R: confint(lm(y ~ x)))
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values or when every x is the same.
 */
export function linearTrend(values: readonly SeriesValue[], options: LinearTrendOptions = {}): LinearTrendResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new KlensError('INVALID_PARAMETER', `confidenceLevel must lie strictly between 0 and 1 (got ${confidenceLevel}).`);
  }
  assertFiniteOrMissing(values, 'A linear trend');
  const { xs, ys } = presentPairs(values, options.x);
  const n = xs.length;
  if (n < 3) throw new KlensError('INVALID_SERIES', `A linear trend with a confidence interval needs at least 3 present values (got ${n}).`);
  const meanX = xs.reduce((sum, value) => sum + value, 0) / n;
  const meanY = ys.reduce((sum, value) => sum + value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - meanX;
    const dy = (ys[i] as number) - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new KlensError('INVALID_SERIES', 'A linear trend needs at least two different x values.');
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < n; i += 1) sse += ((ys[i] as number) - intercept - slope * (xs[i] as number)) ** 2;
  const degreesOfFreedom = n - 2;
  const residualStandardError = Math.sqrt(sse / degreesOfFreedom);
  const slopeStandardError = residualStandardError / Math.sqrt(sxx);
  const interceptStandardError = residualStandardError * Math.sqrt(1 / n + (meanX * meanX) / sxx);
  const critical = studentTQuantile(1 - (1 - confidenceLevel) / 2, degreesOfFreedom);
  const pValue =
    slopeStandardError > 0 ? 2 * studentTCdf(-Math.abs(slope / slopeStandardError), degreesOfFreedom) : slope === 0 ? 1 : 0;
  return {
    method: 'ordinary-least-squares',
    slope,
    intercept,
    slopeStandardError,
    interceptStandardError,
    slopeInterval: interval(slope, critical * slopeStandardError),
    interceptInterval: interval(intercept, critical * interceptStandardError),
    confidenceLevel,
    degreesOfFreedom,
    pValue,
    rSquared: syy > 0 ? Math.max(0, 1 - sse / syy) : 0,
    residualStandardError,
    n,
  };
}
