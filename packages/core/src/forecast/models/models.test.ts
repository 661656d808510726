import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensembleMembers } from './candidates.js';
import { ensembleModel } from './ensemble-model.js';
import { logScale } from './log-scale.js';
import type { ModelContext } from './model.js';
import { mstlAdjustment } from './mstl-adjustment.js';
import { mstlThetaModel } from './mstl-models.js';
import { seasonalNaiveModel } from './seasonal-naive-model.js';

const random = () => 0.5;
const context = (horizon: number, seasonLengths: number[]): ModelContext => ({ horizon, seasonLengths, levels: [], random });

describe('mstlAdjustment', () => {
  it('adds up: adjusted + seasonal = x, and the future seasonal repeats each last cycle', () => {
    const series = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 30, maxLength: 80 });
    fc.assert(
      fc.property(series, (values) => {
        const split = mstlAdjustment(values, [4, 7], 10);
        expect(split.periods).toEqual(values.length > 14 ? [4, 7] : [4]);
        values.forEach((value, t) => expect(split.adjusted[t]! + split.seasonal[t]!).toBeCloseTo(value, 8));
        expect(split.futureSeasonal).toHaveLength(10);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves a series too short for every period unadjusted', () => {
    const split = mstlAdjustment([1, 2, 3, 4, 5], [7], 3);
    expect(split).toEqual({ adjusted: [1, 2, 3, 4, 5], seasonal: [0, 0, 0, 0, 0], futureSeasonal: [0, 0, 0], periods: [] });
  });
});

describe('models', () => {
  const weekly = Array.from({ length: 70 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 7) + (t % 3));

  it('seasonal naive repeats the longest cycle that fits and has no fit for the first cycle', () => {
    const fit = seasonalNaiveModel.fit([1, 2, 3, 4, 5, 6, 7, 8], context(3, [2, 4]));
    expect(fit.mean).toEqual([5, 6, 7]);
    expect(fit.fitted.slice(0, 5)).toEqual([null, null, null, null, 1]);
  });

  it('MSTL + Theta shifts with the series (no log scale)', () => {
    const shift = 37;
    const base = mstlThetaModel.fit(weekly, context(14, [7])).mean;
    const shifted = mstlThetaModel.fit(weekly.map((value) => value + shift), context(14, [7])).mean;
    shifted.forEach((value, h) => expect(value).toBeCloseTo(base[h]! + shift, 6));
  });

  it('the log scale makes a model scale with the series instead', () => {
    const logTheta = logScale(mstlThetaModel, 'log-mstl-theta');
    const base = logTheta.fit(weekly, context(14, [7])).mean;
    const scaled = logTheta.fit(weekly.map((value) => value * 3), context(14, [7])).mean;
    scaled.forEach((value, h) => expect(value / 3).toBeCloseTo(base[h]!, 6));
  });

  it('the ensemble is the step-wise median of its members', () => {
    const members = ensembleMembers({ seasonLengths: [7] }).map((member) => member.model.fit(weekly, context(14, [...member.seasonLengths])).mean);
    const fit = ensembleModel.fit(weekly, context(14, [7]));
    fit.mean.forEach((value, h) => {
      const sorted = members.map((mean) => mean[h]!).sort((a, b) => a - b);
      expect(sorted).toHaveLength(3);
      expect(value).toBe(sorted[1]);
    });
  });
});
