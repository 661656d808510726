import { KlensError } from '../../errors/klens-error.js';
import { createStlWorkspace } from './stl-fortran.js';
import { resolveStlParameters, runStl, toFiniteSeries, type StlOptions, type StlParameters } from './stl.js';

/** STL options MSTL passes to every STL fit; the period and seasonal window come from MSTL itself. */
export type MstlStlOptions = Partial<Omit<StlOptions, 'period' | 'seasonalWindow'>>;

/** Options of {@link mstl}, named after R's `forecast::mstl`. */
export interface MstlOptions {
  /** Seasonal periods, integers ≥ 2 and distinct; any not below half the series length is dropped, as R does. */
  periods: readonly number[];
  /**
   * Seasonal window of each period, in the order of `periods` (R: `s.window`). Default 7 + 4·i for
   * the i-th period in ascending order, i from 1 (11, 15, 19, …), as R and statsmodels.
   */
  windows?: readonly (number | 'periodic')[];
  /** Rounds of backfitting over the seasonal components (R `iterate`), an integer ≥ 1. Default 2. */
  iterate?: number;
  /**
   * Box-Cox parameter applied before decomposing, or null (default) for none. Components are then
   * on the transformed scale, as R's. λ = 0 is the logarithm; the series must stay finite under it.
   */
  lambda?: number | null;
  /** Options of each STL fit. Defaults are R's `stl` defaults. */
  stl?: MstlStlOptions;
}

/**
 * An MSTL decomposition: `series[i] = trend[i] + Σₖ seasonals[k][i] + remainder[i]`, where
 * `series` is the input (Box-Cox transformed when `lambda` was given).
 */
export interface MstlResult {
  trend: number[];
  /** One seasonal component per kept period, in the order of `periods` (ascending). */
  seasonals: number[][];
  remainder: number[];
  /** The periods decomposed, ascending; periods too long for the series are left out. */
  periods: number[];
  /** The STL parameters of each period's fit, in the order of `periods`. */
  parameters: StlParameters[];
  /** The Box-Cox λ applied, or null. */
  lambda: number | null;
}

/**
 * MSTL: decomposition with several seasonal periods (Bandara, Hyndman & Bergmeir 2021), as R's
 * `forecast::mstl` and statsmodels' `MSTL` compute it: STL is fitted for each period in turn, in
 * ascending order, on the series minus the other seasonal components, `iterate` times; the trend
 * is that of the last STL fit and the remainder what is left.
 *
 * Matches R's output on the Victoria electricity reference to 5e-11 (data of scale 16 000): the
 * digits R printed.
 *
 * ### Examples
 * ```ts
 * const { trend, seasonals: [daily, weekly], remainder } = mstl(hourlyOrders, { periods: [24, 168] });
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when a value is not finite (or not finite after Box-Cox), or
 *   the series is too short for every period (fewer than two full cycles of the shortest);
 *   INVALID_PARAMETER when an option is out of range.
 */
export function mstl(values: ArrayLike<number>, options: MstlOptions): MstlResult {
  const raw = toFiniteSeries(values);
  const n = raw.length;
  if (options == null || typeof options !== 'object') throw parameterError('MSTL needs options with at least `periods`.');
  const { periods: givenPeriods, windows: givenWindows } = options;
  if (!Array.isArray(givenPeriods) || givenPeriods.length === 0) {
    throw parameterError('MSTL option `periods` must be a non-empty array of integers ≥ 2.');
  }
  for (const p of givenPeriods) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 2) {
      throw parameterError(`MSTL periods must be integers ≥ 2 (got ${String(p)}).`);
    }
  }
  if (new Set(givenPeriods).size !== givenPeriods.length) {
    throw parameterError(`MSTL periods must be distinct (got ${givenPeriods.join(', ')}).`);
  }
  if (givenWindows !== undefined && (!Array.isArray(givenWindows) || givenWindows.length !== givenPeriods.length)) {
    throw parameterError(`MSTL option \`windows\` must give one seasonal window per period (${givenPeriods.length}).`);
  }
  const iterate = options.iterate ?? 2;
  if (typeof iterate !== 'number' || !Number.isInteger(iterate) || iterate < 1) {
    throw parameterError(`MSTL option \`iterate\` must be an integer ≥ 1 (got ${String(iterate)}).`);
  }
  const lambda = options.lambda ?? null;
  if (lambda !== null && (typeof lambda !== 'number' || !Number.isFinite(lambda))) {
    throw parameterError(`MSTL option \`lambda\` must be a finite number or null (got ${String(lambda)}).`);
  }

  // Pair each period with its window, sort ascending, drop periods of n/2 or more (R: msts < n/2).
  const order = givenPeriods.map((period, i) => ({ period, window: givenWindows?.[i] }));
  order.sort((a, b) => a.period - b.period);
  const kept = order
    .map((entry, i) => ({ period: entry.period, window: entry.window ?? 7 + 4 * (i + 1) }))
    .filter((entry) => entry.period < n / 2);
  if (kept.length === 0) {
    throw new KlensError(
      'INVALID_SERIES',
      `MSTL needs more than two full cycles of at least one period: the series has ${n} values and the shortest period is ${order[0]!.period}.`,
    );
  }

  const stlOptions: MstlStlOptions = options.stl ?? {};
  const parameters = kept.map(({ period, window }) =>
    resolveStlParameters(n, { ...stlOptions, period, seasonalWindow: window } as StlOptions),
  );

  const x = lambda === null ? raw : boxCox(raw, lambda);
  const seasonals = kept.map(() => new Float64Array(n));
  const deseas = Float64Array.from(x);
  const trend = new Float64Array(n);
  const weights = new Float64Array(n);
  // With one period every round refits the same series; R would repeat it for nothing.
  const rounds = kept.length === 1 ? 1 : iterate;
  const workspaces = new Map<number, ReturnType<typeof createStlWorkspace>>();
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < kept.length; k++) {
      const seasonal = seasonals[k]!;
      const p = parameters[k]!;
      for (let i = 0; i < n; i++) deseas[i] = deseas[i]! + seasonal[i]!;
      let ws = workspaces.get(p.period);
      if (ws === undefined) {
        ws = createStlWorkspace(n, p.period);
        workspaces.set(p.period, ws);
      }
      runStl(deseas, p, ws, seasonal, trend, weights);
      for (let i = 0; i < n; i++) deseas[i] = deseas[i]! - seasonal[i]!;
    }
  }
  const remainder = new Array<number>(n);
  for (let i = 0; i < n; i++) remainder[i] = deseas[i]! - trend[i]!;
  return {
    trend: Array.from(trend),
    seasonals: seasonals.map((s) => Array.from(s)),
    remainder,
    periods: kept.map((entry) => entry.period),
    parameters,
    lambda,
  };
}

/** R `forecast::BoxCox`: log(x) for λ = 0, else (sign(x)·|x|^λ − 1)/λ; negative x undefined for λ < 0. */
function boxCox(x: Float64Array, lambda: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = lambda === 0 ? Math.log(v) : lambda < 0 && v < 0 ? Number.NaN : (Math.sign(v) * Math.abs(v) ** lambda - 1) / lambda;
    if (!Number.isFinite(t)) {
      throw new KlensError(
        'INVALID_SERIES',
        `Value ${i} (${v}) has no finite Box-Cox transform with λ = ${lambda}; use positive values or no λ.`,
      );
    }
    out[i] = t;
  }
  return out;
}

function parameterError(message: string): KlensError {
  return new KlensError('INVALID_PARAMETER', message);
}
