import { hashIntegers } from '../random/hash.js';

const MS_PER_DAY = 86_400_000;

/** Shares and means of the latent traits, from typical ecommerce email programmes. */
export const TRAIT_RATES = {
  /** Signed up with an email address and marketing consent (signup forms ask for it). */
  emailConsent: 0.15,
  /** Of those, the address hard-bounces on the first send (typos, dead mailboxes). */
  badEmail: 0.02,
  /** Also consented to SMS marketing. */
  smsConsent: 0.05,
  /** Read mail in Apple Mail with Mail Privacy Protection (pre-fetched "machine" opens). */
  appleMail: 0.45,
  /** Will unsubscribe at some point. */
  unsubscribes: 0.4,
  /** Mean number of newsletter campaigns received before unsubscribing. */
  campaignsBeforeUnsubscribe: 40,
  /** Mean active lifetime in days: after it the profile stops shopping and (really) opening. */
  lifetimeDays: 500,
  /** High-value shoppers, the VIP segment. */
  vip: 0.08,
} as const;

/** The latent, never-served facts about a profile that drive everything it does. */
export interface ProfileTraits {
  emailConsent: boolean;
  badEmail: boolean;
  smsConsent: boolean;
  appleMail: boolean;
  vip: boolean;
  /** Relative propensity to open and click, 0.3–1.7 (1 on average). */
  engagement: number;
  /** Active lifetime after signup, in ms. */
  lifetimeMs: number;
  /** Unsubscribes in response to the n-th newsletter campaign after signup (1-based); 0 = never. */
  unsubscribeAfterCampaigns: number;
  /** Minutes between receiving that campaign and unsubscribing. */
  unsubscribeDelayMinutes: number;
  /** Seeds of names and places. */
  nameSeed: number;
}

const byte = (word: number, position: number) => (word >>> (8 * position)) & 0xff;
const below = (value: number, share: number) => value < share * 256;
const unit16 = (word: number, half: number) => (((word >>> (16 * half)) & 0xffff) + 0.5) / 65_536;

/**
 * The latent traits of profile `index`, from four hashes (cheap enough to recompute for a million
 * profiles per campaign, so the store keeps no per-profile state).
 */
export function profileTraits(seed: number, index: number): ProfileTraits {
  const a = hashIntegers(seed, index, 1);
  const b = hashIntegers(seed, index, 2);
  const c = hashIntegers(seed, index, 3);
  const d = hashIntegers(seed, index, 4);
  const emailConsent = below(byte(a, 0), TRAIT_RATES.emailConsent);
  const unsubscribes = below(byte(c, 0), TRAIT_RATES.unsubscribes);
  const campaigns = 1 + Math.floor(-Math.log(unit16(c >>> 8, 0)) * TRAIT_RATES.campaignsBeforeUnsubscribe);
  return {
    emailConsent,
    badEmail: emailConsent && below(byte(a, 1), TRAIT_RATES.badEmail),
    smsConsent: below(byte(a, 2), TRAIT_RATES.smsConsent),
    appleMail: below(byte(a, 3), TRAIT_RATES.appleMail),
    vip: below(byte(d, 0), TRAIT_RATES.vip),
    engagement: 0.3 + 1.4 * unit16(b, 1),
    lifetimeMs: -Math.log(unit16(b, 0)) * TRAIT_RATES.lifetimeDays * MS_PER_DAY,
    unsubscribeAfterCampaigns: emailConsent && unsubscribes ? campaigns : 0,
    unsubscribeDelayMinutes: 5 + byte(c, 3) * 0.7,
    nameSeed: d >>> 8,
  };
}

/** Only the lifetime, for the daily scan of lapsing profiles (one hash instead of four). */
export function lifetimeMsOf(seed: number, index: number): number {
  return -Math.log(unit16(hashIntegers(seed, index, 2), 0)) * TRAIT_RATES.lifetimeDays * MS_PER_DAY;
}

/** Bit of {@link consentsOf}: the profile consented to email marketing. */
export const EMAIL_CONSENT = 1;
/** Bit of {@link consentsOf}: the profile consented to SMS marketing. */
export const SMS_CONSENT = 2;

/**
 * Only the consents (one hash), as {@link EMAIL_CONSENT} and {@link SMS_CONSENT} bits: lets a
 * campaign skip the many profiles it cannot reach without an object per profile scanned.
 */
export function consentsOf(seed: number, index: number): number {
  const a = hashIntegers(seed, index, 1);
  return (below(byte(a, 0), TRAIT_RATES.emailConsent) ? EMAIL_CONSENT : 0) | (below(byte(a, 2), TRAIT_RATES.smsConsent) ? SMS_CONSENT : 0);
}
