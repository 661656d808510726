import { describe, expect, it } from 'vitest';
import { forecast } from './forecast.js';
import { mase, naive2Forecast, owa, smape } from './m4/index.js';
import { readM4Hourly } from './test-support/m4-hourly.js';

const HORIZON = 48;

// All 414 series, about 20 s on one core. Published M4 Hourly OWA (reference/forecast/PUBLISHED.md):
// sNaive 0.627, Theta 1.006, the competition's winner 0.440.
describe('automatic forecasting on M4 Hourly', () => {
  it('beats the best M4 statistical benchmark by a wide margin: OWA ≤ 0.55 against Naive2', { timeout: 300_000 }, () => {
    const subset = readM4Hourly();
    expect(subset).toHaveLength(414);
    const totals = { auto: { smape: 0, mase: 0 }, naive2: { smape: 0, mase: 0 } };
    let weekly = 0;
    for (const { train, test } of subset) {
      const result = forecast(train, { horizon: HORIZON, seasonLengths: [24, 168], model: 'auto' });
      if (result.model.seasonLengths.includes(168)) weekly += 1;
      const baseline = naive2Forecast(train, { horizon: HORIZON, seasonLength: 24 });
      totals.auto.smape += smape(test, result.mean) / subset.length;
      totals.auto.mase += mase(train, test, result.mean, 24) / subset.length;
      totals.naive2.smape += smape(test, baseline) / subset.length;
      totals.naive2.mase += mase(train, test, baseline, 24) / subset.length;
    }
    // The method chose the weekly season itself on most series.
    expect(weekly).toBeGreaterThan(subset.length / 2);
    expect(owa(totals.auto, totals.naive2)).toBeLessThanOrEqual(0.55);
  });
});
