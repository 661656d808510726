import type { DayAssembler, DayLog } from './day-assembly.js';
import { materializeEvent, type MaterializeContext } from './event-materializer.js';
import { parseBase62 } from './ids.js';
import type { SimEvent } from './types.js';

const MS_PER_DAY = 86_400_000;

/**
 * Some metrics' events of a day as objects, in (datetime, id) order. The day log is sorted by
 * (time, metric, number within the metric), which is exactly the order of the ids (fixed-width
 * base 62 in ASCII order), so picking events in log order needs no sort.
 */
export function metricDayEvents(context: MaterializeContext, dayLog: DayLog, metrics: ReadonlySet<number>): SimEvent[] {
  const events: SimEvent[] = [];
  const { log } = dayLog;
  for (let index = 0; index < log.length; index += 1) {
    if (metrics.has(log.metric[index] ?? -1)) events.push(materializeEvent(context, dayLog, index));
  }
  return Object.freeze(events) as SimEvent[];
}

/**
 * The event with this id, if the store serves it: the id names its day, metric and number, so
 * only that day is looked at.
 */
export function findEvent(context: MaterializeContext, assembler: DayAssembler, window: { start: number; now: number }, id: string): SimEvent | undefined {
  if (id.length !== 11 || !id.startsWith(context.idPrefix)) return undefined;
  const day = parseBase62(id.slice(3, 6));
  const metric = parseBase62(id.slice(6, 7));
  const seq = parseBase62(id.slice(7));
  if (day === undefined || metric === undefined || seq === undefined) return undefined;
  // Only days that can overlap the window; others are not worth generating.
  if ((day + 2) * MS_PER_DAY < window.start || (day - 2) * MS_PER_DAY > window.now) return undefined;
  const dayLog = assembler.dayLog(day);
  const { log } = dayLog;
  for (let index = 0; index < log.length; index += 1) {
    if (log.metric[index] !== metric || dayLog.seq[index] !== seq) continue;
    const time = log.time[index] ?? 0;
    return time >= window.start && time < window.now ? materializeEvent(context, dayLog, index) : undefined;
  }
  return undefined;
}
