import { KlensError } from '../../errors/klens-error.js';
import type { ConfidenceInterval } from './linear-trend.js';
import { studentTCdf, studentTQuantile } from './student-t-distribution.js';

/** Result of {@link welchTTest}: is mean(a) − mean(b) different from 0? */
export interface WelchTTestResult {
  method: 'welch-t-test';
  meanA: number;
  meanB: number;
  /** mean(a) − mean(b). */
  difference: number;
  /** Confidence interval of the difference, Student's t on the Welch-Satterthwaite df. */
  interval: ConfidenceInterval;
  confidenceLevel: number;
  /** t statistic; 0 when both samples are constant and equal. */
  t: number;
  /** Welch-Satterthwaite degrees of freedom (fractional). */
  degreesOfFreedom: number;
  /** Two-sided p-value. */
  pValue: number;
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, variance: squares / (values.length - 1) };
}

/**
 * Welch's two-sample t-test (unequal variances) with the Welch-Satterthwaite degrees of freedom.
 * Method: Welch (1947); the same statistic, df, p and interval as R `t.test(a, b)`.
 *
 * @example
 * welchTTest([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2], [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]).pValue;
 * // 0.07939414 (R: t.test(extra ~ group, data = sleep))
 * @throws {KlensError} INVALID_SERIES when a sample has fewer than 2 values or a non-finite value.
 */
export function welchTTest(a: readonly number[], b: readonly number[], options: { confidenceLevel?: number } = {}): WelchTTestResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new KlensError('INVALID_PARAMETER', `confidenceLevel must lie strictly between 0 and 1 (got ${confidenceLevel}).`);
  }
  for (const sample of [a, b]) {
    if (sample.length < 2 || !sample.every(Number.isFinite)) {
      throw new KlensError('INVALID_SERIES', `Welch's t-test needs at least 2 finite values in each sample (got ${sample.length}).`);
    }
  }
  const first = meanAndVariance(a);
  const second = meanAndVariance(b);
  const va = first.variance / a.length;
  const vb = second.variance / b.length;
  const difference = first.mean - second.mean;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) {
    // Two constant samples: the difference is known exactly.
    const equal = difference === 0;
    return {
      method: 'welch-t-test', meanA: first.mean, meanB: second.mean, difference, interval: { lower: difference, upper: difference },
      confidenceLevel, t: 0, degreesOfFreedom: a.length + b.length - 2, pValue: equal ? 1 : 0,
    };
  }
  const degreesOfFreedom = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const t = difference / standardError;
  const halfWidth = studentTQuantile(1 - (1 - confidenceLevel) / 2, degreesOfFreedom) * standardError;
  return {
    method: 'welch-t-test',
    meanA: first.mean,
    meanB: second.mean,
    difference,
    interval: { lower: difference - halfWidth, upper: difference + halfWidth },
    confidenceLevel,
    t,
    degreesOfFreedom,
    pValue: 2 * studentTCdf(-Math.abs(t), degreesOfFreedom),
  };
}
