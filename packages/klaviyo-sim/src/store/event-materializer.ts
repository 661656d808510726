import { hashKey } from '../random/hash.js';
import type { DayLog } from './day-assembly.js';
import { base62, timeOrderedUuid } from './ids.js';
import type { MessageDirectory, MessageInfo } from './message-directory.js';
import { METRIC } from './metric-catalog.js';
import { PRODUCT_NAMES } from './products.js';
import type { SimEvent, SimMetric } from './types.js';

/** What turning a compact event into a {@link SimEvent} needs. */
export interface MaterializeContext {
  seed: number;
  /** Three characters shared by every event id of this store. */
  idPrefix: string;
  metrics: readonly SimMetric[];
  currency: string;
  websiteUrl: string;
  profileId(index: number): string;
  /** Writes {@link profileId}'s characters as ASCII bytes at `at`. */
  writeProfileId(index: number, target: Uint8Array, at: number): void;
  messages: MessageDirectory;
  /** Memo of {@link SharedProperties}, by {@link sharedPropertiesKey}; grows with the messages sent, not the events. */
  sharedProperties: Map<number, SharedProperties>;
  /** Memo of {@link PropertiesBytes} of events with own properties, by {@link ownTemplateKey}; grows with the messages, not the events. */
  propertiesTemplates: Map<number, PropertiesBytes>;
}

/**
 * An event's `event_properties` JSON as UTF-8 bytes, for serving: shared by every event of the
 * same message, or by every event of the same metric, product and attribution with the event's
 * id written at `idAt` (-1 when the id is not in it).
 */
export interface PropertiesBytes {
  bytes: Uint8Array;
  idAt: number;
}

/**
 * The properties of an email or SMS event depend only on its metric, its message and its flag
 * (machine open), so every such event of a message shares one frozen object and its JSON text.
 * About 60% of a store's events are of this kind.
 */
export interface SharedProperties {
  object: Readonly<Record<string, unknown>>;
  json: string;
  /** `json` as UTF-8 bytes, for serving. */
  bytes: PropertiesBytes;
}

/** Metrics whose properties hold nothing of the event itself (no id, value or product). */
const MESSAGE_ONLY = new Set<number>([
  METRIC.receivedEmail, METRIC.openedEmail, METRIC.clickedEmail, METRIC.bouncedEmail, METRIC.unsubscribedEmail,
  METRIC.receivedSms, METRIC.clickedSms,
]);
const METRIC_SLOTS = 32;
/** A metric slot no metric uses: keys the attribution part of event-own properties. */
const ATTRIBUTION_SLOT = METRIC_SLOTS - 1;

/** Key of the shared properties of a message-only metric's event. */
function sharedPropertiesKey(metric: number, ref: number, flag: number): number {
  return ((ref + 1) * METRIC_SLOTS + metric) * 2 + (flag === 1 ? 1 : 0);
}

/** The id of an event: store prefix, day, metric and the event's number among the day's events of that metric. */
export function eventId(context: Pick<MaterializeContext, 'idPrefix'>, day: number, metric: number, seq: number): string {
  return context.idPrefix + base62(day, 3) + base62(metric, 1) + base62(seq, 4);
}

/** The product a Viewed Product or Added to Cart event is about, as its position in PRODUCT_NAMES, from `hashKey(seed, id)`. */
const productOf = (idHash: number): number => idHash % PRODUCT_NAMES.length;

function itemNamesOf(mask: number): string[] {
  return PRODUCT_NAMES.filter((_, index) => (mask & (1 << index)) !== 0);
}

function attributionProperties(info: MessageInfo | undefined): Record<string, unknown> {
  if (!info) return {};
  const { attribution } = info;
  return {
    $attributed_message: attribution.messageId,
    $attributed_channel: attribution.channel,
    ...(attribution.flowId ? { $attributed_flow: attribution.flowId } : {}),
  };
}

function messageProperties(info: MessageInfo | undefined): Record<string, unknown> {
  if (!info) return {};
  return {
    $message: info.attribution.messageId,
    ...(info.attribution.flowId ? { $flow: info.attribution.flowId } : {}),
    'Campaign Name': info.name,
    Subject: info.subject,
  };
}

