import { KlensError } from '../errors/klens-error.js';

/**
 * Checks that `values` is a usable time series: at least `minLength` observations, all finite.
 * Forecasting code calls this first so that a bad input fails with a coded error instead of
 * propagating NaN into every forecast.
 *
 * ### Examples
 * ```ts
 * assertSeries([1, 2, NaN], { minLength: 2 }); // throws KlensError INVALID_SERIES
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when the series is too short or holds a non-finite value.
 */
export function assertSeries(values: ArrayLike<number>, options: { minLength: number; what?: string }): void {
  const what = options.what ?? 'The series';
  if (values.length < options.minLength) {
    throw new KlensError(
      'INVALID_SERIES',
      `${what} has ${values.length} observation(s); at least ${options.minLength} are needed. Use a longer history or a shorter horizon.`,
    );
  }
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new KlensError(
        'INVALID_SERIES',
        `${what} holds a non-finite value (${String(value)}) at position ${index}. Fill or drop missing observations first.`,
      );
    }
  }
}

/**
 * Checks that `value` is an integer of at least `min`; used for horizons, origins and season lengths.
 *
 * @throws {KlensError} INVALID_PARAMETER when it is not.
 */
export function assertCount(value: number, name: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new KlensError('INVALID_PARAMETER', `\`${name}\` must be an integer of at least ${min} (got ${String(value)}).`);
  }
}
