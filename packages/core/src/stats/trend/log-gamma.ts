const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0, to about 1e-15 absolute.
 * Method: Stirling's asymptotic series (Abramowitz & Stegun 6.1.41) for x ≥ 15, after the
 * recurrence ln Γ(x) = ln Γ(x + k) − ln(x(x+1)…(x+k−1)) for smaller x.
 *
 * @example
 * logGamma(0.5); // 0.5723649429247001 (= ln √π)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let product = 1;
  let z = x;
  while (z < 15) {
    product *= z;
    z += 1;
    // Keep the product finite for tiny x; fold it into the logarithm in pieces.
    if (product > 1e280) {
      shift += Math.log(product);
      product = 1;
    }
  }
  shift += Math.log(product);
  const inverse = 1 / z;
  const inverse2 = inverse * inverse;
  const series =
    inverse *
    (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680 - inverse2 * (1 / 1188 - inverse2 * (691 / 360360))))));
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series - shift;
}
