import { KlensError } from '../../errors/klens-error.js';
import type { EtsComponents, EtsErrorType, EtsModel, EtsSeasonType, EtsTrendType } from './types.js';

const pattern = /^([AMZ])(N|A|Ad|M|Md|Z)([NAMZ])$/;

/** Components of a model string whose letters may include `Z` (choose automatically). */
export interface EtsModelPattern {
  error: EtsErrorType | 'Z';
  trend: EtsTrendType | 'Z';
  season: EtsSeasonType | 'Z';
  /** `true` when the trend letter carries `d`; `null` when the string says nothing about damping. */
  damped: boolean | null;
}

/**
 * Splits a model string such as `'MAdM'` or `'ZZZ'` into its components (R's `substr` on `model`).
 *
 * ### Examples
 * ```ts
 * parseEtsModel('AAdN'); // { error: 'A', trend: 'A', season: 'N', damped: true }
 * ```
 * @throws {KlensError} INVALID_PARAMETER for anything that is not an ETS model string.
 */
export function parseEtsModel(model: string): EtsModelPattern {
  const match = pattern.exec(model);
  if (!match) {
    throw new KlensError(
      'INVALID_PARAMETER',
      `"${model}" is not an ETS model: use error A|M|Z, trend N|A|Ad|M|Md|Z and season N|A|M|Z, e.g. "AAdN" or "ZZZ".`,
    );
  }
  const [, error, trend, season] = match as unknown as [string, EtsErrorType | 'Z', string, EtsSeasonType | 'Z'];
  const damped = trend.endsWith('d') ? true : trend === 'Z' ? null : trend === 'N' ? false : null;
  return { error, trend: trend.charAt(0) as EtsTrendType | 'Z', season, damped };
}

/**
 * Writes components back as a model string, e.g. `{ A, A, N, damped }` → `'AAdN'`.
 *
 * ### Examples
 * ```ts
 * formatEtsModel({ error: 'M', trend: 'A', season: 'M', damped: true }); // 'MAdM'
 * ```
 */
export function formatEtsModel(components: EtsComponents): EtsModel {
  const trend = components.trend === 'N' ? 'N' : `${components.trend}${components.damped ? 'd' : ''}`;
  return `${components.error}${trend}${components.season}` as EtsModel;
}

/** Components of a fully specified model string; throws when a letter is `Z`. */
export function etsComponents(model: EtsModel): EtsComponents {
  const parsed = parseEtsModel(model);
  if (parsed.error === 'Z' || parsed.trend === 'Z' || parsed.season === 'Z') {
    throw new KlensError('INVALID_PARAMETER', `"${model}" leaves a component to choose; use autoEts for automatic models.`);
  }
  if (parsed.trend === 'N' && parsed.damped === true) {
    throw new KlensError('INVALID_PARAMETER', `"${model}": a damped model needs a trend.`);
  }
  return { error: parsed.error, trend: parsed.trend, season: parsed.season, damped: parsed.damped === true };
}
