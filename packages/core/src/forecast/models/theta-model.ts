import { m4SeasonalAdjustment } from '../m4/seasonal-adjustment.js';
import { thetaClassic } from '../m4/theta.js';
import type { ForecastingModel } from './model.js';

/**
 * The M4 Theta benchmark (Assimakopoulos & Nikolopoulos 2000; "Benchmarks and Evaluation.R"):
 * classic Theta on the M4-deseasonalised series (shortest season length), reseasonalised.
 * Non-positive data are not deseasonalised, since a multiplicative index needs positive values.
 *
 * ### Examples
 * ```ts
 * thetaModel.fit(monthly, { horizon: 18, seasonLengths: [12], levels: [], random }).mean;
 * ```
 */
export const thetaModel: ForecastingModel = {
  minLength: () => 3,
  fit(values, context) {
    const m = context.seasonLengths[0] ?? 1;
    const positive = values.every((value) => value > 0);
    const adjustment = m4SeasonalAdjustment(values, { seasonLength: positive ? m : 1, horizon: context.horizon });
    const theta = thetaClassic(adjustment.adjusted, context.horizon, { nonNegative: values.every((value) => value >= 0) });
    return {
      name: 'theta',
      parameters: { seasonLength: m, seasonal: adjustment.seasonal, alpha: theta.alpha, intercept: theta.intercept, slope: theta.slope },
      mean: theta.mean.map((value, step) => value * adjustment.futureIndices[step]!),
      fitted: theta.fitted.map((value, t) => value * adjustment.indices[t]!),
    };
  },
};
