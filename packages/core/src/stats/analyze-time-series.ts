import { KlensError } from '../errors/klens-error.js';
import { addDays, isLocalDate } from '../metrics/date-range.js';
import { robustZScoreOutliers, seasonalHybridEsd, type AnomalyDirection } from './outliers/index.js';
import { mstl, seasonalStrength, trendStrength } from './seasonality/index.js';
import {
  hamedRaoMannKendallTest,
  linearTrend,
  periodOverPeriodChange,
  type HamedRaoResult,
  type LinearTrendResult,
  type PeriodOverPeriodResult,
  type SensSlopeResult,
} from './trend/index.js';

/** One day of a metric. `value` null (or NaN) means unknown; a day without orders is 0, not null. */
export interface DailyValue {
  date: string;
  value: number | null;
}

/** Options of {@link analyzeTimeSeries}; every default is stated. */
export interface AnalyzeTimeSeriesOptions {
  /** Seasonal periods in days. Default: 7, plus 365 once the series covers two years (730 days). */
  periods?: readonly number[];
  /** Significance level of the trend tests and S-H-ESD. Default 0.05. */
  alpha?: number;
  /** S-H-ESD: largest share of days that may be anomalies. Default 0.1 (R's default). */
  maxAnoms?: number;
  /** S-H-ESD direction. Default 'both': a drop in revenue matters as much as a spike. */
  direction?: AnomalyDirection;
  /** Window of the period-over-period comparison, in days. Default 28. */
  periodOverPeriodWindow?: number;
}

/** Why a part of the analysis was not computed. */
export interface NotAnalyzed {
  status: 'insufficient-data' | 'constant-series' | 'has-gaps';
  reason: string;
  /** Points the method needs, when too few were given. */
  minimumPoints?: number;
}

export interface TrendAnalysis {
  status: 'ok';
  method: 'hamed-rao-mann-kendall + sens-slope + least-squares';
  /** Hamed & Rao modified Mann-Kendall test (all lags), robust to the autocorrelation of daily data. */
  mannKendall: HamedRaoResult;
  /** Sen's slope per day, intercept at the first day. */
  sensSlope: SensSlopeResult;
  /** Least-squares slope per day with its t-based interval (df = n − 2). */
  linear: LinearTrendResult;
  /** The last `window` days against the `window` before (Welch's t-test on daily values). */
  periodOverPeriod: PeriodOverPeriodResult | NotAnalyzed;
}

export interface SeasonalityAnalysis {
  status: 'ok';
  method: 'mstl';
  parameters: { periods: number[]; windows: 'R forecast::mstl default (7 + 4i)'; iterate: 2 };
  /** Strength of each seasonal period in [0, 1] (Wang, Smith & Hyndman 2006). */
  seasonal: { period: number; strength: number }[];
  trendStrength: number;
  decomposition: { trend: number[]; seasonals: number[][]; remainder: number[] };
}

export interface OutlierAnalysis {
  status: 'ok';
  method: 'seasonal-hybrid-esd' | 'modified-z-score';
  parameters: Record<string, number | string>;
  /** `expected` is S-H-ESD's trunc(trend + seasonal); null for the z-score method. */
  anomalies: { date: string; value: number; expected: number | null }[];
}

export interface TimeSeriesAnalysis {
  series: { start: string | null; end: string | null; days: number; present: number; missingDates: number; missingValues: number };
  trend: TrendAnalysis | NotAnalyzed;
  seasonality: SeasonalityAnalysis | NotAnalyzed;
  outliers: OutlierAnalysis | NotAnalyzed;
}

/** Below this many values the normal approximation of the Mann-Kendall test is unreliable (Gilbert 1987). */
const MIN_TREND_POINTS = 10;
const MIN_OUTLIER_POINTS = 5;

