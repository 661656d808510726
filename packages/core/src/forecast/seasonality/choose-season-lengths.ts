import { m4SeasonalityTest } from '../m4/seasonality-test.js';

/**
 * Keeps the candidate season lengths the data support: at least three cycles in the series and a
 * significant autocorrelation at the season by the M4 test (90% Bartlett band), computing the acf
 * as far as the season (R's default lag count stops short of a weekly season in hourly data).
 * Returned ascending, without duplicates.
 *
 * ### Examples
 * ```ts
 * chooseSeasonLengths(hourlyOrders, [24, 168]); // [24, 168] when both cycles show
 * chooseSeasonLengths(randomNoise, [7]); // []
 * ```
 */
export function chooseSeasonLengths(values: readonly number[], candidates: readonly number[]): number[] {
  const unique = [...new Set(candidates)].filter((m) => Number.isInteger(m) && m >= 2).sort((a, b) => a - b);
  return unique.filter((m) => m4SeasonalityTest(values, m, { extendLags: true }));
}
