import { describe, expect, it } from 'vitest';

import { normalQuantile, standardNormal } from './normal.js';

describe('normalQuantile', () => {
  it("matches R's qnorm", () => {
    // R: qnorm(c(0.975, 0.9, 0.001, 1e-10, 0.5))
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('is antisymmetric around one half', () => {
    for (const p of [0.01, 0.2, 0.4, 0.49]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
  });
});

describe('standardNormal', () => {
  it('stays finite when the uniform source returns exactly 0', () => {
    expect(Number.isFinite(standardNormal(() => 0))).toBe(true);
    expect(standardNormal(() => 0.5)).toBe(0);
  });
});
