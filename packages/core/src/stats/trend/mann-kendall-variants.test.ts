import { describe, expect, it } from 'vitest';
import type { MannKendallResult } from './mann-kendall.js';
import { preWhiteningMannKendallTest, trendFreePreWhiteningMannKendallTest } from './pre-whitening.js';
import { arbitrarySeries, relativeError, shampooSeries } from './test-support/reference-series.js';
import { yueWangMannKendallTest } from './yue-wang.js';

// pyMannKendall's published values (reference/trend_tests/SOURCE.md). Its own tests compare the
// Yue-Wang results with numpy's allclose (rtol 1e-7); the others with ==.
const arbitrary = arbitrarySeries();
const shampoo = shampooSeries();

type Expected = Partial<Pick<MannKendallResult, 'trend' | 'h' | 'p' | 'z' | 'tau' | 's' | 'varS'>>;

function expectResult(result: MannKendallResult, expected: Expected, relative: number): void {
  if (expected.trend !== undefined) expect(result.trend).toBe(expected.trend);
  if (expected.h !== undefined) expect(result.h).toBe(expected.h);
  if (expected.s !== undefined) expect(result.s).toBe(expected.s);
  for (const key of ['p', 'z', 'tau', 'varS'] as const) {
    const value = expected[key];
    if (value !== undefined) expect(relativeError(result[key], value)).toBeLessThanOrEqual(relative);
  }
}

describe('Yue-Wang modified Mann-Kendall (to 1e-12 relative; measured ≤ 3e-14)', () => {
  it('arbitrary_1d_data, lag None', () => {
    expectResult(yueWangMannKendallTest(arbitrary), { trend: 'decreasing', h: true, p: 0.008401398144858296, z: -2.6354977553857504, s: -1959, varS: 551950.4269211816 }, 1e-12);
  });

  it('arbitrary_1d_data, lag 1', () => {
    expectResult(yueWangMannKendallTest(arbitrary, { lag: 1 }), { trend: 'no trend', h: false, p: 0.5433112864060043, z: -0.6078133313683783, varS: 10377313.384506395 }, 1e-12);
  });

  it('shampoo', () => {
    expectResult(yueWangMannKendallTest(shampoo), { trend: 'increasing', p: 4.89164264649844e-13, z: 7.228299591844883, tau: 0.6984126984126984, s: 440, varS: 3688.5591437515127 }, 1e-12);
  });
});

describe('pre-whitening and trend-free pre-whitening (to 1e-14 relative; measured: identical)', () => {
  it('arbitrary_1d_data, pre-whitening', () => {
    expectResult(preWhiteningMannKendallTest(arbitrary), { trend: 'no trend', h: false, p: 0.9212742990272651, z: -0.09882867695903437, tau: -0.003545066045066045, s: -219, varS: 4865719 }, 1e-14);
  });

  it('arbitrary_1d_data, trend-free pre-whitening', () => {
    expectResult(trendFreePreWhiteningMannKendallTest(arbitrary), { trend: 'no trend', h: false, p: 0.7755465706913385, z: -0.28512735834365455, tau: -0.010198135198135198, s: -630, varS: 4866576 }, 1e-14);
  });

  it('shampoo, pre-whitening', () => {
    expectResult(preWhiteningMannKendallTest(shampoo), { p: 0.002860908222931835, z: 2.982300730486251, tau: 0.3546218487394958, s: 211, varS: 4958.333333333333 }, 1e-14);
  });

  it('shampoo, trend-free pre-whitening', () => {
    expectResult(trendFreePreWhiteningMannKendallTest(shampoo), { p: 1.2152931994080518e-9, z: 6.078212917371978, tau: 0.7210084033613445, s: 429, varS: 4958.333333333333 }, 1e-14);
  });

  it('a constant series: no trend, p 1', () => {
    const constant = new Array<number>(50).fill(3);
    for (const result of [yueWangMannKendallTest(constant), preWhiteningMannKendallTest(constant), trendFreePreWhiteningMannKendallTest(constant)]) {
      expect(result).toMatchObject({ trend: 'no trend', p: 1, z: 0, s: 0 });
    }
  });
});
