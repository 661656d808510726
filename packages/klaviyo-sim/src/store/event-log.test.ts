import { describe, expect, it } from 'vitest';
import { createEventLogPool, EventLog, NO_REF } from './event-log.js';

const fill = (log: EventLog, count: number, offset = 0) => {
  for (let i = 0; i < count; i += 1) log.push(1_700_000_000_123 + i * 1000, i % 13, offset + i, i % 2 ? NO_REF : i, i * 1.25, i * 7, i % 3);
};

describe('EventLog', () => {
  it('keeps every event as pushed (instants cut to whole seconds) while its arrays grow', () => {
    const log = new EventLog();
    fill(log, 5000);
    expect(log.length).toBe(5000);
    for (const i of [0, 1, 1023, 1024, 2047, 4999]) {
      expect([log.time[i], log.metric[i], log.profile[i], log.ref[i], log.value[i], log.group[i], log.flag[i]]).toEqual([
        1_700_000_000_000 + i * 1000, i % 13, i, i % 2 ? NO_REF : i, i * 1.25, i * 7, i % 3,
      ]);
    }
    const copy = new EventLog();
    copy.copyFrom(log, 4999);
    expect([copy.length, copy.time[0], copy.value[0], copy.ref[0]]).toEqual([1, log.time[4999], log.value[4999], NO_REF]);
  });

  it('is empty after clear and fills again from the start', () => {
    const log = new EventLog();
    fill(log, 3000);
    log.clear();
    expect(log.length).toBe(0);
    fill(log, 10, 500);
    expect([log.length, log.profile[0], log.profile[9]]).toEqual([10, 500, 509]);
  });
});

describe('createEventLogPool', () => {
  it('hands out an empty log, a different one to a nested use, and reuses them afterwards', () => {
    const pool = createEventLogPool();
    const seen: EventLog[] = [];
    pool.use((outer) => {
      fill(outer, 2000);
      seen.push(outer);
      pool.use((inner) => {
        expect(inner).not.toBe(outer);
        expect(inner.length).toBe(0);
        seen.push(inner);
      });
      expect(outer.length).toBe(2000);
    });
    const again = pool.use((log) => {
      expect(log.length).toBe(0);
      return log;
    });
    expect(seen).toContain(again);
  });

  it('does not keep a log grown past a quarter million events', () => {
    const pool = createEventLogPool();
    const huge = pool.use((log) => {
      fill(log, 300_000);
      return log;
    });
    const next = pool.use((log) => log);
    expect(next).not.toBe(huge);
    expect(pool.use((log) => log)).toBe(next);
  });

  it('takes the log back when filling throws', () => {
    const pool = createEventLogPool(1);
    let first: EventLog | undefined;
    expect(() =>
      pool.use((log) => {
        first = log;
        throw new Error('generation failed');
      }),
    ).toThrow('generation failed');
    expect(pool.use((log) => log)).toBe(first);
  });
});
