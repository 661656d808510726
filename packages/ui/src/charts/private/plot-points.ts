/** One drawable point of a time series, in date order. */
export type PlotPoint = {
  readonly date: Date;
  /** `date` as epoch milliseconds, kept for bisection. */
  readonly time: number;
  readonly value: number;
};

/**
 * Reads a series through its accessors into drawable points sorted by date (stable for equal
 * dates). Points with an invalid date or a non-finite value are dropped, so the line never
 * contains NaN and has exactly one command per drawn point.
 *
 * ### Examples
 * ```ts
 * plotPoints(
 *   [{ day: '2025-01-02', cents: 500 }, { day: '2025-01-01', cents: 100 }],
 *   (d) => new Date(d.day),
 *   (d) => d.cents / 100,
 * ).map((p) => p.value); // [1, 5]
 * ```
 */
export function plotPoints<Datum>(
  data: readonly Datum[],
  xAccessor: (d: Datum) => Date,
  yAccessor: (d: Datum) => number,
): PlotPoint[] {
  const points: PlotPoint[] = [];
  for (const datum of data) {
    const date = xAccessor(datum);
    const value = yAccessor(datum);
    const time = date.getTime();
    if (Number.isFinite(time) && Number.isFinite(value)) points.push({ date, time, value });
  }
  return points.sort((a, b) => a.time - b.time);
}
