/** Options of {@link createKlaviyoStore}; every field has a default. */
export interface StoreOptions {
  /** Everything in the store derives from it; the same seed gives byte-identical responses. Default `1`. */
  seed?: number;
  /** The store's fixed "now": no event at or after it. Default `new Date('2026-11-01T00:00:00Z')`. */
  now?: Date;
  /**
   * Length of the event window: events start at local midnight (account time zone) of the day
   * this many calendar months before `now`'s local date. Default `13`.
   */
  months?: number;
  /** Baseline expected Placed Order count per day on the anchor date (2025-10-01, see `DEMAND_ANCHOR`), before growth and seasonality. Default `120`. */
  ordersPerDay?: number;
  /** The account's IANA time zone; local days and the diurnal pattern follow it. Default `'America/New_York'`. */
  timezone?: string;
  /** The account's preferred currency (ISO 4217). Default `'USD'`. */
  currency?: string;
}

/** {@link StoreOptions} with every default applied. */
export type ResolvedStoreOptions = Required<StoreOptions>;

/** The street address part of an account's contact information. */
export interface SimStreetAddress {
  address1: string | null;
  address2: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  zip: string | null;
}

/** The simulated Klaviyo account, with the attributes `GET /api/accounts` serves. */
export interface SimAccount {
  /** Six alphanumeric characters, like Klaviyo's `AbC123`; also the public API key. */
  id: string;
  test_account: boolean;
  contact_information: {
    default_sender_name: string;
    default_sender_email: string;
    website_url: string | null;
    organization_name: string;
    street_address: SimStreetAddress;
  };
  industry: string | null;
  timezone: string;
  preferred_currency: string;
  public_api_key: string;
  locale: string;
}

/** The integration a metric comes from, as Klaviyo nests it in the metric resource. */
export interface SimIntegration {
  object: 'integration';
  id: string;
  name: string;
  category: string;
}

/** A metric (event type) of the account. */
export interface SimMetric {
  /** Six alphanumeric characters derived from the seed. */
  id: string;
  name: string;
  /** ISO-8601 with offset, before the event window. */
  created: string;
  /** ISO-8601 with offset, before the event window. */
  updated: string;
  integration: SimIntegration;
}

/** A customer profile; only what `include=profile` needs. */
export interface SimProfile {
  /** A 26-character ULID-like id, like Klaviyo's `01GDDKASAP8TKDDA2GRZDSVP4H`. */
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  /** ISO-8601 with offset; never after the profile's first event. */
  created: string;
}

/** One event, exactly as `GET /api/events` serves it. Treat as read-only. */
export interface SimEvent {
  id: string;
  uuid: string;
  metricId: string;
  profileId: string;
  /** Whole seconds. */
  datetime: Date;
  /** The event's `$value` (order revenue for Placed Order), rounded to cents. */
  value: number;
  /** The event's `event_properties`. */
  properties: Readonly<Record<string, unknown>>;
}

/** A position in the (datetime, id) order of events; listing resumes strictly past it. */
export interface EventPosition {
  datetime: Date;
  id: string;
}

/** What {@link KlaviyoStore.events} lists. Every field narrows; none is required. */
export interface EventQuery {
  /** Only events of this metric, or of any of these metrics. */
  metricId?: string | readonly string[];
  /** Only events of this profile. */
  profileId?: string;
  /** First instant included. Default: `store.start`. */
  from?: Date;
  /** First instant excluded. Default: `store.now`. */
  to?: Date;
  /** `'asc'` (default) by (datetime, id); `'desc'` is the exact reverse. */
  order?: 'asc' | 'desc';
  /** Resume strictly after this position in the chosen order (seeks to its day; earlier days are not generated). */
  after?: EventPosition;
}

/** A deterministic synthetic Klaviyo account: the ground truth the simulator serves. */
export interface KlaviyoStore {
  /** The options in force, defaults applied. */
  readonly options: ResolvedStoreOptions;
  readonly account: SimAccount;
  readonly metrics: readonly SimMetric[];
  /** First instant of the event window (inclusive): local midnight of the first day. */
  readonly start: Date;
  /** The fixed "now" (exclusive end of the event window). */
  readonly now: Date;
  /** Events in (datetime, id) order, generated lazily day by day. */
  events(query?: EventQuery): Iterable<SimEvent>;
  /** A metric by id, if the account has it. */
  metric(id: string): SimMetric | undefined;
  /** A profile by id, if the store could have produced it. */
  profile(id: string): SimProfile | undefined;
}
