import { KlensError } from '../../errors/klens-error.js';
import type { MannKendallOptions, MannKendallResult } from './mann-kendall.js';
import { mannKendallScore, mannKendallVariance, mannKendallZ, twoSidedNormalDecision } from './mann-kendall-statistics.js';
import { seasonalSensSlope, seasonColumns } from './sens-slope.js';
import { assertAlpha, assertFiniteOrMissing, assertPeriod, presentValues, type SeriesValue } from './series-values.js';

/** Options of {@link seasonalMannKendallTest}. */
export interface SeasonalMannKendallOptions extends MannKendallOptions {
  /** Observations per cycle (12 for monthly data with a yearly cycle, 7 for daily data with a weekly one). */
  period: number;
}

/** The seasonal test's result; `slope` is per cycle (seasonal Sen's slope). */
export interface SeasonalMannKendallResult extends MannKendallResult {
  period: number;
}

/**
 * Seasonal Mann-Kendall test: S, Var(S) and the pair counts are summed over the seasons
 * (values s, s + period, … form season s; missing values are dropped within each season), so a
 * repeating weekly or yearly pattern does not count as trend.
 * Method: Hirsch, Slack & Smith (1982) / Hirsch & Slack (1984); reproduces pyMannKendall 1.4 `seasonal_test`.
 *
 * @example
 * seasonalMannKendallTest(monthlyRevenue, { period: 12 }).trend;
 * @throws {KlensError} INVALID_SERIES when no season has two present values; INVALID_PARAMETER for a bad period.
 */
export function seasonalMannKendallTest(values: readonly SeriesValue[], options: SeasonalMannKendallOptions): SeasonalMannKendallResult {
  const alpha = options.alpha ?? 0.05;
  const { period } = options;
  assertAlpha(alpha);
  assertPeriod(period);
  assertFiniteOrMissing(values, 'The seasonal Mann-Kendall test');
  let s = 0;
  let varS = 0;
  let pairs = 0;
  let n = 0;
  for (const column of seasonColumns(values, period)) {
    const x = presentValues(column);
    n += x.length;
    s += mannKendallScore(x);
    varS += mannKendallVariance(x);
    pairs += 0.5 * x.length * (x.length - 1);
  }
  if (pairs === 0) {
    throw new KlensError('INVALID_SERIES', `The seasonal Mann-Kendall test needs two present values in at least one season (period ${period}).`);
  }
  const z = mannKendallZ(s, varS);
  const { slope, intercept } = seasonalSensSlope(values, period);
  return { method: 'seasonal-mann-kendall', ...twoSidedNormalDecision(z, alpha), z, tau: s / pairs, s, varS, slope, intercept, n, alpha, period };
}
