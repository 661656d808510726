import { hashKey, hashPrefix, hashRestInteger } from '../random/hash.js';
import { createScrambler, parseCrockford32, writeCrockford32 } from './ids.js';
import { consentsOf, profileTraits, type ProfileTraits } from './profile-traits.js';
import type { SignupCurve } from './signup-curve.js';

/** Profiles remembered at once (a fixed table, not one entry per profile). */
const CORE_SLOTS = 1 << 16;

/** Profile ids are ULID-shaped: 26 Crockford base-32 characters. */
export const PROFILE_ID_LENGTH = 26;

/** The welcome email goes out this long after signup; a bad address bounces on it. */
export const WELCOME_DELAY_MS = 5 * 60_000;

/** Everything about a profile that does not depend on `now`. */
export interface ProfileCore {
  index: number;
  created: number;
  traits: ProfileTraits;
  /** When email marketing stopped reaching it (unsubscribe or hard bounce); Infinity if never. */
  emailEndsAt: number;
  /** The newsletter send (ms) it unsubscribes in response to, if any. */
  unsubscribeSendAt: number | undefined;
}

/** The customer base: profiles numbered in signup order, each recomputed from its number. */
export interface ProfilePool {
  readonly curve: SignupCurve;
  /** The profile with this number (cheap; nothing is stored). */
  core(index: number): ProfileCore;
  /** The id of profile `index`. */
  idOf(index: number): string;
  /** Writes {@link idOf}'s {@link PROFILE_ID_LENGTH} characters as ASCII bytes at `at` (serving writes bytes). */
  writeId(index: number, target: Uint8Array, at: number): void;
  /** The number of the profile with this id, if the pool could have produced it. */
  indexOf(id: string): number | undefined;
  /** Whether email marketing reaches the profile at an instant. */
  canEmailAt(core: ProfileCore, instant: number): boolean;
  /** Whether SMS marketing reaches the profile at an instant. */
  canTextAt(core: ProfileCore, instant: number): boolean;
  /** The profile's consents as `EMAIL_CONSENT | SMS_CONSENT` bits (see `consentsOf`), memoized. */
  consents(index: number): number;
}

interface PoolOptions {
  seed: number;
  curve: SignupCurve;
  /** Newsletter send instants, sorted (see `newsletterSendInstants`). */
  newsletterSends: readonly number[];
}

function firstAfter(sorted: readonly number[], instant: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Profiles per block of the consent memo. */
const CONSENT_BLOCK = 1 << 16;
/** Marks a memo entry as filled (consents can be 0). */
const KNOWN = 4;

/**
 * Creates the profile pool. Nothing per profile is held but a consent memo of one byte per
 * profile scanned, in blocks made on first use: every campaign scans its whole audience, and the
 * consents decide whether the rest of a profile is worth computing.
 */
export function createProfilePool(options: PoolOptions): ProfilePool {
  const { seed, curve, newsletterSends } = options;
  const idKey = hashKey(seed, 'profile-id-key');

  // The hashes' shared parts, mixed once: ids are made for every event served whose profile is not memoized.
  const noisePrefix = hashPrefix(seed, 'profile-id');
  const tailPrefix = hashPrefix(seed, 'profile-id-tail');
  const scrambler = createScrambler(idKey);
  const writeMadeId = (index: number, target: Uint8Array, at: number): void => {
    // ULID layout: creation time, then 80 "random" bits that here encode the profile number.
    // Same as hashKey(seed, 'profile-id', index) * 256 + hashKey(seed, 'profile-id-tail', index) % 256.
    const noise = hashRestInteger(noisePrefix, index) * 256 + (hashRestInteger(tailPrefix, index) % 256);
    writeCrockford32(target, at, curve.createdAt(index), 10);
    writeCrockford32(target, at + 10, noise, 8);
    writeCrockford32(target, at + 18, scrambler.scramble(index), 8);
  };

  // Direct-mapped memo of ids, as bytes: every event served names its profile, and active
  // profiles recur. Bytes, not strings: a big store's misses then leave no garbage behind.
  const idIndexes = new Int32Array(CORE_SLOTS).fill(-1);
  const idBytes = Buffer.alloc(CORE_SLOTS * PROFILE_ID_LENGTH);
  const idAt = (index: number): number => {
    const slot = index % CORE_SLOTS;
    const at = slot * PROFILE_ID_LENGTH;
    if (idIndexes[slot] !== index) {
      writeMadeId(index, idBytes, at);
      idIndexes[slot] = index;
    }
    return at;
  };
  const idOf = (index: number): string => {
    const at = idAt(index);
    return idBytes.toString('latin1', at, at + PROFILE_ID_LENGTH);
  };
  const writeId = (index: number, target: Uint8Array, at: number): void => {
    const from = idAt(index);
    for (let i = 0; i < PROFILE_ID_LENGTH; i += 1) target[at + i] = idBytes[from + i] as number;
  };

  // A direct-mapped memo: campaign scans revisit every profile; bounded whatever the size.
  const slots: (ProfileCore | undefined)[] = new Array<ProfileCore | undefined>(CORE_SLOTS);
  const core = (index: number): ProfileCore => {
    const slot = index % CORE_SLOTS;
    const cached = slots[slot];
    if (cached !== undefined && cached.index === index) return cached;
    const made = makeCore(index);
    slots[slot] = made;
    return made;
  };

  const makeCore = (index: number): ProfileCore => {
    const created = curve.createdAt(index);
    const traits = profileTraits(seed, index);
    let emailEndsAt = Infinity;
    let unsubscribeSendAt: number | undefined;
    if (traits.badEmail) emailEndsAt = created + WELCOME_DELAY_MS;
    else if (traits.unsubscribeAfterCampaigns > 0) {
      unsubscribeSendAt = newsletterSends[firstAfter(newsletterSends, created) + traits.unsubscribeAfterCampaigns - 1];
      if (unsubscribeSendAt !== undefined) emailEndsAt = unsubscribeSendAt + traits.unsubscribeDelayMinutes * 60_000;
    }
    return { index, created, traits, emailEndsAt, unsubscribeSendAt };
  };

  const consentBlocks: Uint8Array[] = [];
  const consents = (index: number): number => {
    const block = (consentBlocks[Math.floor(index / CONSENT_BLOCK)] ??= new Uint8Array(CONSENT_BLOCK));
    const slot = index % CONSENT_BLOCK;
    let bits = block[slot] as number;
    if (bits === 0) block[slot] = bits = consentsOf(seed, index) | KNOWN;
    return bits & ~KNOWN;
  };

  return {
    curve,
    consents,
    core,
    idOf,
    writeId,
    indexOf: (id) => {
      if (id.length !== PROFILE_ID_LENGTH) return undefined;
      const scrambled = parseCrockford32(id.slice(18));
      if (scrambled === undefined) return undefined;
      const index = scrambler.unscramble(scrambled);
      return idOf(index) === id ? index : undefined;
    },
    canEmailAt: (profile, instant) =>
      profile.traits.emailConsent && !profile.traits.badEmail && profile.created <= instant && instant < profile.emailEndsAt,
    canTextAt: (profile, instant) => profile.traits.smsConsent && profile.created <= instant,
  };
}