/** The shared properties of event `index` when its metric is message-only; else undefined. */
export function sharedPropertiesOf(context: MaterializeContext, dayLog: DayLog, index: number): SharedProperties | undefined {
  const { log } = dayLog;
  const metric = log.metric[index] ?? 0;
  if (!MESSAGE_ONLY.has(metric)) return undefined;
  const ref = log.ref[index] ?? -1;
  const key = sharedPropertiesKey(metric, ref, log.flag[index] ?? 0);
  let shared = context.sharedProperties.get(key);
  if (shared === undefined) {
    const object = Object.freeze(propertiesOf(context, dayLog, index, '', context.messages(ref)));
    const json = JSON.stringify(object);
    shared = { object, json, bytes: { bytes: Buffer.from(json), idAt: -1 } };
    context.sharedProperties.set(key, shared);
  }
  return shared;
}

/**
 * The properties of an event that are its own (id, value, product), for the metrics that have
 * any; the attribution to a message follows them. Undefined for message-only metrics.
 */
function ownProperties(context: MaterializeContext, dayLog: DayLog, index: number, id: string): Record<string, unknown> | undefined {
  const { log } = dayLog;
  const metric = log.metric[index] ?? 0;
  const value = log.value[index] ?? 0;
  const flag = log.flag[index] ?? 0;
  const orderOf = () => String(dayLog.day * 1_000_000 + (dayLog.orderSeq.get(log.group[index] ?? 0) ?? 0) + 1);
  switch (metric) {
    case METRIC.placedOrder: {
      const orderId = orderOf();
      const itemNames = itemNamesOf(flag);
      return { $value: value, $event_id: orderId, OrderId: orderId, ItemNames: itemNames, ItemCount: itemNames.length, Currency: context.currency };
    }
    case METRIC.orderedProduct: {
      const orderId = orderOf();
      return { $value: value, $event_id: `${orderId}-${flag}`, OrderId: orderId, ProductName: PRODUCT_NAMES[flag], ProductID: String(1001 + flag), Quantity: 1, Currency: context.currency };
    }
    case METRIC.viewedProduct:
    case METRIC.addedToCart:
      return { $event_id: id, ProductName: PRODUCT_NAMES[productOf(hashKey(context.seed, id))] };
    case METRIC.startedCheckout:
      return { $event_id: id };
    case METRIC.activeOnSite:
      return { $event_id: id, page: `${context.websiteUrl}/` };
    default:
      return undefined;
  }
}

/** The properties of an email or SMS event: all about its message. */
function messageOnlyProperties(context: MaterializeContext, metric: number, flag: number, info: MessageInfo | undefined): Record<string, unknown> {
  switch (metric) {
    case METRIC.openedEmail:
      return { ...messageProperties(info), 'Email Domain': 'example.com', 'Apple Privacy Open': flag === 1, 'Client Name': flag === 1 ? 'Apple Mail' : 'Gmail' };
    case METRIC.clickedEmail:
      return { ...messageProperties(info), 'Email Domain': 'example.com', URL: `${context.websiteUrl}/products`, 'Bot Click': false };
    case METRIC.bouncedEmail:
      return { ...messageProperties(info), 'Email Domain': 'example.com', 'Bounce Type': 'Hard' };
    case METRIC.receivedSms:
    case METRIC.clickedSms: {
      const { Subject, ...rest } = messageProperties(info);
      return { ...rest, 'Message Body': Subject, 'Message Type': 'SMS' };
    }
    default:
      return { ...messageProperties(info), 'Email Domain': 'example.com' };
  }
}

/** The `event_properties` of event `index` with id `id`, built afresh. */
export function propertiesOf(context: MaterializeContext, dayLog: DayLog, index: number, id: string, info: MessageInfo | undefined): Record<string, unknown> {
  const own = ownProperties(context, dayLog, index, id);
  if (own) return Object.assign(own, attributionProperties(info));
  return messageOnlyProperties(context, dayLog.log.metric[index] ?? 0, dayLog.log.flag[index] ?? 0, info);
}

/**
 * `JSON.stringify` of the event's properties, from pieces: shared text for message-only metrics;
 * else the event's own properties followed by its message's attribution, whose text is shared.
 */
export function propertiesJsonOf(context: MaterializeContext, dayLog: DayLog, index: number, id: string): string {
  const shared = sharedPropertiesOf(context, dayLog, index);
  if (shared) return shared.json;
  const own = JSON.stringify(ownProperties(context, dayLog, index, id));
  return own.slice(0, -1) + attributionTail(context, dayLog.log.ref[index] ?? -1);
}

