import { medianInPlace } from '../trend/order-statistics.js';

/** R's consistency constant for the MAD: 1/Φ⁻¹(3/4), so the MAD estimates σ for normal data. */
export const MAD_CONSTANT = 1.4826;

/**
 * Scaled median absolute deviation around `center`, as R's `mad(x, center)`: 1.4826 · median|x − center|.
 * `scratch` must hold at least `values.length` numbers; it is overwritten.
 */
export function medianAbsoluteDeviation(values: ArrayLike<number>, center: number, scratch: Float64Array): number {
  const n = values.length;
  for (let i = 0; i < n; i += 1) scratch[i] = Math.abs((values[i] as number) - center);
  return MAD_CONSTANT * medianInPlace(scratch, n);
}
