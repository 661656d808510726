export { autocorrelation, defaultAcfLags } from './autocorrelation.js';
export { m4SeasonalityTest, type SeasonalityTestOptions } from './seasonality-test.js';
export { centredMovingAverage, classicalDecomposition, type ClassicalDecomposition } from './classical-decomposition.js';
export { m4SeasonalAdjustment, type M4SeasonalAdjustment } from './seasonal-adjustment.js';
export { naiveForecast, seasonalNaiveForecast, naive2Forecast } from './naive.js';
export { simpleExponentialSmoothing, sesAt, m4SesForecast, type SesFit } from './simple-exponential-smoothing.js';
export { linearTrend, thetaClassic, m4ThetaForecast, type ThetaFit } from './theta.js';
export { smape, mase, maseScale, owa, msis } from './accuracy-measures.js';
