import { describe, expect, it } from 'vitest';

import { etsLikelihood } from './likelihood.js';
import { etsComponents } from './model-string.js';
import { etsRecursions, kernelModelOf } from './recursions.js';
import { maxRelativeError, referenceFits, referenceSeries } from './test-support/r-reference.js';

// R wrote the reference JSON with 8 significant digits, so plugged-in recursions can only agree to
// about 1e-7 relative; we assert 1e-6 (relative to max(|value|, 1)).
const tolerance = 1e-6;

const cases = [
  { file: 'fit_ets_results_seasonal.json', series: 'austourists.csv', m: 4 },
  { file: 'fit_ets_results_nonseasonal.json', series: 'oildata.csv', m: 1 },
] as const;

describe('etsRecursions with R parameters and initial states', () => {
  for (const { file, series, m } of cases) {
    const values = referenceSeries(series);
    for (const reference of referenceFits(file)) {
      it(`${reference.model} on ${series}: fitted, residuals, states and loglik match R`, () => {
        const result = etsRecursions({
          values,
          model: reference.model,
          seasonLength: m,
          parameters: reference.parameters,
          initialStates: reference.initialStates,
        });
        expect(maxRelativeError(result.fitted, reference.fitted)).toBeLessThan(tolerance);
        expect(maxRelativeError(result.residuals, reference.residuals)).toBeLessThan(tolerance);
        expect(maxRelativeError(result.states.flat(), reference.states.flat())).toBeLessThan(tolerance);
        expect(Math.abs(result.logLikelihood - reference.logLikelihood)).toBeLessThan(tolerance * Math.abs(reference.logLikelihood));
        // The optimiser's likelihood-only loop does the same arithmetic.
        const components = etsComponents(reference.model);
        const fast = etsLikelihood(
          Float64Array.from(values),
          kernelModelOf(components, m, reference.parameters),
          Float64Array.from(reference.initialStates),
          new Float64Array(m),
        );
        expect(fast).toBe(result.lik);
      });
    }
  }
});
