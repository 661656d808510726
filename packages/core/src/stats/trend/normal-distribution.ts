import { erf, erfc } from './error-function.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal cumulative distribution Φ(x), accurate to about 1e-16 relative in both tails.
 * Method: Φ(x) = ½(1 + erf(x/√2)) near 0 and ½·erfc(|x|/√2) beyond, with Cody's erf/erfc; the
 * branch point (|x|/√2 < 1/√2) is the one scipy's `ndtr` uses, so results agree to the last bit or so.
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-8); // 6.22096057427178e-16
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const t = x * Math.SQRT1_2;
  const z = Math.abs(t);
  if (z < Math.SQRT1_2) return 0.5 + 0.5 * erf(t);
  const tail = 0.5 * erfc(z);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Standard normal density φ(x) = e^(−x²/2)/√(2π).
 *
 * @example
 * normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Lower-tail quantile for p ≤ ½, refined by Halley steps on Φ(x) − p (Φ is accurate in the lower tail). */
function lowerQuantile(p: number): number {
  // Starting point: the logistic-like closed form of the tail (Abramowitz & Stegun 26.2.23).
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 4; i += 1) {
    const error = normalCdf(x) - p;
    const u = error / normalPdf(x);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return x;
}

/**
 * Standard normal quantile Φ⁻¹(p), to about 1e-15 relative (−∞ at 0, +∞ at 1, NaN outside [0, 1]).
 * Method: Abramowitz & Stegun 26.2.23 starting value, then Halley iterations on the accurate
 * {@link normalCdf} (simple-statistics' `probit` is only good to about 1e-3, too coarse here).
 *
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  return p < 0.5 ? lowerQuantile(p) : -lowerQuantile(1 - p);
}
