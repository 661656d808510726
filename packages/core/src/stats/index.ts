// Statistics of a metric over time. Each folder's index.ts lists its public names; this file
// forwards them so that callers import from one place.
export * from './trend/index.js';
export * from './seasonality/index.js';
export * from './outliers/index.js';
export {
  analyzeTimeSeries,
  type AnalyzeTimeSeriesOptions,
  type DailyValue,
  type NotAnalyzed,
  type OutlierAnalysis,
  type SeasonalityAnalysis,
  type TimeSeriesAnalysis,
  type TrendAnalysis,
} from './analyze-time-series.js';
