import { m4SeasonalAdjustment } from './seasonal-adjustment.js';

/**
 * Naive forecast: the last observation repeated (R forecast `naive()`).
 *
 * ### Examples
 * ```ts
 * naiveForecast([3, 5, 4], 2); // [4, 4]
 * ```
 */
export function naiveForecast(values: ArrayLike<number>, horizon: number): number[] {
  const last = values[values.length - 1]!;
  return new Array<number>(horizon).fill(last);
}

/**
 * Seasonal naive: the last full season repeated (M4 `naive_seasonal`, R forecast `snaive()`).
 * With m ≤ 1, or fewer than m observations, it is the naive forecast.
 *
 * ### Examples
 * ```ts
 * seasonalNaiveForecast([1, 2, 3, 4, 5, 6], { horizon: 4, seasonLength: 3 }); // [4, 5, 6, 4]
 * ```
 */
export function seasonalNaiveForecast(values: ArrayLike<number>, options: { horizon: number; seasonLength: number }): number[] {
  const { horizon, seasonLength } = options;
  const n = values.length;
  if (seasonLength <= 1 || n < seasonLength) return naiveForecast(values, horizon);
  return Array.from({ length: horizon }, (_, step) => values[n - seasonLength + (step % seasonLength)]!);
}

/**
 * Naive2: the naive forecast of the M4-deseasonalised series, reseasonalised (the M4 baseline of OWA).
 * Source: `Benchmarks` in "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * naive2Forecast(hourlyValues, { horizon: 48, seasonLength: 24 });
 * ```
 */
export function naive2Forecast(values: ArrayLike<number>, options: { horizon: number; seasonLength: number }): number[] {
  const { adjusted, futureIndices } = m4SeasonalAdjustment(values, options);
  const last = adjusted[adjusted.length - 1]!;
  return futureIndices.map((index) => last * index);
}
