import { describe, expect, it } from 'vitest';

import { thrownCode } from '../../testing/thrown-code.js';
import { fitEts } from './fit-ets.js';
import { maxRelativeError, referenceFits, referenceSeries } from './test-support/r-reference.js';

const cases = [
  { file: 'fit_ets_results_seasonal.json', series: 'austourists.csv', m: 4 },
  { file: 'fit_ets_results_nonseasonal.json', series: 'oildata.csv', m: 1 },
] as const;

// Our Nelder-Mead is a port of R's, started from R's initial values, so the estimates should be
// R's up to the 8 digits of the JSON. Asserted: log-likelihood within 1e-3 of R's, smoothing
// parameters within 1e-4, fitted values within 1e-4 relative.
describe('fitEts re-estimates the models R fitted', () => {
  for (const { file, series, m } of cases) {
    const values = referenceSeries(series);
    for (const reference of referenceFits(file)) {
      it(`${reference.model} on ${series}`, () => {
        const fit = fitEts(values, { model: reference.model, seasonLength: m });
        expect(Math.abs(fit.logLikelihood - reference.logLikelihood)).toBeLessThan(1e-3);
        for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) {
          const expected = reference.parameters[name];
          if (expected === null) expect(fit.parameters[name]).toBeNull();
          else expect(Math.abs((fit.parameters[name] as number) - expected)).toBeLessThan(1e-4);
        }
        expect(maxRelativeError(fit.fitted, reference.fitted)).toBeLessThan(1e-4);
        expect(Math.abs(fit.sigma2 / reference.sigma2 - 1)).toBeLessThan(1e-4);
      });
    }
  }

  it('counts parameters as R: smoothing parameters, free initial states and sigma', () => {
    const fit = fitEts(referenceSeries('austourists.csv'), { model: 'MAdM', seasonLength: 4 });
    // alpha, beta, gamma, phi + level, trend, 3 free seasonal states + sigma.
    expect(fit.parameterCount).toBe(10);
    const n = 68;
    expect(fit.aic).toBeCloseTo(-2 * fit.logLikelihood + 2 * 10, 10);
    expect(fit.aicc).toBeCloseTo(fit.aic + (2 * 10 * 11) / (n - 10 - 1), 10);
    expect(fit.bic).toBeCloseTo(-2 * fit.logLikelihood + Math.log(n) * 10, 10);
    // Seasonal initial states sum to m for a multiplicative season.
    expect(fit.initialStates.slice(2).reduce((a, b) => a + b, 0)).toBeCloseTo(4, 10);
  });
});

describe('fitEts input errors', () => {
  const oil = referenceSeries('oildata.csv');

  it('rejects non-finite values', () => {
    expect(thrownCode(() => fitEts([...oil.slice(0, 20), NaN, ...oil.slice(21)], { model: 'ANN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts([...oil, Infinity], { model: 'ANN' }))).toBe('INVALID_SERIES');
  });

  it('rejects a series too short for the model', () => {
    expect(thrownCode(() => fitEts(oil.slice(0, 6), { model: 'ANN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts(oil.slice(0, 9), { model: 'AAdN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts([], { model: 'ANN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts(oil.slice(0, 7), { model: 'ANN' }))).toBeUndefined();
  });

  it('rejects non-positive data for multiplicative models', () => {
    const shifted = oil.map((value) => value - 200);
    expect(thrownCode(() => fitEts(shifted, { model: 'MNN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts([0, ...oil], { model: 'MAN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => fitEts(shifted, { model: 'ANN' }))).toBeUndefined();
  });

  it('rejects models R forbids and seasons that do not fit', () => {
    expect(thrownCode(() => fitEts(oil, { model: 'ANM', seasonLength: 4 }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => fitEts(oil, { model: 'MMA', seasonLength: 4 }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => fitEts(oil, { model: 'ANA' }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => fitEts(oil, { model: 'ANA', seasonLength: 25 }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => fitEts(oil, { model: 'ZZZ' as never }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => fitEts(oil, { model: 'ANN', seasonLength: 1.5 }))).toBe('INVALID_PARAMETER');
  });
});
