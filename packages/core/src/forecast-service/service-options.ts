import type { KlensDatabase } from '../database/database.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../time/clock.js';
import type { DriftPolicy } from './drift-measures.js';
import type { Forecaster, ForecastModelKind } from './forecaster.js';
import type { RetrainPolicy } from './retrain-policy.js';

/** Options of {@link ForecastService}; only `database` is required. */
export interface ForecastServiceOptions {
  database: KlensDatabase;
  /** "Now": decides today's date, model age and every timestamp. Default: the system clock. */
  clock?: Clock;
  /** Default: {@link silentLogger}. */
  logger?: Logger;
  /** Uniform [0, 1) source handed to the forecaster. Default: the forecaster's own fixed-seed generator. */
  random?: () => number;
  /** The forecasting maths. Default: core's `forecast` and `backtest`. */
  forecaster?: Forecaster;
  /** Milliseconds for timing training. Default `performance.now`. */
  timer?: () => number;
  /** When a stored model is retrained; see {@link RetrainPolicy}. */
  retrain?: RetrainPolicy;
  /** When measured accuracy counts as drift; see {@link DriftPolicy}. */
  drift?: DriftPolicy;
  /** Most days of history a model is trained on. Default 365. */
  trainingDays?: number;
  /** Rolling origins of the backtest that sets a model's expected accuracy. Default 3. */
  backtestOrigins?: number;
}

/** Which model of which metric, and what it must be able to answer. */
export interface ModelRequest {
  accountId: string;
  /** The metric's id (as in the `metrics` table). */
  metricId: string;
  /** Default `'auto'`. */
  model?: ForecastModelKind;
  /** Days ahead the model must predict. Default 30. */
  horizon?: number;
  /** Prediction interval level in percent. Default 95. */
  level?: number;
  /** Seasonal periods in days. Default `[7]` (weekly). */
  seasonLengths?: number[];
}
