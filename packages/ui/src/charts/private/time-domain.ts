const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The x domain of a time series, from its earliest to its latest time (epoch milliseconds). A
 * single instant is widened by a day on each side so that one point sits mid-chart instead of
 * making the scale degenerate (which would produce NaN coordinates).
 *
 * @throws RangeError when `times` is empty.
 *
 * ### Examples
 * ```ts
 * timeDomain([Date.UTC(2025, 0, 3), Date.UTC(2025, 0, 1)]); // [2025-01-01, 2025-01-03]
 * timeDomain([Date.UTC(2025, 0, 1)]); // [2024-12-31, 2025-01-02]
 * ```
 */
export function timeDomain(times: readonly number[]): [Date, Date] {
  if (times.length === 0) throw new RangeError('timeDomain needs at least one time');
  let min = Infinity;
  let max = -Infinity;
  for (const time of times) {
    if (time < min) min = time;
    if (time > max) max = time;
  }
  if (min === max) return [new Date(min - DAY_MS), new Date(max + DAY_MS)];
  return [new Date(min), new Date(max)];
}
