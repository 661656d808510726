import { KlensError } from '../../errors/klens-error.js';
import { stl } from '../seasonality/index.js';
import { isMissing, median, type SeriesValue } from '../trend/series-values.js';
import { hybridGeneralizedEsd, type AnomalyDirection } from './generalized-esd.js';

/** One anomaly found in a piece: its position in the piece and R's expected value trunc(trend + seasonal). */
export interface PieceAnomaly {
  index: number;
  expected: number;
}

/** What one S-H-ESD pass needs (R: `detect_anoms` arguments). */
export interface PieceOptions {
  period: number;
  maxAnoms: number;
  alpha: number;
  direction: AnomalyDirection;
}

/** Leading and trailing missing values are dropped as R does (na.omit); a missing value inside is an error. */
function presentSpan(values: readonly SeriesValue[]): { start: number; end: number } {
  let start = 0;
  while (start < values.length && isMissing(values[start])) start += 1;
  let end = values.length;
  while (end > start && isMissing(values[end - 1])) end -= 1;
  for (let i = start; i < end; i += 1) {
    if (isMissing(values[i])) {
      throw new KlensError('INVALID_SERIES', `Value ${i} is missing inside the series; S-H-ESD accepts missing values only at the start or end. Interpolate the gap first.`);
    }
  }
  return { start, end };
}

/**
 * One pass of S-H-ESD over a piece of series, as Twitter AnomalyDetection's `detect_anoms`:
 * R `stl(x, s.window = "periodic", robust = TRUE)`, remainder = x − seasonal − median(x), then the
 * hybrid generalized ESD with k = trunc(n · maxAnoms), n counting missing values as R's nrow does.
 */
export function detectAnomaliesInPiece(values: readonly SeriesValue[], options: PieceOptions): PieceAnomaly[] {
  const { period } = options;
  if (values.length < 2 * period) {
    throw new KlensError('INVALID_SERIES', `S-H-ESD needs at least two periods of data (${2 * period} points for period ${period}); got ${values.length}.`);
  }
  const { start, end } = presentSpan(values);
  const present = values.slice(start, end) as number[];
  const maxOutliers = Math.trunc(values.length * options.maxAnoms);
  if (maxOutliers === 0) {
    throw new KlensError('INVALID_PARAMETER', `maxAnoms ${options.maxAnoms} allows no anomaly in ${values.length} points; raise it (or, with longterm, use longer pieces).`);
  }
  const decomposition = stl(present, { period, seasonalWindow: 'periodic', robust: true });
  const level = median(present);
  const remainder = present.map((value, i) => value - (decomposition.seasonal[i] as number) - level);
  const { outliers } = hybridGeneralizedEsd(remainder, { maxOutliers, alpha: options.alpha, direction: options.direction });
  return outliers.map((i) => ({
    index: start + i,
    expected: Math.trunc((decomposition.trend[i] as number) + (decomposition.seasonal[i] as number)),
  }));
}
