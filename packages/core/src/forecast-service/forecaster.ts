import type { ForecastModelName } from '../forecast/index.js';

/** The models the forecasting front door offers; `auto` lets it choose. */
export type ForecastModelKind = ForecastModelName;

/** What the service asks of a forecaster: the options of the front door that it uses. */
export interface ForecastRequest {
  /** Days to predict after the last value. */
  horizon: number;
  /** Seasonal periods in days (7 for weekly). */
  seasonLengths?: number[];
  /** Coverage of the prediction interval in percent, e.g. 95. */
  level?: number;
  model: ForecastModelKind;
  /** Uniform [0, 1) source, for models that sample. */
  random?: () => number;
}

/** The part of a forecast that the service stores. */
export interface ForecastOutput {
  mean: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  level: number;
  model: { name: string; parameters: unknown };
}

/** What the service asks of a backtest: the forecast's options plus the number of rolling origins. */
export interface BacktestRequest extends ForecastRequest {
  origins: number;
}

/** The part of a backtest that the service stores. */
export interface BacktestOutput {
  /** 1 − WAPE over the held-out windows. */
  accuracy: number;
  /** Measures over all origins (WAPE, MAPE, MASE, coverage, ...); their finite numbers are kept as metrics. */
  overall?: object;
}

/**
 * The forecasting maths, injected so that tests can count or replace calls. The default is core's
 * `forecast` and `backtest` (see `default-forecaster.ts`); the service itself does no maths.
 */
export interface Forecaster {
  forecast(values: readonly number[], options: ForecastRequest): ForecastOutput;
  backtest(values: readonly number[], options: BacktestRequest): BacktestOutput;
}
