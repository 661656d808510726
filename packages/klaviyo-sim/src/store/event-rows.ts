import { finalizeHash, hashPrefix, mixWord } from '../random/hash.js';
import type { DayLog } from './day-assembly.js';
import { materializeEvent, propertiesBytesOf, propertiesJsonOf, type EventKeys, type MaterializeContext, type PropertiesBytes } from './event-materializer.js';
import { base62, BASE62_CODES, base62Four, uuidFromPrefix, writeBase62Four, writeUuidFromPrefix } from './ids.js';
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
  /** Writes {@link id}'s 11 characters as ASCII bytes at `at` (serving writes bytes, not strings). */
  writeId(row: EventRow, target: Uint8Array, at: number): void;
  /** Writes {@link uuid}'s 36 characters as ASCII bytes at `at`. */
  writeUuid(row: EventRow, target: Uint8Array, at: number): void;
  metricId(row: EventRow): string;
  profileId(row: EventRow): string;
  /** Writes {@link profileId}'s 26 characters as ASCII bytes at `at`. */
  writeProfileId(row: EventRow, target: Uint8Array, at: number): void;
  /** `JSON.stringify(event(row).properties)`, shared between events where it can be. */
  propertiesJson(row: EventRow): string;
  /**
   * {@link propertiesJson} as UTF-8 bytes from a memo, with the event's id to be written at
   * `idAt` when that is not -1; undefined for events whose properties are all their own (orders).
   */
  propertiesBytes(row: EventRow): PropertiesBytes | undefined;
  /** The attribution a Placed Order or Ordered Product carries, if a message drove it. */
  orderAttribution(row: EventRow): SimAttribution | undefined;
  /** The event as an object, for callers that keep or inspect it. */
  event(row: EventRow): SimEvent;
}

/** Builds the reader over a store's materializing context. */
export function createEventReader(context: MaterializeContext): EventReader {
  // The id's day-and-metric part (7 characters) repeats for every event of a day's metric, and so
  // does the uuid hash's pass over it.
  const seedPrefix = hashPrefix(context.seed);
  let prefixDay = NaN;
  const prefixes: IdPrefix[] = [];
  const prefixOf = (dayLog: DayLog, metric: number): IdPrefix => {
    if (dayLog.day !== prefixDay) {
      prefixDay = dayLog.day;
      prefixes.length = 0;
    }
    return (prefixes[metric] ??= idPrefix(context.idPrefix + base62(dayLog.day, 3) + base62(metric, 1), seedPrefix.state));
  };
  const id = ({ dayLog, index }: EventRow): string => prefixOf(dayLog, dayLog.log.metric[index] ?? 0).text + base62Four(dayLog.seq[index] ?? 0);
  const writeId = ({ dayLog, index }: EventRow, target: Uint8Array, at: number): void => {
    const { codes } = prefixOf(dayLog, dayLog.log.metric[index] ?? 0);
    for (let i = 0; i < ID_PREFIX_LENGTH; i += 1) target[at + i] = codes[i] as number;
    writeBase62Four(target, at + ID_PREFIX_LENGTH, dayLog.seq[index] ?? 0);
  };
  // timeOrderedUuid(instant, seed, id) hashes extendPrefix(hashPrefix(seed), id): here, the
  // prefix's state carried on over the id's last four characters.
  const uuidState = ({ dayLog, index }: EventRow): number => {
    const seq = dayLog.seq[index] ?? 0;
    let state = prefixOf(dayLog, dayLog.log.metric[index] ?? 0).hashState;
    state = mixWord(state, BASE62_CODES[Math.floor(seq / 238_328)] as number);
    state = mixWord(state, BASE62_CODES[Math.floor(seq / 3844) % 62] as number);
    state = mixWord(state, BASE62_CODES[Math.floor(seq / 62) % 62] as number);
    return mixWord(state, BASE62_CODES[seq % 62] as number);
  };
  const uuidCount = seedPrefix.count + 1;
  // hashKey(seed, id) finishes the same state: hashRest(hashPrefix(seed), id).
  const keys: EventKeys = {
    idOf: (dayLog, index) => id({ dayLog, index }),
    productHashOf: (dayLog, index) => finalizeHash(mixWord(uuidState({ dayLog, index }), 2)),
  };
  const instant = ({ dayLog, index }: EventRow) => dayLog.log.time[index] ?? 0;
  const metric = ({ dayLog, index }: EventRow) => dayLog.log.metric[index] ?? 0;
  return {
    id,
    instant,
    metric,
    profile: ({ dayLog, index }) => dayLog.log.profile[index] ?? 0,
    uuid: (row) => uuidFromPrefix(instant(row), { state: uuidState(row), count: uuidCount }),
    writeId,
    writeUuid: (row, target, at) => writeUuidFromPrefix(target, at, instant(row), uuidState(row), uuidCount),
    metricId: (row) => context.metrics[metric(row)]?.id ?? '',
    profileId: ({ dayLog, index }) => context.profileId(dayLog.log.profile[index] ?? 0),
    writeProfileId: ({ dayLog, index }, target, at) => context.writeProfileId(dayLog.log.profile[index] ?? 0, target, at),
    propertiesJson: (row) => propertiesJsonOf(context, row.dayLog, row.index, id(row)),
    propertiesBytes: (row) => propertiesBytesOf(context, row.dayLog, row.index, keys),
    orderAttribution: ({ dayLog, index }) => {
      if (!CONVERSION_METRICS.includes(dayLog.log.metric[index] ?? -1)) return undefined;
      return context.messages(dayLog.log.ref[index] ?? -1)?.attribution;
    },
    event: ({ dayLog, index }) => materializeEvent(context, dayLog, index),
  };
}

/** Event ids are this prefix (seed, day, metric) and four base-62 digits of the day's sequence number. */
const ID_PREFIX_LENGTH = 7;
const ID_LENGTH = ID_PREFIX_LENGTH + 4;

/** An id prefix as text, as bytes, and as the uuid hash state after it (mixText of the whole id, but its last four characters). */
interface IdPrefix {
  text: string;
  codes: Uint8Array;
  hashState: number;
}

function idPrefix(text: string, seedState: number): IdPrefix {
  if (text.length !== ID_PREFIX_LENGTH) throw new RangeError(`An event id prefix must have ${ID_PREFIX_LENGTH} characters: ${text}`);
  const codes = Uint8Array.from(text, (char) => char.charCodeAt(0));
  let hashState = mixWord(seedState, 2 + ID_LENGTH);
  for (const code of codes) hashState = mixWord(hashState, code);
  return { text, codes, hashState };
}
