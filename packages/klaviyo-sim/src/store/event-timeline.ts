import { localDayNumberAt } from '../time/zoned-time.js';
import { civilDateOf, formatCivilDate } from '../time/civil-date.js';
import type { EventDay, EventPosition, EventQuery, SimEvent } from './types.js';

/** Orders events by (datetime, id); ids compare by UTF-16 code units. */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  const byTime = a.datetime.getTime() - b.datetime.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The pieces of a store that listing events needs. */
export interface Timeline {
  start: Date;
  now: Date;
  timezone: string;
  /** Ids of metrics that have events. */
  metricIdsWithEvents: readonly string[];
  /** These metrics' events on one local day, sorted by (datetime, id). */
  eventsOn(metricIds: readonly string[], dayNumber: number): readonly SimEvent[];
  /** First instant (ms) of a local day. */
  dayStart(dayNumber: number): number;
}

/** Index of the first event strictly after `after` in the walking direction (binary search). */
function firstIndexPast(events: readonly SimEvent[], after: EventPosition, descending: boolean): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const side = compareEventPositions(events[descending ? events.length - 1 - middle : middle] as SimEvent, after);
    if (descending ? side >= 0 : side <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Lists events lazily, one local day at a time: every event of a day lies inside that day, so
 * the days in order give the global (datetime, id) order, and `after` only needs its own day.
 */
export function* listEvents(timeline: Timeline, query: EventQuery = {}): Generator<SimEvent, void, undefined> {
  const wanted = query.metricId === undefined ? undefined : new Set([query.metricId].flat());
  const metricIds = timeline.metricIdsWithEvents.filter((id) => wanted === undefined || wanted.has(id));
  const lower = Math.max(timeline.start.getTime(), query.from?.getTime() ?? -Infinity);
  const upper = Math.min(timeline.now.getTime(), query.to?.getTime() ?? Infinity);
  if (metricIds.length === 0 || !(lower < upper)) return;

  const descending = query.order === 'desc';
  const { after, profileId } = query;
  let firstDay = localDayNumberAt(lower, timeline.timezone);
  let lastDay = localDayNumberAt(upper - 1, timeline.timezone);
  if (after && !descending) firstDay = Math.max(firstDay, localDayNumberAt(after.datetime.getTime(), timeline.timezone));
  if (after && descending) lastDay = Math.min(lastDay, localDayNumberAt(after.datetime.getTime(), timeline.timezone));

  const keeps = (event: SimEvent): boolean => {
    const instant = event.datetime.getTime();
    if (instant < lower || instant >= upper) return false;
    if (profileId !== undefined && event.profileId !== profileId) return false;
    if (after === undefined) return true;
    const side = compareEventPositions(event, after);
    return descending ? side < 0 : side > 0;
  };

  const step = descending ? -1 : 1;
  for (let day = descending ? lastDay : firstDay; descending ? day >= firstDay : day <= lastDay; day += step) {
    const events = timeline.eventsOn(metricIds, day);
    const count = events.length;
    // Resuming a page seeks past the cursor instead of walking the day's earlier events.
    for (let i = after === undefined ? 0 : firstIndexPast(events, after, descending); i < count; i += 1) {
      const event = events[descending ? count - 1 - i : i] as SimEvent;
      if (keeps(event)) yield event;
    }
  }
}

/**
 * The same events as {@link listEvents}, grouped by local day (`YYYY-MM-DD`); days without a
 * matching event are skipped. Ascending only.
 */
export function* listEventDays(timeline: Timeline, query: EventQuery = {}): Generator<EventDay, void, undefined> {
  let current: { dayNumber: number; events: SimEvent[] } | undefined;
  let nextStart = -Infinity;
  for (const event of listEvents(timeline, { ...query, order: 'asc' })) {
    const instant = event.datetime.getTime();
    if (!current || instant >= nextStart) {
      if (current) yield { day: formatCivilDate(civilDateOf(current.dayNumber)), events: current.events };
      const dayNumber = localDayNumberAt(instant, timeline.timezone);
      current = { dayNumber, events: [] };
      nextStart = timeline.dayStart(dayNumber + 1);
    }
    current.events.push(event);
  }
  if (current) yield { day: formatCivilDate(civilDateOf(current.dayNumber)), events: current.events };
}
