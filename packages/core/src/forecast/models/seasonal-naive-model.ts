import { seasonalNaiveForecast } from '../m4/naive.js';
import type { ForecastingModel } from './model.js';

/** The longest season length with at least one full cycle in the data, or 1. */
function longestSeason(length: number, seasonLengths: readonly number[]): number {
  return [...seasonLengths].reverse().find((m) => length >= m) ?? 1;
}

/**
 * Seasonal naive (R forecast `snaive`): the last cycle of the longest season that fits, repeated;
 * with no season, the last value. The longest cycle is used because it contains the shorter ones
 * (a week of hours repeats each day's shape too).
 *
 * ### Examples
 * ```ts
 * seasonalNaiveModel.fit([1, 2, 3, 4], { horizon: 2, seasonLengths: [2], levels: [], random }).mean; // [3, 4]
 * ```
 */
export const seasonalNaiveModel: ForecastingModel = {
  minLength: () => 1,
  fit(values, context) {
    const m = longestSeason(values.length, context.seasonLengths);
    const mean = seasonalNaiveForecast(values, { horizon: context.horizon, seasonLength: m });
    const fitted = values.map((_, t) => (t >= m ? values[t - m]! : null));
    return { name: m > 1 ? `seasonal naive (${m})` : 'naive', parameters: { seasonLength: m }, mean, fitted };
  },
};
