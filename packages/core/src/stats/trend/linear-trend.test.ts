import { describe, expect, it } from 'vitest';
import { linearTrend } from './linear-trend.js';
import { periodOverPeriodChange } from './period-over-period.js';
import { welchTTest } from './welch-t-test.js';

describe('linearTrend against R lm/confint', () => {
  // how-to-data.org, "How to compute a confidence interval for a regression coefficient (in R)":
  // model <- lm(y ~ x); confint(model, level = 0.95) printed to 7 significant digits.
  const x = [34, 9, 78, 60, 22, 45, 83, 59, 25];
  const y = [126, 347, 298, 309, 450, 187, 266, 385, 400];

  it('reproduces the printed 95% intervals (to the printed precision, 1e-6)', () => {
    const result = linearTrend(y, { x });
    expect(result.degreesOfFreedom).toBe(7);
    expect(result.slopeInterval.lower).toBeCloseTo(-4.491961, 6);
    expect(result.slopeInterval.upper).toBeCloseTo(2.473935, 6);
    expect(result.interceptInterval.lower).toBeCloseTo(172.638075, 6);
    expect(result.interceptInterval.upper).toBeCloseTo(535.526421, 6);
    // The interval is centred on the estimate.
    expect((result.slopeInterval.lower + result.slopeInterval.upper) / 2).toBeCloseTo(result.slope, 12);
  });

  it('an exact line has a zero-width interval and p 0; a constant series has slope 0 and p 1', () => {
    const line = linearTrend([3, 5, 7, 9, 11]);
    expect(line).toMatchObject({ slope: 2, intercept: 3, pValue: 0, rSquared: 1 });
    expect(line.slopeInterval.upper - line.slopeInterval.lower).toBe(0);
    expect(linearTrend([4, 4, 4, 4])).toMatchObject({ slope: 0, pValue: 1, rSquared: 0 });
  });

  it('skips missing values but keeps their x', () => {
    expect(linearTrend([1, null, 5, Number.NaN, 9]).slope).toBeCloseTo(2, 12);
  });

  it('rejects too few values and a bad confidence level with codes', () => {
    expect(() => linearTrend([1, 2])).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    expect(() => linearTrend([1, 2, 3], { confidenceLevel: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() => linearTrend([1, 2, 3], { x: [5, 5, 5] })).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
  });
});

describe("welchTTest against R's t.test(extra ~ group, data = sleep)", () => {
  // R documentation example; R prints t = -1.8608, df = 17.776, p-value = 0.07939,
  // 95 percent confidence interval -3.3654832 0.2054832, means 0.75 and 2.33.
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it('matches the printed output', () => {
    const result = welchTTest(group1, group2);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.degreesOfFreedom).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.interval.lower).toBeCloseTo(-3.3654832, 7);
    expect(result.interval.upper).toBeCloseTo(0.2054832, 7);
    expect(result.meanA).toBeCloseTo(0.75, 12);
    expect(result.meanB).toBeCloseTo(2.33, 12);
  });
});

describe('periodOverPeriodChange', () => {
  const previous = Array.from({ length: 28 }, (_, day) => 100 + (day % 7) * 10);
  const flat = [...previous, ...previous];

  it('identical windows: no change, p 1', () => {
    const result = periodOverPeriodChange(flat);
    expect(result).toMatchObject({ window: 28, absoluteChange: 0, relativeChange: 0, significant: false });
    expect(result.test.pValue).toBeCloseTo(1, 12);
  });

  it('a 30% lift on every day is significant and reported as +30%', () => {
    const lifted = [...previous, ...previous.map((value) => value * 1.3)];
    const result = periodOverPeriodChange(lifted);
    expect(result.relativeChange).toBeCloseTo(0.3, 12);
    expect(result.significant).toBe(true);
    expect(result.test.difference).toBeGreaterThan(0);
  });

  it('uses only the last 2·window values, and a zero previous total gives a null ratio', () => {
    const result = periodOverPeriodChange([999, ...new Array<number>(7).fill(0), 1, 2, 3, 4, 5, 6, 7], { window: 7 });
    expect(result.previousTotal).toBe(0);
    expect(result.relativeChange).toBeNull();
  });

  it('a gap inside the windows or too short a series is a coded error', () => {
    expect(() => periodOverPeriodChange(previous)).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
    const gapped: (number | null)[] = [...flat];
    gapped[40] = null;
    expect(() => periodOverPeriodChange(gapped)).toThrow(expect.objectContaining({ code: 'INVALID_SERIES' }));
  });
});
