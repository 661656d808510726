/** Marks an event that no message drove. */
export const NO_REF = -1;

const INITIAL_CAPACITY = 1024;

/**
 * A compact, append-only list of generated events as parallel typed arrays (struct of arrays): a
 * day at a million profiles holds about a million events, far too many for one object each.
 * Events become {@link SimEvent} objects only when served. The arrays grow by doubling and are
 * longer than {@link length}; {@link clear} keeps them, so one log can be filled again and again
 * (see {@link EventLogPool}) instead of leaving tens of megabytes of garbage per campaign day.
 */
export class EventLog {
  /** Instant, whole seconds in ms. */
  time = new Float64Array(INITIAL_CAPACITY);
  /** Position in the metric catalogue (`METRIC`). */
  metric = new Uint8Array(INITIAL_CAPACITY);
  /** Profile number. */
  profile = new Int32Array(INITIAL_CAPACITY);
  /** Message ref (flow step or campaign slot) the event belongs to or is attributed to; {@link NO_REF} if none. */
  ref = new Int32Array(INITIAL_CAPACITY);
  /** `$value`: order value, item price, else 0. */
  value = new Float64Array(INITIAL_CAPACITY);
  /** Order key shared by a Placed Order and its Ordered Products; 0 otherwise. */
  group = new Float64Array(INITIAL_CAPACITY);
  /** Per metric: item bitmask (Placed Order), product number (Ordered Product), 1 for a machine open. */
  flag = new Int32Array(INITIAL_CAPACITY);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends one event; the instant is truncated to whole seconds, as Klaviyo stores event times. */
  push(time: number, metric: number, profile: number, ref = NO_REF, value = 0, group = 0, flag = 0): void {
    if (this.#length === this.time.length) this.#grow();
    const i = this.#length;
    this.time[i] = Math.floor(time / 1000) * 1000;
    this.metric[i] = metric;
    this.profile[i] = profile;
    this.ref[i] = ref;
    this.value[i] = value;
    this.group[i] = group;
    this.flag[i] = flag;
    this.#length = i + 1;
  }

  /** Appends event `index` of another log. */
  copyFrom(other: EventLog, index: number): void {
    this.push(other.time[index] ?? 0, other.metric[index] ?? 0, other.profile[index] ?? 0, other.ref[index] ?? NO_REF, other.value[index] ?? 0, other.group[index] ?? 0, other.flag[index] ?? 0);
  }

  /** Events the arrays hold before they grow. */
  get capacity(): number {
    return this.time.length;
  }

  /** Empties the log, keeping its arrays for the next fill. */
  clear(): void {
    this.#length = 0;
  }

  #grow(): void {
    const capacity = this.time.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(array: T, make: (length: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.time = grown(this.time, (length) => new Float64Array(length));
    this.metric = grown(this.metric, (length) => new Uint8Array(length));
    this.profile = grown(this.profile, (length) => new Int32Array(length));
    this.ref = grown(this.ref, (length) => new Int32Array(length));
    this.value = grown(this.value, (length) => new Float64Array(length));
    this.group = grown(this.group, (length) => new Float64Array(length));
    this.flag = grown(this.flag, (length) => new Int32Array(length));
  }
}

/** Event logs to fill and empty again: generation fills one per layer, and freezing copies it out. */
export interface EventLogPool {
  /** Runs `fill` with an empty log from the pool, then takes the log back (use its contents inside `fill` only). */
  use<T>(fill: (log: EventLog) => T): T;
}

/**
 * Logs kept idle hold at most this many events: a rare huge layer (a campaign day of a big store)
 * is left to the GC rather than held for good.
 */
const KEPT_CAPACITY = 1 << 18;

/** A pool that keeps at most `keep` idle logs (more are made while uses nest). */
export function createEventLogPool(keep = 1): EventLogPool {
  const idle: EventLog[] = [];
  return {
    use: (fill) => {
      const log = idle.pop() ?? new EventLog();
      log.clear();
      try {
        return fill(log);
      } finally {
        if (idle.length < keep && log.capacity <= KEPT_CAPACITY) idle.push(log);
      }
    },
  };
}
