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
  messages: MessageDirectory;
}

/** The id of an event: store prefix, day, metric and the event's number among the day's events of that metric. */
export function eventId(context: Pick<MaterializeContext, 'idPrefix'>, day: number, metric: number, seq: number): string {
  return context.idPrefix + base62(day, 3) + base62(metric, 1) + base62(seq, 4);
}

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

function propertiesOf(context: MaterializeContext, dayLog: DayLog, index: number, id: string, info: MessageInfo | undefined): Record<string, unknown> {
  const { log } = dayLog;
  const metric = log.metric[index] ?? 0;
  const value = log.value[index] ?? 0;
  const flag = log.flag[index] ?? 0;
  const orderOf = () => String(dayLog.day * 1_000_000 + (dayLog.orderSeq.get(log.group[index] ?? 0) ?? 0) + 1);
  const product = PRODUCT_NAMES[hashKey(context.seed, id) % PRODUCT_NAMES.length];
  switch (metric) {
    case METRIC.placedOrder: {
      const orderId = orderOf();
      const itemNames = itemNamesOf(flag);
      return { $value: value, $event_id: orderId, OrderId: orderId, ItemNames: itemNames, ItemCount: itemNames.length, Currency: context.currency, ...attributionProperties(info) };
    }
    case METRIC.orderedProduct: {
      const orderId = orderOf();
      return { $value: value, $event_id: `${orderId}-${flag}`, OrderId: orderId, ProductName: PRODUCT_NAMES[flag], ProductID: String(1001 + flag), Quantity: 1, Currency: context.currency, ...attributionProperties(info) };
    }
    case METRIC.viewedProduct:
    case METRIC.addedToCart:
      return { $event_id: id, ProductName: product, ...attributionProperties(info) };
    case METRIC.startedCheckout:
    case METRIC.activeOnSite:
      return { $event_id: id, ...(metric === METRIC.activeOnSite ? { page: `${context.websiteUrl}/` } : {}), ...attributionProperties(info) };
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
    properties: Object.freeze(propertiesOf(context, dayLog, index, id, info)),
  };
  // Assigned rather than spread in: a spread copies through a slow generic path, per event.
  if (info) event.message = info.attribution;
  return Object.freeze(event);
}
