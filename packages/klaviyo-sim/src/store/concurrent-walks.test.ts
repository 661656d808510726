import { describe, expect, it, vi } from 'vitest';
import { createKlaviyoStore } from './create-klaviyo-store.js';
import type { EventRow } from './event-rows.js';
import { createWalkHeads } from './day-assembly.js';
import { ORDER_LAYER_SPAN_DAYS } from './order-layer.js';
import { TRIGGER_LAYER_SPAN_DAYS } from './trigger-layer.js';
import type { EventPosition, KlaviyoStore } from './types.js';

// Walking a whole window generates every day of it.
vi.setConfig({ testTimeout: 120_000 });

const OPTIONS = { seed: 5, size: 1500 };
const PAGE = 1000;

type Walk = { from?: Date; to?: Date };

/**
 * Reads each walk a page at a time in turn, as the simulator answers time slices read at once:
 * every page is a fresh listing that resumes after the last event of the page before (the cursor).
 * Returns the events read per walk.
 */
function interleave(store: KlaviyoStore, walks: Walk[], onPage: (walk: number, day: number) => void): number[] {
  const read = walks.map(() => 0);
  const after: Array<EventPosition | undefined> = walks.map(() => undefined);
  const open = new Set(walks.keys());
  while (open.size > 0) {
    for (const walk of [...open]) {
      const position = after[walk];
      const rows = store.eventRows({ ...walks[walk], ...(position ? { after: position } : {}) })[Symbol.iterator]();
      let last: EventRow | undefined;
      let count = 0;
      for (let next = rows.next(); !next.done && count < PAGE; next = rows.next(), count += 1) last = next.value;
      read[walk] = (read[walk] ?? 0) + count;
      if (count < PAGE || !last) open.delete(walk);
      if (last) {
        const { eventReader } = store;
        after[walk] = { datetime: new Date(eventReader.instant(last)), id: eventReader.id(last) };
        onPage(walk, last.dayLog.day);
      }
    }
  }
  return read;
}

describe('time slices read at once (as Klens backfills a metric in 4)', () => {
  it('generate each layer and day once, as one walk through the window does, but where two slices meet', () => {
    const alone = createKlaviyoStore(OPTIONS);
    const total = interleave(alone, [{}], () => undefined)[0]!;
    const once = alone.generated();

    const sliced = createKlaviyoStore(OPTIONS);
    const span = sliced.now.getTime() - sliced.start.getTime();
    const bound = (i: number) => new Date(sliced.start.getTime() + Math.floor((span * i) / 4 / 1000) * 1000);
    const walks = [0, 1, 2, 3].map((i) => ({ from: bound(i), to: bound(i + 1) }));
    // The walks really are apart: at some moment all four serve different days.
    let apart = false;
    const current = new Map<number, number>();
    const read = interleave(sliced, walks, (walk, day) => {
      current.set(walk, day);
      if (current.size === 4 && new Set(current.values()).size === 4) apart = true;
    });

    expect(apart).toBe(true);
    expect(read.reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(once.triggerLayers).toBeGreaterThan(380);
    // Each slice starts by generating the layers its first day needs (the 16 + 8 origin days
    // before it, and its own). The slice before it needs them again only when it reaches that
    // day, long after: those are made twice, and so is the day where two slices meet. Nothing else.
    const seams = walks.length - 1;
    const generated = sliced.generated();
    expect(generated.triggerLayers).toBeLessThanOrEqual(once.triggerLayers + seams * (TRIGGER_LAYER_SPAN_DAYS + ORDER_LAYER_SPAN_DAYS + 1));
    expect(generated.orderLayers).toBeLessThanOrEqual(once.orderLayers + seams * (ORDER_LAYER_SPAN_DAYS + 1));
    expect(generated.days).toBeLessThanOrEqual(once.days + seams);
  });
});

describe('createWalkHeads', () => {
  it('moves a walk with each next day, up or down, and starts a walk for any other day', () => {
    const walks = createWalkHeads(2);
    for (const day of [100, 101, 102]) walks.visit(day); // one walk, now at 102
    walks.visit(300); // a second walk
    walks.visit(299); // it goes down
    // A walk at 102 may next serve 101 or 103, whose layers come from origins 85 to 103: no others.
    expect([84, 85, 102, 103].map((day) => walks.near(day, 16))).toEqual([false, true, true, true]);
    expect([104, 282, 300, 301].map((day) => walks.near(day, 16))).toEqual([false, true, true, false]);
    walks.visit(500); // a third walk: the one used least recently (at 102) is no longer followed
    expect(walks.near(102, 16)).toBe(false);
    expect(walks.near(299, 0)).toBe(true);
    expect(walks.near(500, 0)).toBe(true);
  });
});
