export { ForecastService } from './forecast-service.js';
export type { ForecastServiceOptions, ModelRequest } from './service-options.js';
export { MIN_TRAINING_DAYS } from './metric-history.js';
export type { BacktestOutput, Forecaster, ForecastModelKind, ForecastOutput, ForecastRequest } from './forecaster.js';
export { defaultForecaster } from './default-forecaster.js';
export { DEFAULT_RETRAIN_POLICY, retrainReason, type RetrainPolicy, type RetrainReason } from './retrain-policy.js';
export { DEFAULT_DRIFT_POLICY, driftMeasures, isDrift, type DriftMeasures, type DriftPolicy, type ObservedDay } from './drift-measures.js';
export type { DailyActual } from './actuals.js';
export type { DayWindow, DriftReport, MetricModelHealth, PredictedDay, StoredForecast, TrainedModel } from './types.js';
