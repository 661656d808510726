import { describe, expect, it } from 'vitest';

import { DEFAULT_BOUNDS, parametersAllowed, rootsWithinRadius } from './admissibility.js';

/** Coefficients (highest degree first) of the monic polynomial with the given real roots. */
function fromRoots(roots: number[]): Float64Array {
  let coefficients = [1];
  for (const root of roots) {
    const next = [...coefficients, 0];
    coefficients.forEach((c, i) => {
      next[i + 1] = (next[i + 1] as number) - root * c;
    });
    coefficients = next;
  }
  return Float64Array.from(coefficients);
}

describe('rootsWithinRadius', () => {
  it('decides on polynomials with known roots', () => {
    expect(rootsWithinRadius(fromRoots([0.5, -0.9, 0.2, 0.99]), 1)).toBe(true);
    expect(rootsWithinRadius(fromRoots([0.5, -0.9, 1.01]), 1)).toBe(false);
    expect(rootsWithinRadius(fromRoots([0.5, -1.2]), 1)).toBe(false);
    expect(rootsWithinRadius(fromRoots([0, 0, 0.3]), 1)).toBe(true);
    // z² + 0.81 has roots ±0.9i; z² + 1.21 has roots ±1.1i.
    expect(rootsWithinRadius(Float64Array.from([1, 0, 0.81]), 1)).toBe(true);
    expect(rootsWithinRadius(Float64Array.from([1, 0, 1.21]), 1)).toBe(false);
    // Roots on the unit circle pass with R's tolerance of 1 + 1e-10.
    expect(rootsWithinRadius(Float64Array.from([1, 0, 0.999999999999]), 1 + 1e-10)).toBe(true);
  });
});

describe('parametersAllowed', () => {
  const estimated = { beta: true, gamma: true, phi: false };
  const model = { error: 1, trend: 1, season: 1, m: 4, alpha: 0.3, beta: 0.05, gamma: 0.2, phi: 1 };

  it("accepts R's starting values for a seasonal Holt-Winters model", () => {
    expect(parametersAllowed(model, estimated, DEFAULT_BOUNDS, 'both')).toBe(true);
  });

  it('enforces the usual bounds: beta ≤ alpha, gamma ≤ 1 − alpha, phi in [0.8, 0.98]', () => {
    expect(parametersAllowed({ ...model, beta: 0.4 }, estimated, DEFAULT_BOUNDS, 'usual')).toBe(false);
    expect(parametersAllowed({ ...model, gamma: 0.75 }, estimated, DEFAULT_BOUNDS, 'usual')).toBe(false);
    expect(parametersAllowed({ ...model, phi: 0.99 }, { ...estimated, phi: true }, DEFAULT_BOUNDS, 'usual')).toBe(false);
    expect(parametersAllowed({ ...model, alpha: 1.2 }, estimated, DEFAULT_BOUNDS, 'admissible')).toBe(true);
  });

  it('enforces the admissible region (Hyndman, Akram & Archibald 2008)', () => {
    const simple = { error: 1, trend: 0, season: 0, m: 1, alpha: 1.5, beta: 0, gamma: 0, phi: 1 };
    const none = { beta: false, gamma: false, phi: false };
    // Simple exponential smoothing is forecastable for 0 < alpha < 2.
    expect(parametersAllowed(simple, none, DEFAULT_BOUNDS, 'admissible')).toBe(true);
    expect(parametersAllowed({ ...simple, alpha: 2.1 }, none, DEFAULT_BOUNDS, 'admissible')).toBe(false);
    // gamma above 1 + 1/phi − alpha.
    expect(parametersAllowed({ ...model, gamma: 1.9 }, estimated, DEFAULT_BOUNDS, 'admissible')).toBe(false);
  });
});
