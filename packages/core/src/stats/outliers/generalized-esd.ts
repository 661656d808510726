import { studentTQuantile } from '../trend/student-t-distribution.js';
import { medianInPlace } from '../trend/order-statistics.js';
import { medianAbsoluteDeviation } from './robust-scale.js';

/** Which deviations count: above the median ('pos'), below it ('neg'), or either ('both'). */
export type AnomalyDirection = 'pos' | 'neg' | 'both';

/** Options of {@link hybridGeneralizedEsd}. */
export interface HybridEsdOptions {
  /** Upper bound on the number of outliers, k ≥ 1 (R: trunc(n · max_anoms)). */
  maxOutliers: number;
  /** Significance level. Default 0.05. */
  alpha?: number;
  /** Default 'both'. */
  direction?: AnomalyDirection;
}

/** Outlier positions (indices into the input), in the order the test removed them. */
export interface HybridEsdResult {
  outliers: number[];
  /** How many candidates were tested (fewer than maxOutliers when the MAD became 0). */
  tested: number;
}

/**
 * Rosner's critical value λ_i = t(n − i)/√((n − i − 1 + t²)(n − i + 1)) for the i-th removal out of n,
 * t the Student quantile at 1 − α/(2(n − i + 1)) (two-sided) or 1 − α/(n − i + 1) on n − i − 1 df.
 * Method: Rosner (1983), eq. 2.5.
 *
 * @example
 * esdCriticalValue(20, 1, 0.05, true); // 2.7082… (Rosner's table: 2.71)
 */
export function esdCriticalValue(n: number, i: number, alpha: number, twoSided: boolean): number {
  const p = twoSided ? 1 - alpha / (2 * (n - i + 1)) : 1 - alpha / (n - i + 1);
  const t = studentTQuantile(p, n - i - 1);
  return (t * (n - i)) / Math.sqrt((n - i - 1 + t * t) * (n - i + 1));
}

/**
 * Rosner's generalized ESD many-outlier test with the median and MAD in place of the mean and
 * standard deviation ("hybrid" ESD): remove the most extreme value k times, and report the largest
 * i whose statistic R_i = max |x − median| / MAD exceeds λ_i (t quantiles on n − i − 1 df).
 * Ties go to the earliest value; the test stops early if the MAD becomes 0.
 * Method: Rosner (1983), Technometrics 25(2):165-172, as Twitter AnomalyDetection's `detect_anoms`.
 *
 * @example
 * hybridGeneralizedEsd([1, 2, 1, 3, 2, 40, 2, 1, 2, 3], { maxOutliers: 2 }).outliers; // [5]
 */
export function hybridGeneralizedEsd(values: readonly number[], options: HybridEsdOptions): HybridEsdResult {
  const alpha = options.alpha ?? 0.05;
  const direction = options.direction ?? 'both';
  const n = values.length;
  // Remaining candidates, kept in time order so that ties resolve to the earliest, as R's which()[1].
  let remaining = Float64Array.from(values);
  let positions = Int32Array.from(values.keys());
  const scratch = new Float64Array(n);
  const removed: number[] = [];
  let significant = 0;
  for (let i = 1; i <= Math.min(options.maxOutliers, n - 2); i += 1) {
    const size = remaining.length;
    scratch.set(remaining);
    const median = medianInPlace(scratch, size);
    const sigma = medianAbsoluteDeviation(remaining, median, scratch);
    if (!(sigma > 0)) break;
    let best = Number.NEGATIVE_INFINITY;
    let bestAt = 0;
    for (let j = 0; j < size; j += 1) {
      const x = remaining[j] as number;
      const deviation = direction === 'both' ? Math.abs(x - median) : direction === 'pos' ? x - median : median - x;
      const statistic = deviation / sigma;
      if (statistic > best) {
        best = statistic;
        bestAt = j;
      }
    }
    removed.push(positions[bestAt] as number);
    remaining = deleteAt(remaining, bestAt);
    positions = deleteAt(positions, bestAt);
    if (best > esdCriticalValue(n, i, alpha, direction === 'both')) significant = i;
  }
  return { outliers: removed.slice(0, significant), tested: removed.length };
}

function deleteAt<T extends Float64Array | Int32Array>(array: T, index: number): T {
  const copy = array.slice(0, array.length - 1) as T;
  copy.set(array.subarray(index + 1), index);
  return copy;
}
