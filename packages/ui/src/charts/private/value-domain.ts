/**
 * The y domain of a revenue chart: the values' extent widened to include zero, so bars of
 * revenue read from a true baseline and refunds (negative values) stay in view. All-zero or empty
 * input gives `[0, 1]` so the scale never collapses to a point.
 *
 * ### Examples
 * ```ts
 * valueDomain([120, 80, 300]); // [0, 300]
 * valueDomain([50, -20]); // [-20, 50]
 * valueDomain([0, 0]); // [0, 1]
 * ```
 */
export function valueDomain(values: readonly number[]): [number, number] {
  let min = 0;
  let max = 0;
  // A loop, not Math.min(...values): spreading very long series can overflow the call stack.
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min === max ? [0, 1] : [min, max];
}