/** Puts the days on a gap-free calendar from the first to the last date; absent days become null. */
function toCalendar(series: readonly DailyValue[]): { dates: string[]; values: (number | null)[]; missingDates: number } {
  const dates: string[] = [];
  const values: (number | null)[] = [];
  let missingDates = 0;
  for (const [index, point] of series.entries()) {
    if (!isLocalDate(point.date)) throw new KlensError('INVALID_SERIES', `Point ${index} has date ${JSON.stringify(point.date)}; use YYYY-MM-DD.`);
    const value = point.value === null || Number.isNaN(point.value) ? null : point.value;
    if (value !== null && !Number.isFinite(value)) throw new KlensError('INVALID_SERIES', `The value on ${point.date} is ${value}; use a finite number or null.`);
    const previous = dates[dates.length - 1];
    if (previous !== undefined && point.date <= previous) {
      throw new KlensError('INVALID_SERIES', `Dates must be increasing without repeats (${point.date} follows ${previous}).`);
    }
    for (let day = previous === undefined ? point.date : addDays(previous, 1); day < point.date; day = addDays(day, 1)) {
      dates.push(day);
      values.push(null);
      missingDates += 1;
    }
    dates.push(point.date);
    values.push(value);
  }
  return { dates, values, missingDates };
}

/** Default periods: weekly, plus yearly once two years of days are there. */
function defaultPeriods(days: number): number[] {
  return days >= 730 ? [7, 365] : [7];
}

function analyzeTrend(values: readonly (number | null)[], alpha: number, window: number): TrendAnalysis {
  let periodOverPeriod: PeriodOverPeriodResult | NotAnalyzed;
  const recent = values.slice(-2 * window);
  if (values.length < 2 * window) {
    periodOverPeriod = { status: 'insufficient-data', reason: `Comparing ${window} days with the ${window} before needs ${2 * window} days.`, minimumPoints: 2 * window };
  } else if (recent.some((value) => value === null)) {
    periodOverPeriod = { status: 'has-gaps', reason: `The last ${2 * window} days have missing values; totals would be wrong.` };
  } else {
    periodOverPeriod = periodOverPeriodChange(values, { window, alpha });
  }
  const mannKendall = hamedRaoMannKendallTest(values, { alpha });
  return {
    status: 'ok',
    method: 'hamed-rao-mann-kendall + sens-slope + least-squares',
    mannKendall,
    // The test already computed Sen's slope on the same values (pyMannKendall's sens_slope).
    sensSlope: { slope: mannKendall.slope, intercept: mannKendall.intercept },
    linear: linearTrend(values, { confidenceLevel: 1 - alpha }),
    periodOverPeriod,
  };
}

function analyzeSeasonality(values: readonly number[], periods: readonly number[]): SeasonalityAnalysis | NotAnalyzed {
  // As R's stl and mstl: a period is usable only with more than two full cycles.
  const usable = periods.filter((period) => values.length > 2 * period);
  if (usable.length === 0) {
    const shortest = Math.min(...periods);
    return { status: 'insufficient-data', reason: `Seasonality with a ${shortest}-day period needs more than two full cycles.`, minimumPoints: 2 * shortest + 1 };
  }
  const decomposition = mstl(values, { periods: usable });
  const strengths = seasonalStrength(decomposition);
  return {
    status: 'ok',
    method: 'mstl',
    parameters: { periods: decomposition.periods, windows: 'R forecast::mstl default (7 + 4i)', iterate: 2 },
    seasonal: decomposition.periods.map((period, k) => ({ period, strength: strengths[k] as number })),
    trendStrength: trendStrength(decomposition),
    decomposition: { trend: decomposition.trend, seasonals: decomposition.seasonals, remainder: decomposition.remainder },
  };
}

