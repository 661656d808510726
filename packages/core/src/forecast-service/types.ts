import type { ForecastModelKind } from './forecaster.js';

/** An inclusive range of local days (`YYYY-MM-DD`, account timezone). */
export interface DayWindow {
  from: string;
  to: string;
}

/** A trained model as stored: what was fitted, on which days, and what it predicts. */
export interface TrainedModel {
  /** Row id in `forecast_models`, unique within the account. */
  id: string;
  accountId: string;
  metricId: string;
  requestedModel: ForecastModelKind;
  /** The fitted model's name (for `auto`, the one the forecaster chose). */
  name: string;
  parameters: unknown;
  seasonLengths: number[];
  trainingWindow: DayWindow;
  trainingPoints: number;
  fingerprint: string;
  /** Days predicted after `trainingWindow.to`; requests up to this horizon reuse the model. */
  horizon: number;
  level: number;
  forecast: { mean: number[]; lower: number[]; upper: number[] };
  trainedAt: Date;
  /** Wall time of fitting and forecasting, in milliseconds. */
  trainingMs: number;
  backtest: {
    /** 1 − WAPE over the held-out windows, or null when the series was too short to backtest. */
    accuracy: number | null;
    /** The backtest's other numeric results (WAPE, MAPE, ...), by name. */
    metrics: Record<string, number>;
    ms: number | null;
  };
}

/** One predicted day of a stored forecast. */
export interface PredictedDay {
  date: string;
  /** 1 for the first day after the training window. */
  step: number;
  mean: number;
  lower: number;
  upper: number;
  /** The value that arrived for the day, once recorded. */
  actual: number | null;
}

/** A forecast as stored in `forecast_runs` and `forecast_predictions`. */
export interface StoredForecast {
  /** Row id in `forecast_runs`, unique within the account. */
  runId: string;
  accountId: string;
  metricId: string;
  /** The model that made it; `backtestAccuracy` is 1 − WAPE of its backtest, null when the series was too short. */
  model: { id: string; name: string; requested: ForecastModelKind; parameters: unknown; backtestAccuracy: number | null };
  trainingWindow: DayWindow;
  horizon: number;
  level: number;
  createdAt: Date;
  predictions: PredictedDay[];
}

/** Error measures of a stored forecast over the days whose actuals arrived. */
export interface DriftReport {
  runId: string;
  accountId: string;
  metricId: string;
  modelName: string;
  checkedAt: Date;
  daysObserved: number;
  /** Σ|actual − mean| / Σ|actual|; null without actuals or when they sum to 0. */
  wape: number | null;
  /** Mean of |actual − mean| / |actual| in percent, over days with a non-zero actual; null when there are none. */
  mape: number | null;
  /** 1 − WAPE, clamped to [0, 1] like the backtest's accuracy. */
  accuracy: number | null;
  /** Share of actuals inside [lower, upper]. */
  coverage: number | null;
  backtestAccuracy: number | null;
  /** True when enough days are observed and accuracy fell below the threshold relative to the backtest. */
  drift: boolean;
}

/** Training time and accuracy of one metric's forecasts, for monitoring. */
export interface MetricModelHealth {
  metricId: string;
  latestModel: {
    id: string;
    name: string;
    requestedModel: string;
    trainedAt: Date;
    trainingWindow: DayWindow;
    trainingMs: number;
    backtestAccuracy: number | null;
  };
  /** Over every model trained for the metric. */
  trainings: { count: number; meanMs: number; maxMs: number };
  /** The latest drift check, or null before the first. */
  latestCheck: Pick<DriftReport, 'runId' | 'modelName' | 'checkedAt' | 'daysObserved' | 'wape' | 'mape' | 'accuracy' | 'coverage' | 'backtestAccuracy' | 'drift'> | null;
}
