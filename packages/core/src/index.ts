// Errors and the injected world
export { KlensError, isKlensError, type KlensErrorCode } from './errors/klens-error.js';
export { createJsonLogger, silentLogger, type LogFields, type Logger, type LogLevel } from './logging/logger.js';
export { systemClock, type Clock } from './time/clock.js';

// Database
export type { DatabaseEngine, KlensDatabase } from './database/database.js';
export type { KlensTables } from './database/tables.js';
export { databaseConfigFrom, type DatabaseConfig } from './database/config.js';
export { openDatabase } from './database/open-database.js';
export { migrateToLatest } from './database/migrate.js';

// Klaviyo
export {
  createKlaviyoClient,
  KLAVIYO_REVISION,
  type KlaviyoClient,
  type KlaviyoClientOptions,
  type KlaviyoDocument,
  type KlaviyoQuery,
  type KlaviyoResponse,
} from './klaviyo/client.js';
export { KlaviyoCursorExpiredError, KlaviyoError, type KlaviyoErrorObject } from './klaviyo/errors.js';
export { klaviyoDatetime, klaviyoFilter } from './klaviyo/filter.js';
export type {
  KlaviyoBodyOf,
  KlaviyoGetPath,
  KlaviyoPathParamsOf,
  KlaviyoPostPath,
  KlaviyoQueryOf,
  KlaviyoRequestOptions,
  KlaviyoResponseOf,
} from './klaviyo/api-types.js';
export type { components as KlaviyoComponents, paths as KlaviyoPaths } from './klaviyo/generated/openapi.js';
export { createRateLimiter, type RateLimiter } from './klaviyo/request/rate-limiter.js';
export { KLAVIYO_OPERATIONS, type KlaviyoOperation } from './klaviyo/request/operations.js';

// Sync (extract, transform, load)
export { syncAccount } from './sync/sync-account.js';
export { RESOURCE_STREAMS, type ResourceStreamName, type StreamReport, type SyncOptions, type SyncProgress, type SyncReport } from './sync/types.js';

// Queries
export {
  metricTimeSeries,
  type MetricTimeSeries,
  type MetricTimeSeriesPoint,
  type MetricTimeSeriesQuery,
} from './metrics/metric-time-series.js';
export {
  assertDateRange,
  isLocalDate,
  localDateIn,
  addDays,
  MAX_TIME_SERIES_POINTS,
  TIME_INTERVALS,
  type TimeInterval,
} from './metrics/date-range.js';
export { checkDatabase, lastSyncAt, type DatabaseHealth } from './accounts/account-status.js';

// Forecasting (forecast, backtest, M4 benchmarks and measures, ETS)
export * from './forecast/index.js';

// Statistics (trend, seasonality, outliers, analyzeTimeSeries)
export * from './stats/index.js';

// Forecast service (trained, stored forecasts; drift and model health)
export * from './forecast-service/index.js';
