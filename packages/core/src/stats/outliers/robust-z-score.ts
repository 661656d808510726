import { KlensError } from '../../errors/klens-error.js';
import { isMissing, type SeriesValue } from '../trend/series-values.js';
import { medianInPlace } from '../trend/order-statistics.js';

/** Options of {@link robustZScoreOutliers}. */
export interface RobustZScoreOptions {
  /** A value is an outlier when |modified z| exceeds this. Default 3.5 (Iglewicz & Hoaglin). */
  threshold?: number;
}

/** One scored value. */
export interface RobustZScore {
  index: number;
  value: number;
  /** 0.6745 · (value − median) / MAD. */
  score: number;
}

export interface RobustZScoreResult {
  method: 'modified-z-score';
  parameters: { threshold: number };
  median: number;
  /** Unscaled median absolute deviation, median|x − median|. */
  mad: number;
  /** Values with |score| > threshold, in series order. */
  outliers: RobustZScore[];
  /** Present values counted. */
  n: number;
  /**
   * 'mad-zero' when more than half the values are equal, so the MAD is 0: the modified z-score
   * is undefined and no value is flagged (rather than every other value being infinitely far).
   */
  status: 'ok' | 'mad-zero';
}

/**
 * Outliers by the modified z-score M = 0.6745 (x − median) / MAD, flagged when |M| > 3.5; meant for
 * short series where a seasonal decomposition is not possible. Missing values are skipped.
 * Method: Iglewicz & Hoaglin (1993), "How to Detect and Handle Outliers", ASQC Basic References 16.
 *
 * @example
 * robustZScoreOutliers([10, 12, 11, 13, 12, 95, 11]).outliers; // [{ index: 5, value: 95, score: 56.0… }]
 * @throws {KlensError} INVALID_SERIES with fewer than 3 present values or an infinite value.
 */
export function robustZScoreOutliers(values: readonly SeriesValue[], options: RobustZScoreOptions = {}): RobustZScoreResult {
  const threshold = options.threshold ?? 3.5;
  if (!(threshold > 0)) throw new KlensError('INVALID_PARAMETER', `threshold must be positive (got ${threshold}).`);
  const present: { index: number; value: number }[] = [];
  for (const [index, value] of values.entries()) {
    if (isMissing(value)) continue;
    if (!Number.isFinite(value)) throw new KlensError('INVALID_SERIES', `Value ${index} is ${value}; use a finite number or null.`);
    present.push({ index, value });
  }
  const n = present.length;
  if (n < 3) throw new KlensError('INVALID_SERIES', `The modified z-score needs at least 3 present values (got ${n}).`);
  const scratch = Float64Array.from(present, (point) => point.value);
  const median = medianInPlace(scratch, n);
  for (let i = 0; i < n; i += 1) scratch[i] = Math.abs((present[i] as { value: number }).value - median);
  const mad = medianInPlace(scratch, n);
  const parameters = { threshold };
  if (mad === 0) return { method: 'modified-z-score', parameters, median, mad, outliers: [], n, status: 'mad-zero' };
  const outliers = present
    .map(({ index, value }) => ({ index, value, score: (0.6745 * (value - median)) / mad }))
    .filter((point) => Math.abs(point.score) > threshold);
  return { method: 'modified-z-score', parameters, median, mad, outliers, n, status: 'ok' };
}
