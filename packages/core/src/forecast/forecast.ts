import { KlensError } from '../errors/klens-error.js';
import { candidateErrors } from './calibration.js';
import { backtestIntervals, randomWalkIntervals } from './intervals/backtest-intervals.js';
import { ensembleModel } from './models/ensemble-model.js';
import { etsModel } from './models/ets-model.js';
import type { ForecastingModel, ModelContext, ModelFit } from './models/model.js';
import { mstlEtsModel } from './models/mstl-models.js';
import { naive2Model } from './models/naive2-model.js';
import { seasonalNaiveModel } from './models/seasonal-naive-model.js';
import { thetaModel } from './models/theta-model.js';
import { resolveForecastOptions } from './resolve-options.js';
import { selectModel } from './select-model.js';
import type { ForecastModelName, ForecastOptions, ForecastResult, IntervalMethod, PredictionInterval } from './types.js';
import { assertSeries } from './validate-series.js';

const MODELS: Record<Exclude<ForecastModelName, 'auto'>, ForecastingModel> = {
  ets: etsModel,
  theta: thetaModel,
  'seasonal-naive': seasonalNaiveModel,
  naive2: naive2Model,
  'mstl-ets': mstlEtsModel,
  ensemble: ensembleModel,
};

/**
 * Forecasts a regularly spaced series `horizon` steps ahead with prediction intervals.
 * Intervals are analytic where the model has them (ETS; simulated for multiplicative trends) and
 * otherwise calibrated on rolling-origin backtest errors (Theta, the naive models, MSTL + ETS,
 * the ensemble and `'auto'`); a series too short to backtest gets random-walk intervals from its
 * residuals. `model.intervalMethod` says which. Bounds always include the point forecast; when the
 * history has no negative value, forecasts and bounds are kept at or above 0.
 *
 * ### Examples
 * ```ts
 * const result = forecast(dailyRevenue, { horizon: 30, seasonLengths: [7], level: 90 });
 * result.mean[0]; // tomorrow's expected revenue
 * result.lower[29]; result.upper[29]; // 90% interval in 30 days
 * result.model.name; // e.g. 'auto: log-mstl-theta'
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when the series is too short for the model or holds a
 *   non-finite value; INVALID_PARAMETER when an option is out of range.
 */
export function forecast(values: readonly number[], options: ForecastOptions): ForecastResult {
  const resolved = resolveForecastOptions(options);
  const context: ModelContext = { horizon: resolved.horizon, seasonLengths: resolved.seasonLengths, levels: resolved.levels, random: resolved.random };
  const model = resolved.model === 'auto' ? null : MODELS[resolved.model];
  assertSeries(values, { minLength: model ? model.minLength(context) : 2 });
  const series = Array.from(values);

  let fit: ModelFit;
  let errors: number[][];
  let seasonLengths = resolved.seasonLengths;
  if (model === null) {
    const selection = selectModel(series, context, resolved.calibrationOrigins);
    ({ fit, errors, seasonLengths } = selection);
    // JSON has no Infinity: a candidate that could not be validated scores null.
    const validationMae = Object.fromEntries(Object.entries(selection.scores).map(([name, score]) => [name, Number.isFinite(score) ? score : null]));
    fit = { ...fit, parameters: { ...fit.parameters, validationMae } };
  } else {
    fit = model.fit(series, context);
    const own = fit.intervals !== undefined;
    errors = own ? [] : candidateErrors({ name: fit.name, model, seasonLengths }, series, context, resolved.calibrationOrigins);
  }
  const residuals = fit.fitted.map((value, t) => (value === null ? null : series[t]! - value));
  const { intervalMethod, intervals } = intervalsOf(fit, errors, residuals, resolved.levels);
  const floor = series.every((value) => value >= 0) ? 0 : Number.NEGATIVE_INFINITY;
  const mean = fit.mean.map((value) => Math.max(floor, value));
  const bounded = intervals.map((interval) => boundInterval(interval, mean, floor));
  assertFinite(mean, bounded);
  const [headline] = bounded;
  return {
    mean,
    lower: headline!.lower,
    upper: headline!.upper,
    level: headline!.level,
    intervals: bounded,
    model: { name: fit.name, seasonLengths, parameters: fit.parameters, intervalMethod },
    fitted: fit.fitted,
    residuals,
  };
}

/** The model's own intervals, else backtest quantiles, else random-walk intervals from the residuals. */
function intervalsOf(
  fit: ModelFit,
  errors: number[][],
  residuals: (number | null)[],
  levels: number[],
): { intervalMethod: IntervalMethod; intervals: PredictionInterval[] } {
  if (fit.intervals) return { intervalMethod: fit.intervals.method, intervals: fit.intervals.intervals };
  if (errors.length > 0) return { intervalMethod: 'backtest-quantiles', intervals: backtestIntervals(fit.mean, errors, levels) };
  return { intervalMethod: 'residual-random-walk', intervals: randomWalkIntervals(fit.mean, residuals, levels) };
}

/**
 * Keeps bounds at or above `floor` and around the (floored) point forecast: simulated quantiles
 * of a skewed path distribution can miss the mean at low levels.
 */
function boundInterval(interval: PredictionInterval, mean: number[], floor: number): PredictionInterval {
  return {
    level: interval.level,
    lower: interval.lower.map((value, h) => Math.min(Math.max(floor, value), mean[h]!)),
    upper: interval.upper.map((value, h) => Math.max(Math.max(floor, value), mean[h]!)),
  };
}

/** A model that extrapolates to Infinity must fail loudly rather than return it. */
function assertFinite(mean: number[], intervals: PredictionInterval[]): void {
  const finite = (points: number[]) => points.every(Number.isFinite);
  if (!finite(mean) || !intervals.every((interval) => finite(interval.lower) && finite(interval.upper))) {
    throw new KlensError('INVALID_SERIES', 'The model produced a non-finite forecast for this series; try another model or a shorter horizon.');
  }
}
