import { classicalDecomposition } from './classical-decomposition.js';
import { m4SeasonalityTest } from './seasonality-test.js';

/** Result of {@link m4SeasonalAdjustment}. */
export interface M4SeasonalAdjustment {
  /** Whether the M4 seasonality test found the season (otherwise every index is 1). */
  seasonal: boolean;
  /** x divided by its in-sample seasonal index. */
  adjusted: number[];
  /** In-sample seasonal indices, aligned with the input. */
  indices: number[];
  /** Indices for the next `horizon` steps: the last m in-sample indices repeated. */
  futureIndices: number[];
}

/**
 * The M4 benchmarks' deseasonalisation: when m > 1 and {@link m4SeasonalityTest} holds, divide by the
 * multiplicative classical decomposition's seasonal index, and reseasonalise forecasts with the last m
 * indices. Source: `Benchmarks` in "Benchmarks and Evaluation.R", Mcompetitions/M4-methods.
 *
 * ### Examples
 * ```ts
 * const { adjusted, futureIndices } = m4SeasonalAdjustment(hourly, { seasonLength: 24, horizon: 48 });
 * const naive2 = futureIndices.map((index) => adjusted.at(-1)! * index);
 * ```
 */
export function m4SeasonalAdjustment(
  values: ArrayLike<number>,
  options: { seasonLength: number; horizon: number },
): M4SeasonalAdjustment {
  const { seasonLength, horizon } = options;
  const n = values.length;
  if (seasonLength <= 1 || !m4SeasonalityTest(values, seasonLength)) {
    return { seasonal: false, adjusted: Array.from(values), indices: new Array<number>(n).fill(1), futureIndices: new Array<number>(horizon).fill(1) };
  }
  const { seasonal: indices } = classicalDecomposition(values, seasonLength, 'multiplicative');
  const adjusted = indices.map((index, t) => values[t]! / index);
  const lastSeason = indices.slice(n - seasonLength);
  const futureIndices = Array.from({ length: horizon }, (_, step) => lastSeason[step % seasonLength]!);
  return { seasonal: true, adjusted, indices, futureIndices };
}
