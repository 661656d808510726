import { civilDateOf, formatCivilDate } from '../time/civil-date.js';
import type { DayLog } from './day-assembly.js';
import type { EventReader, EventRow } from './event-rows.js';
import type { EventDay, EventPosition, EventQuery, SimEvent } from './types.js';

/** Orders events by (datetime, id); ids compare by UTF-16 code units. */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  const byTime = a.datetime.getTime() - b.datetime.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Some metrics' events of one local day: positions in its log, in (datetime, id) order. */
export interface DayRows {
  dayLog: DayLog;
  /** Log positions, or `undefined` when every event of the day is selected. */
  indices: Int32Array | undefined;
}

/** The pieces of a store that listing events needs. */
export interface Timeline {
  start: Date;
  now: Date;
  /** The account's local day number of an instant (as `localDayNumberAt`, from a memo of offsets: listing asks on every page). */
  dayOf(instant: number): number;
  /** Catalogue positions of metrics that have events, by metric id. */
  metricIndexes: ReadonlyMap<string, number>;
  reader: EventReader;
  /** These metrics' events on one local day (`metrics` sorted ascending). */
  rowsOn(metrics: readonly number[], dayNumber: number): DayRows;
  /** The number of the profile with this id, if it can exist. */
  profileIndexOf(id: string): number | undefined;
}

/** How a row compares with a position: time first, then the id (computed only on a tie). */
function compareRow(reader: EventReader, row: EventRow, position: { at: number; id: string }): number {
  const byTime = reader.instant(row) - position.at;
  if (byTime !== 0) return byTime;
  const id = reader.id(row);
  return id < position.id ? -1 : id > position.id ? 1 : 0;
}

/** The rows of a day selection in the walking direction. */
function rowAt(rows: DayRows, i: number, descending: boolean): EventRow {
  const count = rows.indices?.length ?? rows.dayLog.log.length;
  const slot = descending ? count - 1 - i : i;
  return { dayLog: rows.dayLog, index: rows.indices ? (rows.indices[slot] as number) : slot };
}

/** Index of the first row strictly past `after` in the walking direction (binary search). */
function firstIndexPast(reader: EventReader, rows: DayRows, after: { at: number; id: string }, descending: boolean): number {
  let low = 0;
  let high = rows.indices?.length ?? rows.dayLog.log.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const side = compareRow(reader, rowAt(rows, middle, descending), after);
    if (descending ? side >= 0 : side <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Lists events lazily as rows, one local day at a time: every event of a day lies inside that
 * day, so the days in order give the global (datetime, id) order, and `after` only needs its own day.
 */
export function* listEventRows(timeline: Timeline, query: EventQuery = {}): Generator<EventRow, void, undefined> {
  const wanted = query.metricId === undefined ? undefined : new Set([query.metricId].flat());
  const metrics = [...timeline.metricIndexes].filter(([id]) => wanted === undefined || wanted.has(id)).map(([, index]) => index).sort((a, b) => a - b);
  const lower = Math.max(timeline.start.getTime(), query.from?.getTime() ?? -Infinity);
  const upper = Math.min(timeline.now.getTime(), query.to?.getTime() ?? Infinity);
  if (metrics.length === 0 || !(lower < upper)) return;
  const profile = query.profileId === undefined ? undefined : timeline.profileIndexOf(query.profileId);
  if (query.profileId !== undefined && profile === undefined) return;

  const { reader } = timeline;
  const descending = query.order === 'desc';
  const after = query.after ? { at: query.after.datetime.getTime(), id: query.after.id } : undefined;
  let firstDay = timeline.dayOf(lower);
  let lastDay = timeline.dayOf(upper - 1);
  if (after && !descending) firstDay = Math.max(firstDay, timeline.dayOf(after.at));
  if (after && descending) lastDay = Math.min(lastDay, timeline.dayOf(after.at));

  const keeps = (row: EventRow): boolean => {
    const instant = reader.instant(row);
    if (instant < lower || instant >= upper) return false;
    if (profile !== undefined && reader.profile(row) !== profile) return false;
    if (after === undefined) return true;
    const side = compareRow(reader, row, after);
    return descending ? side < 0 : side > 0;
  };

  const step = descending ? -1 : 1;
  for (let day = descending ? lastDay : firstDay; descending ? day >= firstDay : day <= lastDay; day += step) {
    const rows = timeline.rowsOn(metrics, day);
    const count = rows.indices?.length ?? rows.dayLog.log.length;
    // Resuming a page seeks past the cursor instead of walking the day's earlier events.
    for (let i = after === undefined ? 0 : firstIndexPast(reader, rows, after, descending); i < count; i += 1) {
      const row = rowAt(rows, i, descending);
      if (keeps(row)) yield row;
    }
  }
}

/** The same events as {@link listEventRows}, as objects. */
export function* listEvents(timeline: Timeline, query: EventQuery = {}): Generator<SimEvent, void, undefined> {
  for (const row of listEventRows(timeline, query)) yield timeline.reader.event(row);
}

/**
 * The same events as {@link listEvents}, grouped by local day (`YYYY-MM-DD`); days without a
 * matching event are skipped. Ascending only.
 */
export function* listEventDays(timeline: Timeline, query: EventQuery = {}): Generator<EventDay, void, undefined> {
  let current: { dayNumber: number; events: SimEvent[] } | undefined;
  for (const row of listEventRows(timeline, { ...query, order: 'asc' })) {
    const dayNumber = row.dayLog.day;
    if (!current || dayNumber !== current.dayNumber) {
      if (current) yield { day: formatCivilDate(civilDateOf(current.dayNumber)), events: current.events };
      current = { dayNumber, events: [] };
    }
    current.events.push(timeline.reader.event(row));
  }
  if (current) yield { day: formatCivilDate(civilDateOf(current.dayNumber)), events: current.events };
}
