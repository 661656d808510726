import { describe, expect, it } from 'vitest';
import { isKlensError } from '../../errors/klens-error.js';
import { hamedRaoMannKendallTest } from './hamed-rao.js';
import { mannKendallTest, type MannKendallResult } from './mann-kendall.js';
import { seasonalMannKendallTest } from './seasonal-mann-kendall.js';
import { seasonalSensSlope, sensSlope } from './sens-slope.js';
import { arbitrarySeries, relativeError, shampooSeries } from './test-support/reference-series.js';

// pyMannKendall's published values (reference/trend_tests/SOURCE.md): exact floats from its test
// file and example notebook, which the package states were compared with R (modifiedmk, trend, rkt).
const arbitrary = arbitrarySeries();
const shampoo = shampooSeries();

/**
 * Relative tolerance for the published floats: 1e-14 of the value (S is compared exactly). Measured:
 * every field identical to the last bit except the original test's p, one ulp (6e-16) away.
 */
function expectClose(actual: number, expected: number, relative = 1e-14): void {
  expect(relativeError(actual, expected)).toBeLessThanOrEqual(relative);
}

type Expected = Partial<Pick<MannKendallResult, 'trend' | 'h' | 'p' | 'z' | 'tau' | 's' | 'varS' | 'slope' | 'intercept'>>;

function expectResult(result: MannKendallResult, expected: Expected): void {
  if (expected.trend !== undefined) expect(result.trend).toBe(expected.trend);
  if (expected.h !== undefined) expect(result.h).toBe(expected.h);
  if (expected.s !== undefined) expect(result.s).toBe(expected.s);
  for (const key of ['p', 'z', 'tau', 'varS', 'slope', 'intercept'] as const) {
    const value = expected[key];
    if (value !== undefined) expectClose(result[key], value);
  }
}

describe('Mann-Kendall tests against pyMannKendall (arbitrary_1d_data, 7 missing values)', () => {
  it('has the fixture as published: 360 values, 7 missing', () => {
    expect(arbitrary).toHaveLength(360);
    expect(arbitrary.filter((value) => value === null)).toHaveLength(7);
  });

  it('original_test', () => {
    expectResult(mannKendallTest(arbitrary), {
      trend: 'no trend', h: false, p: 0.37591058740506833, z: -0.8854562842589916, tau: -0.03153167653875869, s: -1959, varS: 4889800.333333333,
    });
  });

  it('sens_slope keeps the original time index', () => {
    const result = sensSlope(arbitrary);
    expectClose(result.slope, -0.006369426751592357);
    expectClose(result.intercept, 96.15286624203821);
  });

  it('seasonal_sens_slope with period 12', () => {
    const result = seasonalSensSlope(arbitrary, 12);
    expectClose(result.slope, -0.08695652173913043);
    expectClose(result.intercept, 96.31159420289855);
  });

  it('seasonal_test with period 12', () => {
    expectResult(seasonalMannKendallTest(arbitrary, { period: 12 }), {
      trend: 'decreasing', h: true, p: 0.03263834596177739, z: -2.136504114534638, tau: -0.0794979079497908, s: -399, varS: 34702.333333333336,
      slope: -0.08695652173913043, intercept: 96.31159420289855,
    });
  });

  it('hamed_rao_modification_test with lag None', () => {
    expectResult(hamedRaoMannKendallTest(arbitrary), {
      trend: 'decreasing', h: true, p: 0.00012203829241275166, z: -3.8419950613710894, tau: -0.03153167653875869, s: -1959, varS: 259723.81316716125,
    });
  });

  it('hamed_rao_modification_test with lag 3', () => {
    expectResult(hamedRaoMannKendallTest(arbitrary, { lag: 3 }), {
      trend: 'no trend', h: false, p: 0.6037112685123898, z: -0.5190709455046154, tau: -0.03153167653875869, s: -1959, varS: 14228919.889368296,
    });
  });
});

describe('Mann-Kendall on the shampoo example (pyMannKendall example notebook)', () => {
  it('reads 36 monthly values', () => {
    expect(shampoo).toHaveLength(36);
  });

  it('hamed_rao_modification_test', () => {
    expectResult(hamedRaoMannKendallTest(shampoo), {
      trend: 'increasing', h: true, p: 2.8916160532688195e-7, z: 5.130377554630905, tau: 0.6984126984126984, s: 440, varS: 7322.011164105283,
      slope: 11.509375, intercept: 78.73593749999998,
    });
  });

  it('original test: S = 440 and Tau = 440/630', () => {
    expectResult(mannKendallTest(shampoo), { s: 440, tau: 440 / 630, trend: 'increasing' });
  });
});

