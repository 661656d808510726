import { forecast } from '../forecast.js';
import { maseScale } from '../m4/accuracy-measures.js';
import { resolveForecastOptions } from '../resolve-options.js';
import type { ForecastOptions, ForecastResult } from '../types.js';
import { assertCount, assertSeries } from '../validate-series.js';
import { summariseAccuracy, type AccuracySummary, type ScoredPoint } from './accuracy-summary.js';
import { rollingOrigins } from './rolling-origins.js';
import { KlensError } from '../../errors/klens-error.js';

/** Options of {@link backtest}: the forecast's options plus where to cut. */
export interface BacktestOptions extends ForecastOptions {
  /** Number of forecast origins, an integer ≥ 1. */
  origins: number;
  /** Observations between consecutive origins. Default `horizon` (test windows do not overlap). */
  step?: number;
}

/** One origin of a backtest: what the model saw and what it said. */
export interface BacktestOrigin {
  /** Observations the model was trained on (the origin is right after them). */
  trainLength: number;
  actual: number[];
  forecast: ForecastResult;
}

/** Result of {@link backtest}. */
export interface BacktestResult {
  /** Interval level scored by `coverage`, percent. */
  level: number;
  origins: BacktestOrigin[];
  /** Measures per step ahead: element h − 1 pools step h over all origins. */
  perHorizon: AccuracySummary[];
  overall: AccuracySummary;
  /** 1 − overall WAPE, clamped to [0, 1]: the share of actual volume the forecasts got right. */
  accuracy: number;
}

/**
 * Rolling-origin cross-validation (Tashman 2000; R `tsCV`): forecasts from `origins` cut points
 * `step` apart, the last leaving exactly `horizon` observations, each trained only on the data
 * before it, and scores MASE, sMAPE, RMSE, MAPE, WAPE and interval coverage per step and overall.
 * `accuracy` is 1 − WAPE over all origins, clamped to [0, 1].
 *
 * ### Examples
 * ```ts
 * const result = backtest(dailyRevenue, { horizon: 30, seasonLengths: [7], origins: 4 });
 * result.accuracy; // e.g. 0.91: forecasts missed 9% of the revenue volume
 * result.perHorizon[29]!.coverage; // how often day 30 fell inside the 95% interval
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when the series is too short for one origin;
 *   INVALID_PARAMETER for out-of-range options.
 */
export function backtest(values: readonly number[], options: BacktestOptions): BacktestResult {
  const resolved = resolveForecastOptions(options);
  assertCount(options.origins, 'origins');
  if (options.step !== undefined) assertCount(options.step, 'step');
  assertSeries(values, { minLength: resolved.horizon + 2 });
  const series = Array.from(values);
  const cuts = rollingOrigins(series.length, { horizon: resolved.horizon, origins: options.origins, step: options.step ?? resolved.horizon, minTrainLength: 2 });
  if (cuts.length === 0) throw new KlensError('INVALID_SERIES', 'The series is too short to backtest this horizon; use fewer origins or a shorter horizon.');
  const seasonLength = resolved.seasonLengths[0] ?? 1;
  const perStep: ScoredPoint[][] = Array.from({ length: resolved.horizon }, () => []);
  const origins = cuts.map((trainLength) => {
    const train = series.slice(0, trainLength);
    const result = forecast(train, { ...options, levels: resolved.levels });
    const actual = series.slice(trainLength, trainLength + resolved.horizon);
    const scale = maseScale(train, seasonLength);
    actual.forEach((value, h) => {
      perStep[h]!.push({ actual: value, forecast: result.mean[h]!, lower: result.lower[h]!, upper: result.upper[h]!, scale });
    });
    return { trainLength, actual, forecast: result };
  });
  const overall = summariseAccuracy(perStep.flat());
  const accuracy = overall.wape === null ? (overall.rmse === 0 ? 1 : 0) : Math.min(1, Math.max(0, 1 - overall.wape));
  return { level: resolved.levels[0]!, origins, perHorizon: perStep.map(summariseAccuracy), overall, accuracy };
}