function analyzeOutliers(
  dates: readonly string[],
  values: readonly (number | null)[],
  options: { alpha: number; maxAnoms: number; direction: AnomalyDirection; complete: boolean },
): OutlierAnalysis {
  const period = 7;
  if (options.complete && values.length > 2 * period) {
    const { alpha, maxAnoms, direction } = options;
    const result = seasonalHybridEsd(values, { period, alpha, maxAnoms, direction });
    return {
      status: 'ok',
      method: 'seasonal-hybrid-esd',
      parameters: { period, alpha, maxAnoms: result.parameters.maxAnoms, direction },
      anomalies: result.anomalies.map(({ index, value, expected }) => ({ date: dates[index] as string, value, expected })),
    };
  }
  // Too short for two weeks, or with gaps STL cannot take: the modified z-score needs neither.
  const result = robustZScoreOutliers(values);
  return {
    status: 'ok',
    method: 'modified-z-score',
    parameters: { threshold: result.parameters.threshold },
    anomalies: result.outliers.map(({ index, value }) => ({ date: dates[index] as string, value, expected: null })),
  };
}

/**
 * Trend, seasonality and outliers of a daily metric in one call, each part naming the method and
 * parameters it used, or saying why it was not computed (too few days, a constant series, gaps)
 * instead of returning NaN. Missing dates count as missing values.
 * Methods: Hamed-Rao Mann-Kendall, Sen's slope and least squares ({@link hamedRaoMannKendallTest});
 * MSTL with seasonal strength (Bandara, Hyndman & Bergmeir 2021); S-H-ESD (Twitter AnomalyDetection),
 * or the modified z-score (Iglewicz & Hoaglin 1993) for short or gapped series.
 *
 * @example
 * const { trend, seasonality, outliers } = analyzeTimeSeries([{ date: '2026-01-01', value: 120 }, …]);
 * if (trend.status === 'ok') console.log(trend.mannKendall.trend, trend.sensSlope.slope);
 * @throws {KlensError} INVALID_SERIES for a malformed date, dates out of order, or an infinite value;
 *   INVALID_PARAMETER for periods that are not whole numbers ≥ 2.
 */
export function analyzeTimeSeries(series: readonly DailyValue[], options: AnalyzeTimeSeriesOptions = {}): TimeSeriesAnalysis {
  const { dates, values, missingDates } = toCalendar(series);
  const present = values.filter((value): value is number => value !== null);
  const missingValues = values.length - present.length - missingDates;
  const summary = { start: dates[0] ?? null, end: dates[dates.length - 1] ?? null, days: dates.length, present: present.length, missingDates, missingValues };
  const alpha = options.alpha ?? 0.05;
  const periods = options.periods ?? defaultPeriods(dates.length);
  if (periods.length === 0 || !periods.every((period) => Number.isInteger(period) && period >= 2)) {
    throw new KlensError('INVALID_PARAMETER', `periods must be whole numbers of days, at least 2 (got ${JSON.stringify(periods)}).`);
  }
  if (present.length < MIN_TREND_POINTS && present.length < MIN_OUTLIER_POINTS) {
    const notEnough: NotAnalyzed = { status: 'insufficient-data', reason: `Only ${present.length} days have a value.`, minimumPoints: MIN_OUTLIER_POINTS };
    return { series: summary, trend: { ...notEnough, minimumPoints: MIN_TREND_POINTS }, seasonality: notEnough, outliers: notEnough };
  }
  if (present.every((value) => value === present[0])) {
    const constant: NotAnalyzed = { status: 'constant-series', reason: `All ${present.length} values equal ${present[0]}: there is no trend, seasonality or outlier to find.` };
    return { series: summary, trend: constant, seasonality: constant, outliers: constant };
  }
  const complete = present.length === values.length;
  return {
    series: summary,
    trend:
      present.length >= MIN_TREND_POINTS
        ? analyzeTrend(values, alpha, options.periodOverPeriodWindow ?? 28)
        : { status: 'insufficient-data', reason: `A trend test needs ${MIN_TREND_POINTS} days with a value; ${present.length} have one.`, minimumPoints: MIN_TREND_POINTS },
    seasonality: complete
      ? analyzeSeasonality(present, periods)
      : { status: 'has-gaps', reason: `${values.length - present.length} of ${values.length} days have no value; seasonal decomposition needs every day (fill days without orders with 0).` },
    outliers: analyzeOutliers(dates, values, { alpha, maxAnoms: options.maxAnoms ?? 0.1, direction: options.direction ?? 'both', complete }),
  };
}
