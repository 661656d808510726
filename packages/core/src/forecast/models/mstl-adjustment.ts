import { mstl } from '../../stats/seasonality/mstl.js';
import { lastCycle } from './model.js';

/** A series split by MSTL into its seasonally adjusted part and its seasonal components. */
export interface MstlAdjustment {
  /** Trend + remainder. */
  adjusted: number[];
  /** Sum of the seasonal components, aligned with the input. */
  seasonal: number[];
  /** Sum of each component's last cycle, carried forward `horizon` steps (seasonal naive per component). */
  futureSeasonal: number[];
  /** Periods actually decomposed (those with more than two cycles in the data). */
  periods: number[];
}

/**
 * Seasonal adjustment by MSTL (Bandara, Hyndman & Bergmeir 2021), with each seasonal component
 * forecast by its own seasonal naive, as R `forecast.mstl`/`stlf` do. Periods with two cycles or
 * less are left out, as R does; with none left the series is returned unadjusted.
 *
 * ### Examples
 * ```ts
 * const { adjusted, futureSeasonal } = mstlAdjustment(hourly, [24, 168], 48);
 * ```
 */
export function mstlAdjustment(values: readonly number[], seasonLengths: readonly number[], horizon: number): MstlAdjustment {
  const periods = seasonLengths.filter((period) => period >= 2 && values.length > 2 * period);
  if (periods.length === 0) {
    return { adjusted: [...values], seasonal: new Array<number>(values.length).fill(0), futureSeasonal: new Array<number>(horizon).fill(0), periods };
  }
  const decomposition = mstl(values, { periods });
  const seasonal = new Array<number>(values.length).fill(0);
  const futureSeasonal = new Array<number>(horizon).fill(0);
  decomposition.seasonals.forEach((component, k) => {
    const period = decomposition.periods[k]!;
    for (let t = 0; t < values.length; t += 1) seasonal[t] = seasonal[t]! + component[t]!;
    for (let h = 0; h < horizon; h += 1) futureSeasonal[h] = futureSeasonal[h]! + lastCycle(component, period, h);
  });
  const adjusted = values.map((value, t) => value - seasonal[t]!);
  return { adjusted, seasonal, futureSeasonal, periods: decomposition.periods };
}
