import { KlensError } from '../../errors/klens-error.js';

/** One observation of a series: a finite number, or `null`/`NaN` for a missing value. */
export type SeriesValue = number | null;

/**
 * True for a missing observation (`null`, `undefined` or `NaN`), as pyMannKendall treats `NaN`.
 *
 * @example
 * [3, null, Number.NaN].map(isMissing); // [false, true, true]
 */
export function isMissing(value: SeriesValue | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** The present values in order, missing ones dropped (pyMannKendall's `skip` analysis). */
export function presentValues(values: readonly SeriesValue[]): number[] {
  const present: number[] = [];
  for (const value of values) if (!isMissing(value)) present.push(value);
  return present;
}

/** Median of already-sorted numbers, averaging the two middle ones (numpy and R conventions). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const middle = n >> 1;
  return n % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median of numbers in any order (copies before sorting). */
export function median(values: ArrayLike<number>): number {
  return medianOfSorted(Float64Array.from(values).sort());
}

/** Rejects an infinite value: the tests below would silently turn it into NaN. */
export function assertFiniteOrMissing(values: readonly SeriesValue[], what: string): void {
  for (const [index, value] of values.entries()) {
    if (!isMissing(value) && !Number.isFinite(value)) {
      throw new KlensError('INVALID_SERIES', `${what}: value ${index} is ${String(value)}; use a finite number, or null for a missing value.`);
    }
  }
}

/** Throws INVALID_SERIES unless at least `minimum` values are present. */
export function assertEnoughValues(present: number, minimum: number, what: string): void {
  if (present < minimum) {
    throw new KlensError('INVALID_SERIES', `${what} needs at least ${minimum} non-missing values (got ${present}).`);
  }
}

/** Throws INVALID_PARAMETER unless 0 < alpha < 1. */
export function assertAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) {
    throw new KlensError('INVALID_PARAMETER', `alpha must lie strictly between 0 and 1 (got ${alpha}).`);
  }
}

/** Throws INVALID_PARAMETER unless `period` is an integer ≥ 1. */
export function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new KlensError('INVALID_PARAMETER', `period must be a whole number of observations per cycle, at least 1 (got ${period}).`);
  }
}
