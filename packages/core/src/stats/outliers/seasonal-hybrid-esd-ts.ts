import { KlensError } from '../../errors/klens-error.js';
import type { SeriesValue } from '../trend/series-values.js';
import { detectAnomaliesInPiece, type PieceAnomaly } from './detect-anomalies.js';
import type { AnomalyDirection } from './generalized-esd.js';
import { assertEsdOptions, mergeAnomalies, type Anomaly } from './seasonal-hybrid-esd.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** One timestamped observation; `timestamp` is milliseconds since the epoch (UTC). */
export interface TimedValue {
  timestamp: number;
  value: SeriesValue;
}

/** Options of {@link seasonalHybridEsdTs}; defaults are those of R's AnomalyDetectionTs. */
export interface SeasonalHybridEsdTsOptions {
  /** Largest share of the points that may be anomalies, ≤ 0.49. Default 0.1. */
  maxAnoms?: number;
  /** Default 'pos'. */
  direction?: AnomalyDirection;
  /** Default 0.05. */
  alpha?: number;
  /** Report only anomalies in the last day or hour (R `only_last`; 'hr' means 'day' for daily data). */
  onlyLast?: 'day' | 'hr';
  /** Run on pieces of `piecewiseMedianPeriodWeeks` weeks (R `longterm = TRUE`). Default false. */
  longterm?: boolean;
  /** Piece length in weeks for `longterm`, ≥ 2. Default 2. */
  piecewiseMedianPeriodWeeks?: number;
}

/** Time-stamped anomaly. */
export interface TimedAnomaly extends Anomaly {
  timestamp: number;
}

export interface SeasonalHybridEsdTsResult {
  method: 'seasonal-hybrid-esd';
  parameters: {
    granularity: 'min' | 'hr' | 'day';
    period: number;
    maxAnoms: number;
    direction: AnomalyDirection;
    alpha: number;
    longterm: boolean;
    piecewiseMedianPeriodWeeks: number;
    onlyLast: 'day' | 'hr' | null;
  };
  anomalies: TimedAnomaly[];
}

/** R's get_gran: the spacing of the last two timestamps decides minute, hour or day data. */
function granularity(points: readonly TimedValue[]): { granularity: 'min' | 'hr' | 'day'; period: number } {
  const sorted = points.map((point) => point.timestamp).sort((a, b) => a - b);
  const step = Math.round(((sorted[sorted.length - 1] as number) - (sorted[sorted.length - 2] as number)) / SECOND);
  if (step >= 86_400) return { granularity: 'day', period: 7 };
  if (step >= 3600) return { granularity: 'hr', period: 24 };
  if (step >= 60) return { granularity: 'min', period: 1440 };
  throw new KlensError('INVALID_SERIES', 'S-H-ESD on timestamps supports minute, hourly or daily data; sum sub-minute data to minutes first.');
}

/** R's longterm pieces: from each piece start, the next `days` days; a short last piece is replaced by the last `days` days. */
function timePieces(points: readonly TimedValue[], observations: number, days: number): { start: number; end: number }[] {
  const n = points.length;
  const last = (points[n - 1] as TimedValue).timestamp;
  const span = days * DAY;
  const pieces: { start: number; end: number }[] = [];
  for (let j = 0; j < n; j += observations) {
    const first = (points[j] as TimedValue).timestamp;
    const end = Math.min(first + span, last);
    const inPiece = end - first === span ? (t: number) => t >= first && t < end : (t: number) => t > last - span && t <= last;
    const indices = points.flatMap((point, index) => (inPiece(point.timestamp) ? [index] : []));
    if (indices.length > 0) pieces.push({ start: indices[0] as number, end: (indices[indices.length - 1] as number) + 1 });
  }
  return pieces;
}

/**
 * Seasonal Hybrid ESD on time-stamped data, as Twitter's R `AnomalyDetectionTs` (threshold 'None'):
 * the period follows from the spacing (minutes → 1440, hours → 24, days → 7), `longterm` splits the
 * data into pieces of two weeks (15 days of daily data), and `onlyLast` keeps the last day or hour.
 * Method: Vallis, Hochenbaum & Kejariwal (2014); see {@link seasonalHybridEsd}.
 *
 * @example
 * seasonalHybridEsdTs(perMinute, { maxAnoms: 0.02, direction: 'both' }).anomalies.length; // 131 on R's raw_data
 * @throws {KlensError} INVALID_SERIES for unsorted/duplicate timestamps, fewer than 2 periods or a missing value inside.
 */
export function seasonalHybridEsdTs(points: readonly TimedValue[], options: SeasonalHybridEsdTsOptions = {}): SeasonalHybridEsdTsResult {
  const direction = options.direction ?? 'pos';
  const alpha = options.alpha ?? 0.05;
  const weeks = options.piecewiseMedianPeriodWeeks ?? 2;
  const longterm = options.longterm ?? false;
  assertEsdOptions(options.maxAnoms ?? 0.1, direction, alpha);
  if (!(weeks >= 2)) throw new KlensError('INVALID_PARAMETER', `piecewiseMedianPeriodWeeks must be at least 2 (got ${weeks}).`);
  if (points.length < 2) throw new KlensError('INVALID_SERIES', 'S-H-ESD needs at least two periods of data.');
  for (let i = 1; i < points.length; i += 1) {
    if (!((points[i] as TimedValue).timestamp > (points[i - 1] as TimedValue).timestamp)) {
      throw new KlensError('INVALID_SERIES', `Timestamps must be strictly increasing (point ${i} is not after point ${i - 1}).`);
    }
  }
  const { granularity: gran, period } = granularity(points);
  const onlyLast = gran === 'day' && options.onlyLast === 'hr' ? 'day' : options.onlyLast;
  const n = points.length;
  const maxAnoms = Math.max(options.maxAnoms ?? 0.1, 1 / n);
  const values = points.map((point) => point.value);
  const pieces = !longterm
    ? [{ start: 0, end: n }]
    : gran === 'day'
      ? timePieces(points, period * weeks + 1, 7 * weeks + 1)
      : timePieces(points, period * 7 * weeks, 7 * weeks);
  const found: PieceAnomaly[] = [];
  for (const { start, end } of pieces) {
    for (const anomaly of detectAnomaliesInPiece(values.slice(start, end), { period, maxAnoms, alpha, direction })) {
      found.push({ ...anomaly, index: anomaly.index + start });
    }
  }
  const last = (points[n - 1] as TimedValue).timestamp;
  const cutoff = onlyLast === 'day' ? last - DAY : onlyLast === 'hr' ? last - HOUR : Number.NEGATIVE_INFINITY;
  const anomalies = mergeAnomalies(values, found)
    .map((anomaly) => ({ ...anomaly, timestamp: (points[anomaly.index] as TimedValue).timestamp }))
    .filter((anomaly) => anomaly.timestamp > cutoff);
  return {
    method: 'seasonal-hybrid-esd',
    parameters: { granularity: gran, period, maxAnoms, direction, alpha, longterm, piecewiseMedianPeriodWeeks: weeks, onlyLast: onlyLast ?? null },
    anomalies,
  };
}
