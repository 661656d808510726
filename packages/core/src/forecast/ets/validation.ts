import { KlensError } from '../../errors/klens-error.js';
import type { EtsComponents } from './types.js';

/** R's cap on the season length of ETS models (longer seasons make the state vector too big). */
export const MAX_SEASON_LENGTH = 24;

/**
 * Checks that every value is a finite number and that there is at least one observation.
 *
 * @throws {KlensError} INVALID_SERIES otherwise.
 */
export function assertFiniteSeries(values: readonly number[]): void {
  if (values.length === 0) throw new KlensError('INVALID_SERIES', 'The series is empty; ETS needs observations to fit.');
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new KlensError(
        'INVALID_SERIES',
        `The series holds a non-finite value (${String(value)}) at position ${index}. Fill or drop missing observations first.`,
      );
    }
  });
}

/**
 * Checks a season length: an integer of at least 1.
 *
 * @throws {KlensError} INVALID_PARAMETER otherwise.
 */
export function assertSeasonLength(seasonLength: number): void {
  if (!Number.isInteger(seasonLength) || seasonLength < 1) {
    throw new KlensError('INVALID_PARAMETER', `\`seasonLength\` must be an integer of at least 1 (got ${String(seasonLength)}).`);
  }
}

/**
 * R's `restrict = TRUE` rule: no multiplicative trend or season with additive errors and no
 * MMA, since those models have infinite forecast variance or are numerically unstable.
 */
export function isRestrictedCombination(components: EtsComponents): boolean {
  const { error, trend, season } = components;
  return (error === 'A' && (trend === 'M' || season === 'M')) || (error === 'M' && trend === 'M' && season === 'A');
}

/** True when any component is multiplicative, which needs strictly positive data. */
export function needsPositiveData(components: EtsComponents): boolean {
  return components.error === 'M' || components.trend === 'M' || components.season === 'M';
}
