import type { EventReader, EventRow } from './event-rows.js';
import type { GenerationCounts } from './day-assembly.js';

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
  /**
   * Number of profiles that have signed up by the size horizon (2026-11-01, the default `now`);
   * signups keep coming at the same growing rate after it. Campaign audiences, and so the email
   * and SMS event volumes, scale with it. From 100 to 5 000 000. Default `60000`.
   */
  size?: number;
  /**
   * Baseline expected Placed Order count per day on the anchor date (2025-10-01, see
   * `DEMAND_ANCHOR`), before growth and seasonality; attributed and organic orders together follow
   * it. Default `120 × size / 60000` (`120` at the default size).
   */
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

/** A customer profile, as `GET /api/profiles` serves it (attributes plus opt-in fields). */
export interface SimProfile {
  /** A 26-character ULID-like id, like Klaviyo's `01GDDKASAP8TKDDA2GRZDSVP4H`. */
  id: string;
  /** The profile's number in signup order (0 = first signup); not served, used to join. */
  index: number;
  email: string;
  /** E.164, for profiles that gave a phone number (all SMS subscribers); otherwise null. */
  phone_number: string | null;
  first_name: string;
  last_name: string;
  /** ISO-8601 with offset: the signup instant, which defines the profile's cohort. */
  created: string;
  /** ISO-8601: the latest consent change at or before `now` (signup, unsubscribe or bounce). */
  updated: string;
  location: { city: string; region: string; country: string; timezone: string };
  /** Custom properties, e.g. the signup source. */
  properties: Readonly<Record<string, unknown>>;
  subscriptions: SimSubscriptions;
  predictive: SimPredictiveAnalytics;
}

/** Email and SMS consent of a profile as of `now`. */
export interface SimSubscriptions {
  email: {
    consent: 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED';
    canReceive: boolean;
    /** ISO-8601 consent instant (signup), or null when never subscribed. */
    consentTimestamp: string | null;
    /** Why email marketing is suppressed (unsubscribe or hard bounce), with when. */
    suppression: { reason: 'UNSUBSCRIBE' | 'HARD_BOUNCE'; timestamp: string } | null;
    /** Whether the profile reads mail in Apple Mail, whose privacy protection pre-fetches opens. */
    appleMailPrivacy: boolean;
  };
  sms: { consent: 'SUBSCRIBED' | 'NEVER_SUBSCRIBED'; canReceive: boolean; consentTimestamp: string | null };
}

