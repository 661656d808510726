import { hashKey, type HashPart } from './hash.js';

/** A seeded stream of pseudo-random numbers; the only source of randomness in the simulator. */
export interface RandomSource {
  /** Uniform number in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number;
  /** Standard normal deviate (Box–Muller). */
  nextNormal(): number;
}

function splitMix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates an independent random stream keyed by `parts`, e.g. `(seed, 'placed-order', day)`, so
 * any day can be drawn without drawing the days before it. Generator: xoshiro128** (Blackman and
 * Vigna, 2018), seeded through SplitMix32.
 *
 * @example createRandomSource(1, 'demo').next() === createRandomSource(1, 'demo').next() // true
 */
export function createRandomSource(...parts: readonly HashPart[]): RandomSource {
  const seeder = splitMix32(hashKey(...parts));
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  if ((a | b | c | d) === 0) a = 1;

  const nextWord = (): number => {
    const product = Math.imul(b, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return result;
  };

  const next = (): number => nextWord() / 0x1_0000_0000;

  return {
    next,
    nextInt: (bound) => Math.floor(next() * bound),
    nextNormal: () => {
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
  };
}
