/**
 * Small, fast, deterministic hashing used to derive ids and seeds. Not cryptographic: it only has
 * to spread nearby inputs (seed 1 vs seed 2, day 100 vs day 101) over the whole 32-bit range.
 */

/** A key part: numbers are mixed as exact integers when they are, strings by their UTF-16 units. */
export type HashPart = number | string;

/** Murmur3's 32-bit finalizer: every input bit affects every output bit. */
export function finalizeHash(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds one 32-bit word into a running hash (Murmur3 body step). The running hash is kept as a
 * signed 32-bit integer: only its bits matter (mixWord and finalizeHash read it as bits), and V8
 * keeps a signed one unboxed where an unsigned one above 2³¹ would be a heap number, several per
 * event served.
 */
export function mixWord(hash: number, word: number): number {
  let k = Math.imul(word >>> 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixText(hash: number, text: string): number {
  let h = mixWord(hash, 2 + text.length);
  for (let i = 0; i < text.length; i += 1) h = mixWord(h, text.charCodeAt(i));
  return h;
}

/** Folds a safe integer into a running hash, as {@link mixPart} does. */
function mixInteger(hash: number, part: number): number {
  // Split into low and high words so that seeds above 2^32 still differ.
  const low = part >>> 0;
  const high = Math.floor(part / 0x1_0000_0000) >>> 0;
  return mixWord(mixWord(mixWord(hash, 1), low), high);
}

function mixPart(hash: number, part: HashPart): number {
  if (typeof part === 'string') return mixText(hash, part);
  if (Number.isSafeInteger(part)) return mixInteger(hash, part);
  return mixText(hash, String(part));
}

/** A hash begun on some parts, to be finished with others: {@link hashPrefix}. */
export interface HashPrefix {
  readonly state: number;
  readonly count: number;
}

/**
 * Hashes the leading parts once, for keys that share them: `hashRest(hashPrefix(a, b), c)`
 * equals `hashKey(a, b, c)`. Per-event hashes (uuids) share the seed and the event id.
 */
export function hashPrefix(...parts: readonly HashPart[]): HashPrefix {
  let state = 0x9747b28c;
  for (const part of parts) state = mixPart(state, part);
  return { state, count: parts.length };
}

/** A {@link hashPrefix} with one more part: `extendPrefix(hashPrefix(a), b)` equals `hashPrefix(a, b)`. */
export function extendPrefix(prefix: HashPrefix, part: HashPart): HashPrefix {
  return { state: mixPart(prefix.state, part), count: prefix.count + 1 };
}

/** Finishes a {@link hashPrefix} with the remaining parts. */
export function hashRest(prefix: HashPrefix, ...parts: readonly HashPart[]): number {
  let h = prefix.state;
  for (const part of parts) h = mixPart(h, part);
  return finalizeHash(mixWord(h, prefix.count + parts.length));
}

/**
 * Hashes a sequence of parts into an unsigned 32-bit integer. The part boundaries matter:
 * `hashKey(1, 23)` differs from `hashKey(12, 3)`.
 *
 * @example hashKey(1, 'account') === hashKey(1, 'account') // true
 */
export function hashKey(...parts: readonly HashPart[]): number {
  // An indexed loop: this runs for nearly every generated event, and beats for…of on the rest array.
  let h = 0x9747b28c;
  for (let i = 0; i < parts.length; i += 1) h = mixPart(h, parts[i] as HashPart);
  return finalizeHash(mixWord(h, parts.length));
}

/**
 * `hashKey(a, b, c)` for three integers, without the rest array: scans over every profile (a
 * campaign's audience, the daily lapse check) call it hundreds of thousands of times a day.
 */
export function hashIntegers(a: number, b: number, c: number): number {
  if (!(Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c))) return hashKey(a, b, c);
  return finalizeHash(mixWord(mixInteger(mixInteger(mixInteger(0x9747b28c, a), b), c), 3));
}

/**
 * `hashKey(a, b, c, d, e)` for five integers, without the rest array: every message a profile
 * receives hashes five (seed, stream, message, profile, second), millions of times per store.
 */
export function hashFiveIntegers(a: number, b: number, c: number, d: number, e: number): number {
  if (!(Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c) && Number.isSafeInteger(d) && Number.isSafeInteger(e))) return hashKey(a, b, c, d, e);
  return finalizeHash(mixWord(mixInteger(mixInteger(mixInteger(mixInteger(mixInteger(0x9747b28c, a), b), c), d), e), 5));
}

/** `hashRest(prefix, part)` for one integer part, without the rest array (profile ids, per event served). */
export function hashRestInteger(prefix: HashPrefix, part: number): number {
  if (!Number.isSafeInteger(part)) return hashRest(prefix, part);
  return finalizeHash(mixWord(mixInteger(prefix.state, part), prefix.count + 1));
}
