import { describe, expect, it } from 'vitest';

import { thrownCode } from '../../testing/thrown-code.js';
import { autoEts } from './auto-ets.js';
import { forecastEts } from './forecast-ets.js';
import { referenceFits, referenceSeries, type RReferenceFit } from './test-support/r-reference.js';

/** R's AICc from its log-likelihood: k = smoothing parameters + free initial states + sigma. */
function rAicc(fit: RReferenceFit, m: number, n: number): number {
  const trend = fit.model[1] !== 'N';
  const seasonal = !fit.model.endsWith('N');
  const k = 1 + (trend ? 2 : 0) + (seasonal ? m : 0) + (fit.damped ? 1 : 0) + 1 + 1;
  const aic = -2 * fit.logLikelihood + 2 * k;
  return aic + (2 * k * (k + 1)) / (n - k - 1);
}

const hasMultiplicativeTrend = (model: string): boolean => model[1] === 'M';

const cases = [
  { file: 'fit_ets_results_seasonal.json', series: 'austourists.csv', m: 4 },
  { file: 'fit_ets_results_nonseasonal.json', series: 'oildata.csv', m: 1 },
] as const;

describe("autoEts picks R's model", () => {
  for (const { file, series, m } of cases) {
    const values = referenceSeries(series);
    const references = referenceFits(file);
    for (const allowMultiplicativeTrend of [false, true]) {
      it(`${series}, multiplicative trend ${allowMultiplicativeTrend ? 'allowed' : 'excluded'}`, () => {
        const fit = autoEts(values, { seasonLength: m, allowMultiplicativeTrend });
        const considered = references.filter((r) => allowMultiplicativeTrend || !hasMultiplicativeTrend(r.model));
        // Every model R fitted was tried, with R's AICc (R's loglik to 8 digits → 1e-3 on AICc).
        for (const reference of considered) {
          const candidate = fit.candidates.find((c) => c.model === reference.model);
          expect(candidate, reference.model).toBeDefined();
          expect(Math.abs((candidate?.aicc ?? Infinity) - rAicc(reference, m, values.length))).toBeLessThan(1e-3);
        }
        // R's choice among the models it fitted is ours among the same models.
        const rBest = [...considered].sort((a, b) => rAicc(a, m, values.length) - rAicc(b, m, values.length))[0];
        const ourBest = fit.candidates
          .filter((c) => considered.some((r) => r.model === c.model))
          .sort((a, b) => a.aicc - b.aicc)[0];
        expect(ourBest?.model).toBe(rBest?.model);
        // The overall choice (which may add the non-seasonal models R's full search also tries)
        // is never worse than R's best.
        expect(fit.aicc).toBeLessThanOrEqual(rAicc(rBest as RReferenceFit, m, values.length) + 1e-6);
        expect(fit.ic).toBe('aicc');
      });
    }
  }

  it('fpp2 examples: ETS(M,A,M) for austourists and ETS(A,N,N) for oil', () => {
    expect(autoEts(referenceSeries('austourists.csv'), { seasonLength: 4 }).model).toBe('MAM');
    expect(autoEts(referenceSeries('oildata.csv')).model).toBe('ANN');
  });
});

describe('autoEts model space', () => {
  const tourists = referenceSeries('austourists.csv');

  it("tries R's 15 models for positive seasonal data and 6 without a season", () => {
    expect(autoEts(tourists, { seasonLength: 4 }).candidates).toHaveLength(15);
    expect(autoEts(tourists).candidates.map((c) => c.model).sort()).toEqual(['AAN', 'AAdN', 'ANN', 'MAN', 'MAdN', 'MNN']);
  });

  it('treats seasons longer than 24 or longer than the data as no season', () => {
    expect(autoEts(tourists, { seasonLength: 25 }).candidates.every((c) => c.model.endsWith('N'))).toBe(true);
    expect(autoEts(tourists.slice(0, 10), { seasonLength: 12 }).candidates.every((c) => c.model.endsWith('N'))).toBe(true);
  });

  it('uses additive errors only for data that are not positive', () => {
    const shifted = tourists.map((value) => value - 40);
    const models = autoEts(shifted, { seasonLength: 4 }).candidates.map((c) => c.model);
    expect(models.every((model) => model.startsWith('A') && !model.endsWith('M'))).toBe(true);
  });

  it('honours a partly fixed model, damping and the criterion', () => {
    const fit = autoEts(tourists, { seasonLength: 4, model: 'AZA', damped: false, ic: 'bic' });
    expect(fit.candidates.map((c) => c.model).sort()).toEqual(['AAA', 'ANA']);
    expect(fit.ic).toBe('bic');
    expect(fit.bic).toBe(Math.min(...fit.candidates.map((c) => c.bic)));
  });

  it('skips models with more parameters than a short series supports', () => {
    // 10 quarterly values: seasonal damped models estimate 9 quantities, R needs fewer than n − 1;
    // seasonal trend models estimate 8, so k = 9 and AICc divides by n − k − 1 = 0 (Inf in R too).
    // (Fewer than 3 seasons also exercises the Fourier-regression start of the seasonal states.)
    const fit = autoEts(tourists.slice(0, 10), { seasonLength: 4 });
    const dropped = fit.candidates.filter((c) => !Number.isFinite(c.aicc)).map((c) => c.model);
    expect(dropped.sort()).toEqual(['AAA', 'AAdA', 'MAA', 'MAM', 'MAdA', 'MAdM']);
    expect(Number.isFinite(fit.aicc)).toBe(true);
  });

  it('answers a constant series with flat simple exponential smoothing, as R', () => {
    const fit = autoEts(new Array<number>(30).fill(42), { seasonLength: 7 });
    expect(fit.model).toBe('ANN');
    expect(fit.parameters.alpha).toBe(0.99999);
    const forecast = forecastEts(fit, { horizon: 3 });
    expect(forecast.mean).toEqual([42, 42, 42]);
    expect(forecast.intervals[1]?.upper).toEqual([42, 42, 42]);
  });

  it('throws coded errors for unusable input', () => {
    expect(thrownCode(() => autoEts([1, 2, 3, 4, 5, 6]))).toBe('INVALID_SERIES');
    expect(thrownCode(() => autoEts([1, 2, 3, Number.NaN, 5, 6, 7, 8]))).toBe('INVALID_SERIES');
    expect(thrownCode(() => autoEts(tourists.map((v) => v - 40), { model: 'MNN' }))).toBe('INVALID_SERIES');
    expect(thrownCode(() => autoEts(tourists, { model: 'ANA' }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => autoEts(tourists, { model: 'XYZ' as never }))).toBe('INVALID_PARAMETER');
    expect(thrownCode(() => autoEts(tourists, { model: 'ZNZ', damped: true }))).toBe('INVALID_PARAMETER');
  });
});
