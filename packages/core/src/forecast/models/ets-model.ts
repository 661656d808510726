import { autoEts } from '../ets/auto-ets.js';
import { forecastEts } from '../ets/forecast-ets.js';
import type { ForecastingModel } from './model.js';

// R ets ignores seasons longer than 24 ("frequency too high").
const MAX_ETS_SEASON = 24;

/**
 * Automatic ETS (Hyndman et al. 2002; R forecast `ets()` then `forecast()`), seasonal with the
 * shortest season length when it is at most 24 and the data hold two cycles; analytic or simulated
 * intervals as `forecast.ets` gives them.
 *
 * ### Examples
 * ```ts
 * etsModel.fit(dailyRevenue, { horizon: 30, seasonLengths: [7], levels: [95], random }).intervals;
 * ```
 */
export const etsModel: ForecastingModel = {
  // Ten observations fit every non-seasonal model; the season is dropped below two cycles.
  minLength: () => 10,
  fit(values, context) {
    const m = etsSeason(values.length, context.seasonLengths);
    const fit = autoEts(values, { seasonLength: m });
    const levels = [...context.levels];
    const forecast = forecastEts(fit, { horizon: context.horizon, levels: levels.length > 0 ? levels : [95], random: context.random });
    const intervals = levels.map((level) => forecast.intervals.find((interval) => interval.level === level)!);
    return {
      name: `ETS(${fit.components.error},${fit.components.trend}${fit.components.damped ? 'd' : ''},${fit.components.season})`,
      parameters: { model: fit.model, seasonLength: fit.seasonLength, ...fit.parameters, aicc: fit.aicc },
      mean: forecast.mean,
      fitted: fit.fitted,
      intervals: { method: forecast.intervalMethod === 'analytic' ? 'analytic' : 'simulated', intervals },
    };
  },
};

/** The season ETS uses: the shortest given one if it is at most 24 and fits twice in the data, else 1. */
function etsSeason(length: number, seasonLengths: readonly number[]): number {
  const m = seasonLengths[0] ?? 1;
  return m > 1 && m <= MAX_ETS_SEASON && length >= 2 * m ? m : 1;
}
