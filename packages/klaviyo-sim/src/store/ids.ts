import { finalizeHash, hashKey, hashPrefix, hashRestInteger, mixWord, type HashPart, type HashPrefix } from '../random/hash.js';

/** Digits, then upper case, then lower case: ASCII order, so fixed-width ids sort like their numbers. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CROCKFORD32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Writes a non-negative integer in base 62 with exactly `width` digits.
 *
 * @throws {RangeError} when the value does not fit.
 */
export function base62(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 62 ** width) {
    throw new RangeError(`${value} does not fit in ${width} base-62 digits`);
  }
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    text = BASE62.charAt(rest % 62) + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

/** Every two-digit base-62 string, in order: four-digit numbers are written per event served. */
const BASE62_PAIRS = Array.from({ length: 62 * 62 }, (_, value) => BASE62.charAt(Math.floor(value / 62)) + BASE62.charAt(value % 62));

/** {@link base62} with width 4, for integers known to fit (0 ≤ value < 62⁴), by table. */
export function base62Four(value: number): string {
  return (BASE62_PAIRS[Math.floor(value / 3844)] as string) + (BASE62_PAIRS[value % 3844] as string);
}

/** ASCII codes of the base-62 digits. */
export const BASE62_CODES = Uint8Array.from(BASE62, (char) => char.charCodeAt(0));

/** Writes {@link base62Four}'s four characters as ASCII bytes at `at` (0 ≤ value < 62⁴). */
export function writeBase62Four(target: Uint8Array, at: number, value: number): void {
  target[at] = BASE62_CODES[Math.floor(value / 238_328)] as number;
  target[at + 1] = BASE62_CODES[Math.floor(value / 3844) % 62] as number;
  target[at + 2] = BASE62_CODES[Math.floor(value / 62) % 62] as number;
  target[at + 3] = BASE62_CODES[value % 62] as number;
}

/** Reads a base-62 string written by {@link base62}; `undefined` if it holds another character. */
export function parseBase62(text: string): number | undefined {
  let value = 0;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 62 + digit;
  }
  return value;
}

/** A Klaviyo-style six-character alphanumeric id (account, metric) derived from `parts`. */
export function shortId(...parts: readonly HashPart[]): string {
  let text = '';
  for (let i = 0; text.length < 6; i += 1) {
    const word = hashKey(...parts, 'short-id', i);
    text += BASE62.charAt(word % 62) + BASE62.charAt(Math.floor(word / 62) % 62);
  }
  return text.slice(0, 6);
}

/** Two hex digits per byte value: uuids are written per event served, so this is a hot path. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(word: number, digits: number): string {
  const w = word >>> 0;
  const text = (HEX_BYTES[w >>> 24] as string) + (HEX_BYTES[(w >>> 16) & 255] as string) + (HEX_BYTES[(w >>> 8) & 255] as string) + (HEX_BYTES[w & 255] as string);
  return text.slice(8 - digits);
}

/**
 * A version-7-shaped UUID: the instant's milliseconds up front (so uuids sort roughly by time,
 * as Klaviyo's do), the rest from a hash of `parts`.
 */
export function timeOrderedUuid(instant: number, ...parts: readonly HashPart[]): string {
  // One pass over the shared parts instead of three: uuids are written per event served.
  return uuidFromPrefix(instant, hashPrefix(...parts));
}

const UUID_SUFFIX_CODES = Uint8Array.from('uuid-', (char) => char.charCodeAt(0));

/** The hash state after the first five characters of `'uuid-a'`, `'uuid-b'` and `'uuid-c'` (a string part of length 6). */
function uuidSuffixState(state: number): number {
  let h = mixWord(state, 2 + 6);
  // Indexed over codes, not for…of over the string: that makes an iterator and five strings per uuid.
  for (let i = 0; i < UUID_SUFFIX_CODES.length; i += 1) h = mixWord(h, UUID_SUFFIX_CODES[i] as number);
  return h;
}

/** ASCII codes of the hex digit pairs of each byte value, high digit first. */
const HEX_CODES = Uint8Array.from({ length: 512 }, (_, slot) => (HEX_BYTES[slot >>> 1] as string).charCodeAt(slot & 1));
const DASH = 0x2d;

/** Writes byte `value`'s two hex digits at `at`. */
function putHex(target: Uint8Array, at: number, value: number): void {
  const slot = (value & 255) << 1;
  target[at] = HEX_CODES[slot] as number;
  target[at + 1] = HEX_CODES[slot + 1] as number;
}

/** A uuid's 36 characters. */
export const UUID_LENGTH = 36;

/**
 * Writes {@link timeOrderedUuid} as ASCII bytes at `at`, given the {@link hashPrefix} of its
 * parts as `state` and `count`: the three words are `hashRest(prefix, 'uuid-a' | 'uuid-b' |
 * 'uuid-c')`, computed with their common `'uuid-'` mixed once. Serving writes a uuid for every
 * event, so this writes bytes instead of building a string.
 */
