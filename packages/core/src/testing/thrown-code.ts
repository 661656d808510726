import { isKlensError } from '../errors/klens-error.js';

/**
 * The code of the KlensError that `action` throws: `'not a KlensError'` for any other error,
 * undefined when it throws nothing. For tests that check which coded error an input gets.
 *
 * @example expect(thrownCode(() => stl([1, 2], { period: 12 }))).toBe('INVALID_SERIES');
 */
export function thrownCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isKlensError(error) ? error.code : 'not a KlensError';
  }
  return undefined;
}
