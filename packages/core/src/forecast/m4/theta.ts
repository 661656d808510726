import { m4SeasonalAdjustment } from './seasonal-adjustment.js';
import { simpleExponentialSmoothing } from './simple-exponential-smoothing.js';

/** Result of {@link thetaClassic}. */
export interface ThetaFit {
  mean: number[];
  fitted: number[];
  /** Intercept and slope of the theta = 0 line (least squares on t = 1…n). */
  intercept: number;
  slope: number;
  /** SES smoothing parameter of the theta = 2 line. */
  alpha: number;
}

/**
 * Least-squares line through (1, x₁) … (n, xₙ), as R `lm(x ~ t)`.
 */
export function linearTrend(values: ArrayLike<number>): { intercept: number; slope: number } {
  const n = values.length;
  const meanTime = (n + 1) / 2;
  let meanValue = 0;
  for (let t = 0; t < n; t += 1) meanValue += values[t]!;
  meanValue /= n;
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < n; t += 1) {
    const dt = t + 1 - meanTime;
    numerator += dt * (values[t]! - meanValue);
    denominator += dt * dt;
  }
  const slope = denominator > 0 ? numerator / denominator : 0;
  return { intercept: meanValue - slope * meanTime, slope };
}

/**
 * Classic Theta method (Assimakopoulos & Nikolopoulos 2000) as the M4 `Theta.classic`: the theta = 2
 * line 2x − L(t) is extrapolated by SES, the theta = 0 line L(t) by its linear trend, and the two are
 * averaged 50/50; negative forecasts become 0 unless `nonNegative` is false (M4 data are positive).
 * Source: "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * thetaClassic([1, 2, 3, 4, 5, 6], 2).mean; // ≈ [6.5, 7]: half the trend line, half the SES level
 * ```
 */
export function thetaClassic(values: ArrayLike<number>, horizon: number, options: { nonNegative?: boolean } = {}): ThetaFit {
  const floor = options.nonNegative === false ? Number.NEGATIVE_INFINITY : 0;
  const n = values.length;
  const { intercept, slope } = linearTrend(values);
  const line0 = (t: number) => intercept + slope * t;
  const line2 = Array.from({ length: n }, (_, t) => 2 * values[t]! - line0(t + 1));
  const ses = simpleExponentialSmoothing(line2);
  const fitted = ses.fitted.map((value, t) => 0.5 * value + 0.5 * line0(t + 1));
  const mean = Array.from({ length: horizon }, (_, step) => Math.max(floor, 0.5 * ses.level + 0.5 * line0(n + step + 1)));
  return { mean, fitted, intercept, slope, alpha: ses.alpha };
}

/**
 * The M4 Theta benchmark: {@link thetaClassic} on the M4-deseasonalised series, reseasonalised.
 *
 * ### Examples
 * ```ts
 * m4ThetaForecast(hourlyValues, { horizon: 48, seasonLength: 24 });
 * ```
 */
export function m4ThetaForecast(values: ArrayLike<number>, options: { horizon: number; seasonLength: number }): number[] {
  const { adjusted, futureIndices } = m4SeasonalAdjustment(values, options);
  const { mean } = thetaClassic(adjusted, options.horizon);
  return mean.map((value, step) => value * futureIndices[step]!);
}
