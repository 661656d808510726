import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashKey, hashPrefix } from '../random/hash.js';
import { base62, base62Four, createScrambler, crockford32, timeOrderedUuid, UUID_LENGTH, uuidFromPrefix, writeBase62Four, writeCrockford32, writeUuidFromPrefix } from './ids.js';

describe('ids', () => {
  it('base62Four writes what base62 writes with four digits', () => {
    for (const value of [0, 1, 61, 62, 3843, 3844, 62 ** 4 - 1]) expect(base62Four(value)).toBe(base62(value, 4));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 62 ** 4 - 1 }), (value) => {
        expect(base62Four(value)).toBe(base62(value, 4));
      }),
    );
  });

  it('writeCrockford32 writes crockford32 as bytes, and only its own bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 10 }), (value, width) => {
        const target = new Uint8Array(width + 4).fill(0x7e);
        writeCrockford32(target, 2, value, width);
        expect(String.fromCharCode(...target)).toBe(`~~${crockford32(value, width)}~~`);
      }),
    );
  });

  it('writeBase62Four writes base62Four as bytes, and only its four bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 62 ** 4 - 1 }), (value) => {
        const target = new Uint8Array(8).fill(0x7e);
        writeBase62Four(target, 2, value);
        expect(String.fromCharCode(...target)).toBe(`~~${base62(value, 4)}~~`);
      }),
    );
  });

  it('uuids are the instant and three hashes of the parts, as first defined', () => {
    // The definition the fast path must keep: every uuid the simulator ever served follows it.
    const hex = (word: number, digits: number) => (word >>> 0).toString(16).padStart(8, '0').slice(8 - digits);
    const reference = (instant: number, seed: number, id: string) => {
      const [a, b, c] = ['uuid-a', 'uuid-b', 'uuid-c'].map((suffix) => hashKey(seed, id, suffix)) as [number, number, number];
      return [hex(Math.floor(instant / 0x1_0000), 8), hex(instant % 0x1_0000, 4), `7${hex(a, 3)}`, hex(0x8000 | (b & 0x3fff), 4), hex(b >>> 16, 4) + hex(c, 8)].join('-');
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer(), fc.string(), (instant, seed, id) => {
        const uuid = reference(instant, seed, id);
        expect(timeOrderedUuid(instant, seed, id)).toBe(uuid);
        expect(uuidFromPrefix(instant, hashPrefix(seed, id))).toBe(uuid);
        const target = new Uint8Array(UUID_LENGTH + 4).fill(0x7e);
        const { state, count } = hashPrefix(seed, id);
        writeUuidFromPrefix(target, 2, instant, state, count);
        expect(String.fromCharCode(...target)).toBe(`~~${uuid}~~`);
        expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
    );
  });

  it('scrambles below 2^40 one-to-one, as the Feistel network on hashKey defines it', () => {
    // The definition profile ids were first made with: four rounds on 20-bit halves.
    const HALF = 0x100000;
    const reference = (value: number, key: number) => {
      let [left, right] = [Math.floor(value / HALF) % HALF, value % HALF];
      for (let round = 0; round < 4; round += 1) [left, right] = [right, left ^ (hashKey(key, 'feistel', round, right) % HALF)];
      return left * HALF + right;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 - 1 }), fc.integer(), (value, key) => {
        const scrambler = createScrambler(key);
        const scrambled = scrambler.scramble(value);
        expect(scrambled).toBe(reference(value, key));
        expect(scrambler.unscramble(scrambled)).toBe(value);
      }),
    );
  });
});
