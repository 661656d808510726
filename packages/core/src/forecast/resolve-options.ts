import { KlensError } from '../errors/klens-error.js';
import type { ForecastModelName, ForecastOptions } from './types.js';
import { assertCount } from './validate-series.js';
import { seededRandom } from '../random/seeded-random.js';

/** {@link ForecastOptions} with every default applied and checked. */
export interface ResolvedForecastOptions {
  horizon: number;
  seasonLengths: number[];
  levels: number[];
  model: ForecastModelName;
  random: () => number;
  calibrationOrigins: number;
}

const MODELS: readonly ForecastModelName[] = ['auto', 'ets', 'theta', 'seasonal-naive', 'naive2', 'mstl-ets', 'ensemble'];

/** Candidate season lengths of each observation spacing: daily and weekly cycles of hours, and so on. */
const SEASONS_OF_INTERVAL: Record<NonNullable<ForecastOptions['interval']>, number[]> = {
  hour: [24, 168],
  day: [7, 365],
  week: [52],
  month: [12],
};

const MULTI_SEASON_MODELS: readonly ForecastModelName[] = ['auto', 'mstl-ets', 'ensemble'];

function seasonsOfInterval(interval: ForecastOptions['interval'], model: ForecastModelName): number[] {
  if (interval === undefined) return [];
  const seasons = SEASONS_OF_INTERVAL[interval];
  if (!seasons) throw new KlensError('INVALID_PARAMETER', `Unknown interval "${String(interval)}"; use hour, day, week or month.`);
  return MULTI_SEASON_MODELS.includes(model) ? seasons : seasons.slice(0, 1);
}

/**
 * Applies the defaults documented on {@link ForecastOptions} and checks every option.
 *
 * @throws {KlensError} INVALID_PARAMETER naming the first option that is out of range.
 */
export function resolveForecastOptions(options: ForecastOptions): ResolvedForecastOptions {
  if (options == null || typeof options !== 'object') throw new KlensError('INVALID_PARAMETER', 'forecast needs options with at least `horizon`.');
  assertCount(options.horizon, 'horizon');
  const model = options.model ?? 'auto';
  if (!MODELS.includes(model)) throw new KlensError('INVALID_PARAMETER', `Unknown model "${String(model)}"; use one of ${MODELS.join(', ')}.`);
  const seasons = options.seasonLengths ?? (options.seasonLength !== undefined ? [options.seasonLength] : seasonsOfInterval(options.interval, model));
  for (const m of seasons) assertCount(m, 'seasonLengths', 1);
  const levels = options.levels ?? [options.level ?? 95];
  if (levels.length === 0) throw new KlensError('INVALID_PARAMETER', '`levels` must hold at least one level, e.g. [80, 95].');
  for (const level of levels) {
    if (typeof level !== 'number' || !(level > 0 && level < 100)) {
      throw new KlensError('INVALID_PARAMETER', `Interval levels are percentages in (0, 100) (got ${String(level)}).`);
    }
  }
  const calibrationOrigins = options.calibrationOrigins ?? 3;
  assertCount(calibrationOrigins, 'calibrationOrigins');
  return {
    horizon: options.horizon,
    // A season of 1 means "no season"; sorted so that the shortest comes first everywhere.
    seasonLengths: [...new Set(seasons.filter((m) => m >= 2))].sort((a, b) => a - b),
    levels,
    model,
    random: options.random ?? seededRandom(20_240_601),
    calibrationOrigins,
  };
}
