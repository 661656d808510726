import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAirPassengers } from '../test-support/air-passengers.js';
import { autocorrelation, defaultAcfLags } from './autocorrelation.js';
import {
  classicalDecomposition,
  m4SeasonalityTest,
  mase,
  maseScale,
  msis,
  naive2Forecast,
  naiveForecast,
  owa,
  seasonalNaiveForecast,
  simpleExponentialSmoothing,
  smape,
  thetaClassic,
} from './index.js';

const airPassengers = readAirPassengers();

describe('autocorrelation', () => {
  it('matches R acf(AirPassengers) to 3 dp over its 21 default lags', () => {
    // R: round(acf(AirPassengers, plot = FALSE)$acf[-1], 3)
    const r = [0.948, 0.876, 0.807, 0.753, 0.714, 0.682, 0.663, 0.656, 0.671, 0.703, 0.743, 0.76, 0.713, 0.646, 0.586, 0.538, 0.5, 0.469, 0.45, 0.442, 0.457];
    expect(defaultAcfLags(airPassengers.length)).toBe(21);
    autocorrelation(airPassengers).forEach((value, k) => expect(value).toBeCloseTo(r[k]!, 3));
  });

  it('gives zeros for a constant series instead of NaN', () => {
    expect(autocorrelation([3, 3, 3, 3], 2)).toEqual([0, 0]);
  });
});

describe('classicalDecomposition', () => {
  it('matches R decompose(AirPassengers, "multiplicative")$figure', () => {
    const r = [0.9102304, 0.8836253, 1.0073663, 0.975906, 0.981378, 1.1127758, 1.2265555, 1.219911, 1.0604919, 0.9217572, 0.8011781, 0.8988244];
    classicalDecomposition(airPassengers, 12).figure.forEach((value, i) => expect(value).toBeCloseTo(r[i]!, 6));
  });

  it('has an undefined trend for the first and last m/2 points, like R filter()', () => {
    const { trend } = classicalDecomposition(airPassengers, 12);
    expect(trend.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(trend[6]).not.toBeNull();
    expect(trend.slice(-6)).toEqual([null, null, null, null, null, null]);
  });

  it('adds up: x = trend·seasonal·remainder (multiplicative) and trend + seasonal + remainder (additive)', () => {
    const series = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 8, maxLength: 60 });
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 4 }), (values, m) => {
        const multiplicative = classicalDecomposition(values, m, 'multiplicative');
        const additive = classicalDecomposition(values, m, 'additive');
        values.forEach((value, t) => {
          const trendM = multiplicative.trend[t];
          if (trendM != null) expect(trendM * multiplicative.seasonal[t]! * multiplicative.remainder[t]!).toBeCloseTo(value, 6);
          const trendA = additive.trend[t];
          if (trendA != null) expect(trendA + additive.seasonal[t]! + additive.remainder[t]!).toBeCloseTo(value, 6);
        });
        expect(multiplicative.figure.reduce((a, b) => a + b, 0)).toBeCloseTo(m, 9);
        expect(additive.figure.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
      }),
    );
  });

  it('refuses fewer than two seasons', () => {
    expect(() => classicalDecomposition([1, 2, 3], 2)).toThrow(RangeError);
  });
});

describe('m4SeasonalityTest', () => {
  it('finds the yearly cycle of AirPassengers and no cycle at a wrong period', () => {
    expect(m4SeasonalityTest(airPassengers, 12)).toBe(true);
    expect(m4SeasonalityTest(airPassengers, 1)).toBe(false);
  });

  it('needs three seasons, and the season within the acf lags unless extended', () => {
    const weekly = Array.from({ length: 700 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 168) + 0.1 * Math.sin(t));
    expect(m4SeasonalityTest(weekly.slice(0, 3 * 168 - 1), 168, { extendLags: true })).toBe(false);
    expect(m4SeasonalityTest(weekly, 168)).toBe(false); // lag 168 is beyond floor(10·log10(700)) = 28
    expect(m4SeasonalityTest(weekly, 168, { extendLags: true })).toBe(true);
  });
});

describe('naive forecasts', () => {
  it('repeat the last value, the last season, or the deseasonalised last value', () => {
    expect(naiveForecast([3, 5, 4], 2)).toEqual([4, 4]);
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6], { horizon: 4, seasonLength: 3 })).toEqual([4, 5, 6, 4]);
    // Without a significant season Naive2 is Naive.
    expect(naive2Forecast([3, 5, 4], { horizon: 2, seasonLength: 12 })).toEqual([4, 4]);
  });

  it('shift with the series: f(x + c) = f(x) + c', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 8, maxLength: 40 }), fc.double({ min: -100, max: 100, noNaN: true }), (values, c) => {
        const shifted = values.map((value) => value + c);
        const options = { horizon: 5, seasonLength: 4 };
        seasonalNaiveForecast(shifted, options).forEach((value, h) => expect(value).toBeCloseTo(seasonalNaiveForecast(values, options)[h]! + c, 6));
        naiveForecast(shifted, 3).forEach((value, h) => expect(value).toBeCloseTo(naiveForecast(values, 3)[h]! + c, 6));
      }),
    );
  });
});

describe('simple exponential smoothing and Theta', () => {
  it('SES finds the SSE minimum: no alpha on a fine grid does better', () => {
    const fit = simpleExponentialSmoothing(airPassengers);
    for (let alpha = 0.01; alpha < 1; alpha += 0.01) {
      let level = fit.initialLevel;
      let sse = 0;
      for (const value of airPassengers) {
        sse += (value - level) ** 2;
        level += alpha * (value - level);
      }
      expect(fit.sse).toBeLessThanOrEqual(sse * (1 + 1e-9));
    }
  });

  it('Theta on a straight line extrapolates half the trend and half the last level', () => {
    const { mean, slope, intercept, alpha } = thetaClassic([1, 2, 3, 4, 5, 6], 2);
    expect([slope, intercept]).toEqual([1, 0]);
    expect(alpha).toBeCloseTo(0.9999, 6);
    expect(mean[0]).toBeCloseTo(6.5, 3);
    expect(mean[1]).toBeCloseTo(7, 3);
  });

  it('Theta shifts with the series when negatives are allowed', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 5, maxLength: 40 }), fc.double({ min: -100, max: 100, noNaN: true }), (values, c) => {
        const base = thetaClassic(values, 4, { nonNegative: false }).mean;
        const shifted = thetaClassic(values.map((value) => value + c), 4, { nonNegative: false }).mean;
        shifted.forEach((value, h) => expect(value).toBeCloseTo(base[h]! + c, 4));
      }),
    );
  });
});

describe('M4 accuracy measures', () => {
  it('compute sMAPE, MASE, OWA and MSIS by their M4 definitions', () => {
    expect(smape([100, 200], [110, 180])).toBeCloseTo((2000 / 210 + 4000 / 380) / 2, 12);
    expect(maseScale([1, 3, 2, 4], 1)).toBeCloseTo(5 / 3, 12);
    expect(maseScale([1, 3, 2, 4], 2)).toBeCloseTo(1, 12);
    expect(mase([1, 3, 2, 4], [5, 5], [4, 4], 1)).toBeCloseTo(0.6, 12);
    expect(owa({ smape: 10, mase: 1 }, { smape: 20, mase: 2 })).toBe(0.5);
    // Width 2 plus a miss of 1 below at alpha 0.05 costs 40: (2 + 40) / (5/3).
    expect(msis([1, 3, 2, 4], [3], [4], [6], 1)).toBeCloseTo(42 / (5 / 3), 12);
  });
});
