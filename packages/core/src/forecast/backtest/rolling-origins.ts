/** Where a rolling-origin evaluation cuts the series. */
export interface RollingOriginOptions {
  /** Steps forecast from each origin. */
  horizon: number;
  /** Number of origins wanted. */
  origins: number;
  /** Observations between consecutive origins. Default `horizon` (non-overlapping test windows). */
  step?: number;
  /** Shortest training set allowed; origins that would train on less are dropped. */
  minTrainLength: number;
}

/**
 * Training lengths of a rolling-origin evaluation (Tashman 2000), ascending: the last origin leaves
 * exactly `horizon` observations to test on, and each earlier one is `step` observations before it.
 *
 * ### Examples
 * ```ts
 * rollingOrigins(100, { horizon: 10, origins: 3, step: 5, minTrainLength: 20 }); // [80, 85, 90]
 * ```
 */
export function rollingOrigins(length: number, options: RollingOriginOptions): number[] {
  const step = Math.max(1, options.step ?? options.horizon);
  const result: number[] = [];
  for (let i = options.origins - 1; i >= 0; i -= 1) {
    const trainLength = length - options.horizon - i * step;
    if (trainLength >= options.minTrainLength) result.push(trainLength);
  }
  return result;
}

/**
 * Forecast errors (actual − forecast) from each rolling origin, one row per origin, `horizon` columns.
 *
 * ### Examples
 * ```ts
 * const errors = rollingOriginErrors(values, (train) => naiveForecast(train, 7), { horizon: 7, origins: 3, minTrainLength: 2 });
 * ```
 */
export function rollingOriginErrors(
  values: ArrayLike<number>,
  forecastFrom: (train: number[]) => number[],
  options: RollingOriginOptions,
): number[][] {
  const all = Array.from(values);
  return rollingOrigins(all.length, options).map((trainLength) => {
    const mean = forecastFrom(all.slice(0, trainLength));
    return Array.from({ length: options.horizon }, (_, h) => all[trainLength + h]! - mean[h]!);
  });
}