/** The attribution's JSON members after an event's own, with the closing brace: `,"$attributed_message":…}` or `}`. */
function attributionTail(context: MaterializeContext, ref: number): string {
  const key = sharedPropertiesKey(ATTRIBUTION_SLOT, ref, 0);
  let part = context.sharedProperties.get(key);
  if (part === undefined) {
    const object = Object.freeze(attributionProperties(context.messages(ref)));
    const json = JSON.stringify(object);
    const tail = json === '{}' ? '}' : `,${json.slice(1)}`;
    part = { object, json: tail, bytes: { bytes: Buffer.from(tail), idAt: -1 } };
    context.sharedProperties.set(key, part);
  }
  return part.json;
}

/** What {@link propertiesBytesOf} needs to know of an event beyond its log: its id and that id's product hash. */
export interface EventKeys {
  idOf(dayLog: DayLog, index: number): string;
  /** `hashKey(seed, idOf(dayLog, index))`, which picks the product a Viewed Product or Added to Cart event is about. */
  productHashOf(dayLog: DayLog, index: number): number;
}

/** Metrics whose own properties are the event id plus a few values that repeat (product, page). */
const ID_TEMPLATED = new Set<number>([METRIC.startedCheckout, METRIC.addedToCart, METRIC.viewedProduct, METRIC.activeOnSite]);
/** Stands for the id in a template; any 11 characters that JSON writes as themselves. */
const ID_PLACEHOLDER = '~'.repeat(11);

/** Key of the template of an id-templated event's properties: metric, product shown and the message it is attributed to. */
function ownTemplateKey(metric: number, product: number, ref: number): number {
  return ((ref + 1) * (PRODUCT_NAMES.length + 1) + product + 1) * METRIC_SLOTS + metric;
}

/**
 * `propertiesJsonOf` as UTF-8 bytes, from memos: message-only events share their message's
 * bytes; events whose own properties are their id and a product or page share a template per
 * (metric, product, attribution) with a hole for the id (11 ASCII characters: see eventId).
 * Undefined for orders, whose properties are their own.
 */
export function propertiesBytesOf(context: MaterializeContext, dayLog: DayLog, index: number, keys: EventKeys): PropertiesBytes | undefined {
  const shared = sharedPropertiesOf(context, dayLog, index);
  if (shared) return shared.bytes;
  const { log } = dayLog;
  const metric = log.metric[index] ?? 0;
  if (!ID_TEMPLATED.has(metric)) return undefined;
  const ref = log.ref[index] ?? -1;
  const product = metric === METRIC.viewedProduct || metric === METRIC.addedToCart ? productOf(keys.productHashOf(dayLog, index)) : -1;
  const key = ownTemplateKey(metric, product, ref);
  let template = context.propertiesTemplates.get(key);
  if (template === undefined) {
    const own = { ...ownProperties(context, dayLog, index, keys.idOf(dayLog, index)), $event_id: ID_PLACEHOLDER };
    const text = JSON.stringify(own).slice(0, -1) + attributionTail(context, ref);
    const bytes = Buffer.from(text);
    const member = bytes.indexOf(`"$event_id":"${ID_PLACEHOLDER}"`);
    const idAt = member + '"$event_id":"'.length;
    if (member < 0 || bytes.indexOf(ID_PLACEHOLDER, idAt + ID_PLACEHOLDER.length) >= 0) throw new Error(`The properties of metric ${metric} must hold the event id once, as $event_id`);
    template = { bytes, idAt };
    context.propertiesTemplates.set(key, template);
  }
  return template;
}

/** Turns event `index` of a day into the {@link SimEvent} the API serves. */
export function materializeEvent(context: MaterializeContext, dayLog: DayLog, index: number): SimEvent {
  const { log } = dayLog;
  const metric = log.metric[index] ?? 0;
  const time = log.time[index] ?? 0;
  const id = eventId(context, dayLog.day, metric, dayLog.seq[index] ?? 0);
  const info = context.messages(log.ref[index] ?? -1);
  const value = metric === METRIC.placedOrder || metric === METRIC.orderedProduct ? (log.value[index] ?? 0) : 0;
  const event: SimEvent = {
    id,
    uuid: timeOrderedUuid(time, context.seed, id),
    metricId: context.metrics[metric]?.id ?? '',
    profileId: context.profileId(log.profile[index] ?? 0),
    datetime: new Date(time),
    value,
    properties: sharedPropertiesOf(context, dayLog, index)?.object ?? Object.freeze(propertiesOf(context, dayLog, index, id, info)),
  };
  // Assigned rather than spread in: a spread copies through a slow generic path, per event.
  if (info) event.message = info.attribution;
  return Object.freeze(event);
}
