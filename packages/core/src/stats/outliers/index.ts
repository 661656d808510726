// Outlier detection: Seasonal Hybrid ESD (Twitter AnomalyDetection), Rosner's generalized ESD on
// median/MAD, and the modified z-score for short series.
export { hybridGeneralizedEsd, esdCriticalValue, type AnomalyDirection, type HybridEsdOptions, type HybridEsdResult } from './generalized-esd.js';
export { seasonalHybridEsd, type Anomaly, type SeasonalHybridEsdOptions, type SeasonalHybridEsdResult } from './seasonal-hybrid-esd.js';
export {
  seasonalHybridEsdTs,
  type SeasonalHybridEsdTsOptions,
  type SeasonalHybridEsdTsResult,
  type TimedAnomaly,
  type TimedValue,
} from './seasonal-hybrid-esd-ts.js';
export { robustZScoreOutliers, type RobustZScore, type RobustZScoreOptions, type RobustZScoreResult } from './robust-z-score.js';
export { MAD_CONSTANT } from './robust-scale.js';
