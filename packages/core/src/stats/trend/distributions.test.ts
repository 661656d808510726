import { describe, expect, it } from 'vitest';
import { erf, erfc } from './error-function.js';
import { regularizedIncompleteBeta } from './incomplete-beta.js';
import { normalCdf, normalQuantile } from './normal-distribution.js';
import { studentTCdf, studentTQuantile } from './student-t-distribution.js';

// Expected values: scipy 1.17 (scipy.special.erf/erfc/betainc, scipy.stats.norm/t), which wrap
// Cephes and Boost; 2.228138851986274 is also R's qt(0.975, 10) and 1.959963984540054 R's qnorm(0.975).
function expectRelative(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('error function and normal distribution (1e-14 relative; 1e-13 in far tails)', () => {
  it.each([
    [0.3, 0.3286267594591274],
    [2.5, 0.999593047982555],
  ])('erf(%d)', (x, expected) => expectRelative(erf(x), expected, 1e-14));

  it.each([
    [5, 1.5374597944280347e-12],
    [-1.2, 1.9103139782296354],
    [30, 0],
  ])('erfc(%d)', (x, expected) => expectRelative(erfc(x), expected, 1e-14));

  it.each([
    [-8, 6.22096057427174e-16],
    [1.5, 0.9331927987311419],
    [-20, 2.7536241186061556e-89],
    // Far tails lose ~2x²·ε from rounding x/√2 itself, as in every double-precision implementation.
  ])('normalCdf(%d)', (x, expected) => expectRelative(normalCdf(x), expected, 1e-13));

  it.each([
    [0.975, 1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.3, -0.5244005127080409],
  ])('normalQuantile(%d)', (p, expected) => expectRelative(normalQuantile(p), expected, 1e-14));

  it('quantile and cdf are inverse, and the ends are infinite', () => {
    for (const p of [1e-200, 1e-20, 0.01, 0.2, 0.5, 0.7, 0.999]) expectRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("Student's t distribution", () => {
  it('regularized incomplete beta', () => {
    expectRelative(regularizedIncompleteBeta(0.5, 2, 3), 0.6875, 1e-14);
    expectRelative(regularizedIncompleteBeta(0.97, 50.5, 0.5), 0.08018110630331779, 1e-12);
  });

  it.each([
    [2, 10, 0.9633059826146299],
    [-3, 2.5, 0.036288047774515914],
    [40, 7000, 1],
  ])('studentTCdf(%d, df %d)', (t, df, expected) => expectRelative(studentTCdf(t, df), expected, 1e-13));

  it('far upper tail with many degrees of freedom (1 − cdf, to 1e-11)', () => {
    expectRelative(1 - studentTCdf(4.5, 14000), 3.4250507599165907e-6, 1e-9);
  });

  it.each([
    [0.975, 10, 2.228138851986274, 1e-14],
    [0.995, 3.5, 5.085702223091256, 1e-13],
    [0.975, 1, 12.706204736174694, 1e-14],
    [0.025, 30, -2.042272456301238, 1e-14],
    // S-H-ESD's first critical value on the Twitter data: large df, p close to 1.
    [1 - 0.05 / (2 * 14398), 14396, 4.642493258481022, 1e-11],
  ])('studentTQuantile(%d, df %d)', (p, df, expected, tolerance) => expectRelative(studentTQuantile(p, df), expected, tolerance));
});
