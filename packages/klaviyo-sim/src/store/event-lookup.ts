import type { DayAssembler, DayLog } from './day-assembly.js';
import { materializeEvent, type MaterializeContext } from './event-materializer.js';
import { parseBase62 } from './ids.js';
import type { SimEvent } from './types.js';

const MS_PER_DAY = 86_400_000;

/**
 * Positions of some metrics' events in a day log, in (datetime, id) order; `undefined` when the
 * metrics are all there are (every position). The day log is sorted by (time, metric, number
 * within the metric), which is exactly the order of the ids (fixed-width base 62 in ASCII
 * order), so picking events in log order needs no sort.
 */
export function metricDayRows(dayLog: DayLog, metrics: readonly number[], metricCount: number): Int32Array | undefined {
  if (metrics.length >= metricCount) return undefined;
  const wanted = new Uint8Array(metricCount);
  for (const metric of metrics) wanted[metric] = 1;
  const { log } = dayLog;
  let count = 0;
  for (let index = 0; index < log.length; index += 1) count += wanted[log.metric[index] ?? 0] ?? 0;
  const rows = new Int32Array(count);
  let next = 0;
  for (let index = 0; index < log.length; index += 1) if (wanted[log.metric[index] ?? 0] === 1) rows[next++] = index;
  return rows;
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
