import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPrefix } from '../random/hash.js';
import { base62, base62Four, timeOrderedUuid, uuidFromPrefix } from './ids.js';

describe('ids', () => {
  it('base62Four writes what base62 writes with four digits', () => {
    for (const value of [0, 1, 61, 62, 3843, 3844, 62 ** 4 - 1]) expect(base62Four(value)).toBe(base62(value, 4));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 62 ** 4 - 1 }), (value) => {
        expect(base62Four(value)).toBe(base62(value, 4));
      }),
    );
  });

  it('a uuid from a hash prefix is the uuid of its parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer(), fc.string(), (instant, seed, id) => {
        const uuid = timeOrderedUuid(instant, seed, id);
        expect(uuidFromPrefix(instant, hashPrefix(seed, id))).toBe(uuid);
        expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
    );
  });
});
