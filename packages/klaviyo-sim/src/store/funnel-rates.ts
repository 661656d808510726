/**
 * Step-by-step probabilities of a message's funnel, for an average profile (engagement 1). Opens
 * are real opens; Apple Mail users add machine opens on top, so the reported open rate lands near
 * the 40–60 % Klaviyo accounts see since Mail Privacy Protection. Click rates are per real opener.
 */
export interface FunnelRates {
  open: number;
  /** Mean hours from receipt to the (real) open. */
  openDelayHours: number;
  click: number;
  view: number;
  cart: number;
  checkout: number;
  order: number;
  /** Chance of coming back to order within a few days after a visit without an order. */
  later: number;
  /** Whether a lapsed profile can still click and buy (win-back tries exactly that). */
  reactivates: boolean;
  /** Whether orders it drives trigger the post-purchase flow. */
  postPurchase: boolean;
}

const base: FunnelRates = { open: 0.24, openDelayHours: 4, click: 0.1, view: 0.85, cart: 0.4, checkout: 0.55, order: 0.6, later: 0.04, reactivates: false, postPurchase: true };

/** Funnel rates by kind of message. */
export const FUNNELS = {
  newsletter: base,
  engaged: { ...base, open: 0.42, click: 0.12 },
  vip: { ...base, open: 0.5, click: 0.16, checkout: 0.65 },
  sms: { ...base, open: 0, openDelayHours: 0.3, click: 0.09, cart: 0.45 },
  welcome: { ...base, open: 0.55, openDelayHours: 1, click: 0.15, view: 0.9, cart: 0.45, checkout: 0.6, later: 0.08 },
  abandonedCartEmail: { ...base, open: 0.5, openDelayHours: 2, click: 0.2, view: 0.95, cart: 0.9, checkout: 0.8, order: 0.65 },
  abandonedCartSms: { ...base, open: 0, openDelayHours: 0.3, click: 0.15, view: 0.95, cart: 0.9, checkout: 0.8, order: 0.65 },
  browseAbandonment: { ...base, open: 0.45, openDelayHours: 3, click: 0.12, view: 0.95, cart: 0.5 },
  postPurchase: { ...base, open: 0.5, click: 0.06, view: 0.5, cart: 0, checkout: 0, order: 0, later: 0, postPurchase: false },
  winBack: { ...base, open: 0.25, openDelayHours: 8, click: 0.05, view: 0.8, cart: 0.3, checkout: 0.5, order: 0.5, later: 0.02, reactivates: true },
} as const satisfies Record<string, FunnelRates>;

/** Share of Apple Mail recipients whose mail app pre-fetches the message (a machine open). */
export const MACHINE_OPEN_RATE = 0.85;
/** Chance that a real opener opens again later. */
export const REOPEN_RATE = 0.2;
/** Klaviyo's default attribution window after a click: conversions later than this are not attributed. */
export const ATTRIBUTION_WINDOW_MS = 5 * 86_400_000;
/** Opens come at most this long after receipt; keeps a message's events within a short span. */
export const MAX_OPEN_DELAY_MS = 30 * 3_600_000;
/** A delayed ("came back later") order comes at most this long after the visit. */
export const MAX_LATER_ORDER_MS = 3 * 86_400_000;
