import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPrefix, hashFiveIntegers, hashIntegers, hashKey, hashPrefix, hashRest, hashRestInteger } from './hash.js';

const part = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.string(), fc.double());

describe('hash prefixes', () => {
  it('finish to the same hash as hashing every part at once', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), fc.array(part, { maxLength: 4 }), (head, rest) => {
        expect(hashRest(hashPrefix(...head), ...rest)).toBe(hashKey(...head, ...rest));
      }),
    );
  });

  it('extend one part at a time', () => {
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        expect(hashRest(extendPrefix(hashPrefix(a), b), c)).toBe(hashKey(a, b, c));
      }),
    );
  });
});

describe('hashIntegers', () => {
  it('is hashKey of three parts, integers or not', () => {
    const anyNumber = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.double(), fc.constant(2 ** 60));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, c) => {
        expect(hashIntegers(a, b, c)).toBe(hashKey(a, b, c));
      }),
    );
  });
});

describe('hashFiveIntegers', () => {
  it('is hashKey of five parts, integers or not', () => {
    const anyNumber = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.integer(), fc.double(), fc.constant(2 ** 60));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d, e) => {
        expect(hashFiveIntegers(a, b, c, d, e)).toBe(hashKey(a, b, c, d, e));
      }),
    );
  });
});

describe('hashRestInteger', () => {
  it('finishes a prefix with one number as hashRest does', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 3 }), fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.double()), (head, last) => {
        expect(hashRestInteger(hashPrefix(...head), last)).toBe(hashKey(...head, last));
      }),
    );
  });
});
