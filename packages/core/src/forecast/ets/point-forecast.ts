import type { EtsComponents } from './types.js';

/**
 * Point forecasts h = 1..horizon from a state row (level, trend, s1..sm), as R's `etsforecast`,
 * which R uses for simulated intervals and multiplicative trends. Its damping exponent runs
 * φ, 2φ, 2φ + φ², … (R adds φ^(i+1) after step i, where the textbook has φ + φ² + …); kept because
 * R's reference forecasts for MMdM follow it. Additive damped trends get their means from the
 * analytic path instead, which uses the textbook sum.
 * Method: Hyndman et al. (2008) table 2.1; code: R forecast src/etscalc.c `forecast`.
 *
 * @example
 * etsPointForecast([10, 2], { error: 'A', trend: 'A', season: 'N', damped: false }, 1, 1, 3); // [12, 14, 16]
 */
export function etsPointForecast(
  state: readonly number[],
  components: EtsComponents,
  m: number,
  phi: number,
  horizon: number,
): number[] {
  const level = state[0] as number;
  const hasTrend = components.trend !== 'N';
  const growth = hasTrend ? (state[1] as number) : 0;
  const seasonStart = hasTrend ? 2 : 1;
  const damping = components.damped ? phi : 1;
  const out: number[] = [];
  let phistar = damping;
  for (let i = 0; i < horizon; i += 1) {
    let f: number;
    if (components.trend === 'N') f = level;
    else if (components.trend === 'A') f = level + phistar * growth;
    else f = growth < 0 ? NaN : level * Math.pow(growth, phistar);
    if (components.season !== 'N') {
      const j = (((m - 1 - i) % m) + m) % m;
      const s = state[seasonStart + j] as number;
      f = components.season === 'A' ? f + s : f * s;
    }
    out.push(f);
    phistar += Math.abs(damping - 1) < 1e-10 ? 1 : Math.pow(damping, i + 1);
  }
  return out;
}
