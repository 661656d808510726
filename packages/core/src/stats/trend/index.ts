// Trend tests: Mann-Kendall family (pyMannKendall conventions), Sen's slope, least squares,
// period-over-period change, and the distributions they need.
export { erf, erfc } from './error-function.js';
export { normalCdf, normalPdf, normalQuantile } from './normal-distribution.js';
export { logGamma } from './log-gamma.js';
export { regularizedIncompleteBeta } from './incomplete-beta.js';
export { studentTCdf, studentTPdf, studentTQuantile } from './student-t-distribution.js';
export { isMissing, type SeriesValue } from './series-values.js';
export { type TrendDirection } from './mann-kendall-statistics.js';
export { sensSlope, seasonalSensSlope, type SensSlopeResult } from './sens-slope.js';
export { mannKendallTest, type MannKendallOptions, type MannKendallResult } from './mann-kendall.js';
export { seasonalMannKendallTest, type SeasonalMannKendallOptions, type SeasonalMannKendallResult } from './seasonal-mann-kendall.js';
export { hamedRaoMannKendallTest, type HamedRaoOptions, type HamedRaoResult } from './hamed-rao.js';
export { yueWangMannKendallTest, type YueWangOptions, type YueWangResult } from './yue-wang.js';
export { preWhiteningMannKendallTest, trendFreePreWhiteningMannKendallTest } from './pre-whitening.js';
export { linearTrend, type ConfidenceInterval, type LinearTrendOptions, type LinearTrendResult } from './linear-trend.js';
export { welchTTest, type WelchTTestResult } from './welch-t-test.js';
export { periodOverPeriodChange, type PeriodOverPeriodOptions, type PeriodOverPeriodResult } from './period-over-period.js';