export function writeUuidFromPrefix(target: Uint8Array, at: number, instant: number, state: number, count: number): void {
  // Plain locals throughout: this runs per event served, and numbers kept in arrays or passed
  // around as uint32 get boxed.
  const shared = uuidSuffixState(state);
  const a = finalizeHash(mixWord(mixWord(shared, 0x61), count + 1));
  const b = finalizeHash(mixWord(mixWord(shared, 0x62), count + 1));
  const c = finalizeHash(mixWord(mixWord(shared, 0x63), count + 1));
  const high = Math.floor(instant / 0x1_0000) >>> 0;
  const low = instant % 0x1_0000;
  const middle = 0x8000 | (b & 0x3fff);
  putHex(target, at, high >>> 24);
  putHex(target, at + 2, high >>> 16);
  putHex(target, at + 4, high >>> 8);
  putHex(target, at + 6, high);
  target[at + 8] = DASH;
  putHex(target, at + 9, low >>> 8);
  putHex(target, at + 11, low);
  target[at + 13] = DASH;
  target[at + 14] = 0x37; // '7': the version digit
  target[at + 15] = HEX_CODES[(((a >>> 8) & 15) << 1) + 1] as number; // one digit: the low one of its pair
  putHex(target, at + 16, a);
  target[at + 18] = DASH;
  putHex(target, at + 19, middle >>> 8);
  putHex(target, at + 21, middle);
  target[at + 23] = DASH;
  putHex(target, at + 24, b >>> 24);
  putHex(target, at + 26, b >>> 16);
  putHex(target, at + 28, c >>> 24);
  putHex(target, at + 30, c >>> 16);
  putHex(target, at + 32, c >>> 8);
  putHex(target, at + 34, c);
}

const uuidScratch = Buffer.alloc(UUID_LENGTH);

/** {@link timeOrderedUuid} of `parts`, given their {@link hashPrefix}: {@link writeUuidFromPrefix}'s characters as a string. */
export function uuidFromPrefix(instant: number, prefix: HashPrefix): string {
  writeUuidFromPrefix(uuidScratch, 0, instant, prefix.state, prefix.count);
  return uuidScratch.toString('latin1');
}

/** A random-looking (version-4-shaped) UUID derived from `parts`; used for error ids. */
export function hashedUuid(...parts: readonly HashPart[]): string {
  const words = [0, 1, 2, 3].map((i) => hashKey(...parts, 'uuid', i));
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = words;
  return [
    hex(w0, 8),
    hex(w1 >>> 16, 4),
    `4${hex(w1, 3)}`,
    hex(0x8000 | (w2 & 0x3fff), 4),
    hex(w2 >>> 16, 4) + hex(w3, 8),
  ].join('-');
}

/** Crockford base-32 with exactly `width` digits, as ULIDs are written. */
export function crockford32(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    text = CROCKFORD32.charAt(rest % 32) + text;
    rest = Math.floor(rest / 32);
  }
  return text;
}

const CROCKFORD32_CODES = Uint8Array.from(CROCKFORD32, (char) => char.charCodeAt(0));

/** Writes {@link crockford32}'s `width` characters as ASCII bytes at `at`. */
export function writeCrockford32(target: Uint8Array, at: number, value: number, width: number): void {
  let rest = value;
  for (let i = width - 1; i >= 0; i -= 1) {
    target[at + i] = CROCKFORD32_CODES[rest % 32] as number;
    rest = Math.floor(rest / 32);
  }
}

/** Reads a Crockford base-32 string; `undefined` if it holds another character. */
export function parseCrockford32(text: string): number | undefined {
  let value = 0;
  for (const char of text) {
    const digit = CROCKFORD32.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 32 + digit;
  }
  return value;
}

const HALF_BITS = 0x100000;
const FEISTEL_ROUNDS = 4;

/** A one-to-one shuffle of integers below 2^40 and its inverse, under one key. */
export interface Scrambler {
  scramble(value: number): number;
  unscramble(value: number): number;
}

/**
 * Shuffles integers below 2^40 one-to-one under `key` (a four-round Feistel network on 20-bit
 * halves, round function `hashKey(key, 'feistel', round, half)`), so sequential numbers get ids
 * that look random yet can be decoded. The rounds' shared hash parts are mixed once per key: a
 * profile id is scrambled for many events served.
 */
export function createScrambler(key: number): Scrambler {
  const rounds = Array.from({ length: FEISTEL_ROUNDS }, (_, round) => hashPrefix(key, 'feistel', round));
  const feistel = (round: number, half: number) => hashRestInteger(rounds[round] as HashPrefix, half) % HALF_BITS;
  return {
    scramble: (value) => {
      let left = Math.floor(value / HALF_BITS) % HALF_BITS;
      let right = value % HALF_BITS;
      for (let round = 0; round < FEISTEL_ROUNDS; round += 1) [left, right] = [right, left ^ feistel(round, right)];
      return left * HALF_BITS + right;
    },
    unscramble: (value) => {
      let left = Math.floor(value / HALF_BITS) % HALF_BITS;
      let right = value % HALF_BITS;
      for (let round = FEISTEL_ROUNDS - 1; round >= 0; round -= 1) [left, right] = [right ^ feistel(round, left), left];
      return left * HALF_BITS + right;
    },
  };
}


/** A ULID-shaped id (26 Crockford base-32 characters): creation time, then 80 bits hashed from `parts`. */
export function ulidLike(instant: number, ...parts: readonly HashPart[]): string {
  const high = hashKey(...parts, 'ulid-high') % 0x1_0000_0000;
  const low = hashKey(...parts, 'ulid-low');
  const tail = hashKey(...parts, 'ulid-tail') % 0x1_0000;
  return crockford32(instant, 10) + crockford32(high * 256 + (tail % 256), 8) + crockford32(low * 256 + (tail >>> 8), 8);
}

/** A numeric-string id like Klaviyo's flow action ids (`'108921736'`). */
export function numericId(...parts: readonly HashPart[]): string {
  return String(100_000_000 + (hashKey(...parts, 'numeric-id') % 900_000_000));
}
