import { m4SeasonalAdjustment } from '../m4/seasonal-adjustment.js';
import type { ForecastingModel } from './model.js';

/**
 * M4's Naive2: naive on the series deseasonalised by classical multiplicative decomposition when the
 * M4 seasonality test holds (shortest season length), reseasonalised. Non-positive data are not
 * deseasonalised, since a multiplicative index needs positive values.
 *
 * ### Examples
 * ```ts
 * naive2Model.fit(hourly, { horizon: 48, seasonLengths: [24], levels: [], random }).mean;
 * ```
 */
export const naive2Model: ForecastingModel = {
  minLength: () => 1,
  fit(values, context) {
    const m = context.seasonLengths[0] ?? 1;
    const positive = values.every((value) => value > 0);
    const adjustment = m4SeasonalAdjustment(values, { seasonLength: positive ? m : 1, horizon: context.horizon });
    const last = adjustment.adjusted[adjustment.adjusted.length - 1]!;
    const mean = adjustment.futureIndices.map((index) => last * index);
    const fitted = values.map((_, t) => (t >= 1 ? adjustment.adjusted[t - 1]! * adjustment.indices[t]! : null));
    return { name: 'naive2', parameters: { seasonLength: m, seasonal: adjustment.seasonal }, mean, fitted };
  },
};
