/** Accuracy of forecasts against actuals, pooled over whatever errors were collected. */
export interface AccuracySummary {
  /** Mean absolute scaled error (scaled by each origin's in-sample seasonal naive MAE); null when every scale is 0. */
  mase: number | null;
  /** M4's symmetric MAPE, percent. */
  smape: number;
  rmse: number;
  /** Mean absolute percentage error over non-zero actuals, percent; null when every actual is 0. */
  mape: number | null;
  /** Weighted absolute percentage error Σ|e| / Σ|y|, as a fraction; null when every actual is 0. */
  wape: number | null;
  /** Share of actuals inside the prediction interval, in [0, 1]. */
  coverage: number;
  /** Number of forecast–actual pairs. */
  count: number;
}

/** One forecast–actual pair with what is needed to score it. */
export interface ScoredPoint {
  actual: number;
  forecast: number;
  lower: number;
  upper: number;
  /** In-sample seasonal naive MAE of the training data the forecast came from. */
  scale: number;
}

/**
 * Summarises forecast–actual pairs with the usual measures (Hyndman & Koehler 2006): MASE, sMAPE
 * (M4's definition), RMSE, MAPE, WAPE and interval coverage.
 *
 * ### Examples
 * ```ts
 * summariseAccuracy([{ actual: 10, forecast: 8, lower: 5, upper: 11, scale: 2 }]).wape; // 0.2
 * ```
 */
export function summariseAccuracy(points: readonly ScoredPoint[]): AccuracySummary {
  let scaledSum = 0;
  let scaledCount = 0;
  let smapeSum = 0;
  let squaredSum = 0;
  let percentSum = 0;
  let percentCount = 0;
  let absoluteSum = 0;
  let actualSum = 0;
  let covered = 0;
  for (const { actual, forecast, lower, upper, scale } of points) {
    const error = Math.abs(actual - forecast);
    if (scale > 0) {
      scaledSum += error / scale;
      scaledCount += 1;
    }
    const denominator = Math.abs(actual) + Math.abs(forecast);
    if (denominator > 0) smapeSum += (200 * error) / denominator;
    squaredSum += error * error;
    if (actual !== 0) {
      percentSum += (100 * error) / Math.abs(actual);
      percentCount += 1;
    }
    absoluteSum += error;
    actualSum += Math.abs(actual);
    if (actual >= lower && actual <= upper) covered += 1;
  }
  const count = points.length;
  return {
    mase: scaledCount > 0 ? scaledSum / scaledCount : null,
    smape: count > 0 ? smapeSum / count : 0,
    rmse: count > 0 ? Math.sqrt(squaredSum / count) : 0,
    mape: percentCount > 0 ? percentSum / percentCount : null,
    wape: actualSum > 0 ? absoluteSum / actualSum : null,
    coverage: count > 0 ? covered / count : 0,
    count,
  };
}
