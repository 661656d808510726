import { describe, expect, it } from 'vitest';

import { thrownCode } from '../../testing/thrown-code.js';
import { etsFitFromParameters } from './fit-from-parameters.js';
import { forecastEts } from './forecast-ets.js';
import { class2Moments, class3Moments } from './prediction-variance.js';
import { simulateEtsPaths } from './simulate.js';
import { maxRelativeError, referenceFits, referenceSeries } from './test-support/r-reference.js';
import { seededRandom } from '../../random/seeded-random.js';

const cases = [
  { file: 'fit_ets_results_seasonal.json', series: 'austourists.csv', m: 4 },
  { file: 'fit_ets_results_nonseasonal.json', series: 'oildata.csv', m: 1 },
] as const;

// R's parameters and initial states plugged in: point forecasts as R's forecast.ets to 1e-6
// relative; sigma² to 1e-5 (it sums squared residuals of rounded parameters, so the 8 digits of
// the JSON inputs lose a little more).
describe('forecastEts with R parameters', () => {
  for (const { file, series, m } of cases) {
    const values = referenceSeries(series);
    for (const reference of referenceFits(file)) {
      it(`${reference.model} on ${series}: point forecasts and sigma² match R`, () => {
        const fit = etsFitFromParameters(values, {
          model: reference.model,
          seasonLength: m,
          parameters: reference.parameters,
          initialStates: reference.initialStates,
        });
        const forecast = forecastEts(fit, { horizon: 4, random: seededRandom(1), paths: 200 });
        expect(maxRelativeError(forecast.mean, reference.forecast)).toBeLessThan(1e-6);
        expect(Math.abs(fit.sigma2 / reference.sigma2 - 1)).toBeLessThan(1e-5);
        expect(forecast.intervalMethod).toBe(reference.model[1] === 'M' ? 'simulation' : 'analytic');
      });
    }
  }
});

describe('analytic prediction variances (Hyndman et al. 2008, table 6.1)', () => {
  const oil = referenceSeries('oildata.csv');
  const parameters = { alpha: 0.6, beta: 0.2, gamma: null, phi: null };

  it('ANN: σ²(1 + (h − 1)α²)', () => {
    const fit = etsFitFromParameters(oil, { model: 'ANN', parameters, initialStates: [110] });
    const forecast = forecastEts(fit, { horizon: 6, levels: [95] });
    const interval = forecast.intervals[0];
    for (let h = 1; h <= 6; h += 1) {
      const sd = Math.sqrt(fit.sigma2 * (1 + (h - 1) * 0.36));
      // R's qnorm(0.975) = 1.959963984540054.
      expect(interval?.upper[h - 1]).toBeCloseTo((forecast.mean[h - 1] as number) + 1.959963984540054 * sd, 8);
    }
  });

  it('AAN: σ²[1 + (h − 1){α² + αβh + β²h(2h − 1)/6}]', () => {
    const fit = etsFitFromParameters(oil, { model: 'AAN', parameters, initialStates: [110, 10] });
    const forecast = forecastEts(fit, { horizon: 8, levels: [80] });
    const interval = forecast.intervals[0];
    for (let h = 1; h <= 8; h += 1) {
      const variance = fit.sigma2 * (1 + (h - 1) * (0.36 + 0.12 * h + (0.04 * h * (2 * h - 1)) / 6));
      // R's qnorm(0.9) = 1.2815515655446004.
      const upper = (forecast.mean[h - 1] as number) + 1.2815515655446004 * Math.sqrt(variance);
      expect(Math.abs((interval?.upper[h - 1] as number) - upper)).toBeLessThan(1e-8 * Math.abs(upper));
    }
  });
});

describe('seasonal analytic variance (Hyndman et al. 2008, table 6.1)', () => {
  it('ANA: σ²[1 + (h − 1)α² + γk(2α + γ)], k = ⌊(h − 1)/m⌋', () => {
    const tourists = referenceSeries('austourists.csv');
    const alpha = 0.5;
    const gamma = 0.3;
    const fit = etsFitFromParameters(tourists, {
      model: 'ANA',
      seasonLength: 4,
      parameters: { alpha, beta: null, gamma, phi: null },
      initialStates: [30, 2, -1, -6, 5],
    });
    const forecast = forecastEts(fit, { horizon: 12, levels: [95] });
    for (let h = 1; h <= 12; h += 1) {
      const k = Math.floor((h - 1) / 4);
      const variance = fit.sigma2 * (1 + (h - 1) * alpha ** 2 + gamma * k * (2 * alpha + gamma));
      const upper = (forecast.mean[h - 1] as number) + 1.959963984540054 * Math.sqrt(variance);
      expect(Math.abs((forecast.intervals[0]?.upper[h - 1] as number) - upper)).toBeLessThan(1e-8 * Math.abs(upper));
    }
  });
});

