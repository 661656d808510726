import { createKlaviyoStore, dailyTotals } from '@klens/klaviyo-sim';
import { describe, expect, it } from 'vitest';
import { isKlensError } from '../../errors/klens-error.js';
import { summariseAccuracy } from './accuracy-summary.js';
import { backtest } from './backtest.js';
import { rollingOrigins } from './rolling-origins.js';

describe('rollingOrigins', () => {
  it('ends the last test window at the end of the series and drops origins with too little training', () => {
    expect(rollingOrigins(100, { horizon: 10, origins: 3, step: 5, minTrainLength: 20 })).toEqual([80, 85, 90]);
    expect(rollingOrigins(100, { horizon: 10, origins: 3, minTrainLength: 75 })).toEqual([80, 90]);
    expect(rollingOrigins(10, { horizon: 10, origins: 2, minTrainLength: 1 })).toEqual([]);
  });
});

describe('summariseAccuracy', () => {
  it('computes each measure by its definition', () => {
    const summary = summariseAccuracy([
      { actual: 10, forecast: 8, lower: 5, upper: 11, scale: 2 },
      { actual: 20, forecast: 23, lower: 21, upper: 30, scale: 2 },
    ]);
    expect(summary.mase).toBeCloseTo((2 / 2 + 3 / 2) / 2, 12);
    expect(summary.smape).toBeCloseTo((400 / 18 + 600 / 43) / 2, 12);
    expect(summary.rmse).toBeCloseTo(Math.sqrt((4 + 9) / 2), 12);
    expect(summary.mape).toBeCloseTo((20 + 15) / 2, 12);
    expect(summary.wape).toBeCloseTo(5 / 30, 12);
    expect(summary.coverage).toBe(0.5);
  });

  it('reports undefined ratios as null, not NaN', () => {
    const summary = summariseAccuracy([{ actual: 0, forecast: 0, lower: 0, upper: 0, scale: 0 }]);
    expect([summary.mase, summary.mape, summary.wape]).toEqual([null, null, null]);
  });
});

describe('backtest', () => {
  // x_t = t + s(t mod 4): seasonal naive misses by exactly m = 4 at every step up to m ahead.
  const pattern = [3, -1, 4, -2];
  const values = Array.from({ length: 60 }, (_, t) => 100 + t + pattern[t % 4]!);

  it('scores seasonal naive on a trending seasonal series as the arithmetic says', () => {
    const result = backtest(values, { horizon: 4, seasonLength: 4, model: 'seasonal-naive', origins: 3, step: 2 });
    expect(result.origins.map((origin) => origin.trainLength)).toEqual([52, 54, 56]);
    expect(result.perHorizon).toHaveLength(4);
    expect(result.overall.count).toBe(12);
    expect(result.overall.rmse).toBeCloseTo(4, 9);
    // The in-sample seasonal naive MAE is 4 too, so MASE is 1.
    expect(result.overall.mase).toBeCloseTo(1, 9);
    const actualSum = result.origins.flatMap((origin) => origin.actual).reduce((a, b) => a + b, 0);
    expect(result.overall.wape).toBeCloseTo(48 / actualSum, 12);
    expect(result.accuracy).toBeCloseTo(1 - 48 / actualSum, 12);
  });

  it('rejects a series too short for one origin', () => {
    try {
      backtest([1, 2, 3], { horizon: 5, origins: 1 });
      throw new Error('expected a KlensError');
    } catch (error) {
      expect(isKlensError(error, 'INVALID_SERIES')).toBe(true);
    }
  });

  it('forecasts 30 days of simulated store revenue with accuracy above 0.8', { timeout: 180_000 }, () => {
    const store = createKlaviyoStore({ seed: 1, months: 5 });
    const placedOrder = store.metrics.find((metric) => metric.name === 'Placed Order');
    expect(placedOrder).toBeDefined();
    const totals = dailyTotals(store, { metricId: placedOrder!.id });
    const revenue = [...totals.keys()].sort().map((day) => totals.get(day)!.value);
    expect(revenue.length).toBeGreaterThan(120);
    const result = backtest(revenue, { horizon: 30, seasonLengths: [7], origins: 1 });
    expect(result.overall.count).toBe(30);
    // Held-out actuals are the last 30 days, which the model never saw.
    expect(result.origins[0]!.actual).toEqual(revenue.slice(-30));
    expect(result.accuracy).toBeGreaterThan(0.8);
  });
});
