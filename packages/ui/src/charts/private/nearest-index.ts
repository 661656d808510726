/**
 * The index of the value in an ascending array closest to `target`, found by bisection
 * (the same lookup d3-array's `bisector(...).center` performs); ties go to the earlier value.
 * Returns -1 for an empty array.
 *
 * ### Examples
 * ```ts
 * nearestIndex([0, 10, 20], 14); // 1
 * nearestIndex([0, 10, 20], 16); // 2
 * nearestIndex([0, 10, 20], -5); // 0
 * ```
 */
export function nearestIndex(sorted: readonly number[], target: number): number {
  if (sorted.length === 0) return -1;
  let low = 0;
  let high = sorted.length;
  // Find the first index whose value is >= target.
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return 0;
  if (low === sorted.length) return sorted.length - 1;
  const before = sorted[low - 1] as number;
  const after = sorted[low] as number;
  return target - before <= after - target ? low - 1 : low;
}
