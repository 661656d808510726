/** Marks an event that no message drove. */
export const NO_REF = -1;

/**
 * A compact, append-only list of generated events as parallel number arrays (struct of arrays):
 * a day at a million profiles holds about a million events, far too many for one object each.
 * Events become {@link SimEvent} objects only when served.
 */
export class EventLog {
  /** Instant, whole seconds in ms. */
  readonly time: number[] = [];
  /** Position in the metric catalogue (`METRIC`). */
  readonly metric: number[] = [];
  /** Profile number. */
  readonly profile: number[] = [];
  /** Message ref (flow step or campaign slot) the event belongs to or is attributed to; {@link NO_REF} if none. */
  readonly ref: number[] = [];
  /** `$value`: order value, item price, else 0. */
  readonly value: number[] = [];
  /** Order key shared by a Placed Order and its Ordered Products; 0 otherwise. */
  readonly group: number[] = [];
  /** Per metric: item bitmask (Placed Order), product number (Ordered Product), 1 for a machine open. */
  readonly flag: number[] = [];

  get length(): number {
    return this.time.length;
  }

  /** Appends one event; the instant is truncated to whole seconds, as Klaviyo stores event times. */
  push(time: number, metric: number, profile: number, ref = NO_REF, value = 0, group = 0, flag = 0): void {
    this.time.push(Math.floor(time / 1000) * 1000);
    this.metric.push(metric);
    this.profile.push(profile);
    this.ref.push(ref);
    this.value.push(value);
    this.group.push(group);
    this.flag.push(flag);
  }

  /** Appends event `index` of another log. */
  copyFrom(other: EventLog, index: number): void {
    this.time.push(other.time[index] ?? 0);
    this.metric.push(other.metric[index] ?? 0);
    this.profile.push(other.profile[index] ?? 0);
    this.ref.push(other.ref[index] ?? NO_REF);
    this.value.push(other.value[index] ?? 0);
    this.group.push(other.group[index] ?? 0);
    this.flag.push(other.flag[index] ?? 0);
  }
}
