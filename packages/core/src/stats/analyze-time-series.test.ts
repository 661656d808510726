import { describe, expect, it } from 'vitest';
import { addDays } from '../metrics/date-range.js';
import { analyzeTimeSeries, type DailyValue, type TimeSeriesAnalysis } from './analyze-time-series.js';

/** A fixed pseudo-random number in [-0.5, 0.5) for day t (the usual fract(sin(t)·43758.5453) hash). */
function pseudoNoise(t: number): number {
  const x = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

/** Deterministic daily revenue: growth, a weekly cycle and a little pseudo-noise (no Math.random). */
function dailySeries(days: number, start = '2025-01-01'): DailyValue[] {
  return Array.from({ length: days }, (_, t) => ({
    date: addDays(start, t),
    value: 1000 + 5 * t + 150 * Math.sin((2 * Math.PI * t) / 7) + 80 * pseudoNoise(t),
  }));
}

/** True when no number anywhere in the (JSON-like) result is NaN or infinite. */
function everyNumberFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(everyNumberFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(everyNumberFinite);
  return true;
}

function expectNoNaN(result: TimeSeriesAnalysis): void {
  expect(everyNumberFinite(result)).toBe(true);
}

describe('analyzeTimeSeries', () => {
  it('a clean growing, weekly series: increasing trend, weekly seasonality, an injected spike found by S-H-ESD', () => {
    const series = dailySeries(120);
    (series[90] as DailyValue).value = 5000;
    const result = analyzeTimeSeries(series);
    expectNoNaN(result);
    expect(result.series).toMatchObject({ start: '2025-01-01', days: 120, present: 120, missingDates: 0 });
    if (result.trend.status !== 'ok' || result.seasonality.status !== 'ok' || result.outliers.status !== 'ok') throw new Error('expected ok');
    expect(result.trend.mannKendall.trend).toBe('increasing');
    expect(result.trend.sensSlope.slope).toBeGreaterThan(3);
    expect(result.trend.linear.slopeInterval.lower).toBeLessThan(result.trend.linear.slope);
    expect(result.trend.periodOverPeriod).toMatchObject({ method: 'welch-t-test-on-daily-values', window: 28 });
    expect(result.seasonality.seasonal[0]?.period).toBe(7);
    expect(result.outliers.method).toBe('seasonal-hybrid-esd');
    expect(result.outliers.anomalies.map((anomaly) => anomaly.date)).toContain(series[90]?.date);
  });

  it('the weekly cycle of the clean series is strong', () => {
    const result = analyzeTimeSeries(dailySeries(120));
    if (result.seasonality.status !== 'ok') throw new Error('expected ok');
    expect(result.seasonality.seasonal[0]?.strength).toBeGreaterThan(0.8);
  });

  it('gaps (missing dates and null/NaN values): trend still tested, seasonality says has-gaps, z-score outliers', () => {
    const series = dailySeries(60).filter((_, t) => t !== 20 && t !== 21);
    (series[30] as DailyValue).value = null;
    (series[31] as DailyValue).value = Number.NaN;
    (series[45] as DailyValue).value = 9000;
    const result = analyzeTimeSeries(series);
    expectNoNaN(result);
    expect(result.series).toMatchObject({ days: 60, missingDates: 2, missingValues: 2, present: 56 });
    expect(result.trend.status).toBe('ok');
    expect(result.seasonality).toMatchObject({ status: 'has-gaps' });
    expect(result.outliers).toMatchObject({ status: 'ok', method: 'modified-z-score' });
    if (result.outliers.status === 'ok') expect(result.outliers.anomalies.map((anomaly) => anomaly.value)).toContain(9000);
  });

  it('a gap in the last 56 days leaves the period-over-period comparison out, with a reason', () => {
    const series = dailySeries(70);
    (series[65] as DailyValue).value = null;
    const result = analyzeTimeSeries(series);
    if (result.trend.status !== 'ok') throw new Error('expected ok');
    expect(result.trend.periodOverPeriod).toMatchObject({ status: 'has-gaps' });
  });

  it('too few points: insufficient-data with the minimum, for every part', () => {
    const result = analyzeTimeSeries(dailySeries(4));
    expectNoNaN(result);
    expect(result.trend).toMatchObject({ status: 'insufficient-data', minimumPoints: 10 });
    expect(result.seasonality).toMatchObject({ status: 'insufficient-data' });
    expect(result.outliers).toMatchObject({ status: 'insufficient-data', minimumPoints: 5 });
    expect(analyzeTimeSeries([])).toMatchObject({ series: { days: 0, start: null }, trend: { status: 'insufficient-data' } });
  });

  it('eight days: no trend test yet, no seasonality, but outliers by z-score', () => {
    const result = analyzeTimeSeries(dailySeries(8));
    expectNoNaN(result);
    expect(result.trend).toMatchObject({ status: 'insufficient-data', minimumPoints: 10 });
    expect(result.seasonality).toMatchObject({ status: 'insufficient-data', minimumPoints: 15 });
    expect(result.outliers).toMatchObject({ status: 'ok', method: 'modified-z-score' });
  });

  it('a constant series: constant-series everywhere, never NaN', () => {
    const series = dailySeries(90).map((point) => ({ ...point, value: 250 }));
    const result = analyzeTimeSeries(series);
    expectNoNaN(result);
    for (const part of [result.trend, result.seasonality, result.outliers]) expect(part.status).toBe('constant-series');
  });

  it('two years of data add the yearly period', () => {
    const result = analyzeTimeSeries(dailySeries(800));
    expectNoNaN(result);
    if (result.seasonality.status !== 'ok') throw new Error('expected ok');
    expect(result.seasonality.parameters.periods).toEqual([7, 365]);
  });

  it('malformed input is a coded error', () => {
    expect(() => analyzeTimeSeries([{ date: '2025-02-30', value: 1 }])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => analyzeTimeSeries([{ date: '2025-01-02', value: 1 }, { date: '2025-01-01', value: 2 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_SERIES' }),
    );
    expect(() => analyzeTimeSeries([{ date: '2025-01-01', value: Number.POSITIVE_INFINITY }])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => analyzeTimeSeries(dailySeries(30), { periods: [] })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });
});
