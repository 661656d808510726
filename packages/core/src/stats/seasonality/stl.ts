import { KlensError } from '../../errors/klens-error.js';
import { createStlWorkspace, stlFortran, type FortranStlParameters, type StlWorkspace } from './stl-fortran.js';

/** Loess degree of an STL smoother: 0 (locally constant) or 1 (locally linear). */
export type LoessDegree = 0 | 1;

/**
 * Options of {@link stl}, named after R's `stats::stl` (Fortran names in brackets). Only `period`
 * and `seasonalWindow` are required; every default is R's.
 */
export interface StlOptions {
  /** Observations per seasonal cycle (np; R: `frequency(x)`), an integer ≥ 2. */
  period: number;
  /**
   * Seasonal loess window in cycles (ns; R `s.window`), an integer ≥ 3, or `'periodic'`: as R does,
   * the window becomes 10·n + 1, the seasonal degree 0, and the seasonal component is finally
   * replaced by its mean at each position of the cycle, so it repeats exactly.
   */
  seasonalWindow: number | 'periodic';
  /** Seasonal loess degree (isdeg; R `s.degree`). Default 0, as R. Forced to 0 when periodic. */
  seasonalDegree?: LoessDegree;
  /**
   * Trend loess window (nt; R `t.window`), an integer ≥ 3. Default, as R and statsmodels:
   * the next odd integer ≥ ceil(1.5·period / (1 − 1.5/seasonalWindow)).
   */
  trendWindow?: number;
  /** Trend loess degree (itdeg; R `t.degree`). Default 1. */
  trendDegree?: LoessDegree;
  /** Low-pass loess window (nl; R `l.window`), an integer ≥ 3. Default: the next odd integer ≥ period. */
  lowPassWindow?: number;
  /** Low-pass loess degree (ildeg; R `l.degree`). Default: the trend degree, as R. */
  lowPassDegree?: LoessDegree;
  /** Fit the seasonal smoother at every k-th point, interpolating between (nsjump). Default ceil(seasonalWindow/10). */
  seasonalJump?: number;
  /** Likewise for the trend smoother (ntjump). Default ceil(trendWindow/10). */
  trendJump?: number;
  /** Likewise for the low-pass smoother (nljump). Default ceil(lowPassWindow/10). */
  lowPassJump?: number;
  /** Passes of the inner loop (ni), ≥ 1. Default 1 when `robust`, else 2 (R). */
  innerIterations?: number;
  /** Robustness iterations (no), ≥ 0. Default 15 when `robust`, else 0 (R). */
  outerIterations?: number;
  /** R's `robust`: only chooses the defaults of `innerIterations` and `outerIterations`. Default false. */
  robust?: boolean;
}

/**
 * The parameters STL actually ran with. Windows are the effective ones: like the Fortran, an even
 * window is widened by one to make it odd. Defaults that depend on another window (trend window,
 * jumps) are computed, as in R, from the window as given, before that widening.
 */
export interface StlParameters {
  period: number;
  seasonalWindow: number;
  /** True when the seasonal window was `'periodic'`. */
  periodic: boolean;
  seasonalDegree: LoessDegree;
  trendWindow: number;
  trendDegree: LoessDegree;
  lowPassWindow: number;
  lowPassDegree: LoessDegree;
  seasonalJump: number;
  trendJump: number;
  lowPassJump: number;
  innerIterations: number;
  outerIterations: number;
}

/**
 * An STL decomposition: `values[i] = trend[i] + seasonal[i] + remainder[i]` (the remainder is
 * computed as values − seasonal − trend, as R does). Components are plain `number[]` so they pass
 * wherever a `readonly number[]` is expected and serialise as JSON arrays; the computation itself
 * runs on `Float64Array`s.
 */
export interface StlResult {
  seasonal: number[];
  trend: number[];
  remainder: number[];
  /**
   * Robustness weights in [0, 1] used in the final pass (Fortran `rw`): bisquare weights of the
   * residuals scaled by 6·median|residual|; all 1 when `outerIterations` is 0.
   */
  weights: number[];
  parameters: StlParameters;
}

/**
 * STL: seasonal-trend decomposition by loess (Cleveland et al. 1990), a faithful port of the
 * netlib Fortran that R's `stats::stl` wraps, with R's defaults and R's `'periodic'` handling.
 * On the reference CO2 scenarios it reproduces the Fortran's season, trend and weights bit for bit.
 *
 * The series must be evenly spaced, complete and finite, and span at least two full periods
 * (R's `stl` asks for strictly more than two; the Fortran itself handles exactly two).
 *
 * ### Examples
 * ```ts
 * const { seasonal, trend, remainder } = stl(hourlyRevenue, { period: 24, seasonalWindow: 'periodic', robust: true });
 * const monthly = stl(co2, { period: 12, seasonalWindow: 35, seasonalDegree: 1, innerIterations: 1, outerIterations: 2 });
 * ```
 *
 * @throws {KlensError} INVALID_SERIES when the series is shorter than two periods or holds a
 *   value that is not a finite number; INVALID_PARAMETER when an option is out of range.
 */
