import { KlensError } from '../../errors/klens-error.js';
import { assertAlpha, isMissing, type SeriesValue } from '../trend/series-values.js';
import { detectAnomaliesInPiece, type PieceAnomaly } from './detect-anomalies.js';
import type { AnomalyDirection } from './generalized-esd.js';

/** Options of {@link seasonalHybridEsd}; defaults are those of R's AnomalyDetectionVec. */
export interface SeasonalHybridEsdOptions {
  /** Observations per seasonal cycle (R `period`), e.g. 7 for daily data with a weekly cycle. */
  period: number;
  /** Largest share of the points that may be anomalies, ≤ 0.49. Default 0.1. */
  maxAnoms?: number;
  /** Default 'pos' (R's default): only spikes. Use 'both' for drops too. */
  direction?: AnomalyDirection;
  /** Significance level. Default 0.05. */
  alpha?: number;
  /**
   * R `longterm_period`: run the test on consecutive pieces of this many observations (the last
   * piece is the final `longtermPeriod` points), so a long trend does not mask anomalies. Default: one piece.
   */
  longtermPeriod?: number;
  /** R `only_last = TRUE`: report only anomalies in the last `period` observations. Default false. */
  onlyLast?: boolean;
}

/** One anomaly. */
export interface Anomaly {
  /** Position in the input series. */
  index: number;
  value: number;
  /** R's expected value (e_value): trunc(trend + seasonal) of the decomposition. */
  expected: number;
}

/** S-H-ESD's answer with the parameters it ran with. */
export interface SeasonalHybridEsdResult {
  method: 'seasonal-hybrid-esd';
  parameters: { period: number; maxAnoms: number; direction: AnomalyDirection; alpha: number; longtermPeriod: number | null; onlyLast: boolean };
  /** Anomalies in time order. */
  anomalies: Anomaly[];
}

/** Validates the options shared with {@link seasonalHybridEsdTs}. */
export function assertEsdOptions(maxAnoms: number, direction: string, alpha: number): void {
  assertAlpha(alpha);
  if (!(maxAnoms > 0 && maxAnoms <= 0.49)) {
    throw new KlensError('INVALID_PARAMETER', `maxAnoms must be above 0 and at most 0.49 (got ${maxAnoms}).`);
  }
  if (!['pos', 'neg', 'both'].includes(direction)) {
    throw new KlensError('INVALID_PARAMETER', `direction must be 'pos', 'neg' or 'both' (got ${JSON.stringify(direction)}).`);
  }
}

/** R's index pieces for `longterm_period`: [j, j + L) for j = 0, L, 2L, …; a short last piece becomes the last L points. */
function indexPieces(n: number, length: number | undefined): { start: number; end: number }[] {
  if (length === undefined || length >= n) return [{ start: 0, end: n }];
  const pieces: { start: number; end: number }[] = [];
  for (let start = 0; start < n; start += length) {
    pieces.push(start + length <= n ? { start, end: start + length } : { start: n - length, end: n });
  }
  return pieces;
}

/** Collects piece anomalies into unique, time-ordered anomalies of the whole series. */
export function mergeAnomalies(values: readonly SeriesValue[], found: Iterable<PieceAnomaly>): Anomaly[] {
  const byIndex = new Map<number, Anomaly>();
  for (const { index, expected } of found) {
    const value = values[index];
    if (!byIndex.has(index) && !isMissing(value)) byIndex.set(index, { index, value, expected });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/**
 * Seasonal Hybrid ESD anomaly detection on a series of evenly spaced values.
 * Method: Vallis, Hochenbaum & Kejariwal (2014), "A Novel Technique for Long-Term Anomaly Detection
 * in the Cloud" — reproduces Twitter's R `AnomalyDetectionVec` (threshold 'None'): STL (periodic,
 * robust) → remainder − median → Rosner's generalized ESD on median/MAD, k = trunc(n · maxAnoms).
 * Missing values are allowed only at the start or end (as in R).
 *
 * @example
 * seasonalHybridEsd(counts, { period: 1440, maxAnoms: 0.02, direction: 'both' }).anomalies.length; // 131 on R's raw_data
 * @throws {KlensError} INVALID_SERIES for fewer than 2 periods or a missing value inside;
 *   INVALID_PARAMETER for options out of range.
 */
export function seasonalHybridEsd(values: readonly SeriesValue[], options: SeasonalHybridEsdOptions): SeasonalHybridEsdResult {
  const { period } = options;
  const direction = options.direction ?? 'pos';
  const alpha = options.alpha ?? 0.05;
  const onlyLast = options.onlyLast ?? false;
  const n = values.length;
  assertEsdOptions(options.maxAnoms ?? 0.1, direction, alpha);
  if (!Number.isInteger(period) || period < 2) throw new KlensError('INVALID_PARAMETER', `period must be a whole number ≥ 2 (got ${period}).`);
  const longtermPeriod = options.longtermPeriod;
  if (longtermPeriod !== undefined && (!Number.isInteger(longtermPeriod) || longtermPeriod < 2 * period)) {
    throw new KlensError('INVALID_PARAMETER', `longtermPeriod must be a whole number of at least two periods (${2 * period}); got ${longtermPeriod}.`);
  }
  // R raises max_anoms to 1/n so that at least one anomaly can be reported.
  const maxAnoms = Math.max(options.maxAnoms ?? 0.1, 1 / n);
  const found: PieceAnomaly[] = [];
  for (const { start, end } of indexPieces(n, longtermPeriod)) {
    const piece = detectAnomaliesInPiece(values.slice(start, end), { period, maxAnoms, alpha, direction });
    for (const anomaly of piece) found.push({ ...anomaly, index: anomaly.index + start });
  }
  const anomalies = mergeAnomalies(values, found).filter((anomaly) => !onlyLast || anomaly.index >= n - period);
  return { method: 'seasonal-hybrid-esd', parameters: { period, maxAnoms, direction, alpha, longtermPeriod: longtermPeriod ?? null, onlyLast }, anomalies };
}
