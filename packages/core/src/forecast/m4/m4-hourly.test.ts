import { describe, expect, it } from 'vitest';
import { readM4Hourly } from '../test-support/m4-hourly.js';
import { m4SesForecast, m4ThetaForecast, mase, naive2Forecast, naiveForecast, owa, seasonalNaiveForecast, smape } from './index.js';

const HORIZON = 48;
const SEASON = 24;
const series = readM4Hourly();

type Method = (train: number[]) => number[];

function score(method: Method): { smape: number; mase: number } {
  let smapeSum = 0;
  let maseSum = 0;
  for (const { train, test } of series) {
    const forecast = method(train);
    smapeSum += smape(test, forecast);
    maseSum += mase(train, test, forecast, SEASON);
  }
  return { smape: smapeSum / series.length, mase: maseSum / series.length };
}

// Published: "Evaluation and Ranks.xlsx", Mcompetitions/M4-methods (reference/forecast/PUBLISHED.md).
describe('M4 Hourly statistical benchmarks', () => {
  it('reads all 414 series with 48 held-out values each', () => {
    expect(series).toHaveLength(414);
    expect(series.every(({ test }) => test.length === HORIZON)).toBe(true);
  });

  const naive2 = score((train) => naive2Forecast(train, { horizon: HORIZON, seasonLength: SEASON }));

  it('reproduces Naive2 exactly to 3 dp (18.383 / 2.395)', () => {
    expect(naive2.smape.toFixed(3)).toBe('18.383');
    expect(naive2.mase.toFixed(3)).toBe('2.395');
  });

  it('reproduces Naive exactly to 3 dp (43.003 / 11.608, OWA 3.593)', () => {
    const naive = score((train) => naiveForecast(train, HORIZON));
    expect(naive.smape.toFixed(3)).toBe('43.003');
    expect(naive.mase.toFixed(3)).toBe('11.608');
    expect(owa(naive, naive2).toFixed(3)).toBe('3.593');
  });

  it('reproduces sNaive exactly to 3 dp (13.912 / 1.193, OWA 0.627)', () => {
    const seasonalNaive = score((train) => seasonalNaiveForecast(train, { horizon: HORIZON, seasonLength: SEASON }));
    expect(seasonalNaive.smape.toFixed(3)).toBe('13.912');
    expect(seasonalNaive.mase.toFixed(3)).toBe('1.193');
    // The sheet's OWA is 0.6275 before rounding, so allow one unit in the third decimal.
    expect(Math.abs(owa(seasonalNaive, naive2) - 0.627)).toBeLessThanOrEqual(0.001);
  });

  // Our SES searches alpha on the profile likelihood instead of R's Nelder–Mead, so allow 0.005.
  it('reproduces SES within 0.005 (18.094 / 2.385, OWA 0.990)', () => {
    const ses = score((train) => m4SesForecast(train, { horizon: HORIZON, seasonLength: SEASON }));
    expect(Math.abs(ses.smape - 18.094)).toBeLessThan(0.005);
    expect(Math.abs(ses.mase - 2.385)).toBeLessThan(0.005);
    expect(Math.abs(owa(ses, naive2) - 0.99)).toBeLessThan(0.005);
  });

  // Theta's theta = 2 line is smoothed by the same SES: same tolerance.
  it('reproduces Theta within 0.005 (18.138 / 2.455, OWA 1.006)', () => {
    const theta = score((train) => m4ThetaForecast(train, { horizon: HORIZON, seasonLength: SEASON }));
    expect(Math.abs(theta.smape - 18.138)).toBeLessThan(0.005);
    expect(Math.abs(theta.mase - 2.455)).toBeLessThan(0.005);
    expect(Math.abs(owa(theta, naive2) - 1.006)).toBeLessThan(0.005);
  });
});