/** The model-based predictions Klaviyo serves under `predictive_analytics`. */
export interface SimPredictiveAnalytics {
  predicted_clv: number;
  predicted_number_of_orders: number;
  average_order_value: number;
  churn_probability: number;
  ranked_channel_affinity: ('email' | 'sms')[];
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
  /**
   * The message an email or SMS event belongs to, or the message a Placed Order or Ordered
   * Product is attributed to; absent for organic and site events.
   */
  message?: SimAttribution;
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

/** A list (static audience) of the account. */
export interface SimList {
  /** Six alphanumeric characters, like Klaviyo's `Y6nRLr`. */
  id: string;
  name: string;
  created: string;
  updated: string;
  opt_in_process: 'single_opt_in' | 'double_opt_in';
}

/** A segment (rule-based audience) of the account. */
export interface SimSegment {
  id: string;
  name: string;
  /** Klaviyo's segment definition (`condition_groups`), as the API serves it. */
  definition: { condition_groups: { conditions: Record<string, unknown>[] }[] };
  created: string;
  updated: string;
  is_active: boolean;
  is_processing: boolean;
  is_starred: boolean;
}

/** A sending channel of campaigns and flow messages. */
export type SimChannel = 'email' | 'sms';

/** An email or SMS campaign on the marketing calendar. */
export interface SimCampaign {
  /** A 26-character ULID, like Klaviyo's campaign ids. */
  id: string;
  name: string;
  channel: SimChannel;
  /** `Sent` once its send time is before `now`, else `Scheduled`. */
  status: 'Sent' | 'Scheduled';
  archived: boolean;
  /** Ids of the lists or segments it was sent to. */
  audience: string[];
  /** ISO-8601 instants. */
  created_at: string;
  scheduled_at: string;
  updated_at: string;
  send_time: string;
  /** The campaign's single message. */
  messageId: string;
  /** The promotion or holiday it belongs to, if any (Black Friday, Christmas…). */
  occasion: string | null;
}

/** The message of a campaign (one per campaign here: no A/B tests). */
export interface SimCampaignMessage {
  id: string;
  campaignId: string;
  channel: SimChannel;
  label: string;
  /** Email subject, or the SMS body. */
  subject: string;
  preview_text: string | null;
  send_time: string;
  created_at: string;
  updated_at: string;
}

/** The statuses a flow, and its actions, can be set to (`PATCH /api/flows/{id}`). */
export type SimFlowStatus = 'draft' | 'manual' | 'live';

/** The kinds of flows the account runs. */
export type SimFlowKind = 'welcome' | 'abandoned_cart' | 'browse_abandonment' | 'post_purchase' | 'win_back';

/** An automated flow. */
export interface SimFlow {
  id: string;
  kind: SimFlowKind;
  name: string;
  /** `live` as generated; {@link KlaviyoStore.updateFlow} changes it. */
  status: SimFlowStatus;
  archived: boolean;
  created: string;
  updated: string;
  trigger_type: 'Added to List' | 'Metric' | 'Date Based';
  /** The metric (by name) or list (by id) that triggers it. */
  trigger: { metric: string } | { listId: string } | { segmentId: string };
  actionIds: string[];
}

/** A step of a flow: a message send or a time delay. */
export interface SimFlowAction {
  /** Numeric string, like Klaviyo's flow action ids. */
  id: string;
  flowId: string;
  action_type: 'SEND_EMAIL' | 'SEND_SMS' | 'TIME_DELAY';
  /** The flow's status: Klaviyo sets a flow's actions along with it. */
  status: SimFlowStatus;
  created: string;
  updated: string;
  /** For TIME_DELAY: the wait before the next step. */
  delay?: { unit: 'hours' | 'days'; value: number };
  /** For sends: the message id. */
  messageId?: string;
}

/** A message sent by a flow action. */
export interface SimFlowMessage {
  id: string;
  flowId: string;
  actionId: string;
  name: string;
  channel: SimChannel;
  subject: string;
  preview_text: string | null;
  created: string;
  updated: string;
}

/** What drove an attributed order: a campaign message or a flow message. */
export interface SimAttribution {
  channel: SimChannel;
  messageId: string;
  campaignId?: string;
  flowId?: string;
}

/** Bounds and target of {@link KlaviyoStore.attributedOrders}; give a campaign, a flow or a message. */
export interface AttributedOrderQuery {
  campaignId?: string;
  flowId?: string;
  messageId?: string;
  /** First instant included. Default `store.start`. */
  from?: Date;
  /** First instant excluded. Default `store.now`. */
  to?: Date;
  /**
   * Id of the attributed metric to list: Placed Order (the default) or Ordered Product.
   * @throws {RangeError} for a metric the store does not attribute to messages.
   */
  metricId?: string;
}

/** A Placed Order (or Ordered Product) together with the message it is attributed to. */
export interface AttributedOrder {
  event: SimEvent;
  attribution: SimAttribution;
}

/** Per-message activity on one local day of the account, counted by event time. */
export interface MessageDayActivity {
  /** Local day of the account, `YYYY-MM-DD`. */
  day: string;
  /** Start of the account-local hour, when the query asked for hours. */
  hour?: Date;
  messageId: string;
  campaignId?: string;
  flowId?: string;
  channel: SimChannel;
  /** Received Email / Received SMS events. */
  received: number;
  /** Bounced Email events (never received). */
  bounced: number;
  /** Opened Email events, machine opens (Apple privacy) included. */
  opens: number;
  /** Opened Email events flagged as Apple privacy (machine) opens. */
  machineOpens: number;
  /**
   * Distinct profiles with an open that day; by the hour, each is counted in the hour of its
   * first open that day, so the hours of a day add up to the day.
   */
  opensUnique: number;
  /** Clicked Email / Clicked SMS events. */
  clicks: number;
  /** Distinct profiles with a click, counted like {@link opensUnique}. */
  clicksUnique: number;
  /** Unsubscribed from Email Marketing events. */
  unsubscribes: number;
  /** Events of the conversion metric (Placed Order unless the query names another) attributed to the message. */
  conversions: number;
  /** Sum of `$value` of those orders. */
  conversionValue: number;
}

/** Which message activity to count; every field narrows. */
export interface MessageActivityQuery {
  campaignId?: string;
  flowId?: string;
  messageId?: string;
  from?: Date;
  to?: Date;
  /** Rows per local day (default) or per local hour of the account. */
  interval?: 'day' | 'hour';
  /**
   * Id of the metric counted as conversions: Placed Order (the default) or Ordered Product.
   * @throws {RangeError} for a metric the store does not attribute to messages.
   */
  conversionMetricId?: string;
}

/** One local day of the account and its events of the requested metrics, in (datetime, id) order. */
export interface EventDay {
  /** `YYYY-MM-DD` in the account's time zone. */
  day: string;
  events: SimEvent[];
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
  /**
   * The same events as {@link KlaviyoStore.events}, as rows read through {@link eventReader}:
   * for serving many events without an object per event.
   */
  eventRows(query?: EventQuery): Iterable<EventRow>;
  /** Reads the fields of event rows. */
  readonly eventReader: EventReader;
  /**
   * Generation work done so far: layers generated and days assembled. Each layer is made once
   * while its days are being served, unless the memory budget made the store drop it early.
   */
  generated(): GenerationCounts;
  /** Events grouped by local day of the account (only days with events), for per-day aggregation. */
  eventsByDay(query?: EventQuery): Iterable<EventDay>;
  /** An event by id, if the store has it. */
  event(id: string): SimEvent | undefined;
  /** A metric by id, if the account has it. */
  metric(id: string): SimMetric | undefined;
  /** A profile by id, if it exists (signed up before `now`). */
  profile(id: string): SimProfile | undefined;
  /** Profiles in signup order (number 0 first) that signed up before `now`, lazily; `fromIndex` skips ahead. */
  profiles(fromIndex?: number): Iterable<SimProfile>;
  /** Number of profiles that signed up before `now`. */
  readonly profileCount: number;
  /** The profile that signed up at this position, if before `now`. */
  profileAt(index: number): SimProfile | undefined;
  /**
   * Profile numbers sorted by `updated` (then number), with their `updated` instants: built on
   * first use (one pass over the profiles) so that listing by `updated` pages cheaply.
   */
  profilesByUpdated(): { order: Int32Array; updated: Float64Array };
  readonly lists: readonly SimList[];
  readonly segments: readonly SimSegment[];
  /** Ids of the lists and segments a profile belongs to as of `now`. */
  membershipsOf(profile: SimProfile): { listIds: string[]; segmentIds: string[] };
  /** Members of a list or segment as of `now` (counted once, then cached). */
  memberCount(listOrSegmentId: string): number;
  /** Campaigns created before `now`, oldest send first. */
  readonly campaigns: readonly SimCampaign[];
  campaign(id: string): SimCampaign | undefined;
  campaignMessage(id: string): SimCampaignMessage | undefined;
  readonly flows: readonly SimFlow[];
  flow(id: string): SimFlow | undefined;
  flowAction(id: string): SimFlowAction | undefined;
  flowMessage(id: string): SimFlowMessage | undefined;
  /**
   * Sets a flow's status, as `PATCH /api/flows/{id}` does: its actions take the same status, and
   * the flow's and the actions' `updated` move to `now`, so a sync that reads flows by `updated`
   * sees the change. `undefined` when the account has no such flow.
   */
  updateFlow(id: string, changes: { status: SimFlowStatus }): SimFlow | undefined;
  /**
   * Deletes a flow with its actions and their messages from the listings, lookups and includes.
   * Their events stay, attributions included, as Klaviyo keeps them: generation does not read
   * these catalogues. `false` when the account has no such flow.
   */
  deleteFlow(id: string): boolean;
  /**
   * Deletes a flow action and its message; the flow's `actionIds` lose it and the flow's `updated`
   * moves to `now`, as an edit in Klaviyo's flow builder does (Klens reads a parent's `updated` to
   * know a child changed). Events stay. `false` when the account has no such action.
   */
  deleteFlowAction(id: string): boolean;
  /**
   * Deletes a campaign and its message from the listings and lookups. Events stay.
   * `false` when the account has no such campaign.
   */
  deleteCampaign(id: string): boolean;
  /**
   * Deletes a list from `lists`, from every profile's memberships and from `memberCount` (0 after).
   * What names it stays, as in Klaviyo: campaigns' `audience`, segments' `definition`, the
   * `trigger` of the flow it triggered (which stays). Events stay: none names a list.
   * `false` when the account has no such list.
   */
  deleteList(id: string): boolean;
  /**
   * Deletes a segment from `segments`, memberships and `memberCount`, as {@link deleteList} does a
   * list; campaigns sent to it keep naming it. `false` when the account has no such segment.
   */
  deleteSegment(id: string): boolean;
  /** The attribution of a Placed Order or Ordered Product event, if a message drove it. */
  attributionOf(event: SimEvent): SimAttribution | undefined;
  /** Placed Orders (or Ordered Products) attributed to a campaign, flow or message, in (datetime, id) order. */
  attributedOrders(query: AttributedOrderQuery): Iterable<AttributedOrder>;
  /** Sends, opens, clicks, unsubscribes and conversions per message per local day (or hour). */
  messageActivity(query?: MessageActivityQuery): MessageDayActivity[];
}
