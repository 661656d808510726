// Forecasting: the `forecast` front door, rolling-origin backtests, the M4 benchmarks and measures,
// and ETS (its own folder, re-exported whole). Generic helpers (acf, normal quantile, trend line)
// stay internal: core's stats folder exports its own under those names.
export { forecast } from './forecast.js';
export { backtest, type BacktestOptions, type BacktestOrigin, type BacktestResult } from './backtest/backtest.js';
export { summariseAccuracy, type AccuracySummary, type ScoredPoint } from './backtest/accuracy-summary.js';
export { rollingOrigins, rollingOriginErrors, type RollingOriginOptions } from './backtest/rolling-origins.js';
export { backtestIntervals, randomWalkIntervals } from './intervals/backtest-intervals.js';
export { chooseSeasonLengths } from './seasonality/choose-season-lengths.js';
export { assertSeries } from './validate-series.js';
export type {
  ForecastModel,
  ForecastModelName,
  ForecastOptions,
  ForecastResult,
  IntervalMethod,
  PredictionInterval,
} from './types.js';
export {
  classicalDecomposition,
  m4SeasonalAdjustment,
  m4SeasonalityTest,
  m4SesForecast,
  m4ThetaForecast,
  mase,
  maseScale,
  msis,
  naive2Forecast,
  naiveForecast,
  owa,
  seasonalNaiveForecast,
  sesAt,
  simpleExponentialSmoothing,
  smape,
  thetaClassic,
  type ClassicalDecomposition,
  type M4SeasonalAdjustment,
  type SeasonalityTestOptions,
  type SesFit,
  type ThetaFit,
} from './m4/index.js';
export * from './ets/index.js';
