import { KlensError } from '../../errors/klens-error.js';
import { medianInPlace } from './order-statistics.js';
import { assertEnoughValues, assertPeriod, assertFiniteOrMissing, isMissing, medianOfSorted, type SeriesValue } from './series-values.js';

/** A Theil-Sen line: `value ≈ intercept + slope · t`, t counted from 0. */
export interface SensSlopeResult {
  /** Median of the pairwise slopes. */
  slope: number;
  /** Conover (1980) intercept: median(values) − median(t) · slope. */
  intercept: number;
}

/** Number of pairs i < j of present values in `column`. */
function pairCount(column: readonly SeriesValue[]): number {
  let present = 0;
  for (const value of column) if (!isMissing(value)) present += 1;
  return (present * (present - 1)) / 2;
}

/** Writes (x_j − x_i)/(j − i) for every pair i < j of present values of `column` from `offset`; returns the next offset. */
function writePairwiseSlopes(column: readonly SeriesValue[], into: Float64Array, offset: number): number {
  // NaN marks a missing value, so the hot loop is a plain self-comparison (NaN !== NaN).
  const x = Float64Array.from(column, (value) => (isMissing(value) ? Number.NaN : value));
  let next = offset;
  for (let i = 0; i < x.length - 1; i += 1) {
    const xi = x[i] as number;
    if (xi !== xi) continue;
    for (let j = i + 1; j < x.length; j += 1) {
      const xj = x[j] as number;
      if (xj === xj) into[next++] = (xj - xi) / (j - i);
    }
  }
  return next;
}

/** Median of the pairwise slopes of every column (n(n−1)/2 numbers: selected, not sorted). */
function medianPairwiseSlope(columns: readonly (readonly SeriesValue[])[]): number {
  const slopes = new Float64Array(columns.reduce((sum, column) => sum + pairCount(column), 0));
  let offset = 0;
  for (const column of columns) offset = writePairwiseSlopes(column, slopes, offset);
  return medianInPlace(slopes, slopes.length);
}

/** Median of the present values and median of their positions, as pyMannKendall's intercept uses them. */
function presentMedians(values: readonly SeriesValue[]): { value: number; position: number; count: number } {
  const present: number[] = [];
  const positions: number[] = [];
  for (const [index, value] of values.entries()) {
    if (isMissing(value)) continue;
    present.push(value);
    positions.push(index);
  }
  return { value: medianOfSorted(Float64Array.from(present).sort()), position: medianOfSorted(positions), count: present.length };
}

/**
 * Sen's slope: the median of (x_j − x_i)/(j − i) over all pairs i < j of present values, with
 * missing values keeping their place in time (pairs with a missing value are skipped).
 * Method: Theil (1950), Sen (1968); intercept by Conover (1980); as pyMannKendall `sens_slope`.
 *
 * @example
 * sensSlope([1, 3, null, 7, 9]); // { slope: 2, intercept: 1 }
 * @throws {KlensError} INVALID_SERIES with fewer than 2 present values or an infinite value.
 */
export function sensSlope(values: readonly SeriesValue[]): SensSlopeResult {
  assertFiniteOrMissing(values, "Sen's slope");
  const medians = presentMedians(values);
  assertEnoughValues(medians.count, 2, "Sen's slope");
  const slope = medianPairwiseSlope([values]);
  return { slope, intercept: medians.value - medians.position * slope };
}

/** Splits `values` into `period` seasons: season s holds values s, s + period, s + 2·period, … */
export function seasonColumns(values: readonly SeriesValue[], period: number): SeriesValue[][] {
  const columns: SeriesValue[][] = Array.from({ length: period }, () => []);
  const rows = Math.ceil(values.length / period);
  // pyMannKendall pads the last cycle with NaN; padding keeps every season the same length.
  for (let row = 0; row < rows; row += 1) {
    for (let season = 0; season < period; season += 1) {
      (columns[season] as SeriesValue[]).push(values[row * period + season] ?? null);
    }
  }
  return columns;
}

/**
 * Seasonal Sen's slope: the median of the pairwise slopes within each season, one cycle being one
 * unit of time (so the slope is per cycle, e.g. per year for monthly data with period 12).
 * Method: Hirsch, Slack & Smith (1982) / Hipel & McLeod (1994); as pyMannKendall `seasonal_sens_slope`,
 * intercept = median(values) − median(t)/period · slope.
 *
 * @example
 * seasonalSensSlope([1, 5, 2, 6, 3, 7], 2); // { slope: 1, intercept: 2.75 }
 * @throws {KlensError} INVALID_SERIES when no season has two present values; INVALID_PARAMETER for a bad period.
 */
export function seasonalSensSlope(values: readonly SeriesValue[], period: number): SensSlopeResult {
  assertFiniteOrMissing(values, "Seasonal Sen's slope");
  assertPeriod(period);
  const columns = seasonColumns(values, period);
  if (columns.every((column) => pairCount(column) === 0)) {
    throw new KlensError('INVALID_SERIES', `Seasonal Sen's slope needs two present values in at least one season (period ${period}).`);
  }
  const slope = medianPairwiseSlope(columns);
  const medians = presentMedians(values);
  return { slope, intercept: medians.value - (medians.position / period) * slope };
}