describe('Hamed-Rao on the short series of pyMannKendall issue #29 (outputs printed in the issue)', () => {
  const series1 = [0.41625778, 0.40488883, 0.43044564, 0.44369687, 0.46613348, 0.44420775, 0.45091315, 0.48484614, 0.40252088, 0.43944978, 0.51613973, 0.49302274];
  const series2 = [0.35257984, 0.38692909, 0.39669828, 0.36296244, 0.42035612, 0.39374964, 0.41100085, 0.43182076, 0.40815853, 0.45394297, 0.41584767, 0.47399517];

  it('series 1 as printed', () => {
    expectResult(hamedRaoMannKendallTest(series1), {
      trend: 'increasing', h: true, p: 0.03352416523500468, z: 2.125748992103599, tau: 0.48484848484848486, s: 32, varS: 212.66666666666666,
      slope: 0.0070362813636363625, intercept: 0.40525276250000003,
    });
  });

  it('series 2: the paper factor gives Var(S) = -8.737 (NaN z in pyMannKendall); we fall back to |sum| instead', () => {
    const result = hamedRaoMannKendallTest(series2);
    expectResult(result, { tau: 0.6666666666666666, s: 44, slope: 0.008305347500000004, intercept: 0.36390027875 });
    expect(result.correction).toBe('absolute-sum');
    // Var0·(1 + |c|) = 2·Var0 − Var0·(1 + c), with Var0 = 212.666… and Var0·(1 + c) = −8.737… as printed.
    expectClose(result.varS, 2 * 212.66666666666666 + 8.737179487179525, 1e-9);
    expect(Number.isFinite(result.p) && Number.isFinite(result.z)).toBe(true);
  });
});

describe('pyMannKendall edge cases', () => {
  const constant = new Array<number>(360).fill(7);
  // 0..359 plus a tiny increasing perturbation (pyMannKendall adds rand/1e13; any strictly increasing series gives the same answer).
  const increasing = Array.from({ length: 360 }, (_, i) => i + ((i * 7) % 10) * 1e-14);

  it('a constant series: no trend, p 1, z 0, S 0, Var(S) 0, slope 0', () => {
    for (const result of [mannKendallTest(constant), hamedRaoMannKendallTest(constant), hamedRaoMannKendallTest(constant, { lag: 3 })]) {
      expect(result).toMatchObject({ trend: 'no trend', h: false, p: 1, z: 0, tau: 0, s: 0, slope: 0 });
    }
    expect(mannKendallTest(constant).varS).toBe(0);
    expect(seasonalMannKendallTest(constant, { period: 12 })).toMatchObject({ trend: 'no trend', p: 1, z: 0, s: 0, varS: 0, slope: 0 });
  });

  it('0..359: increasing, p 0, Tau 1, S 64620, Sen slope 1 (seasonal: S 5220, slope 12)', () => {
    expect(mannKendallTest(increasing)).toMatchObject({ trend: 'increasing', h: true, p: 0, tau: 1, s: 64620 });
    expect(hamedRaoMannKendallTest(increasing)).toMatchObject({ trend: 'increasing', p: 0, tau: 1, s: 64620 });
    expect(hamedRaoMannKendallTest(increasing, { lag: 3 })).toMatchObject({ trend: 'increasing', p: 0, tau: 1, s: 64620 });
    expect(seasonalMannKendallTest(increasing, { period: 12 })).toMatchObject({ trend: 'increasing', p: 0, tau: 1, s: 5220 });
    expect(sensSlope(increasing).slope).toBeCloseTo(1, 12);
    expect(Math.round(sensSlope(increasing).intercept)).toBe(0);
    expect(seasonalSensSlope(increasing, 12).slope).toBeCloseTo(12, 11);
  });

  it('too few values is a coded error, not NaN', () => {
    expect(() => mannKendallTest([1, null, 2])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => sensSlope([3])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => seasonalMannKendallTest([1, 2, 3], { period: 7 })).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    try {
      mannKendallTest([1, 2, Number.POSITIVE_INFINITY, 4]);
      expect.unreachable();
    } catch (error) {
      expect(isKlensError(error, 'INVALID_SERIES')).toBe(true);
    }
  });
});
