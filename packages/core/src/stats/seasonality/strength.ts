import { KlensError } from '../../errors/klens-error.js';

/** A decomposition with one seasonal component, such as an `StlResult`. */
export interface SeasonalDecomposition {
  seasonal: ArrayLike<number>;
  remainder: ArrayLike<number>;
}

/** A decomposition with several seasonal components, such as an `MstlResult`. */
export interface MultiSeasonalDecomposition {
  seasonals: readonly ArrayLike<number>[];
  remainder: ArrayLike<number>;
}

/** A decomposition with a trend, such as an `StlResult` or `MstlResult`. */
export interface TrendDecomposition {
  trend: ArrayLike<number>;
  remainder: ArrayLike<number>;
}

/**
 * Strength of seasonality in [0, 1] (Wang, Smith & Hyndman 2006; Hyndman & Athanasopoulos,
 * FPP3 §4.3): max(0, 1 − Var(R) / Var(S + R)), where S is the seasonal component and R the
 * remainder. Near 0: the seasonal component explains little beyond noise; near 1: strong
 * seasonality. For an MSTL decomposition it returns one strength per seasonal component (each
 * with its own S, as feasts does). When S + R does not vary at all the strength is 0.
 *
 * ### Examples
 * ```ts
 * const strength = seasonalStrength(stl(series, { period: 7, seasonalWindow: 'periodic' }));
 * const [daily, weekly] = seasonalStrength(mstl(hourly, { periods: [24, 168] }));
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when components differ in length, have fewer than two
 *   values, or hold a value that is not finite.
 */
export function seasonalStrength(decomposition: SeasonalDecomposition): number;
export function seasonalStrength(decomposition: MultiSeasonalDecomposition): number[];
export function seasonalStrength(decomposition: SeasonalDecomposition | MultiSeasonalDecomposition): number | number[] {
  if ('seasonals' in decomposition) {
    return decomposition.seasonals.map((seasonal) => strength(seasonal, decomposition.remainder, 'seasonal'));
  }
  return strength(decomposition.seasonal, decomposition.remainder, 'seasonal');
}

/**
 * Strength of trend in [0, 1], likewise: max(0, 1 − Var(R) / Var(T + R)) with T the trend.
 * When T + R does not vary at all the strength is 0.
 *
 * @throws {KlensError} INVALID_SERIES as {@link seasonalStrength}.
 */
export function trendStrength(decomposition: TrendDecomposition): number {
  return strength(decomposition.trend, decomposition.remainder, 'trend');
}

function strength(component: ArrayLike<number>, remainder: ArrayLike<number>, name: string): number {
  const n = remainder.length;
  if (component.length !== n) {
    throw new KlensError(
      'INVALID_SERIES',
      `The ${name} component has ${component.length} values but the remainder has ${n}; pass one decomposition's components.`,
    );
  }
  if (n < 2) throw new KlensError('INVALID_SERIES', `Strength of ${name} needs at least two values (got ${n}).`);
  let sumR = 0;
  let sumCR = 0;
  for (let i = 0; i < n; i++) {
    const r = remainder[i]!;
    const c = component[i]!;
    if (!Number.isFinite(r) || !Number.isFinite(c)) {
      throw new KlensError('INVALID_SERIES', `Value ${i} of the decomposition is not a finite number.`);
    }
    sumR += r;
    sumCR += c + r;
  }
  const meanR = sumR / n;
  const meanCR = sumCR / n;
  let ssR = 0;
  let ssCR = 0;
  for (let i = 0; i < n; i++) {
    const r = remainder[i]! - meanR;
    const cr = component[i]! + remainder[i]! - meanCR;
    ssR += r * r;
    ssCR += cr * cr;
  }
  // Both variances share the divisor n − 1, so the ratio of sums of squares is the ratio of variances.
  if (!(ssCR > 0)) return 0;
  return Math.max(0, 1 - ssR / ssCR);
}
