import { autoEts } from '../ets/auto-ets.js';
import { forecastEts } from '../ets/forecast-ets.js';
import { thetaClassic } from '../m4/theta.js';
import type { ForecastingModel, ModelFit } from './model.js';
import { mstlAdjustment } from './mstl-adjustment.js';

/** Forecasts a seasonally adjusted series: point forecasts, one-step fits and what was fitted. */
type AdjustedForecaster = (adjusted: number[], horizon: number) => { mean: number[]; fitted: number[]; parameters: Record<string, unknown> };

/** Builds an MSTL-based model: decompose, forecast the adjusted series, add each seasonal's last cycle back. */
function mstlModel(name: string, minAdjusted: number, forecastAdjusted: AdjustedForecaster): ForecastingModel {
  return {
    minLength: () => minAdjusted,
    fit(values, context): ModelFit {
      const split = mstlAdjustment(values, context.seasonLengths, context.horizon);
      const inner = forecastAdjusted(split.adjusted, context.horizon);
      return {
        name,
        parameters: { periods: split.periods, ...inner.parameters },
        mean: inner.mean.map((value, h) => value + split.futureSeasonal[h]!),
        fitted: inner.fitted.map((value, t) => value + split.seasonal[t]!),
      };
    },
  };
}

/**
 * MSTL + ETS (R `stlf`/`forecast(mstl(x))` with `method = "ets"`): non-seasonal automatic ETS with
 * additive errors on the MSTL-adjusted series, each seasonal component by seasonal naive.
 * Additive errors keep the search to three models (ANN, AAN, AAdN); the adjusted series may be
 * negative anyway, which rules out multiplicative ones.
 *
 * ### Examples
 * ```ts
 * mstlEtsModel.fit(hourly, { horizon: 48, seasonLengths: [24, 168], levels: [], random }).mean;
 * ```
 */
export const mstlEtsModel: ForecastingModel = mstlModel('mstl-ets', 10, (adjusted, horizon) => {
  // ETS has no likelihood on a constant series (all-zero sales, say): carry the constant forward.
  if (adjusted.every((value) => value === adjusted[0])) {
    return { mean: new Array<number>(horizon).fill(adjusted[0]!), fitted: [...adjusted], parameters: { ets: 'constant' } };
  }
  const fit = autoEts(adjusted, { model: 'AZN' });
  const { mean } = forecastEts(fit, { horizon, levels: [] });
  return { mean, fitted: fit.fitted, parameters: { ets: fit.model, ...fit.parameters } };
});

/**
 * MSTL + Theta: classic Theta (Assimakopoulos & Nikolopoulos 2000, as M4's benchmark) on the
 * MSTL-adjusted series, each seasonal component by seasonal naive.
 *
 * ### Examples
 * ```ts
 * mstlThetaModel.fit(hourly, { horizon: 48, seasonLengths: [24, 168], levels: [], random }).mean;
 * ```
 */
export const mstlThetaModel: ForecastingModel = mstlModel('mstl-theta', 3, (adjusted, horizon) => {
  const theta = thetaClassic(adjusted, horizon, { nonNegative: false });
  return { mean: theta.mean, fitted: theta.fitted, parameters: { alpha: theta.alpha, slope: theta.slope } };
});
