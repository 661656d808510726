import { extendPrefix, hashPrefix } from '../random/hash.js';
import type { DayLog } from './day-assembly.js';
import { materializeEvent, propertiesJsonOf, type MaterializeContext } from './event-materializer.js';
import { base62, base62Four, uuidFromPrefix } from './ids.js';
import { CONVERSION_METRICS } from './metric-catalog.js';
import type { SimAttribution, SimEvent } from './types.js';

/**
 * An event where it lies: event `index` of a day's log. Listing and serving pass these around
 * and read only the fields they write, so a page of events costs no {@link SimEvent} objects (and
 * none of their garbage) unless a caller asks for them.
 */
export interface EventRow {
  readonly dayLog: DayLog;
  readonly index: number;
}

/** Reads the fields of an {@link EventRow}; each agrees exactly with {@link EventReader.event}. */
export interface EventReader {
  /** The event id (11 characters, [0-9A-Za-z]). */
  id(row: EventRow): string;
  /** The event instant in ms (whole seconds). */
  instant(row: EventRow): number;
  /** Position in the metric catalogue. */
  metric(row: EventRow): number;
  /** The profile's number in signup order. */
  profile(row: EventRow): number;
  uuid(row: EventRow): string;
  metricId(row: EventRow): string;
  profileId(row: EventRow): string;
  /** `JSON.stringify(event(row).properties)`, shared between events where it can be. */
  propertiesJson(row: EventRow): string;
  /** The attribution a Placed Order or Ordered Product carries, if a message drove it. */
  orderAttribution(row: EventRow): SimAttribution | undefined;
  /** The event as an object, for callers that keep or inspect it. */
  event(row: EventRow): SimEvent;
}

/** Builds the reader over a store's materializing context. */
export function createEventReader(context: MaterializeContext): EventReader {
  // The id's day-and-metric part repeats for every event of a day's metric.
  let prefixDay = NaN;
  const prefixes: string[] = [];
  const id = ({ dayLog, index }: EventRow): string => {
    if (dayLog.day !== prefixDay) {
      prefixDay = dayLog.day;
      prefixes.length = 0;
    }
    const metric = dayLog.log.metric[index] ?? 0;
    const prefix = (prefixes[metric] ??= context.idPrefix + base62(dayLog.day, 3) + base62(metric, 1));
    return prefix + base62Four(dayLog.seq[index] ?? 0);
  };
  const instant = ({ dayLog, index }: EventRow) => dayLog.log.time[index] ?? 0;
  const seedPrefix = hashPrefix(context.seed);
  const metric = ({ dayLog, index }: EventRow) => dayLog.log.metric[index] ?? 0;
  return {
    id,
    instant,
    metric,
    profile: ({ dayLog, index }) => dayLog.log.profile[index] ?? 0,
    // Same as timeOrderedUuid(instant, seed, id), with the seed hashed once per store.
    uuid: (row) => uuidFromPrefix(instant(row), extendPrefix(seedPrefix, id(row))),
    metricId: (row) => context.metrics[metric(row)]?.id ?? '',
    profileId: ({ dayLog, index }) => context.profileId(dayLog.log.profile[index] ?? 0),
    propertiesJson: (row) => propertiesJsonOf(context, row.dayLog, row.index, id(row)),
    orderAttribution: ({ dayLog, index }) => {
      if (!CONVERSION_METRICS.includes(dayLog.log.metric[index] ?? -1)) return undefined;
      return context.messages(dayLog.log.ref[index] ?? -1)?.attribution;
    },
    event: ({ dayLog, index }) => materializeEvent(context, dayLog, index),
  };
}