describe('analytic moments agree with simulated paths', () => {
  const tourists = referenceSeries('austourists.csv');
  const references = referenceFits('fit_ets_results_seasonal.json');
  const paths = 20_000;
  const fitOf = (model: string) => {
    const reference = references.find((fit) => fit.model === model);
    if (!reference) throw new Error(`no reference fit for ${model}`);
    return etsFitFromParameters(tourists, {
      model: reference.model,
      seasonLength: 4,
      parameters: reference.parameters,
      initialStates: reference.initialStates,
    });
  };

  // Class 2 (MAdA) and class 3 (MAM, MNM): closed-form mean and variance against the moments of
  // 20,000 simulated paths. Monte Carlo error: about 1% on a variance, far less on a mean.
  for (const model of ['MAdA', 'MAM', 'MNM'] as const) {
    it(`${model}: variance within 5% and mean within 4 standard errors`, () => {
      const fit = fitOf(model);
      const state = fit.states[fit.states.length - 1] as number[];
      const { components, parameters } = fit;
      const moments =
        model === 'MAdA'
          ? class2Moments(state, components, 4, fit.sigma2, parameters, 8)
          : class3Moments(state, components, 4, fit.sigma2, parameters, 8);
      const simulated = simulateEtsPaths({
        state,
        components,
        m: 4,
        alpha: parameters.alpha,
        beta: parameters.beta ?? 0,
        gamma: parameters.gamma ?? 0,
        phi: parameters.phi ?? 1,
        sigma2: fit.sigma2,
        horizon: 8,
        paths,
        random: seededRandom(11),
      });
      for (let h = 0; h < 8; h += 1) {
        const draws = simulated.map((path) => path[h] as number);
        const mean = draws.reduce((a, b) => a + b, 0) / paths;
        const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (paths - 1);
        expect(Math.abs(variance / (moments.variance[h] as number) - 1)).toBeLessThan(0.05);
        expect(Math.abs(mean - (moments.mean[h] as number))).toBeLessThan(4 * Math.sqrt(variance / paths));
      }
    });
  }

  it('AAdA (class 1, Gaussian): simulated 95% limits within 3% of the half-width of analytic ones', () => {
    const fit = fitOf('AAdA');
    const analytic = forecastEts(fit, { horizon: 8, levels: [95] });
    const simulated = forecastEts(fit, { horizon: 8, levels: [95], simulate: true, random: seededRandom(7), paths });
    expect([analytic.intervalMethod, simulated.intervalMethod]).toEqual(['analytic', 'simulation']);
    for (let h = 0; h < 8; h += 1) {
      const upper = analytic.intervals[0]?.upper[h] as number;
      const lower = analytic.intervals[0]?.lower[h] as number;
      const halfWidth = (upper - lower) / 2;
      expect(Math.abs((simulated.intervals[0]?.upper[h] as number) - upper)).toBeLessThan(0.03 * halfWidth);
      expect(Math.abs((simulated.intervals[0]?.lower[h] as number) - lower)).toBeLessThan(0.03 * halfWidth);
    }
  });
});

describe('forecastEts options', () => {
  const oil = referenceSeries('oildata.csv');
  const fit = etsFitFromParameters(oil, { model: 'MMN', parameters: { alpha: 0.9, beta: 0.1, gamma: null, phi: null }, initialStates: [110, 1.05] });

  it('needs a random source for multiplicative-trend intervals', () => {
    expect(thrownCode(() => forecastEts(fit, { horizon: 3 }))).toBe('INVALID_PARAMETER');
    const forecast = forecastEts(fit, { horizon: 3, random: seededRandom(3), paths: 500 });
    expect(forecast.intervals.map((interval) => interval.level)).toEqual([80, 95]);
  });

  it('rejects bad horizons and levels', () => {
    expect(thrownCode(() => forecastEts(fit, { horizon: 0, random: seededRandom(1) }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => forecastEts(fit, { horizon: 2.5, random: seededRandom(1) }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => forecastEts(fit, { horizon: 2, levels: [100], random: seededRandom(1) }))).toBe('INVALID_PARAMETER');
  });
});
