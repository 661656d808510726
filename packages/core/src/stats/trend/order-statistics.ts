// Medians by selection: O(n) instead of a sort, and exactly the same order statistics.

/** Moves the k-th smallest of `values[from..to]` to position k (Hoare's quickselect, in place). */
export function select(values: Float64Array, k: number, from: number, to: number): number {
  let left = from;
  let right = to;
  while (left < right) {
    const pivot = values[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
}

/** Median of `scratch[0..n)` by selection, reordering it; the mean of the two middle values for even n (R). */
export function medianInPlace(scratch: Float64Array, n: number): number {
  const middle = n >> 1;
  const upper = select(scratch, middle, 0, n - 1);
  if (n % 2 === 1) return upper;
  // After selection everything left of `middle` is ≤ upper: the lower middle is their maximum.
  let lower = scratch[0] as number;
  for (let i = 1; i < middle; i += 1) if ((scratch[i] as number) > lower) lower = scratch[i] as number;
  return (lower + upper) / 2;
}
