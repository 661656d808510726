import { KlensError } from '../../errors/klens-error.js';
import { assertAlpha, isMissing, type SeriesValue } from './series-values.js';
import { welchTTest, type WelchTTestResult } from './welch-t-test.js';

/** Options of {@link periodOverPeriodChange}. */
export interface PeriodOverPeriodOptions {
  /** Length of each window in observations (days for daily data). Default 28: four whole weeks. */
  window?: number;
  /** Significance level. Default 0.05. */
  alpha?: number;
}

/** The last `window` observations against the `window` before them. */
export interface PeriodOverPeriodResult {
  /** Welch's t-test on the per-day values of the two windows (see {@link periodOverPeriodChange}). */
  method: 'welch-t-test-on-daily-values';
  window: number;
  currentTotal: number;
  previousTotal: number;
  /** currentTotal − previousTotal. */
  absoluteChange: number;
  /** currentTotal / previousTotal − 1; null when the previous total is 0 (no meaningful ratio). */
  relativeChange: number | null;
  /** The test of mean(current day) − mean(previous day), with its (1 − alpha) interval. */
  test: WelchTTestResult;
  alpha: number;
  /** True when the test's p-value is below alpha. */
  significant: boolean;
}

/**
 * Compares the last `window` observations with the `window` before them (e.g. this 28 days against
 * the previous 28): totals, absolute and relative change, and whether the change is significant.
 *
 * Why Welch's t-test on the daily values, and not a Poisson rate test: revenue is a sum of order
 * values, not a count, and even daily order counts vary far more than a Poisson count would
 * (weekday cycles, campaigns, promotions), so a test that assumes variance = mean declares noise
 * significant. Welch's test uses the day-to-day variance actually seen in each window and does not
 * assume the two are equal. With a window that is a whole number of weeks both windows hold the same
 * weekdays. It ignores day-to-day autocorrelation, which makes it somewhat optimistic on strongly
 * autocorrelated series. Method: Welch (1947) two-sample t-test, see {@link welchTTest}.
 *
 * @example
 * periodOverPeriodChange(dailyRevenue, { window: 28 }).relativeChange; // 0.12 → up 12 %
 * @throws {KlensError} INVALID_SERIES when fewer than 2·window values or a missing value in them;
 *   INVALID_PARAMETER for a window below 2.
 */
export function periodOverPeriodChange(values: readonly SeriesValue[], options: PeriodOverPeriodOptions = {}): PeriodOverPeriodResult {
  const window = options.window ?? 28;
  const alpha = options.alpha ?? 0.05;
  assertAlpha(alpha);
  if (!Number.isInteger(window) || window < 2) {
    throw new KlensError('INVALID_PARAMETER', `window must be a whole number of at least 2 observations (got ${window}).`);
  }
  if (values.length < 2 * window) {
    throw new KlensError('INVALID_SERIES', `A ${window}-day period-over-period comparison needs ${2 * window} values (got ${values.length}).`);
  }
  const recent = values.slice(values.length - 2 * window);
  if (recent.some((value) => isMissing(value) || !Number.isFinite(value))) {
    throw new KlensError('INVALID_SERIES', 'The two compared windows contain a missing or non-finite value; fill the gap (e.g. with 0 for a day without orders) first.');
  }
  const numbers = recent as readonly number[];
  const previous = numbers.slice(0, window);
  const current = numbers.slice(window);
  const previousTotal = previous.reduce((sum, value) => sum + value, 0);
  const currentTotal = current.reduce((sum, value) => sum + value, 0);
  const test = welchTTest(current, previous, { confidenceLevel: 1 - alpha });
  return {
    method: 'welch-t-test-on-daily-values',
    window,
    currentTotal,
    previousTotal,
    absoluteChange: currentTotal - previousTotal,
    relativeChange: previousTotal !== 0 ? currentTotal / previousTotal - 1 : null,
    test,
    alpha,
    significant: test.pValue < alpha,
  };
}