export function stl(values: ArrayLike<number>, options: StlOptions): StlResult {
  const y = toFiniteSeries(values);
  const parameters = resolveStlParameters(y.length, options);
  const n = y.length;
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const weights = new Float64Array(n);
  runStl(y, parameters, createStlWorkspace(n, parameters.period), seasonal, trend, weights);
  const remainder = new Array<number>(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return {
    seasonal: Array.from(seasonal),
    trend: Array.from(trend),
    remainder,
    weights: Array.from(weights),
    parameters,
  };
}

/**
 * Runs STL on a validated series with resolved parameters, writing into the given arrays.
 * `ws` must have been created for this length and period. Internal: shared with MSTL.
 */
export function runStl(
  y: Float64Array,
  parameters: StlParameters,
  ws: StlWorkspace,
  seasonal: Float64Array,
  trend: Float64Array,
  weights: Float64Array,
): void {
  stlFortran(y, toFortran(parameters), weights, seasonal, trend, ws);
  if (parameters.periodic) makePeriodic(seasonal, parameters.period);
}

/** R's `tapply(seasonal, cycle(x), mean)[cycle(x)]`: each cycle position gets its mean (two-pass, as R's mean). */
function makePeriodic(seasonal: Float64Array, period: number): void {
  const n = seasonal.length;
  for (let c = 0; c < period; c++) {
    let sum = 0;
    let count = 0;
    for (let i = c; i < n; i += period) {
      sum += seasonal[i]!;
      count += 1;
    }
    let mean = sum / count;
    let correction = 0;
    for (let i = c; i < n; i += period) correction += seasonal[i]! - mean;
    mean += correction / count;
    for (let i = c; i < n; i += period) seasonal[i] = mean;
  }
}

function toFortran(p: StlParameters): FortranStlParameters {
  return {
    np: p.period,
    ns: p.seasonalWindow,
    nt: p.trendWindow,
    nl: p.lowPassWindow,
    isdeg: p.seasonalDegree,
    itdeg: p.trendDegree,
    ildeg: p.lowPassDegree,
    nsjump: p.seasonalJump,
    ntjump: p.trendJump,
    nljump: p.lowPassJump,
    ni: p.innerIterations,
    no: p.outerIterations,
  };
}

/** Copies `values` into a Float64Array, rejecting non-numbers, NaN and ±Infinity. Internal. */
export function toFiniteSeries(values: ArrayLike<number>): Float64Array {
  if (values == null || typeof values.length !== 'number') {
    throw new KlensError('INVALID_SERIES', 'The series must be an array of numbers.');
  }
  const n = values.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new KlensError(
        'INVALID_SERIES',
        `The series must hold only finite numbers, but value ${i} is ${String(v)}; fill or drop missing values first.`,
      );
    }
    y[i] = v;
  }
  return y;
}

/** R's `nextodd`: round, then add one if even. */
function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/** The Fortran's treatment of a window on entry: an even window is widened by one. */
function oddWindow(w: number): number {
  return w % 2 === 0 ? w + 1 : w;
}

function parameterError(message: string): KlensError {
  return new KlensError('INVALID_PARAMETER', message);
}

function integerAtLeast(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw parameterError(`STL option \`${name}\` must be an integer ≥ ${min} (got ${String(value)}).`);
  }
  return value;
}

function degree(name: string, value: unknown, fallback: LoessDegree): LoessDegree {
  if (value === undefined) return fallback;
  if (value !== 0 && value !== 1) {
    throw parameterError(`STL option \`${name}\` must be 0 or 1 (got ${String(value)}).`);
  }
  return value;
}

/**
 * Validates `options` against a series of length `n` and fills in R's defaults. Internal: shared
 * with MSTL.
 *
 * @throws {KlensError} INVALID_PARAMETER or INVALID_SERIES (series shorter than two periods).
 */
export function resolveStlParameters(n: number, options: StlOptions): StlParameters {
  if (options == null || typeof options !== 'object') throw parameterError('STL needs options with at least `period` and `seasonalWindow`.');
  const period = integerAtLeast('period', options.period, 2);
  if (n < 2 * period) {
    throw new KlensError(
      'INVALID_SERIES',
      `STL needs at least two full periods: the series has ${n} values but the period is ${period}, so it needs at least ${2 * period}.`,
    );
  }
  const periodic = options.seasonalWindow === 'periodic';
  const sWindowGiven = periodic ? 10 * n + 1 : integerAtLeast('seasonalWindow', options.seasonalWindow, 3);
  const seasonalDegree = periodic ? 0 : degree('seasonalDegree', options.seasonalDegree, 0);
  const trendDegree = degree('trendDegree', options.trendDegree, 1);
  const lowPassDegree = degree('lowPassDegree', options.lowPassDegree, trendDegree);
  const tWindowGiven =
    options.trendWindow === undefined
      ? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindowGiven)))
      : integerAtLeast('trendWindow', options.trendWindow, 3);
  const lWindowGiven =
    options.lowPassWindow === undefined ? nextOdd(period) : integerAtLeast('lowPassWindow', options.lowPassWindow, 3);
  const jump = (name: string, value: number | undefined, window: number): number =>
    value === undefined ? Math.ceil(window / 10) : integerAtLeast(name, value, 1);
  const robust = options.robust ?? false;
  if (typeof robust !== 'boolean') throw parameterError(`STL option \`robust\` must be true or false (got ${String(robust)}).`);
  return {
    period,
    seasonalWindow: oddWindow(sWindowGiven),
    periodic,
    seasonalDegree,
    trendWindow: oddWindow(tWindowGiven),
    trendDegree,
    lowPassWindow: oddWindow(lWindowGiven),
    lowPassDegree,
    seasonalJump: jump('seasonalJump', options.seasonalJump, sWindowGiven),
    trendJump: jump('trendJump', options.trendJump, tWindowGiven),
    lowPassJump: jump('lowPassJump', options.lowPassJump, lWindowGiven),
    innerIterations:
      options.innerIterations === undefined ? (robust ? 1 : 2) : integerAtLeast('innerIterations', options.innerIterations, 1),
    outerIterations:
      options.outerIterations === undefined ? (robust ? 15 : 0) : integerAtLeast('outerIterations', options.outerIterations, 0),
  };
}
