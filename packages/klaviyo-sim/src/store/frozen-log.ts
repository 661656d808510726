import type { EventLog } from './event-log.js';

/** An {@link EventLog} sorted by (time, metric) and packed into typed arrays (off the JS heap). */
export interface FrozenLog {
  readonly length: number;
  readonly time: Float64Array;
  readonly metric: Uint8Array;
  readonly profile: Int32Array;
  readonly ref: Int32Array;
  readonly value: Float64Array;
  readonly group: Float64Array;
  readonly flag: Int32Array;
}

/** A run of events [from, to) of a frozen log. */
export interface LogRange {
  log: FrozenLog;
  from: number;
  to: number;
}

const POSITION_BITS = 2 ** 23;
const METRIC_SLOTS = 32;

function emptyLog(count: number): FrozenLog {
  return {
    length: count,
    time: new Float64Array(count),
    metric: new Uint8Array(count),
    profile: new Int32Array(count),
    ref: new Int32Array(count),
    value: new Float64Array(count),
    group: new Float64Array(count),
    flag: new Int32Array(count),
  };
}

/**
 * Sort scratch, grown to the largest log sorted and reused: sorting is synchronous and never
 * nested, and a campaign day at a million profiles sorts millions of keys.
 */
let scratchKeys = new Float64Array(0);
let scratchOrder = new Int32Array(0);
let scratchRange = new Uint16Array(0);
let scratchIndex = new Int32Array(0);

/** Scratch held for good covers this many events; a rare larger sort gets arrays of its own. */
const KEPT_SCRATCH = 1 << 18;

/** Scratch arrays for `count` events (views of the shared scratch: valid until the next call). */
function scratch(count: number): { keys: Float64Array; order: Int32Array; range: Uint16Array; index: Int32Array } {
  if (count > KEPT_SCRATCH) return { keys: new Float64Array(count), order: new Int32Array(count), range: new Uint16Array(count), index: new Int32Array(count) };
  if (scratchKeys.length < count) {
    const capacity = Math.min(KEPT_SCRATCH, Math.max(count, scratchKeys.length * 2));
    scratchKeys = new Float64Array(capacity);
    scratchOrder = new Int32Array(capacity);
    scratchRange = new Uint16Array(capacity);
    scratchIndex = new Int32Array(capacity);
  }
  return { keys: scratchKeys.subarray(0, count), order: scratchOrder.subarray(0, count), range: scratchRange.subarray(0, count), index: scratchIndex.subarray(0, count) };
}

/**
 * Sorts packed keys: seconds since `base`, metric and position in one double, so a native
 * numeric sort orders by (time, metric) and keeps ties in input order. Writes the positions in
 * sorted order into `order`.
 */
function sortKeys(keys: Float64Array, order: Int32Array): Int32Array {
  keys.sort();
  for (let i = 0; i < keys.length; i += 1) order[i] = (keys[i] as number) % POSITION_BITS;
  return order;
}

const keyOf = (time: number, base: number, metric: number, position: number) => ((time - base) / 1000 * METRIC_SLOTS + metric) * POSITION_BITS + position;

/** Sorts and packs a finished generation log. */
export function freezeLog(log: EventLog): FrozenLog {
  const count = log.length;
  if (count >= POSITION_BITS) throw new RangeError(`A layer of ${count} events is too large to sort`);
  const { time, metric, profile, ref, value, group, flag } = log;
  let base = Infinity;
  for (let i = 0; i < count; i += 1) base = Math.min(base, time[i] as number);
  const { keys, order: positions } = scratch(count);
  for (let i = 0; i < count; i += 1) keys[i] = keyOf(time[i] as number, base, metric[i] as number, i);
  const order = sortKeys(keys, positions);
  const packed = emptyLog(count);
  for (let slot = 0; slot < count; slot += 1) {
    const i = order[slot] as number;
    packed.time[slot] = time[i] as number;
    packed.metric[slot] = metric[i] as number;
    packed.profile[slot] = profile[i] as number;
    packed.ref[slot] = ref[i] as number;
    packed.value[slot] = value[i] as number;
    packed.group[slot] = group[i] as number;
    packed.flag[slot] = flag[i] as number;
  }
  return packed;
}

/** The events of a frozen log with time in [start, end), found by binary search. */
export function timeRange(log: FrozenLog, start: number, end: number): LogRange {
  const firstAtOrAfter = (instant: number) => {
    let low = 0;
    let high = log.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((log.time[middle] as number) < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { log, from: firstAtOrAfter(start), to: firstAtOrAfter(end) };
}

/** Merges ranges of several frozen logs into one, sorted by (time, metric), ties in range order. */
export function mergeRanges(ranges: readonly LogRange[]): FrozenLog {
  let count = 0;
  let base = Infinity;
  for (const range of ranges) {
    count += range.to - range.from;
    if (range.to > range.from) base = Math.min(base, range.log.time[range.from] as number);
  }
  if (count >= POSITION_BITS) throw new RangeError(`A day of ${count} events is too large to sort`);
  const { keys, order: positions, range: sourceRange, index: sourceIndex } = scratch(count);
  let position = 0;
  ranges.forEach((range, rangeIndex) => {
    const { time, metric } = range.log;
    for (let i = range.from; i < range.to; i += 1) {
      keys[position] = keyOf(time[i] as number, base, metric[i] as number, position);
      sourceRange[position] = rangeIndex;
      sourceIndex[position] = i;
      position += 1;
    }
  });
  const order = sortKeys(keys, positions);
  const packed = emptyLog(count);
  for (let slot = 0; slot < count; slot += 1) {
    const at = order[slot] as number;
    const log = (ranges[sourceRange[at] as number] as LogRange).log;
    const i = sourceIndex[at] as number;
    packed.time[slot] = log.time[i] as number;
    packed.metric[slot] = log.metric[i] as number;
    packed.profile[slot] = log.profile[i] as number;
    packed.ref[slot] = log.ref[i] as number;
    packed.value[slot] = log.value[i] as number;
    packed.group[slot] = log.group[i] as number;
    packed.flag[slot] = log.flag[i] as number;
  }
  return packed;
}

/**
 * The events of a frozen log from position `from` on, as a copy: a view would keep the whole log's
 * arrays alive, and dropping the rest is the point (see createDayAssembler).
 */
export function logFrom(log: FrozenLog, from: number): FrozenLog {
  return {
    length: log.length - from,
    time: log.time.slice(from),
    metric: log.metric.slice(from),
    profile: log.profile.slice(from),
    ref: log.ref.slice(from),
    value: log.value.slice(from),
    group: log.group.slice(from),
    flag: log.flag.slice(from),
  };
}
