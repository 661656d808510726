import { describe, expect, it } from 'vitest';

import { isKlensError } from '../../errors/klens-error.js';
import { etsComponents, formatEtsModel, parseEtsModel } from './model-string.js';
import type { EtsModel } from './types.js';

describe('ETS model strings', () => {
  it('round-trip every fully specified model', () => {
    const models: EtsModel[] = [];
    for (const error of ['A', 'M'] as const)
      for (const trend of ['N', 'A', 'Ad', 'M', 'Md'] as const)
        for (const season of ['N', 'A', 'M'] as const) models.push(`${error}${trend}${season}`);
    for (const model of models) expect(formatEtsModel(etsComponents(model))).toBe(model);
  });

  it('parse automatic letters', () => {
    expect(parseEtsModel('ZZZ')).toEqual({ error: 'Z', trend: 'Z', season: 'Z', damped: null });
    expect(parseEtsModel('MAdM')).toEqual({ error: 'M', trend: 'A', season: 'M', damped: true });
    expect(parseEtsModel('ANZ')).toEqual({ error: 'A', trend: 'N', season: 'Z', damped: false });
  });

  it('reject anything else with INVALID_PARAMETER', () => {
    for (const bad of ['', 'AAAA', 'ANd', 'BNN', 'aNN', 'ANdN']) {
      let caught: unknown;
      try {
        parseEtsModel(bad);
      } catch (error) {
        caught = error;
      }
      expect(isKlensError(caught, 'INVALID_PARAMETER'), bad).toBe(true);
    }
  });
});
